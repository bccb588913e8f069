/**
 * A pure function of a string, remembered: the decoder folds, parses and counts the same label
 * pieces again for every row it tries them against. The memory is dropped whole when full (it only
 * ever saves time, so a batch of any size keeps a bounded amount); so are strings longer than a
 * label or a line (a whole page's text is folded too, once). What it returns is shared: never
 * mutate it.
 */
export function remembered<T>(compute: (text: string) => T, limit = 50_000, longest = 256): (text: string) => T {
  let seen = new Map<string, T>();
  return (text) => {
    if (text.length > longest) return compute(text);
    if (seen.has(text)) return seen.get(text) as T;
    const value = compute(text);
    if (seen.size >= limit) seen = new Map();
    seen.set(text, value);
    return value;
  };
}
