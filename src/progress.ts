/**
 * Progress of a batch: a bar with files/s and ETA on a terminal; plain periodic lines when the
 * output is a log (cron); nothing with --quiet.
 */
import { SingleBar } from 'cli-progress';

/** Receives one tick per finished file. */
export interface Progress {
  tick(path: string, status: string): void;
  stop(): void;
}

/** Milliseconds between log lines when stderr is not a terminal. */
const LOG_INTERVAL_MS = 10_000;

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** Creates the reporter for a batch of `total` files. */
export function createProgress(total: number, mode: 'bar' | 'log' | 'quiet', stream: NodeJS.WritableStream = process.stderr, intervalMs = LOG_INTERVAL_MS): Progress {
  const started = Date.now();
  let done = 0;
  if (mode === 'quiet' || total === 0) return { tick: () => undefined, stop: () => undefined };
  if (mode === 'bar') {
    const bar = new SingleBar({
      format: 'nianbao {bar} {value}/{total} files | {speed} files/s | ETA {eta_formatted} | {status}',
      stream,
      hideCursor: true,
      etaBuffer: 50,
    });
    bar.start(total, 0, { speed: '0.0', status: '' });
    return {
      tick: (_path, status) => {
        done++;
        const seconds = (Date.now() - started) / 1000;
        bar.update(done, { speed: (done / Math.max(seconds, 0.001)).toFixed(1), status });
      },
      stop: () => {
        bar.stop();
        // Whatever stopped the bar (the end, Ctrl-C), the terminal gets its cursor and line wrap back.
        stream.write('\x1b[?25h\x1b[?7h');
      },
    };
  }
  const line = (): string => {
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    return `nianbao: ${done}/${total} files (${((100 * done) / total).toFixed(0)}%), ${rate.toFixed(1)} files/s, ETA ${done === total ? '0m00s' : formatDuration((total - done) / rate)}\n`;
  };
  // A line every 10 s whether or not a file finished (a long scan still shows the job is alive), and the last line once.
  const timer = setInterval(() => stream.write(line()), intervalMs);
  timer.unref();
  let stopped = false;
  return {
    tick: () => {
      done++;
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      stream.write(line());
    },
  };
}
