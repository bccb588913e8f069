/** What one misread digit makes of a number, for the checks of numbers read by OCR. */

/** True when two numbers' digits differ by one digit changed, added or dropped (what one misread digit makes). */
export function oneDigitApart(a: number, b: number): boolean {
  const [x, y] = [String(a), String(b)];
  if (x === y) return false;
  if (x.length === y.length) return [...x].filter((ch, i) => ch !== y[i]).length === 1;
  const [longer, shorter] = x.length > y.length ? [x, y] : [y, x];
  return longer.length === shorter.length + 1 && [...longer].some((_, i) => longer.slice(0, i) + longer.slice(i + 1) === shorter);
}
