import { describe, expect, test } from '@jest/globals';
import { paperLight } from './paper-light.js';
import { adaptiveMasks, type Raster } from './raster.js';

/**
 * A page lit from the left: paper 250 there, falling to `dim` of that on the right, with a stroke
 * (4 × 24 px) every 100 px whose ink reflects 0.7 of what the paper does: 75 below the paper on the
 * left, 75 × dim on the right (drawn-119 p2: 四's last numbers at the dark corner).
 */
function litPage(dim: number): Raster {
  const width = 1000;
  const height = 400;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = 1 - (1 - dim) * (x / (width - 1));
      const stroke = x % 100 >= 50 && x % 100 < 54 && y >= 188 && y < 212;
      data[y * width + x] = Math.round(250 * light * (stroke ? 0.7 : 1));
    }
  }
  return { width, height, data };
}

describe('paperLight', () => {
  test('an evenly lit page has no light map', () => {
    expect(paperLight(litPage(1))).toBeNull();
  });

  test('a page lit unevenly: its strokes are text ink on its dim side too, at the contrast the light leaves them', () => {
    const page = litPage(0.7);
    const light = paperLight(page);
    expect(light).not.toBeNull();
    const text = adaptiveMasks(page, 15, 60).text;
    const inked = (x: number): boolean => text.data[200 * page.width + x] === 1;
    // The stroke at x 50 (bright side) and at x 951 (dim side: 0.73 of the light, 55 below its paper).
    expect(inked(51)).toBe(true);
    expect(inked(951)).toBe(true);
    // The paper beside the dim stroke stays paper.
    expect(inked(930)).toBe(false);
  });
});
