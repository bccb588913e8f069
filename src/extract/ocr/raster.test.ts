import { describe, expect, test } from '@jest/globals';
import { adaptiveMasks, faintMaskBesideRules, type InkMask, type Raster } from './raster.js';

describe('faintMaskBesideRules', () => {
  test("a faint stroke in a cell as high as the mean's box is faint ink once the rules around it are left out of the mean", () => {
    // drawn-111 (121 dpi): the 2 of a faint 21 (grey 180 on paper 215) sat between a cell's rules; their dark pixels
    // pulled the local mean down and the 2 fell out of the faint mask (the 1, darker, stayed: 21 read 1).
    const width = 60;
    const height = 34;
    const data = new Uint8Array(width * height).fill(215);
    const rules = new Uint8Array(width * height);
    const paint = (x0: number, x1: number, y0: number, y1: number, grey: number, rule: boolean): void => {
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          data[y * width + x] = grey;
          if (rule) rules[y * width + x] = 1;
        }
      }
    };
    paint(0, width, 2, 5, 40, true);
    paint(0, width, 29, 32, 40, true);
    paint(2, 5, 0, height, 40, true);
    paint(12, 15, 10, 22, 180, false);
    const raster: Raster = { width, height, data };
    const strokeInk = (mask: InkMask): number => {
      let n = 0;
      for (let y = 10; y < 22; y++) for (let x = 12; x < 15; x++) n += mask.data[y * width + x] as number;
      return n;
    };
    expect(strokeInk(adaptiveMasks(raster).faint)).toBe(0);
    expect(strokeInk(faintMaskBesideRules(raster, { width, height, data: rules }))).toBe(36);
    // Paper stays paper.
    expect(faintMaskBesideRules(raster, { width, height, data: rules }).data[16 * width + 40]).toBe(0);
  });
});
