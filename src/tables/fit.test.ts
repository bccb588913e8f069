import { describe, expect, test } from '@jest/globals';
import { fitSlots } from './fit.js';
import type { Slot } from './slots.js';

const slots = (...texts: string[]): Slot[] => texts.map((text, i) => ({ text, page: 1, line: 1, confidence: 1, method: 'text', cellIndex: i + 1 }));
const texts = (cells: (Slot | null)[]) => cells.map((c) => c?.split ?? c?.text ?? null);
const rowIdentity = (v: readonly number[]) => v[6] === v.slice(0, 6).reduce((a, b) => a + b, 0);

describe('fitSlots', () => {
  test('separated cells keep their blanks in place', () => {
    const fitted = fitSlots({ slots: slots('', '5', '', '', '', '', '5'), mode: 'separated', separator: 'tab' }, 7);
    expect(fitted.outcome).toBe('ok');
    expect(texts(fitted.cells)).toEqual(['', '5', '', '', '', '', '5']);
  });

  test('a surplus empty cell at one edge only is dropped', () => {
    expect(texts(fitSlots({ slots: slots('', '0', '0', '0', '0', '0', '0', '0'), mode: 'separated', separator: 'tab' }, 7).cells)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(texts(fitSlots({ slots: slots('1', '0', '0', '0', '0', '0', '1', ''), mode: 'separated', separator: 'tab' }, 7).cells)).toEqual(['1', '0', '0', '0', '0', '0', '1']);
  });

  test('surplus empties at both edges are ambiguous: unreadable, not guessed', () => {
    expect(fitSlots({ slots: slots('', '5', '', '', '', '', '5', ''), mode: 'separated', separator: 'tab' }, 7).outcome).toBe('unreadable');
  });

  test('loose text with fewer numbers than columns is unreadable (blanks were lost)', () => {
    const fitted = fitSlots({ slots: slots('2', '2'), mode: 'loose', separator: 'spaces' }, 7);
    expect(fitted.outcome).toBe('unreadable');
  });

  test('glued digits: split only when exactly one split obeys the identity, flagged inferred', () => {
    const fitted = fitSlots({ slots: slots('210000021'), mode: 'loose', separator: 'spaces' }, 7, { identity: rowIdentity });
    expect(fitted.outcome).toBe('inferred');
    expect(texts(fitted.cells)).toEqual(['21', '0', '0', '0', '0', '0', '21']);
    expect(fitted.cells.every((c) => c?.text === '210000021')).toBe(true);
  });

  test('glued digits with several valid splits are unreadable', () => {
    expect(fitSlots({ slots: slots('1203'), mode: 'loose', separator: 'spaces' }, 3).outcome).toBe('unreadable');
    expect(fitSlots({ slots: slots('1111111112'), mode: 'loose', separator: 'spaces' }, 7, { identity: rowIdentity }).outcome).toBe('unreadable');
  });

  test('a glued string as long as the cell count splits one way', () => {
    const fitted = fitSlots({ slots: slots('1203'), mode: 'loose', separator: 'spaces' }, 4);
    expect(fitted.outcome).toBe('inferred');
    expect(texts(fitted.cells)).toEqual(['1', '2', '0', '3']);
  });

  test('markup cells are placed by grid column, never by count', () => {
    const cells = slots('7', '9').map((s, i) => ({ ...s, col: [3, 9][i] }));
    const fitted = fitSlots({ slots: cells, mode: 'grid', separator: 'grid', gridWidth: 10 }, 7, { valuesAtGridEnd: true });
    expect(texts(fitted.cells)).toEqual(['7', null, null, null, null, null, '9']);
  });

  test('a grid narrower than the columns is never placed by grid position', () => {
    const cells = slots('1', '2', '3', '4', '10').map((s, i) => ({ ...s, col: i }));
    expect(fitSlots({ slots: cells, mode: 'grid', separator: 'grid', gridWidth: 5 }, 15, { valuesAtGridEnd: true }).outcome).toBe('unreadable');
  });
});
