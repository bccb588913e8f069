/** Page-number lines between the halves of a table split across pages (templates.md §7.3). */

/** "-4-", "— 5 —", "第 3 页", "第3页 共6页", "3 / 6", "P. 4", "Page 4 of 6": lines that only number a page. */
const PAGE_NUMBER = /^\s*(?:[-—–－~]+\s*\d{1,3}\s*[-—–－~]+|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|(?:P|p|Page|page|PAGE)\.?\s*\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?)\s*$/;

/** A running header or footer that opens with the page number: "Page 4 - 2021年报_某某区人民政府". */
const PAGE_HEADER = /^\s*(?:Page|page|PAGE)\s*\d{1,3}\s*[-—–|:：]\s*\S/;

/** True for a line that is only a page number or page footer. */
export function isPageNumberLine(text: string): boolean {
  const folded = text.normalize('NFKC');
  return PAGE_NUMBER.test(folded) || PAGE_HEADER.test(folded);
}

