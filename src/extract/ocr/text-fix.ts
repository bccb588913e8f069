/** Clean-up of OCR text: spaces the engine puts between Han characters, and digit look-alikes in numeric cells. */

const HAN_OR_CJK_PUNCT = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const SPACE_BETWEEN_HAN = new RegExp(`(?<=[${HAN_OR_CJK_PUNCT}])\\s+|\\s+(?=[${HAN_OR_CJK_PUNCT}])`, 'g');

/** Removes the spaces between Han characters (and around full-width punctuation); other spaces become one. */
export function removeHanSpaces(text: string): string {
  return text.replace(SPACE_BETWEEN_HAN, '').replace(/\s+/g, ' ').trim();
}

/** Characters a numeric cell's text may hold that stand for digits. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  '〇': '0',
  D: '0',
  Q: '0',
  '○': '0',
  l: '1',
  I: '1',
  '|': '1',
  i: '1',
  '丨': '1',
  '!': '1',
  ']': '1',
  '[': '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  G: '6',
  b: '6',
  T: '7',
  '了': '7',
  B: '8',
  g: '9',
  q: '9',
  '一': '-',
  '—': '-',
  '－': '-',
  '＋': '+',
  '。': '.',
  '，': '',
  ',': '',
  ' ': '',
};

/**
 * The number a numeric cell's text spells once look-alike characters are mapped to digits, or null
 * when the text is not a number even then. Only for cells already known to be numeric.
 */
export function digitsFromLookAlikes(text: string): string | null {
  const mapped = [...text.normalize('NFKC')].map((ch) => (/[0-9.+-]/.test(ch) ? ch : (LOOK_ALIKES[ch] ?? '\u0000'))).join('');
  return /^[+-]?\d+(?:\.\d+)?$/.test(mapped) ? mapped : null;
}

/** True for text that is a plain (possibly signed, decimal) number. */
export function isNumberText(text: string): boolean {
  return /^[+-]?\d+(?:\.\d+)?$/.test(text);
}

/** True when `part` is `full` with one or more of its 1s left out, and nothing else changed. */
export function withOnesLeftOut(full: string, part: string): boolean {
  let i = 0;
  for (const ch of part) {
    while (i < full.length && full[i] !== ch && full[i] === '1') i++;
    if (full[i] !== ch) return false;
    i++;
  }
  return part.length < full.length && [...full.slice(i)].every((ch) => ch === '1');
}
