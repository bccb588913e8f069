// Serialisers: a table (rows of cells from model.mjs) to text, the way real portals and converters print it.
const cellText = (c, blank) => (c.text === null ? blank : c.text);

// One row per line, cells joined by sep. blank: what a blank cell prints as ('' or a marker); drop: leave blank cells out.
export function joined(sep, { blank = '', lead = '', trail = '', drop = false } = {}) {
  return (rows) => rows.map((r) => {
    const cells = r.cells.filter((c) => !(drop && c.text === null)).map((c) => cellText(c, blank));
    return lead + cells.join(sep) + trail;
  }).join('\n');
}

// Every cell on its own line (or paragraph). blank: text of a blank cell; drop: leave it out.
export function cellLines({ blank = '', drop = false, paragraph = false, suffix = '' } = {}) {
  return (rows) => rows.flatMap((r) => r.cells.filter((c) => !(drop && c.text === null)).map((c) => cellText(c, blank) + suffix)).join(paragraph ? '\n\n' : '\n');
}

// A Markdown table per printed table (converter style): header row is the first row, padded to the widest row.
export function markdown({ blank = '', split = false } = {}) {
  return (rows) => {
    const chunks = split ? splitChunks(rows) : [rows];
    return chunks.map((chunk, i) => {
      const width = Math.max(...chunk.map((r) => r.cells.length));
      const line = (cells) => '| ' + [...cells, ...Array(width - cells.length).fill('')].join(' | ') + ' |';
      const out = [];
      if (split) {
        out.push(line(Array.from({ length: width }, (_, k) => `数据${k + 1}`)));
        out.push('|' + Array(width).fill('---').join('|') + '|');
        for (const r of chunk) out.push(line(r.cells.map((c) => cellText(c, blank))));
      } else {
        out.push(line(chunk[0].cells.map((c) => cellText(c, blank))));
        out.push('|' + Array(width).fill('---').join('|') + '|');
        for (const r of chunk.slice(1)) out.push(line(r.cells.map((c) => cellText(c, blank))));
      }
      return out.join('\n');
    }).join('\n\n');
  };
}
function splitChunks(rows) {
  // cut the table into small tables of 3-6 rows, as PDF->Markdown converters do at visual breaks
  const out = [];
  let i = 0, n = 3;
  while (i < rows.length) { out.push(rows.slice(i, i + n)); i += n; n = n === 3 ? 6 : n === 6 ? 4 : 3; }
  return out;
}

// Labels on one line, their values on the next (space separated).
export function valuesNextLine({ blank = '', sep = ' ' } = {}) {
  return (rows) => rows.flatMap((r) => {
    const labels = r.cells.filter((c) => c.t !== 'value').map((c) => c.text);
    const values = r.cells.filter((c) => c.t === 'value').map((c) => cellText(c, blank));
    return values.length ? [labels.join(sep), values.join(sep)] : [labels.join(sep)];
  }).join('\n');
}

// All label/head lines of the table first, then all value rows (PDF->Markdown "labels block, numbers block").
export function labelsThenValues({ blank = '', sep = ' ' } = {}) {
  return (rows) => {
    const labels = rows.map((r) => r.cells.filter((c) => c.t !== 'value').map((c) => c.text).join(sep)).filter(Boolean);
    const values = rows.filter((r) => r.cells.some((c) => c.t === 'value')).map((r) => r.cells.filter((c) => c.t === 'value').map((c) => cellText(c, blank)).join(sep));
    return [...labels, ...values].join('\n');
  };
}

// One row per line, cells joined by sep, labels longer than width wrapped over lines; values on the first or last line.
export function wrapped(width, { sep = ' ', blank = '', where = 'last' } = {}) {
  return (rows) => rows.flatMap((r) => {
    const label = r.cells.filter((c) => c.t !== 'value').map((c) => c.text).join(sep);
    const values = r.cells.filter((c) => c.t === 'value').map((c) => cellText(c, blank));
    const pieces = [];
    for (let i = 0; i < label.length; i += width) pieces.push(label.slice(i, i + width));
    if (!values.length) return pieces;
    if (where === 'first') { pieces[0] = pieces[0] + sep + values.join(sep); return pieces; }
    if (where === 'middle') { const m = Math.floor((pieces.length - 1) / 2); pieces[m] = pieces[m] + sep + values.join(sep); return pieces; }
    if (where === 'midline') { const m = Math.ceil(pieces.length / 2); return [...pieces.slice(0, m), values.join(sep), ...pieces.slice(m)]; }
    if (where === 'before') return [values.join(sep), ...pieces];
    pieces[pieces.length - 1] = pieces[pieces.length - 1] + sep + values.join(sep);
    return pieces;
  }).join('\n');
}

// Inserts page furniture after the data row `afterRow` (a row key): a footer page number, optionally a running header
// and optionally the table's header rows repeated.
export function withPageBreak(inner, afterRow, { footer = '- 4 -', header = '', repeatHead = false } = {}) {
  return (rows) => {
    const i = rows.findIndex((r) => r.row === afterRow);
    if (i < 0) return inner(rows);
    const heads = rows.filter((r) => r.kind === 'head');
    const first = inner(rows.slice(0, i + 1));
    const rest = inner([...(repeatHead ? heads : []), ...rows.slice(i + 1)]);
    return [first, footer, header, rest].filter((s) => s !== '').join('\n');
  };
}
