/**
 * Perspective: a photo of a printed page shows the sheet as a quadrilateral, its rules converging,
 * which no rotation straightens. The sheet's four corners are mapped back onto a rectangle by the
 * homography through them (inverse warp, bilinear). Also used by scripts/degrade-scan.mjs to
 * make such photos.
 */
import { solveLinear } from './linear-solve.js';

/** A quadrilateral's corners, clockwise from the top left: x0, y0, x1, y1, x2, y2, x3, y3. */
export type Quad = readonly [number, number, number, number, number, number, number, number];

/** The 3×3 homography (row-major, h22 = 1) taking each corner of `from` to the same corner of `to`. */
export function homography(from: Quad, to: Quad): number[] {
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y, u, v] = [from[2 * i] as number, from[2 * i + 1] as number, to[2 * i] as number, to[2 * i + 1] as number];
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  return [...solveLinear(a, b), 1];
}

/**
 * The image of `data` (row-major, `channels` per pixel) under the map whose inverse is `h`
 * (output pixel → source pixel), `width`×`height` out; pixels from outside the source are `fill`.
 */
export function warp(data: Uint8Array, size: { width: number; height: number; channels: number }, h: readonly number[], out: { width: number; height: number }, fill: number): Uint8Array {
  const { width, height, channels } = size;
  const result = new Uint8Array(out.width * out.height * channels).fill(fill);
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h as [number, number, number, number, number, number, number, number, number];
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      const w = h6 * x + h7 * y + h8;
      const sx = (h0 * x + h1 * y + h2) / w;
      const sy = (h3 * x + h4 * y + h5) / w;
      if (!(sx >= 0 && sy >= 0 && sx < width - 1 && sy < height - 1)) continue;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const i00 = (y0 * width + x0) * channels;
      const i10 = i00 + channels;
      const i01 = i00 + width * channels;
      const i11 = i01 + channels;
      const o = (y * out.width + x) * channels;
      for (let k = 0; k < channels; k++) {
        const top = (data[i00 + k] as number) * (1 - fx) + (data[i10 + k] as number) * fx;
        const bottom = (data[i01 + k] as number) * (1 - fx) + (data[i11 + k] as number) * fx;
        result[o + k] = Math.round(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return result;
}
