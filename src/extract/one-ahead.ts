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

type Settled<T> = { value: T } | { error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

function unwrap<T>(settled: Settled<T>): T {
  if ('error' in settled) throw settled.error;
  return settled.value;
}

/**
 * Items made one ahead (as `oneAhead`) and used `inUse` at a time: item i is used while the use of
 * item i-1 goes on (a page's numbers read by the OCR workers while the page before has its labels
 * read, so no worker waits at the page break). Yields [index, result] in order; a failure, to make
 * or to use, is thrown at its turn, after every result before it.
 */
export async function* usedOverlapping<T, R>(count: number, make: (index: number) => Promise<T>, use: (item: T, index: number) => Promise<R>, inUse = 2): AsyncGenerator<[number, R]> {
  const items = oneAhead(count, make);
  const using: Promise<Settled<R>>[] = [];
  let next = 0;
  for (;;) {
    // A failure to make item k is thrown after the results of the items before it.
    const made = await settle(items.next());
    if ('error' in made || made.value.done) {
      for (const pending of using.splice(0)) yield [next++, unwrap(await pending)];
      if ('error' in made) throw made.error;
      return;
    }
    const [index, item] = made.value.value;
    using.push(settle(use(item, index)));
    if (using.length >= inUse) yield [next++, unwrap(await (using.shift() as Promise<Settled<R>>))];
  }
}
