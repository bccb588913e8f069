/** Page-number lines between the halves of a table split across pages (templates.md §7.3). */

/** "-4-", "— 5 —", "第 3 页", "第3页 共6页", "3 / 6": lines that only number a page. */
const PAGE_NUMBER = /^\s*(?:[-—–－~]+\s*\d{1,3}\s*[-—–－~]+|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

/** True for a line that is only a page number or page footer. */
export function isPageNumberLine(text: string): boolean {
  return PAGE_NUMBER.test(text.normalize('NFKC'));
}

