import { describe, expect, test } from '@jest/globals';
import { oneAhead, usedOverlapping } from './one-ahead.js';

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

describe('usedOverlapping', () => {
  /** A promise and its resolver, to hold a use open. */
  function gate(): { open: () => void; opened: Promise<void> } {
    let open = (): void => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  }

  test('results come in order; item i+1 is used while the use of item i goes on, never more than two at once', async () => {
    const log: string[] = [];
    const gates = [gate(), gate(), gate()];
    let running = 0;
    let most = 0;
    const use = async (item: string, i: number): Promise<string> => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${i}`);
      await (gates[i] as ReturnType<typeof gate>).opened;
      running--;
      return `${item} read`;
    };
    const results: [number, string][] = [];
    const consume = (async () => {
      for await (const entry of usedOverlapping(3, async (i) => `item ${i}`, use)) results.push(entry);
    })();
    // Page 1 starts before page 0 ends; page 1 ends first, but page 0's result still comes first.
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['start 0', 'start 1']);
    gates[1]?.open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(results).toEqual([]);
    gates[0]?.open();
    gates[2]?.open();
    await consume;
    expect(results).toEqual([
      [0, 'item 0 read'],
      [1, 'item 1 read'],
      [2, 'item 2 read'],
    ]);
    expect(most).toBe(2);
  });

  test('a failed use is thrown at its turn, after the results before it', async () => {
    const seen: number[] = [];
    const run = async (): Promise<void> => {
      const use = async (i: number): Promise<number> => (i === 1 ? Promise.reject(new Error('page 2 unreadable')) : i);
      for await (const [i] of usedOverlapping(4, async (i) => i, use)) seen.push(i);
    };
    await expect(run()).rejects.toThrow('page 2 unreadable');
    expect(seen).toEqual([0]);
  });

  test('a failure to make an item is thrown after the results of the items made before it', async () => {
    const seen: number[] = [];
    const run = async (): Promise<void> => {
      const make = async (i: number): Promise<number> => (i === 2 ? Promise.reject(new Error('page 3 is corrupt')) : i);
      for await (const [i, value] of usedOverlapping(4, make, async (v) => v * 10)) seen.push(i, value);
    };
    await expect(run()).rejects.toThrow('page 3 is corrupt');
    expect(seen).toEqual([0, 0, 1, 10]);
  });

  test('nothing to make, nothing used', async () => {
    const used: number[] = [];
    for await (const [i] of usedOverlapping(0, async (i) => i, async (v) => v)) used.push(i);
    expect(used).toEqual([]);
  });
});
