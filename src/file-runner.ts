/**
 * Runs file tasks `jobs` at a time. Each runs in a child process (child.ts), so a file that
 * aborts its process (heap limit, native out-of-memory, a native crash) fails only itself. Every
 * child has a heap limit and a resident-memory bound the batch watches (a child past it is killed:
 * `memory_limit`), and the number of children is capped so that all of them at their bound fit in
 * the memory free when the batch starts: the batch's memory is bounded whatever `--jobs` says.
 * A file past its time limit has its child killed (`timeout`). Without a compiled child (tests run
 * from the TypeScript sources) tasks run in this process, with the time limit only.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { freemem } from 'node:os';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { closeOcr } from './extract/ocr/lifecycle.js';
import { processAndStore, type FileOutcome, type FileTask } from './worker.js';

/** Why a file's run ended without an outcome; each becomes the file's error code. */
export type RunFailureCode = 'timeout' | 'worker_crashed' | 'memory_limit' | 'interrupted';

export interface RunFailure {
  failure: RunFailureCode;
  message: string;
  /** How long the file ran before it failed. */
  milliseconds?: number;
}

export type RunResult = FileOutcome | RunFailure;

export interface FileRunner {
  /** Files run at once (`jobs`, capped by memory). */
  readonly jobs: number;
  run(task: FileTask): Promise<RunResult>;
  /** Stops every child (pending runs end as `interrupted`). */
  close(): Promise<void>;
}

export interface RunnerOptions {
  jobs: number;
  /** Per-file time limit in milliseconds (0: none). */
  timeoutMs: number;
  /** Per-file memory bound in MiB (resident memory of its process). */
  memoryMb: number;
}

/** The compiled child entry beside this module (absent when running from TypeScript sources). */
const CHILD_FILE = fileURLToPath(new URL('./child.js', import.meta.url));
/** How often a child's resident memory is read. */
const RSS_POLL_MS = 100;

/** Files that can run at once so that every child at its memory bound fits in free memory. */
export function jobsWithinMemory(jobs: number, memoryMb: number): number {
  const constrained = process.constrainedMemory?.() ?? 0;
  const free = Math.min(freemem(), constrained > 0 ? constrained : Infinity);
  return Math.max(1, Math.min(jobs, Math.floor(free / (memoryMb * 1024 * 1024))));
}

/** A process's resident memory in bytes (Linux /proc), or null where it cannot be read. */
function residentBytes(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function inProcessRunner(options: RunnerOptions): FileRunner {
  const limit = pLimit(options.jobs);
  return {
    jobs: options.jobs,
    run: (task) =>
      limit(async () => {
        const signal = options.timeoutMs > 0 ? AbortSignal.timeout(options.timeoutMs) : undefined;
        try {
          return await Promise.race([
            processAndStore(task),
            new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason as Error))),
          ]);
        } catch (error) {
          if (signal?.aborted) return { failure: 'timeout', message: `no result within ${options.timeoutMs / 1000} s`, milliseconds: options.timeoutMs };
          return { failure: 'worker_crashed', message: `processing failed: ${error instanceof Error ? error.message : String(error)}` };
        }
      }),
    close: closeOcr,
  };
}

/** A child's last words on stderr: V8 says why it aborted. */
function crashOf(code: number | null, signal: NodeJS.Signals | null, stderr: string): RunFailure {
  if (/heap limit|heap out of memory|Allocation failed|out of memory|std::bad_alloc/i.test(stderr)) {
    return { failure: 'memory_limit', message: 'the file took its process past its memory limit; the process was stopped' };
  }
  return { failure: 'worker_crashed', message: `processing stopped its process (${signal ?? `exit code ${code}`})${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-1)[0]}` : ''}` };
}

function childRunner(options: RunnerOptions): FileRunner {
  const jobs = jobsWithinMemory(options.jobs, options.memoryMb);
  const limit = pLimit(jobs);
  const heapMb = Math.max(64, Math.floor(options.memoryMb / 2));
  const idle: ChildProcess[] = [];
  const live = new Set<ChildProcess>();
  const stopping: (() => void)[] = [];
  // Each child's last stderr, always drained (a full pipe would block the child).
  const stderrTail = new Map<ChildProcess, string>();
  let closed = false;
  let nextId = 0;
  const spawnChild = (): ChildProcess => {
    const child = fork(CHILD_FILE, [], { execArgv: [`--max-old-space-size=${heapMb}`], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    live.add(child);
    stderrTail.set(child, '');
    child.stderr?.on('data', (chunk: Buffer) => stderrTail.set(child, ((stderrTail.get(child) ?? '') + chunk.toString('utf8')).slice(-4000)));
    child.once('exit', () => live.delete(child));
    return child;
  };
  const runOne = (task: FileTask): Promise<RunResult> =>
    new Promise((resolve) => {
      if (closed) return resolve({ failure: 'interrupted', message: 'the batch was stopped' });
      const child = idle.pop() ?? spawnChild();
      const id = nextId++;
      stderrTail.set(child, '');
      let settled = false;
      const started = performance.now();
      const finish = (result: RunResult, keep: boolean): void => {
        if (settled) return;
        settled = true;
        if ('failure' in result) result.milliseconds = Math.round(performance.now() - started);
        clearTimeout(timer);
        clearInterval(poll);
        child.off('message', onMessage);
        child.off('exit', onExit);
        stopping.splice(stopping.indexOf(stop), 1);
        if (keep && !closed) idle.push(child);
        else {
          child.kill('SIGKILL');
          stderrTail.delete(child);
        }
        resolve(result);
      };
      const onMessage = (message: { id: number; outcome?: FileOutcome; error?: string }): void => {
        if (message.id !== id) return;
        if (message.outcome) finish(message.outcome, true);
        else finish({ failure: 'worker_crashed', message: `processing failed: ${message.error ?? 'no reason given'}` }, false);
      };
      // The exit may come before the last of stderr: its end is awaited (briefly) for V8's reason.
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
        const read = (): void => finish(crashOf(code, signal, stderrTail.get(child) ?? ''), false);
        if (child.stderr && !child.stderr.readableEnded) child.stderr.once('end', read).once('error', read);
        else read();
      };
      const stop = (): void => finish({ failure: 'interrupted', message: 'the batch was stopped' }, false);
      stopping.push(stop);
      const timer = options.timeoutMs > 0 ? setTimeout(() => finish({ failure: 'timeout', message: `no result within ${options.timeoutMs / 1000} s; its process was stopped` }, false), options.timeoutMs) : undefined;
      const poll = setInterval(() => {
        const rss = child.pid === undefined ? null : residentBytes(child.pid);
        if (rss !== null && rss > options.memoryMb * 1024 * 1024) {
          finish({ failure: 'memory_limit', message: `the file took its process past ${options.memoryMb} MiB of memory; the process was stopped` }, false);
        }
      }, RSS_POLL_MS);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, task });
    });
  return {
    jobs,
    run: (task) => limit(() => runOne(task)),
    close: async () => {
      closed = true;
      for (const stop of [...stopping]) stop();
      const exits = [...live].map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve))));
      for (const child of live) child.kill('SIGKILL');
      await Promise.all(exits);
    },
  };
}

/** A runner of child processes, or of this process when no compiled child exists (tests from sources). */
export function createFileRunner(options: RunnerOptions): FileRunner {
  return existsSync(CHILD_FILE) ? childRunner(options) : inProcessRunner({ ...options, jobs: Math.max(1, options.jobs) });
}
