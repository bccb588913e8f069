/**
 * Entry of a batch child process: runs files sent by the batch one at a time and answers each with
 * its outcome. A file that aborts this process (heap limit, native out-of-memory, a crash in a
 * native library) ends only this process; the batch records it and starts another.
 */
import { processAndStore, type FileTask } from './worker.js';

/** A request from the batch. */
interface Request {
  id: number;
  task: FileTask;
}

/**
 * Test hook (never set outside tests): NIANBAO_TEST_FAULT="text=kind,…" makes a file whose path
 * holds `text` misbehave the way hostile files do, so containment is tested without such files.
 */
function injectFault(path: string): void {
  const fault = (process.env.NIANBAO_TEST_FAULT ?? '').split(',').map((f) => f.split('=')).find(([text]) => text && path.includes(text));
  const kind = fault?.[1];
  if (!kind) return;
  const kept: unknown[] = [];
  if (kind === 'heap') for (;;) kept.push(new Array(1e6).fill(kept.length)); // past the heap limit: V8 aborts the process
  if (kind === 'rss') for (;;) kept.push(Buffer.alloc(64 * 1024 * 1024, 1)); // native memory the heap limit does not see
  if (kind === 'exit') process.exit(3);
  if (kind === 'hang') for (;;);
}

async function handle({ id, task }: Request): Promise<void> {
  try {
    injectFault(task.path);
    process.send?.({ id, outcome: await processAndStore(task) });
  } catch (error) {
    process.send?.({ id, error: error instanceof Error ? error.message : String(error) });
  }
}

process.on('message', (message: Request) => void handle(message));
// The batch is gone (it ended, or was killed): nothing is left to do.
process.on('disconnect', () => process.exit(0));
