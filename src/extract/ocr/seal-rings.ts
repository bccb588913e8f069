/**
 * Seals (公章) on a grey page, lifted to the paper. In colour a red seal is told by its redness
 * (seal-grey.ts); a grey scan or photo of one keeps only its grey: a ring, a star and a line of
 * characters in one flat mid grey (about 100 where print is 0–60 and paper 250, drawn-048 p2). Over
 * cells the adaptive masks take its strokes for ink: its ring for rules and strokes of digits, its
 * characters for labels, and the numbers under it read wrong or not at all.
 *
 * A seal is found by its ring: a thick stroke of mid grey (its inside mid grey too, which no stroke
 * of print is: print's strokes are dark in the middle, grey only at their edges), closing a circle
 * six hundredths of the page's shorter side across or more. Within the ring's disk every pixel as light as the seal's grey or
 * lighter is lifted to the disk's paper, save the rules' (long straight runs, as grey as a seal on
 * some scans): print is darker than the seal's grey, and print under the seal darker still, so it
 * stays as printed.
 */
import { paperGrey } from './histogram.js';
import { solveLinear } from './linear-solve.js';
import type { Raster } from './raster.js';

/** Mid grey, as shares of the paper's grey: darker than print's edges at the top, lighter than its cores at the bottom. */
const MID_GREY = { from: 0.25, to: 0.8 };
/** A ring's diameter, as a share of the page's shorter side. */
const RING_SIZE = { min: 0.06, max: 0.35 };
/** A ring's box is about square, and its stroke covers little of it. */
const RING_ASPECT = 1.35;
const RING_FILL = 0.45;
/** Share of a ring's core pixels that lie on its circle (between these shares of its radius). */
const ON_CIRCLE = { share: 0.5, from: 0.85, to: 1.12 };
/** How much darker than the ring's own grey (its 5th percentile) a pixel is print, and kept. */
const PRINT_BELOW_SEAL = 20;
/**
 * How far in (share of the page's shorter side) a stroke's mid grey is eaten to leave its core: a
 * seal's ring (1–1.5 mm) keeps one, a rule or a character's stroke (under 0.5 mm) does not.
 */
const CORE_DEPTH = 0.0015;

/**
 * A mask eroded (every pixel of the box of half-side `r` around set; the page's border counts as
 * unset) or dilated (any set): box sums taken row-wise, then column-wise, on running sums.
 */
function morphed(mask: Uint8Array, width: number, height: number, r: number, erode: boolean): Uint8Array {
  const rows = new Uint16Array(width * height);
  for (let y = 0; y < height; y++) {
    let sum = 0;
    const row = y * width;
    for (let x = 0; x < Math.min(r, width); x++) sum += mask[row + x] as number;
    for (let x = 0; x < width; x++) {
      if (x + r < width) sum += mask[row + x + r] as number;
      if (x - r - 1 >= 0) sum -= mask[row + x - r - 1] as number;
      rows[row + x] = sum;
    }
  }
  // Down the columns, a row at a time (the running sum of every column kept in `sums`).
  const out = new Uint8Array(width * height);
  const full = (2 * r + 1) * (2 * r + 1);
  const sums = new Uint32Array(width);
  for (let y = 0; y < Math.min(r, height); y++) for (let x = 0; x < width; x++) sums[x]! += rows[y * width + x] as number;
  for (let y = 0; y < height; y++) {
    const add = y + r < height ? (y + r) * width : -1;
    const drop = y - r - 1 >= 0 ? (y - r - 1) * width : -1;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let sum = sums[x] as number;
      if (add >= 0) sum += rows[add + x] as number;
      if (drop >= 0) sum -= rows[drop + x] as number;
      sums[x] = sum;
      if (erode ? sum === full : sum > 0) out[row + x] = 1;
    }
  }
  return out;
}

/** A straight run of ink this long (share of the ring's radius) inside a seal is a rule: longer than any stroke of the seal's characters. */
const RULE_RUN = 0.5;
/** How far past a stroke's core (pixels) its edge reaches: blur and the JPEG's ringing. */
const STROKE_EDGE = 2;

/** The circle through a set of pixels by least squares (Kåsa: x² + y² + Dx + Ey + F = 0), or null when they fit none. */
function fittedCircle(pixels: readonly number[], width: number): { cx: number; cy: number; radius: number } | null {
  // Centred on their mean, so the sums stay small.
  let mx = 0;
  let my = 0;
  for (const i of pixels) {
    mx += i % width;
    my += Math.floor(i / width);
  }
  mx /= pixels.length;
  my /= pixels.length;
  let sxx = 0, sxy = 0, syy = 0, sx = 0, sy = 0, sxz = 0, syz = 0, sz = 0;
  for (const i of pixels) {
    const x = (i % width) - mx;
    const y = Math.floor(i / width) - my;
    const z = x * x + y * y;
    sxx += x * x;
    sxy += x * y;
    syy += y * y;
    sx += x;
    sy += y;
    sxz += x * z;
    syz += y * z;
    sz += z;
  }
  const n = pixels.length;
  // Normal equations of [x y 1]·[D E F] = −z.
  const [d, e, f] = solveLinear(
    [
      [sxx, sxy, sx],
      [sxy, syy, sy],
      [sx, sy, n],
    ],
    [-sxz, -syz, -sz],
  ) as [number, number, number];
  const squared = (d * d + e * e) / 4 - f;
  if (!Number.isFinite(d) || !Number.isFinite(e) || !(squared > 0) || !Number.isFinite(squared)) return null;
  return { cx: mx - d / 2, cy: my - e / 2, radius: Math.sqrt(squared) };
}

/** A seal's ring: its centre, radius, and the grey of its stroke (5th percentile). */
interface SealRing {
  cx: number;
  cy: number;
  radius: number;
  grey: number;
}

/** The connected pieces of a mask (8-connected), as pixel index lists. */
function pieces(mask: Uint8Array, width: number, height: number): number[][] {
  const seen = new Uint8Array(mask.length);
  const found: number[][] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] === 0 || seen[start] === 1) continue;
    const piece: number[] = [];
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop() as number;
      piece.push(i);
      const x = i % width;
      const y = (i - x) / width;
      for (let yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
        for (let xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++) {
          const j = yy * width + xx;
          if (mask[j] === 1 && seen[j] === 0) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    found.push(piece);
  }
  return found;
}

/**
 * The rings among a page's stroke cores. Cores are grouped across the gaps rules leave in them (a
 * rule over the seal is darker than mid grey there), and a group is a ring when its box is about
 * square, a seal's size, mostly empty, and its cores lie mostly on the circle the box holds.
 */
function sealRings(raster: Raster, cores: Uint8Array, depth: number): SealRing[] {
  const { width, height, data } = raster;
  const side = Math.min(width, height);
  const grouped = morphed(cores, width, height, depth + 2, false);
  const rings: SealRing[] = [];
  for (const group of pieces(grouped, width, height)) {
    if (group.length < side * RING_SIZE.min * depth) continue;
    const core = group.filter((i) => cores[i] === 1);
    let x0 = width;
    let x1 = 0;
    let y0 = height;
    let y1 = 0;
    for (const i of core) {
      const x = i % width;
      const y = (i - x) / width;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    // The cores stand `depth` inside the ring's outer edge.
    const w = x1 - x0 + 1 + 2 * depth;
    const h = y1 - y0 + 1 + 2 * depth;
    if (Math.min(w, h) < side * RING_SIZE.min || Math.max(w, h) > side * RING_SIZE.max) continue;
    if (Math.max(w, h) > Math.min(w, h) * RING_ASPECT || core.length > w * h * RING_FILL) continue;
    // The circle through the cores (a part of the ring lost under print or a rule leaves the box short of it).
    const circle = fittedCircle(core, width);
    if (!circle || circle.radius < side * RING_SIZE.min * 0.4 || circle.radius > side * RING_SIZE.max * 0.5) continue;
    const { cx, cy, radius } = circle;
    let onCircle = 0;
    const greys = new Uint32Array(256);
    for (const i of core) {
      const x = i % width;
      const d = Math.hypot(x - cx, (i - x) / width - cy);
      if (d >= radius * ON_CIRCLE.from && d <= radius * ON_CIRCLE.to) onCircle++;
      greys[data[i] as number]!++;
    }
    if (onCircle < core.length * ON_CIRCLE.share) continue;
    let seen = 0;
    let grey = 0;
    while (grey < 255 && (seen += greys[grey] as number) < core.length * 0.05) grey++;
    rings.push({ cx, cy, radius, grey });
  }
  return rings;
}

/**
 * The pixels of a box around a seal that lie on a rule: ink (darker than `ink`) on a straight run at
 * least `length` long along a row or a column, from an edge of the box (a rule runs on past the seal). A rule a degree or two off level drifts across rows, so a
 * row's run is taken with the ink `spread` pixels above and below it counted in (a column's likewise).
 */
function onRules(raster: Raster, box: { x0: number; y0: number; x1: number; y1: number }, ink: number, length: number, spread: number): Uint8Array {
  const { width, data } = raster;
  const w = box.x1 - box.x0 + 1;
  const h = box.y1 - box.y0 + 1;
  const dark = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if ((data[(box.y0 + y) * width + box.x0 + x] as number) < ink) dark[y * w + x] = 1;
  const rule = new Uint8Array(w * h);
  // Along rows (horizontal rules), then along columns (vertical ones).
  for (const along of ['row', 'column'] as const) {
    const lines = along === 'row' ? h : w;
    const steps = along === 'row' ? w : h;
    const at = (line: number, step: number): number => (along === 'row' ? line * w + step : step * w + line);
    for (let line = 0; line < lines; line++) {
      const spreadDark = (step: number): boolean => {
        for (let k = Math.max(0, line - spread); k <= Math.min(lines - 1, line + spread); k++) if (dark[at(k, step)] === 1) return true;
        return false;
      };
      for (let step = 0; step < steps; ) {
        if (!spreadDark(step)) {
          step++;
          continue;
        }
        let end = step;
        while (end < steps && spreadDark(end)) end++;
        // A rule runs on past the seal (to the box's edge); a stretch of the ring is as long, but inside it.
        if (end - step >= length && (step === 0 || end === steps)) for (let k = step; k < end; k++) if (dark[at(line, k)] === 1) rule[at(line, k)] = 1;
        step = end;
      }
    }
  }
  return rule;
}

/** True when a pixel within `reach` of (x, y) is darker than `print`. */
function besidePrint(data: Uint8Array, width: number, height: number, x: number, y: number, print: number, reach: number): boolean {
  for (let yy = Math.max(0, y - reach); yy <= Math.min(height - 1, y + reach); yy++) {
    for (let xx = Math.max(0, x - reach); xx <= Math.min(width - 1, x + reach); xx++) if ((data[yy * width + xx] as number) < print) return true;
  }
  return false;
}

/**
 * A page whose shorter side is this long (pixels, about 290 dpi) is looked at halved for its rings:
 * halved, its strokes' cores still stand apart from print's (at 200 dpi halved, print's strokes
 * averaged into mid grey held cores of their own, and joined the ring into groups of words).
 */
const HALVED_FROM = 2400;

/** A raster at half its size, each pixel the mean of a 2×2 block. */
function halved(raster: Raster): Raster {
  const width = Math.floor(raster.width / 2);
  const height = Math.floor(raster.height / 2);
  const data = new Uint8Array(width * height);
  const w = raster.width;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 2 * y * w + 2 * x;
      data[y * width + x] = ((raster.data[i] as number) + (raster.data[i + 1] as number) + (raster.data[i + w] as number) + (raster.data[i + w + 1] as number) + 2) >> 2;
    }
  }
  return { width, height, data };
}

/**
 * The page with its grey seals lifted to the paper; the same raster when it shows none (the usual
 * case costs a few passes over the page).
 */
export function withoutGreySeals(raster: Raster): Raster {
  const { width, height, data } = raster;
  if (Math.min(width, height) < 200) return raster;
  const paper = paperGrey(data, 7);
  // Looked for on the page at half its size where it is large: a ring is thick enough there, the work a quarter.
  const scale = Math.min(width, height) >= HALVED_FROM ? 2 : 1;
  const seen = scale === 2 ? halved(raster) : raster;
  const side = Math.min(seen.width, seen.height);
  const mid = new Uint8Array(seen.width * seen.height);
  let midCount = 0;
  for (let i = 0; i < mid.length; i++) {
    const v = seen.data[i] as number;
    if (v >= paper * MID_GREY.from && v <= paper * MID_GREY.to) {
      mid[i] = 1;
      midCount++;
    }
  }
  const depth = Math.max(2, Math.round(side * CORE_DEPTH));
  // Too little mid grey for a ring's stroke: no seal (most pages).
  if (midCount < side * RING_SIZE.min * Math.PI * depth * 2) return raster;
  const cores = morphed(mid, seen.width, seen.height, depth, true);
  if (!cores.includes(1)) return raster;
  const rings = sealRings(seen, cores, depth).map((r) => ({ cx: (r.cx + 0.5) * scale - 0.5, cy: (r.cy + 0.5) * scale - 0.5, radius: r.radius * scale, grey: r.grey, depth: depth * scale }));
  if (rings.length === 0) return raster;
  const out = new Uint8Array(data);
  for (const ring of rings) {
    // The ring's outer edge: its cores run along the middle of its stroke.
    const reach = ring.radius * ON_CIRCLE.to + ring.depth + STROKE_EDGE;
    const box = { x0: Math.max(0, Math.floor(ring.cx - reach)), y0: Math.max(0, Math.floor(ring.cy - reach)), x1: Math.min(width - 1, Math.ceil(ring.cx + reach)), y1: Math.min(height - 1, Math.ceil(ring.cy + reach)) };
    // The disk's own paper (a photo's light falls off across the page).
    const inDisk: number[] = [];
    for (let y = box.y0; y <= box.y1; y += 2) for (let x = box.x0; x <= box.x1; x += 2) if (Math.hypot(x - ring.cx, y - ring.cy) <= reach) inDisk.push(data[y * width + x] as number);
    const diskPaper = paperGrey(inDisk, 1);
    const printBelow = ring.grey - PRINT_BELOW_SEAL;
    const rules = onRules(raster, box, diskPaper * MID_GREY.to, ring.radius * RULE_RUN, ring.depth);
    const printEdge = Math.max(1, Math.round(ring.depth / 2));
    for (let y = box.y0; y <= box.y1; y++) {
      for (let x = box.x0; x <= box.x1; x++) {
        if (Math.hypot(x - ring.cx, y - ring.cy) > reach) continue;
        const i = y * width + x;
        const v = data[i] as number;
        // As grey as the seal or lighter, on no rule and not beside print: the seal's ink. (A rule can
        // be as grey as a seal; print is darker, and print under the seal darker still; a pixel beside
        // print is its edge, the blur of its dark, wider at a higher resolution: lifted, a digit would
        // thin to its darkest middle, or break.)
        if (v >= printBelow && v < diskPaper && rules[(y - box.y0) * (box.x1 - box.x0 + 1) + (x - box.x0)] === 0 && !besidePrint(data, width, height, x, y, printBelow, printEdge)) out[i] = diskPaper;
      }
    }
  }
  return { width, height, data: out };
}
