/** Builds issue objects; every stage reports through these so the shape stays uniform. */
import type { Issue, Severity, Stage } from '../schema/records.js';

/** Makes an issue; `extra` adds page and cell path where known. */
export function makeIssue(
  severity: Severity,
  stage: Stage,
  code: string,
  message: string,
  extra: { page?: number; path?: string[] } = {},
): Issue {
  const issue: Issue = { severity, code, message, stage };
  if (extra.page !== undefined) issue.page = extra.page;
  if (extra.path !== undefined) issue.path = extra.path;
  return issue;
}

/** A bad input that stops one file (never the batch). Carries a snake_case code for the manifest. */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
