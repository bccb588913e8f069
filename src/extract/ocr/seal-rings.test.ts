import { describe, expect, test } from '@jest/globals';
import type { Raster } from './raster.js';
import { withoutGreySeals } from './seal-rings.js';

const PAPER = 250;
const SEAL = 100;
const RULE = 85;
const PRINT = 30;

/** A grey page: paper, a ruled grid (2 px rules as grey as a seal), and dark print strokes in its cells. */
function page(): Raster {
  const width = 1200;
  const height = 1600;
  const data = new Uint8Array(width * height).fill(PAPER);
  for (let y = 400; y <= 1200; y += 80) for (let x = 100; x < 1100; x++) for (const dy of [0, 1]) data[(y + dy) * width + x] = RULE;
  for (let x = 100; x <= 1100; x += 200) for (let y = 400; y < 1200; y++) for (const dx of [0, 1]) data[y * width + x + dx] = RULE;
  // A "1" in every cell: a dark stroke 3 px wide, 30 high, with a grey edge either side.
  for (let y = 420; y < 1200; y += 80) {
    for (let x = 180; x < 1100; x += 200) {
      for (let yy = y; yy < y + 30; yy++) {
        data[yy * width + x - 1] = 150;
        for (let k = 0; k < 3; k++) data[yy * width + x + k] = PRINT;
        data[yy * width + x + 3] = 150;
      }
    }
  }
  return { width, height, data };
}

/** A seal stamped (multiplied) on a page: a ring 12 px thick, radius 150, and a filled disc of 30 at its centre (the star). */
function stamped(raster: Raster, cx: number, cy: number): Raster {
  const data = new Uint8Array(raster.data);
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      const d = Math.hypot(x - cx, y - cy);
      if (Math.abs(d - 150) <= 6 || d <= 30) data[y * raster.width + x] = Math.round(((data[y * raster.width + x] as number) * SEAL) / PAPER);
    }
  }
  return { ...raster, data };
}

/** A raster drawn `scale` times larger (each pixel a scale × scale block): the page scanned at a higher resolution. */
function enlarged(raster: Raster, scale: number): Raster {
  if (scale === 1) return raster;
  const width = raster.width * scale;
  const data = new Uint8Array(width * raster.height * scale);
  for (let y = 0; y < raster.height * scale; y++) for (let x = 0; x < width; x++) data[y * width + x] = raster.data[Math.floor(y / scale) * raster.width + Math.floor(x / scale)] as number;
  return { width, height: raster.height * scale, data };
}

// At 1200 × 1600 the page is looked at as it is; at twice that, halved (seal-rings.ts HALVED_FROM).
describe.each([1, 2])('withoutGreySeals, the page drawn %i× larger', (scale) => {
  const base = page();
  // A stroke of print where the ring will cross it (x 745–747, y 820–849).
  for (let y = 820; y < 850; y++) for (let x = 745; x < 748; x++) base.data[y * base.width + x] = PRINT;
  const plain = enlarged(base, scale);
  const sealed = enlarged(stamped(base, 600, 800), scale);
  const lifted = withoutGreySeals(sealed);
  const at = (r: Raster, x: number, y: number): number => r.data[y * scale * r.width + x * scale] as number;

  test('a page with no seal is the same raster', () => {
    expect(withoutGreySeals(plain)).toBe(plain);
  });

  test('the ring and the star are lifted to the paper where they lie on paper', () => {
    // On the ring (radius 150) right of the centre, clear of rules and print, and at the star.
    expect(at(sealed, 750, 830)).toBe(SEAL);
    expect(at(lifted, 750, 830)).toBe(PAPER);
    expect(at(sealed, 600, 815)).toBe(SEAL);
    expect(at(lifted, 600, 815)).toBe(PAPER);
  });

  test('rules crossing the seal stay, and so does print under it, with its edges', () => {
    // The rule at y 800 inside the disk, away from the ring and the star.
    expect(at(lifted, 520, 800)).toBe(RULE);
    expect(at(lifted, 700, 800)).toBe(RULE);
    expect(at(lifted, 500, 700)).toBe(RULE);
    // The "1" at x 580..582, y 740..769: inside the disk, untouched; its grey edge kept.
    for (const [x, y] of [[580, 750], [582, 760], [579, 750], [583, 750]] as const) expect(at(lifted, x, y)).toBe(at(plain, x, y));
    // Print under the ring is darker than both and stays.
    expect(at(sealed, 746, 830)).toBeLessThan(PRINT);
    expect(at(lifted, 746, 830)).toBe(at(sealed, 746, 830));
  });
});
