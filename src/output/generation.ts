/**
 * The dataset is committed as a unit. Each run that changes it writes a complete new generation
 * folder, `OUT/.nianbao/generations/<id>/`, fsyncs it, and then switches one pointer: the symlink
 * `OUT/.nianbao/current` is replaced by a rename (atomic). The documented files at the top of
 * `OUT/` (`reports.jsonl`, the CSVs, `manifest.json`) are fixed symlinks into `.nianbao/current/`,
 * so every path a user knows stays readable and always resolves into one whole generation; a run
 * killed at any moment leaves the previous generation or the new one, never a mix. Generations
 * other than the current one are deleted after the switch (a reader that opened a file keeps it).
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ManifestSchema, type Manifest } from '../schema/result.js';
import { syncDir, tempNameFor } from './write.js';

const POINTER = 'current';

function nianbaoDir(outDir: string): string {
  return join(outDir, '.nianbao');
}

function generationsDir(outDir: string): string {
  return join(nianbaoDir(outDir), 'generations');
}

/** Creates an empty generation folder for a new dataset; returns its path. */
export async function newGeneration(outDir: string): Promise<string> {
  const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const dir = join(generationsDir(outDir), id);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Test hook: waits between the commit's steps so a test can kill the process there (never set outside tests). */
async function pauseForTests(step: string): Promise<void> {
  const ms = Number(process.env.NIANBAO_TEST_COMMIT_PAUSE_MS ?? '0');
  if (!(ms > 0)) return;
  process.stderr.write(`nianbao-test: commit ${step}\n`);
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Replaces `path` by a symlink to `target` atomically (a temp link renamed over it). */
async function pointAt(path: string, target: string): Promise<void> {
  const temp = tempNameFor(path);
  await symlink(target, temp);
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Makes a fully written (and fsynced) generation the dataset: one rename of the pointer, then the
 * top-level links (made once; they already point through the pointer), then old generations go.
 */
export async function commitGeneration(outDir: string, generation: string, names: readonly string[]): Promise<void> {
  await syncDir(generation);
  await pauseForTests('written');
  await pointAt(join(nianbaoDir(outDir), POINTER), join('generations', generation.split('/').pop() as string));
  await syncDir(nianbaoDir(outDir));
  await pauseForTests('switched');
  await linkTopLevel(outDir, names);
  await removeOldGenerations(outDir);
}

/** Top-level names as links through the pointer (replacing the plain files of older nianbao versions). */
async function linkTopLevel(outDir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const target = join('.nianbao', POINTER, name);
    const info = await lstat(join(outDir, name)).catch(() => null);
    if (info?.isSymbolicLink() && (await readlink(join(outDir, name))) === target) continue;
    await pointAt(join(outDir, name), target);
  }
  await syncDir(outDir);
}

/** The current generation's folder name, or null when the folder holds no committed dataset. */
async function currentGeneration(outDir: string): Promise<string | null> {
  const target = await readlink(join(nianbaoDir(outDir), POINTER)).catch(() => null);
  return target === null ? null : (target.split('/').pop() ?? null);
}

/** Deletes every generation but the current one (older ones, and those of killed runs). */
export async function removeOldGenerations(outDir: string): Promise<void> {
  const current = await currentGeneration(outDir);
  const all = await readdir(generationsDir(outDir)).catch(() => [] as string[]);
  for (const name of all) if (name !== current) await rm(join(generationsDir(outDir), name), { recursive: true, force: true });
}

/** The manifest of the dataset now in `outDir` (older nianbao versions wrote it as a plain file), or null. */
export async function readCurrentManifest(outDir: string): Promise<Manifest | null> {
  let text: string;
  try {
    text = await readFile(join(outDir, 'manifest.json'), 'utf8');
  } catch {
    return null;
  }
  return ManifestSchema.parse(JSON.parse(text));
}

/** True when the dataset's requests.csv starts with the BOM `--excel` writes. */
export async function currentIsExcel(outDir: string): Promise<boolean> {
  const head = await readFile(join(outDir, 'requests.csv')).catch(() => Buffer.alloc(0));
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
}
