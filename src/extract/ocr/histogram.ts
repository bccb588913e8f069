/** Quantiles of 8-bit values (greys, depths) by their histogram: the planes are large, sorting them is not needed. */

/** The least value at or below which share `q` of the histogram's `total` counts lie (255 when none is). */
export function histogramQuantile(histogram: Uint32Array, total: number, q: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v] as number;
    if (seen >= total * q) return v;
  }
  return 255;
}

/** The paper's grey: the 90th percentile of the values, sampled every `step`. */
export function paperGrey(data: ArrayLike<number>, step: number): number {
  const histogram = new Uint32Array(256);
  let samples = 0;
  for (let i = 0; i < data.length; i += step, samples++) histogram[data[i] as number]!++;
  return histogramQuantile(histogram, samples, 0.9);
}
