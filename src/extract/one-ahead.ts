/**
 * Items made one ahead of their use: item i+1 is being made (a page decoded and its pixels
 * prepared on the main thread) while item i is used (that page read by the OCR workers), so both
 * work at once. Yields [index, item] in order; a failure to make an item is thrown when its turn
 * comes, and an item made ahead of a failure is dropped without an unhandled rejection.
 */
export async function* oneAhead<T>(count: number, make: (index: number) => Promise<T>): AsyncGenerator<[number, T]> {
  const settled = (index: number): Promise<{ value: T } | { error: unknown }> =>
    make(index).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
  let ahead = count > 0 ? settled(0) : null;
  for (let index = 0; index < count && ahead; index++) {
    const current = await ahead;
    if ('error' in current) throw current.error;
    ahead = index + 1 < count ? settled(index + 1) : null;
    yield [index, current.value];
  }
}
