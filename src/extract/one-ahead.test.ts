import { describe, expect, test } from '@jest/globals';
import { oneAhead } from './one-ahead.js';

describe('oneAhead', () => {
  test('items come in order, each next one made while the one before is used', async () => {
    const log: string[] = [];
    const make = async (i: number): Promise<string> => {
      log.push(`make ${i}`);
      return `item ${i}`;
    };
    const seen: [number, string][] = [];
    for await (const entry of oneAhead(3, make)) {
      log.push(`use ${entry[0]}`);
      seen.push(entry);
    }
    expect(seen).toEqual([
      [0, 'item 0'],
      [1, 'item 1'],
      [2, 'item 2'],
    ]);
    expect(log).toEqual(['make 0', 'make 1', 'use 0', 'make 2', 'use 1', 'use 2']);
  });

  test('a failure is thrown at its turn, after the items before it were used', async () => {
    const used: number[] = [];
    const run = async (): Promise<void> => {
      for await (const [i] of oneAhead(4, async (i) => (i === 2 ? Promise.reject(new Error('page 3 is corrupt')) : i))) used.push(i);
    };
    await expect(run()).rejects.toThrow('page 3 is corrupt');
    expect(used).toEqual([0, 1]);
  });

  test('nothing to make, nothing yielded', async () => {
    const made: number[] = [];
    for await (const [i] of oneAhead(0, async (i) => i)) made.push(i);
    expect(made).toEqual([]);
  });
});
