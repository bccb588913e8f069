/**
 * The output folder before any work: it must be a folder this process can write (checked by
 * writing, not by reading permission bits), and only one run may use it at a time (an exclusive
 * lock file holding the owner's pid; a lock whose process is gone is taken over).
 */
import { hostname } from 'node:os';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BatchError } from './batch-error.js';
import { tempNameFor } from './output/write.js';

/** mkdir -p, one level at a time (Node's recursive mkdir never returns on some virtual file systems, e.g. /proc). */
async function makeDirs(path: string, depth = 0): Promise<void> {
  try {
    await mkdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || depth > 64 || dirname(path) === path) throw error;
    await makeDirs(dirname(path), depth + 1);
    await mkdir(path).catch((again: NodeJS.ErrnoException) => {
      if (again.code !== 'EEXIST') throw again;
    });
  }
}

/** Makes sure `outDir` is a writable folder (creating it); throws a one-line BatchError otherwise. */
export async function prepareOutDir(outDir: string): Promise<void> {
  const info = await stat(outDir).catch(() => null);
  if (info !== null && !info.isDirectory()) throw new BatchError('output', `the output folder ${outDir} is a file, not a folder`);
  try {
    await makeDirs(join(outDir, '.nianbao'));
    const probe = tempNameFor(join(outDir, '.nianbao', 'probe'));
    await (await open(probe, 'w')).close();
    await rm(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'is not writable' : code === 'ENOTDIR' ? 'lies under a file' : `cannot be written (${code || (error as Error).message})`;
    throw new BatchError('output', `the output folder ${outDir} ${why}`);
  }
}

/** A held lock; `release` removes it. */
export interface OutLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the output folder's lock, or throws BatchError('locked') naming the run that holds it. */
export async function lockOutDir(outDir: string): Promise<OutLock> {
  const path = join(outDir, '.nianbao', 'lock');
  const host = hostname();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, host, started: new Date().toISOString() }));
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner: { pid?: number; host?: string; started?: string } = {};
    try {
      owner = JSON.parse(await readFile(path, 'utf8')) as typeof owner;
    } catch {
      // Being written this instant, or truncated by a crash: a lock without an owner is stale only once it is old.
      const info = await stat(path).catch(() => null);
      if (info && Date.now() - info.mtimeMs < 10_000) throw new BatchError('locked', `another nianbao run is writing ${outDir} (lock ${path}); try again when it ends`);
    }
    if (typeof owner.pid === 'number' && (owner.host !== host || alive(owner.pid))) {
      throw new BatchError('locked', `another nianbao run (pid ${owner.pid}${owner.host !== host ? ` on ${owner.host}` : ''}, started ${owner.started ?? '?'}) is writing ${outDir}; try again when it ends`);
    }
    await rm(path, { force: true }); // its run was killed: the lock is stale
  }
  throw new BatchError('locked', `another nianbao run took the lock of ${outDir} meanwhile; try again when it ends`);
}
