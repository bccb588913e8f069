/** Nothing downloads at run time: with every network door closed, the whole pipeline still runs. */
import dns from 'node:dns';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals';
import { main } from '../src/cli.js';
import { makeTempDir } from './helpers.js';

const attempts: string[] = [];
beforeAll(() => {
  const refuse = (what: string) => () => {
    attempts.push(what);
    throw new Error(`network access attempted: ${what}`);
  };
  jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(refuse('net.Socket.connect'));
  jest.spyOn(dns, 'lookup').mockImplementation(refuse('dns.lookup'));
  jest.spyOn(globalThis, 'fetch').mockImplementation(refuse('fetch'));
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(() => {
  jest.restoreAllMocks();
});

test('extracting every sample makes no network access', async () => {
  const out = join(await makeTempDir(), 'out');
  expect(await main(['extract', 'samples', '--out', out])).toBe(0);
  expect(attempts).toEqual([]);
  // The guard itself works: a connection attempt is caught.
  expect(() => new net.Socket().connect(80, '127.0.0.1')).toThrow(/network access attempted/);
});
