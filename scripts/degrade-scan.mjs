// Degrades clean page images into the scans and phone photos small offices publish. Every
// condition is drawn per page from a range (not from fixed levels), from a seeded generator, and
// the drawn conditions are returned so accuracy can be reported per condition:
//   resolution 120–300 dpi, greyscale or colour, JPEG quality 55–85; gaussian noise, blur, uneven
//   lighting; skew up to ±3°, some pages turned 90°/180°/270°; dark scanner edges and soft shadows
//   along any border, punch holes, a fold line; red seals (公章) over table cells and over the
//   signature; slight perspective for photos of a printed page.
// sharp does the resampling, rotation, blur and SVG overlays; the seeded noise and lighting are
// per-pixel loops here (sharp has no seeded noise), the perspective warp is nianbao's own
// (src/extract/ocr/perspective.ts, which undoes it: run `npm run build` first).
//
// As a module: drawConditions(rand, options) → conditions; degradePage(png, conditions) → JPEG.
// As a command: node scripts/degrade-scan.mjs in.pdf out.pdf --seed N [--photo]
//   renders each page with poppler's pdftoppm at its drawn dpi, writes out.pdf (image-only) and
//   out.json (the list of per-page conditions). Needs poppler-utils.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { homography, warp } from '../dist/extract/ocr/perspective.js';
import { imagesToPdf } from './image-to-pdf.mjs';

/** mulberry32: a small seeded generator, so every drawn scan is reproducible. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (rand, lo, hi) => lo + rand() * (hi - lo);
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const BORDERS = ['left', 'right', 'top', 'bottom'];

/**
 * The conditions of one page, drawn from their ranges. `options.photo` draws a phone photo
 * (perspective, stronger lighting, no scanner edges); `options.signaturePage` puts a seal over the
 * signature (bottom right); `options.dpi` fixes the resolution (one scanner setting for a file).
 */
export function drawConditions(rand, options = {}) {
  const photo = options.photo === true;
  const turnDraw = rand();
  const edges = [];
  if (!photo) {
    for (const side of BORDERS) {
      if (rand() < 0.16) edges.push({ side, width: round(between(rand, 0.01, 0.06), 3), darkness: round(between(rand, 0.55, 0.95)), kind: rand() < 0.5 ? 'edge' : 'shadow' });
    }
  }
  const seals = [];
  if (rand() < 0.35) seals.push({ at: 'cell', x: round(between(rand, 0.15, 0.8)), y: round(between(rand, 0.2, 0.85)), size: round(between(rand, 0.13, 0.2), 3), opacity: round(between(rand, 0.6, 0.9)), angle: round(between(rand, -30, 30), 1) });
  if (options.signaturePage && rand() < 0.8) seals.push({ at: 'signature', x: round(between(rand, 0.6, 0.75)), y: round(between(rand, 0.75, 0.88)), size: round(between(rand, 0.15, 0.2), 3), opacity: round(between(rand, 0.6, 0.9)), angle: round(between(rand, -20, 20), 1) });
  const dpi = options.dpi ?? Math.round(between(rand, 120, 300));
  return {
    dpi,
    colour: rand() < 0.45,
    quality: Math.round(between(rand, 55, 85)),
    noise: round(rand() < 0.25 ? 0 : between(rand, 2, 12), 1),
    blur: round(rand() < 0.35 ? 0 : between(rand, 0.3, 1.1)),
    lighting: round(between(rand, photo ? 0.15 : 0, photo ? 0.4 : 0.25)),
    lightingAngle: Math.round(between(rand, 0, 360)),
    skew: round(between(rand, -3, 3)),
    turn: turnDraw < 0.88 ? 0 : turnDraw < 0.92 ? 90 : turnDraw < 0.96 ? 180 : 270,
    edges,
    punchHoles: !photo && rand() < 0.25 ? (rand() < 0.7 ? 'left' : 'top') : null,
    fold: !photo && rand() < 0.25 ? round(between(rand, 0.3, 0.7)) : null,
    seals,
    perspective: photo ? Array.from({ length: 8 }, () => round(between(rand, -0.035, 0.035), 4)) : null,
    noiseSeed: Math.floor(rand() * 2 ** 31),
  };
}

/** A 公章: red ring, a star, the issuing office's name round the top, 专用章 below. */
function sealSvg(size, seal) {
  const r = size / 2;
  const name = '某某区人民政府办公室';
  const chars = [...name];
  const text = chars
    .map((c, i) => {
      // Along the top arc, from lower left (-200°) to lower right (20°), upright towards the centre.
      const a = (-200 + (220 * i) / (chars.length - 1)) * (Math.PI / 180);
      const x = r + Math.cos(a) * r * 0.7;
      const y = r + Math.sin(a) * r * 0.7;
      const deg = (a * 180) / Math.PI + 90;
      return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${(r * 0.22).toFixed(1)}" font-family="WenQuanYi Zen Hei" fill="#d0161b" text-anchor="middle" dominant-baseline="middle" transform="rotate(${deg.toFixed(1)} ${x.toFixed(1)} ${y.toFixed(1)})">${c}</text>`;
    })
    .join('');
  const star = Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r * 0.26 : r * 0.1;
    return `${(r + Math.cos(a) * rr).toFixed(1)},${(r + Math.sin(a) * rr).toFixed(1)}`;
  }).join(' ');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><g opacity="${seal.opacity}" transform="rotate(${seal.angle} ${r} ${r})">` +
      `<circle cx="${r}" cy="${r}" r="${r * 0.94}" fill="none" stroke="#d0161b" stroke-width="${(r * 0.07).toFixed(1)}"/>` +
      `<polygon points="${star}" fill="#d0161b"/>${text}` +
      `<text x="${r}" y="${(r * 1.5).toFixed(1)}" font-size="${(r * 0.2).toFixed(1)}" font-family="WenQuanYi Zen Hei" fill="#d0161b" text-anchor="middle">公开专用章</text></g></svg>`,
  );
}

/** Paper marks: seals, punch holes and a fold line, composited onto the clean page (multiply). */
function paperMarks(width, height, c) {
  const layers = [];
  for (const seal of c.seals) {
    const size = Math.round(seal.size * Math.min(width, height) * 1.3);
    layers.push({ input: sealSvg(size, seal), left: Math.max(0, Math.min(width - size, Math.round(seal.x * width - size / 2))), top: Math.max(0, Math.min(height - size, Math.round(seal.y * height - size / 2))), blend: 'multiply' });
  }
  const extra = [];
  if (c.punchHoles) {
    const r = Math.round(Math.min(width, height) * 0.018);
    const along = c.punchHoles === 'left' ? height : width;
    for (const f of [0.35, 0.65]) {
      const [cx, cy] = c.punchHoles === 'left' ? [Math.round(width * 0.035), Math.round(along * f)] : [Math.round(along * f), Math.round(height * 0.035)];
      extra.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="#3a3a3a"/><circle cx="${cx}" cy="${cy}" r="${r + 2}" fill="none" stroke="#777" stroke-width="2"/>`);
    }
  }
  if (c.fold !== null) {
    const y = Math.round(c.fold * height);
    extra.push(`<defs><linearGradient id="f" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#fff" stop-opacity="0"/><stop offset="0.5" stop-color="#888" stop-opacity="0.55"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></linearGradient></defs>`);
    extra.push(`<rect x="0" y="${y - 9}" width="${width}" height="18" fill="url(#f)"/><line x1="0" y1="${y}" x2="${width}" y2="${y + Math.round(height * 0.004)}" stroke="#9a9a9a" stroke-width="1.5"/>`);
  }
  if (extra.length > 0) layers.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${extra.join('')}</svg>`), left: 0, top: 0, blend: 'multiply' });
  return layers;
}

/** Scanner marks: dark edges (hard, nearly black) and shadows (soft) along borders of the scanned image. */
function scannerMarks(width, height, c) {
  if (c.edges.length === 0) return [];
  const parts = c.edges.map((e, i) => {
    const depth = Math.round(e.width * (e.side === 'left' || e.side === 'right' ? width : height));
    const grey = Math.round(255 * (1 - e.darkness));
    const [x, y, w, h] = e.side === 'left' ? [0, 0, depth, height] : e.side === 'right' ? [width - depth, 0, depth, height] : e.side === 'top' ? [0, 0, width, depth] : [0, height - depth, width, depth];
    const [x1, y1, x2, y2] = e.side === 'left' ? [0, 0, 1, 0] : e.side === 'right' ? [1, 0, 0, 0] : e.side === 'top' ? [0, 0, 0, 1] : [0, 1, 0, 0];
    const inner = e.kind === 'edge' ? 0.8 : 0;
    return `<defs><linearGradient id="e${i}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"><stop offset="0" stop-color="rgb(${grey},${grey},${grey})"/><stop offset="${inner}" stop-color="rgb(${grey},${grey},${grey})"/><stop offset="1" stop-color="#fff"/></linearGradient></defs><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#e${i})"/>`;
  });
  return [{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`), left: 0, top: 0, blend: 'multiply' }];
}

/** A photo of a printed page: each corner moved by its drawn share of the page (the desk shows around it). */
function warpPerspective(data, width, height, channels, shifts) {
  const corners = [0, 0, width, 0, width, height, 0, height];
  const moved = corners.map((v, i) => v + shifts[i] * (i % 2 === 0 ? width : height));
  return Buffer.from(warp(data, { width, height, channels }, homography(moved, corners), { width, height }, 90));
}

/** A standard normal draw (Box–Muller). */
export function gaussian(rand) {
  return Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand());
}

/** Uneven lighting (a linear falloff along the drawn direction) and seeded gaussian noise, in place. */
function lightAndNoise(data, width, height, channels, c) {
  const rand = seededRandom(c.noiseSeed);
  const dx = Math.cos((c.lightingAngle * Math.PI) / 180);
  const dy = Math.sin((c.lightingAngle * Math.PI) / 180);
  const span = Math.abs(dx) * width + Math.abs(dy) * height;
  const x0 = dx < 0 ? width : 0;
  const y0 = dy < 0 ? height : 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = ((x - x0) * dx + (y - y0) * dy) / span; // 0 at the bright side, 1 at the dark
      const gain = 1 - c.lighting * t;
      const n = c.noise > 0 ? gaussian(rand) * c.noise : 0;
      for (let k = 0; k < channels; k++) {
        const i = (y * width + x) * channels + k;
        data[i] = Math.max(0, Math.min(255, Math.round(data[i] * gain + n)));
      }
    }
  }
}

/** One clean page image (PNG, rendered at conditions.dpi) → the degraded JPEG. */
export async function degradePage(png, c) {
  const meta = await sharp(png).metadata();
  const { width, height } = meta;
  // On paper: seals, holes, fold. A colour scan of white paper is slightly warm.
  let page = await sharp(png).removeAlpha().toColourspace('srgb').composite(paperMarks(width, height, c)).raw().toBuffer({ resolveWithObject: true });
  let { data, info } = page;
  if (c.perspective) data = warpPerspective(data, info.width, info.height, info.channels, c.perspective);
  // Through the scanner (or the camera): skew, a turned sheet, then edges, light, blur, noise.
  let image = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  if (c.skew !== 0) image = image.rotate(c.skew, { background: c.perspective ? '#5a5a5a' : '#ffffff' });
  if (c.turn !== 0) image = image.rotate(c.turn);
  page = await image.raw().toBuffer({ resolveWithObject: true });
  page = await sharp(page.data, { raw: page.info }).composite(scannerMarks(page.info.width, page.info.height, c)).raw().toBuffer({ resolveWithObject: true });
  ({ data, info } = page);
  lightAndNoise(data, info.width, info.height, info.channels, c);
  let out = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  if (c.blur > 0) out = out.blur(0.3 + c.blur);
  if (c.colour) out = out.linear([0.98, 0.96, 0.9], [4, 4, 6]);
  else out = out.grayscale();
  return out.jpeg({ quality: c.quality }).toBuffer();
}

/** Every page of a PDF, degraded: one file's conditions (dpi drawn once, the rest per page) and its pages. */
export async function degradePdf(pdf, seed, options = {}) {
  const rand = seededRandom(seed);
  const work = mkdtempSync(join(tmpdir(), 'degrade-'));
  try {
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0);
    const dpi = Math.round(between(rand, 120, 300));
    const pages = [];
    const conditions = [];
    for (let p = 1; p <= count; p++) {
      const c = drawConditions(rand, { photo: options.photo, dpi, signaturePage: p === count });
      execFileSync('pdftoppm', ['-r', String(c.dpi), '-f', String(p), '-l', String(p), '-png', '-singlefile', ...(c.colour ? [] : ['-gray']), pdf, join(work, `p${p}`)]);
      const jpeg = await degradePage(readFileSync(join(work, `p${p}.png`)), c);
      pages.push({ jpeg, dpi: c.dpi });
      conditions.push({ page: p, ...c });
    }
    return { pdf: imagesToPdf(pages), conditions };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : 1;
  const photoAt = args.indexOf('--photo');
  const photo = photoAt >= 0 && args.splice(photoAt, 1).length > 0;
  const [input, output] = args;
  if (!input || !output) throw new Error('usage: node scripts/degrade-scan.mjs in.pdf out.pdf --seed N [--photo]');
  const { pdf, conditions } = await degradePdf(input, seed, { photo });
  writeFileSync(output, pdf);
  writeFileSync(output.replace(/\.pdf$/, '') + '.json', JSON.stringify(conditions, null, 1) + '\n');
  console.log(`${output}: ${conditions.length} pages`);
}
