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

/** Seconds between log lines when stderr is not a terminal. */
const LOG_INTERVAL_MS = 10_000;

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** Creates the reporter for a batch of `total` files. */
export function createProgress(total: number, mode: 'bar' | 'log' | 'quiet', stream: NodeJS.WriteStream = process.stderr): Progress {
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
      stop: () => bar.stop(),
    };
  }
  let lastLog = started;
  const line = (): string => {
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    return `nianbao: ${done}/${total} files (${((100 * done) / total).toFixed(0)}%), ${rate.toFixed(1)} files/s, ETA ${formatDuration((total - done) / rate)}\n`;
  };
  return {
    tick: () => {
      done++;
      if (Date.now() - lastLog >= LOG_INTERVAL_MS) {
        lastLog = Date.now();
        stream.write(line());
      }
    },
    stop: () => {
      stream.write(line());
    },
  };
}
