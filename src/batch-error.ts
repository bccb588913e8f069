/** Why a batch stopped before its work: each kind has its own documented exit code (cli.ts). */
export type BatchErrorKind = 'usage' | 'output' | 'locked' | 'interrupted';

/** A batch that cannot or must not run; its message is one line for the user, no stack trace. */
export class BatchError extends Error {
  constructor(
    readonly kind: BatchErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'BatchError';
  }
}
