/** Types of the standard tables as data: row and column specifications. */
import type { ActiveRow, RequestRow, TableKey, TemplateId } from '../schema/keys.js';

export type { TableKey, TemplateId };

/** One standard row: its key, canonical printed label, accepted variants and numbering. */
export interface RowSpec<K extends string = string> {
  key: K;
  /** The label as the official template prints it, numbering included. */
  label: string;
  /** Other wordings seen in real reports (templates.md §7.2), without numbering. */
  aliases: readonly string[];
  /** The row's own numbering token as printed ("一", "（一）" → "(一)", "1"), used as a hint. */
  numbering: string | null;
  /** Formats whose table prints this row. */
  templates: readonly TemplateId[];
}

export type RequestRowSpec = RowSpec<RequestRow>;
export type ActiveRowSpec = RowSpec<ActiveRow>;
