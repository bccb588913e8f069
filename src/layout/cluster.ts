/** Groups numbers that lie within a tolerance of each other (after pdfplumber's cluster_objects). */

/** Clusters sorted values: a value joins the current cluster when within `tolerance` of its last member. */
export function clusterValues(values: readonly number[], tolerance: number): number[][] {
  const sorted = [...values].sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const v of sorted) {
    const current = clusters.at(-1);
    if (current && v - (current.at(-1) ?? v) <= tolerance) current.push(v);
    else clusters.push([v]);
  }
  return clusters;
}

/** Maps each value to the mean of its cluster. */
export function snapValues(values: readonly number[], tolerance: number): Map<number, number> {
  const snapped = new Map<number, number>();
  for (const cluster of clusterValues(values, tolerance)) {
    const mean = cluster.reduce((a, b) => a + b, 0) / cluster.length;
    for (const v of cluster) snapped.set(v, mean);
  }
  return snapped;
}
