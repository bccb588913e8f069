// Builds the transformed cases: value sets (values.mjs) printed in the layouts real portals and converters make
// (layouts.mjs), with the label and value variants real reports use (labels.mjs). Each case is { name, text, truth }.
import { buildTables, HEADINGS, PREAMBLE, EPILOGUE } from './model.mjs';
import * as L from './layouts.mjs';
import { traditional, pinyinGloss, numbering, quotes, typos } from './labels.mjs';
import { VALUE_SETS } from './values.mjs';

const FW = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace(/\./g, '．');
const thousands = (s) => s.replace(/^(-?)(\d+)(\.\d+)?$/, (_, sg, i, f = '') => sg + i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + f);

function doc(set, layout, { tables = ['active', 'requests', 'reviews'], label = (s) => s, value = (s) => s, head = (s) => s, sixth, layoutFor = {}, heading = (s) => s, flat = null } = {}) {
  const vs = VALUE_SETS[set];
  const t = {};
  for (const k of tables) if (vs.tables[k]) t[k] = vs.tables[k];
  const built = buildTables(t, vs.template, { sixth, formatValue: (v) => (v === null || v === undefined ? null : value(String(v))) });
  const parts = [PREAMBLE('某某区某某局', vs.template === '2019' ? 2020 : 2024)];
  for (const k of ['active', 'requests', 'reviews']) {
    if (!built[k]) continue;
    const rows = built[k].map((r) => ({ ...r, cells: r.cells.map((c) => (c.t === 'label' ? { ...c, text: label(c.text) } : c.t === 'head' ? { ...c, text: head(c.text) } : c)) }));
    parts.push(heading(HEADINGS[k]));
    parts.push((layoutFor[k] ?? layout)(rows));
  }
  parts.push(EPILOGUE);
  let text = parts.join('\n') + '\n';
  if (flat !== null) text = text.replace(/\n+/g, flat);
  return { text, truth: t };
}

export function allCases() {
  const cases = [];
  const add = (name, d) => cases.push({ name, ...d });
  const SETS = Object.keys(VALUE_SETS);
  const BLANKS = { empty: '', emdash: '—', hyphen: '-', slash: '/', wu: '无', ideo: '　' };
  const SEPS = { pipe: ' | ', tab: '\t', space: ' ', two: '  ', ideo: '　', barenospace: '|' };

  // 1. separators x blank markers, every value set
  for (const s of SETS) for (const [sn, sep] of Object.entries(SEPS)) for (const [bn, b] of Object.entries(BLANKS)) {
    if (sn !== 'pipe' && sn !== 'tab' && bn !== 'emdash' && bn !== 'slash') continue; // keep the grid modest
    add(`sep-${sn}-blank-${bn}-${s}`, doc(s, L.joined(sep, { blank: b })));
  }
  for (const s of SETS) {
    add(`pipes-lead-trail-${s}`, doc(s, L.joined(' | ', { lead: '| ', trail: ' |' })));
    add(`pipes-trail-residue-${s}`, doc(s, L.joined(' | ', { trail: ' ||' })));
    add(`pipes-drop-${s}`, doc(s, L.joined(' | ', { drop: true })));
    add(`space-drop-${s}`, doc(s, L.joined(' ', { drop: true })));
    add(`cellline-empty-${s}`, doc(s, L.cellLines({ blank: '' })));
    add(`cellline-drop-${s}`, doc(s, L.cellLines({ drop: true })));
    add(`cellline-pipe-${s}`, doc(s, L.cellLines({ blank: '', suffix: ' |' })));
    add(`cellline-lonepipe-${s}`, doc(s, L.cellLines({ blank: '|' })));
    add(`paragraph-padded-${s}`, doc(s, L.cellLines({ blank: ' ', paragraph: true })));
    add(`paragraph-empty-${s}`, doc(s, L.cellLines({ blank: '', paragraph: true })));
    add(`paragraph-ideo-${s}`, doc(s, L.cellLines({ blank: '　', paragraph: true })));
    add(`markdown-${s}`, doc(s, L.markdown({})));
    add(`markdown-split-${s}`, doc(s, L.markdown({ split: true })));
    add(`nextline-${s}`, doc(s, L.valuesNextLine({ blank: '—' })));
    add(`nextline-emptyblank-${s}`, doc(s, L.valuesNextLine({ blank: '' })));
    add(`labelsblock-${s}`, doc(s, L.labelsThenValues({ blank: '—' })));
    for (const w of [6, 10, 14]) for (const where of ['first', 'last']) add(`wrap${w}-${where}-${s}`, doc(s, L.wrapped(w, { where, blank: '—' })));
    add(`wrap10-last-tab-${s}`, doc(s, L.wrapped(10, { where: 'last', sep: '\t', blank: '' })));
    for (const after of ['deniedThirdParty', 'unableNotHeld', 'rejectedConfirmReissue', 'otherNoFee', 'totalHandled']) {
      add(`pagebreak-${after}-${s}`, doc(s, L.joined(' ', { blank: '—' }), { layoutFor: { requests: L.withPageBreak(L.joined(' ', { blank: '—' }), after, { footer: '— 5 —', header: '某某区某某局2024年政府信息公开工作年度报告' }) } }));
      add(`pagebreak-rephead-${after}-${s}`, doc(s, L.joined(' | ', {}), { layoutFor: { requests: L.withPageBreak(L.joined(' | ', {}), after, { footer: '-4-', repeatHead: true }) } }));
    }
    // label variants
    for (const [nn, f] of Object.entries(numbering)) add(`num-${nn}-${s}`, doc(s, L.joined(' | ', {}), { label: f }));
    for (const [qn, f] of Object.entries(quotes)) add(`quote-${qn}-${s}`, doc(s, L.joined(' ', { blank: '—' }), { label: f }));
    for (const [tn, f] of Object.entries(typos)) add(`typo-${tn}-${s}`, doc(s, L.joined('\t', {}), { label: f, head: f }));
    add(`trad-${s}`, doc(s, L.joined(' | ', {}), { label: traditional, head: traditional, heading: traditional }));
    add(`pinyin-${s}`, doc(s, L.joined(' | ', {}), { label: pinyinGloss, head: pinyinGloss, heading: pinyinGloss }));
    // values
    add(`thousands-${s}`, doc(s, L.joined(' ', { blank: '—' }), { value: thousands }));
    add(`thousands-pipe-${s}`, doc(s, L.joined(' | ', {}), { value: thousands }));
    add(`fullwidth-${s}`, doc(s, L.joined(' ', { blank: '—' }), { value: FW }));
    add(`unit-jian-${s}`, doc(s, L.joined(' | ', {}), { value: (v) => v + '件' }));
    // only one table
    add(`only-requests-${s}`, doc(s, L.joined(' | ', {}), { tables: ['requests'] }));
    add(`only-reviews-${s}`, doc(s, L.joined(' | ', {}), { tables: ['reviews'] }));
    add(`only-active-${s}`, doc(s, L.joined(' ', { blank: '—' }), { tables: ['active'] }));
    // flattened page
    add(`flat-space-${s}`, doc(s, L.joined(' ', { blank: '—' }), { flat: ' ' }));
    add(`flat-pipe-${s}`, doc(s, L.joined(' | ', { blank: '' }), { flat: ' ' }));
  }
  return cases;
}

// Round 2: converters that repeat spanned cells (pandas read_html -> to_markdown / to_csv), CSV, wrap sweeps,
// page breaks inside a row, notes with digits, value decorations.
import { spanDoc, pandasMarkdown, csv } from './spans.mjs';
export function moreCases() {
  const cases = [];
  const add = (name, d) => cases.push({ name, ...d });
  for (const [s, vs] of Object.entries(VALUE_SETS)) {
    const truth = vs.tables;
    add(`pandas-md-index-${s}`, { text: spanDoc(vs, (r) => pandasMarkdown(r, { index: true })), truth });
    add(`pandas-md-noindex-${s}`, { text: spanDoc(vs, (r) => pandasMarkdown(r, { index: false })), truth });
    add(`pandas-csv-${s}`, { text: spanDoc(vs, (r) => csv(r, {})), truth });
    add(`pandas-csv-index-${s}`, { text: spanDoc(vs, (r) => csv(r, { index: true })), truth });
    add(`pandas-csv-thousands-${s}`, { text: spanDoc(vs, (r) => csv(r, {}), { value: thousands }), truth });
    add(`csv-plain-${s}`, doc(s, L.joined(',', {})));
    add(`csv-plain-thousands-${s}`, doc(s, L.joined(',', {}), { value: (v) => { const t = thousands(v); return t.includes(',') ? `"${t}"` : t; } }));
    for (let w = 2; w <= 24; w += 1) for (const where of ['first', 'last']) add(`wrapsweep${w}-${where}-${s}`, doc(s, L.wrapped(w, { where, blank: '—' }), { tables: ['requests'] }));
    add(`unit-jian-space-${s}`, doc(s, L.joined(' ', { blank: '—' }), { value: (v) => v + '件' }));
    add(`footmark-${s}`, doc(s, L.joined(' | ', {}), { value: (v) => (v !== '0' ? v + '*' : v) }));
  }
  return cases;
}

// Round 3: page furniture (pdftotext page numbers, running headers) after every data row, space-separated rows.
import { requestRows, ACTIVE } from './model.mjs';
export function footerCases() {
  const cases = [];
  const FOOTERS = { bare: '4', dashed: '- 4 -', di: '第4页', dipage: '第 4 页 共 6 页', slash: '4/6', emdash: '— 4 —', runhead: '某某区2024年政府信息公开工作年度报告' };
  for (const [s, blank] of [['huaian21', '—'], ['h2019', '—'], ['huaian21blank0', '—'], ['hongze24hybrid', '—']]) {
    const vs = VALUE_SETS[s];
    const inner = L.joined(' ', { blank });
    const reqKeys = requestRows(vs.template === '2019' || s.startsWith('hongze') ? 'single' : 'three').map((r) => r[0]);
    const actKeys = ACTIVE[vs.template].flatMap((b) => b.rows.map((r) => r[0]));
    for (const [fn, f] of Object.entries(FOOTERS)) {
      for (const k of reqKeys) cases.push({ name: `footer-${fn}-req-${k}-${s}`, ...doc(s, inner, { layoutFor: { requests: L.withPageBreak(inner, k, { footer: f }) } }) });
      for (const k of actKeys) cases.push({ name: `footer-${fn}-act-${k}-${s}`, ...doc(s, inner, { layoutFor: { active: L.withPageBreak(inner, k, { footer: f }) } }) });
    }
  }
  return cases;
}

// Round 4: values in the middle of a wrapped label, on a line of their own between its pieces, or before it (pdftotext raw).
export function wrapMiddleCases() {
  const cases = [];
  for (const s of ['huaian21', 'h2019', 'huaian21blank0', 'hongze24hybrid']) for (const w of [5, 8, 11, 16]) for (const where of ['middle', 'midline', 'before']) {
    cases.push({ name: `wrapmid${w}-${where}-${s}`, ...doc(s, L.wrapped(w, { where, blank: '—' })) });
  }
  return cases;
}

// Round 5: cells glued with no separator (BeautifulSoup get_text() with no separator, per row or flattened).
export function gluedCases() {
  const cases = [];
  for (const s of Object.keys(VALUE_SETS)) {
    cases.push({ name: `glued-rows-${s}`, ...doc(s, L.joined('', {})) });
    cases.push({ name: `glued-rows-dash-${s}`, ...doc(s, L.joined('', { blank: '—' })) });
    cases.push({ name: `glued-flat-${s}`, ...doc(s, L.joined('', {}), { flat: '' }) });
    cases.push({ name: `glued-labelspace-${s}`, ...doc(s, (rows) => rows.map((r) => r.cells.filter((c) => c.t !== 'value').map((c) => c.text).join('') + ' ' + r.cells.filter((c) => c.t === 'value').map((c) => c.text ?? '').join('')).join('\n')) });
  }
  return cases;
}

// Round 6: numbering whose dot was lost ("2其他法律…", "2 其他法律…"), in several separators.
export function numberingCases() {
  const cases = [];
  const V = { noDot: (s) => s.replace(/^(\d)\./, '$1'), spaceNoDot: (s) => s.replace(/^(\d)\./, '$1 '), dotSpace: (s) => s.replace(/^(\d)\./, '$1. '), paren: (s) => s.replace(/^(\d)\./, '($1)'), fwParen: (s) => s.replace(/^(\d)\./, '（$1）') };
  for (const s of ['huaian21', 'h2019', 'huaian21blank0', 'h2019totalOnly']) for (const [vn, f] of Object.entries(V)) {
    cases.push({ name: `numv-${vn}-space-${s}`, ...doc(s, L.joined(' ', { blank: '—' }), { label: f }) });
    cases.push({ name: `numv-${vn}-spacedrop-${s}`, ...doc(s, L.joined(' ', { drop: true }), { label: f }) });
    cases.push({ name: `numv-${vn}-pipe-${s}`, ...doc(s, L.joined(' | ', {}), { label: f }) });
    cases.push({ name: `numv-${vn}-cellline-${s}`, ...doc(s, L.cellLines({ blank: '' }), { label: f }) });
    cases.push({ name: `numv-${vn}-paragraph-${s}`, ...doc(s, L.cellLines({ blank: ' ', paragraph: true }), { label: f }) });
  }
  return cases;
}

// Round 7: excerpts. The stored page stops after about 2,000 bytes, mid-table: every rendered report cut at many
// character offsets inside its tables. Truth is the full truth: a number given must be the printed one, and every
// cell the excerpt does not reach must come out flagged (missing/unreadable), never blank or a guess.
export function excerptCases() {
  const cases = [];
  const LAYS = { pipe: L.joined(' | ', {}), pipetrail: L.joined(' | ', { trail: ' |' }), space: L.joined(' ', { blank: '—' }), tab: L.joined('\t', {}), cellline: L.cellLines({ blank: '' }), paragraph: L.cellLines({ blank: ' ', paragraph: true }), markdown: L.markdown({}) };
  for (const s of ['huaian21', 'h2019blank0', 'hongze24hybrid']) for (const [ln, lay] of Object.entries(LAYS)) {
    const full = doc(s, lay);
    const start = full.text.indexOf('二、主动公开');
    const end = full.text.indexOf('五、存在');
    const step = Math.max(7, Math.floor((end - start) / 24));
    for (let at = start + 40, k = 0; at < end; at += step, k++) {
      cases.push({ name: `excerpt-${ln}-${s}-${String(k).padStart(2, '0')}`, text: full.text.slice(0, at), truth: full.truth });
    }
  }
  return cases;
}
