import { describe, expect, test } from '@jest/globals';
import { sealFreeGreyPlane } from './seal-grey.js';

/** A colour plane of `width`×`height` paper pixels, with painters for print and seal ink. */
function page(width: number, height: number) {
  const data = new Uint8Array(width * height * 3);
  const paint = (x0: number, x1: number, y0: number, y1: number, rgb: readonly [number, number, number]): void => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data.set(rgb, (y * width + x) * 3);
  };
  paint(0, width, 0, height, [234, 230, 219]);
  return { data, paint };
}

describe('sealFreeGreyPlane', () => {
  // The pixel values are those of drawn-020 p1 (a colour photo, JPEG quality 62): paper (234, 230, 219),
  // a seal stroke (164, 73, 74), its JPEG edge (177, 139, 136), print (40, 40, 40).
  test('a red seal stroke is lifted to the paper; print under it and beside it stays as dark as printed', () => {
    const { data, paint } = page(100, 100);
    paint(20, 80, 20, 30, [164, 73, 74]); // a seal's stroke
    paint(20, 80, 30, 31, [177, 139, 136]); // its edge, half its redness (JPEG's colour at half resolution)
    paint(40, 44, 18, 32, [40, 40, 40]); // a printed digit's stroke across the seal
    paint(60, 64, 50, 60, [40, 40, 40]); // print on paper
    const grey = sealFreeGreyPlane(data, 100, 100, 3);
    const at = (x: number, y: number): number => grey[y * 100 + x] as number;
    expect(at(30, 25)).toBe(234);
    expect(at(30, 30)).toBe(234);
    expect(at(42, 25)).toBe(40);
    expect(at(62, 55)).toBe(40);
    expect(at(90, 90)).toBe(234);
  });

  test('a page with no seal is its red channel, pixel for pixel (a warm cast and noise are no seal)', () => {
    const { data, paint } = page(100, 100);
    paint(10, 20, 10, 20, [40, 40, 40]);
    paint(50, 52, 50, 52, [250, 200, 200]); // four reddish specks: too few for a seal
    const grey = sealFreeGreyPlane(data, 100, 100, 3);
    for (let i = 0; i < 100 * 100; i++) expect(grey[i]).toBe(data[i * 3]);
  });
});
