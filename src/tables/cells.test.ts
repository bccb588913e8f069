import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { parseCellValue, parseChangePair } from './cells.js';

const valueOf = (raw: string) => {
  const p = parseCellValue(raw);
  return p.kind === 'number' ? p.value : p.kind;
};

describe('parseCellValue', () => {
  test.each([
    ['0', 0],
    ['12', 12],
    ['3,985,758', 3985758],
    ['96171.6', 96171.6],
    ['1234.567891', 1234.567891],
    ['-3', -3],
    ['+3', 3],
    ['减3', -3],
    ['增2', 2],
    ['１２', 12],
    [' 7 ', 7],
    ['12（其中修订5件）', 12],
    ['30(含自然失效7件)', 30],
    ['38000元', 38000],
    ['7545万元', 7545],
    // Footnote marks after a number (the reviewer's footmark family: "3001*" was unreadable), never its digits.
    ['3001*', 3001],
    ['53＊', 53],
    ['12※', 12],
    ['3119¹', 3119],
    ['3001①', 3001],
    ['5*3', 'invalid'],
  ])('%j → %j', (raw, expected) => {
    expect(valueOf(raw)).toBe(expected);
  });

  test.each(['', ' ', '\u3000', '\u3000\u3000', '\u00a0', '—', '——', '-', '－', '/', '／', '无', '空'])('placeholder %j is blank, never 0', (raw) => {
    expect(parseCellValue(raw)).toEqual({ kind: 'blank' });
  });

  test.each(['1.属于国家秘密', '2、重复申请', 'abc', '12a', '三', '1.2.3', '12件数'])('label-like %j is not a value', (raw) => {
    expect(parseCellValue(raw).kind).toBe('invalid');
  });

  test('annotated and decimal cells are marked as such', () => {
    expect(parseCellValue('12（其中修订5件）')).toMatchObject({ annotated: true, decimal: false });
    expect(parseCellValue('96171.6')).toMatchObject({ annotated: false, decimal: true });
    expect(parseCellValue('+3')).toMatchObject({ signed: true, value: 3 });
  });

  test('property: every integer printed plainly, with full-width digits or with separators reads back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_999_999, max: 9_999_999 }), (n) => {
        expect(valueOf(String(n))).toBe(n);
        const fullWidth = String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace('-', '－');
        expect(valueOf(fullWidth)).toBe(n);
        expect(valueOf(n.toLocaleString('en-US'))).toBe(n);
        expect(valueOf(`  ${n}\u3000`)).toBe(n);
      }),
    );
  });

  test('property: decimals read back without rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 1, max: 6 }), (units, places) => {
        const text = (units / 10 ** places).toFixed(places);
        expect(valueOf(text)).toBe(Number(text));
      }),
    );
  });

  test('property: text that is not a number never becomes one', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (s) => {
        const p = parseCellValue(s);
        if (p.kind === 'number') {
          // Whatever parses must start with a digit or a sign once whitespace is gone.
          expect(s.normalize('NFKC').replace(/\s+/g, '')).toMatch(/^[-+减增]?\d/);
        }
      }),
    );
  });
});

describe('parseChangePair (本年增/减 printed as its two parts)', () => {
  test.each([
    ['0/0', 0, 0],
    ['3/1', 3, 1],
    ['+3/-1', 3, 1],
    ['增3/减1', 3, 1],
    ['增加3 / 减少1', 3, 1],
    ['12 ／ 0', 12, 0],
  ])('%j → 增 %j, 减 %j', (raw, increase, decrease) => {
    expect(parseChangePair(raw)).toEqual({ increase, decrease });
  });

  test.each(['0', '/', '增3', '3/', '/00028', '5/41019113120261021720', '0/025', '1/2/3', '-3/+1', '本年增/减'])('%j is no pair', (raw) => {
    expect(parseChangePair(raw)).toBeNull();
  });
});
