/**
 * A report's markup kept inside the page as an escaped string, one layer of escaping at a time:
 * a JavaScript or JSON string literal (`\"`, `\/`, `\n`, `\u003c`, `\x3c`), a percent-encoded one
 * (`document.write(unescape("%3Ctable…"))`, `decodeURIComponent`, `escape()`'s `%u672C`), or
 * markup escaped as text (`&lt;table&gt;` in a hidden <textarea> or a JSON field). Portals render
 * such pages with a script; a scraper saves them as they came.
 */

/** Where a table begins, as each escaping writes `<table`. */
const SCRIPT_MARKERS = ['<table', '\\u003ctable', '\\x3ctable', '%3ctable'];
const ENTITY_MARKER = '&lt;table';

/** One backslash escape of a JavaScript string (JSON's are a subset). */
const JS_ESCAPE = /\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r?\n|[^])/g;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '', f: '', v: '', '0': '' };

function decodeJsEscapes(text: string): string {
  return text.replace(JS_ESCAPE, (_, e: string) => {
    if (e.length === 5 && e[0] === 'u') return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    if (e.length === 3 && e[0] === 'x') return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    // A backslash before a line break continues the string on the next line.
    if (e === '\n' || e === '\r\n') return '';
    return SIMPLE_ESCAPES[e] ?? e;
  });
}

/**
 * Percent-encoding undone: `%uXXXX` (escape()) and runs of `%XX`, read as UTF-8 where they are
 * (encodeURIComponent), else byte by byte as Latin-1 (escape() of ASCII markup).
 */
function decodePercent(text: string): string {
  return text
    .replace(/%u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      }
    });
}

/**
 * The source without the opening and closing tags of the named elements (their content stays), in
 * one linear pass: a script's or a textarea's content is raw text to the parser, never markup.
 */
function withoutTags(source: string, names: readonly string[]): string {
  const lower = source.toLowerCase();
  let out = '';
  let at = 0;
  for (let open = lower.indexOf('<', at); open >= 0; open = lower.indexOf('<', at)) {
    const isTag = names.some((name) => lower.startsWith(`<${name}`, open) || lower.startsWith(`</${name}`, open));
    const close = isTag ? lower.indexOf('>', open) : -1;
    if (isTag && close < 0) break;
    out += source.slice(at, isTag ? open : open + 1);
    at = isTag ? close + 1 : open + 1;
  }
  return out + source.slice(at);
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&amp;': '&' };

/**
 * The source with one layer of escaping taken off the markup it holds, or null when it holds no
 * escaped table. Found by index, not by a regex like /<script[\s\S]*<table/, which backtracks
 * quadratically on a page of many <script> tags and no table.
 */
export function unwrapEmbeddedHtml(source: string): string | null {
  const lower = source.toLowerCase();
  const script = lower.indexOf('<script');
  if (script >= 0 && SCRIPT_MARKERS.some((m) => lower.indexOf(m, script) >= 0)) {
    const decoded = decodeJsEscapes(withoutTags(source, ['script']));
    return decoded.toLowerCase().includes('%3ctable') ? decodePercent(decoded) : decoded;
  }
  if (lower.includes(ENTITY_MARKER)) return withoutTags(source, ['textarea']).replace(/&(?:lt|gt|quot|#39|apos|amp);/g, (e) => ENTITIES[e] ?? e);
  return null;
}
