/** The two kinds of page of the review site: the index of every report, and one report. */
import type { CellRecord, Check, Flag, ReportRecord } from '../schema/records.js';
import { FlagSchema } from '../schema/records.js';
import { INDEX_SCRIPT, REPORT_SCRIPT } from './browser-scripts.js';
import { cellsByKey, renderForms } from './forms.js';
import { escapeHtml, jsonForScript, page } from './html.js';
import { FAILED_COLOUR } from './style.js';

/** What the index shows of one report. */
export interface IndexRow {
  /** The record without its cells and checks (the index needs neither). */
  record: ReportRecord;
  /** How many of its cells carry each flag. */
  flags: Record<Flag, number>;
  /** Every failed check, the cross-year ones included. */
  failedChecks: string[];
  /** The report kept for this body and year when this one is a second copy. */
  duplicateOf: string | null;
}

/** A rendered page image of a PDF (for crops around cells): file name inside the site and its size. */
export interface PageImage {
  src: string;
  width: number;
  height: number;
  /** Pixels per PDF point. */
  scale: number;
}

const FLAGS = FlagSchema.options;

export function flagCounts(cells: readonly CellRecord[]): Record<Flag, number> {
  const counts = Object.fromEntries(FLAGS.map((f) => [f, 0])) as Record<Flag, number>;
  for (const c of cells) counts[c.flag]++;
  return counts;
}

function region(record: ReportRecord): string {
  return [record.province, record.city, record.county].filter((p) => p).join(' ');
}

function legend(): string {
  return `<p class="legend">${FLAGS.map((f) => `<span class="flag-${f}">${f}</span>`).join('')}<span style="background:${FAILED_COLOUR};box-shadow:inset 0 0 0 2px #e03131">failed check</span></p>`;
}

function options(id: string, field: string, label: string, values: readonly string[]): string {
  return `<label>${label} <select id="${id}" data-field="${field}"><option value="">all</option>${values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('')}</select></label>`;
}

/** The index: charts, filters and one line per report. */
export function indexPage(rows: readonly IndexRow[], charts: Record<string, string>, summary: string): string {
  const years = [...new Set(rows.map((r) => r.record.year).filter((y): y is number => y !== null))].sort().map(String);
  const lines = rows.map(({ record: r, flags: counts, failedChecks, duplicateOf }) => {
    const search = [r.agency, r.agencyKey, region(r), r.source.path, r.id, r.year].filter((v) => v !== null && v !== undefined).join(' ').toLowerCase();
    return `<tr data-id="${r.id}" data-status="${r.status}" data-template="${r.template ?? ''}" data-year="${r.year ?? ''}" data-failed="${failedChecks.length}" data-search="${escapeHtml(search)}">
<td><span class="badge status-${r.status}">${r.status}</span></td><td>${escapeHtml(r.template ?? '—')}</td><td>${escapeHtml(r.year ?? '—')}</td>
<td><a href="reports/${r.id}.html">${escapeHtml(r.agency ?? '(no agency)')}</a>${duplicateOf ? ` <span class="muted">(second copy of <a href="reports/${duplicateOf}.html">${duplicateOf}</a>)</span>` : ''}<div class="muted">${escapeHtml(r.agencyKey ?? '')}</div></td>
<td>${escapeHtml(region(r) || '—')}${r.divisionCode ? `<div class="muted">${r.divisionCode} · ${escapeHtml(r.level ?? '')}</div>` : ''}</td>
<td>${failedChecks.length}${failedChecks.length ? `<div class="muted">${escapeHtml(failedChecks.slice(0, 4).join(', '))}${failedChecks.length > 4 ? ' …' : ''}</div>` : ''}</td>
<td>${FLAGS.map((f) => `<span class="flagcount flag-${f}" title="${f}">${counts[f]}</span>`).join('')}</td>
<td class="muted">${escapeHtml(r.source.path)}</td></tr>`;
  });
  const body = `<header><h1>nianbao review</h1><div>${escapeHtml(summary)}</div></header>
<main>
<section class="charts">${Object.entries(charts)
    .map(([id, svg]) => `<div class="chart" id="${id}">${svg}</div>`)
    .join('')}</section>
<h2>Reports</h2>
<div class="filters">
<label>search <input id="search" type="search" placeholder="agency, region, path, id"></label>
${options('filter-status', 'status', 'status', ['ok', 'partial', 'failed'])}
<label>checks <select id="filter-checks"><option value="">all</option><option value="failed">failed a check</option><option value="passed">passed every check</option></select></label>
${options('filter-year', 'year', 'year', years)}
${options('filter-template', 'template', 'template', ['2019', '2021'])}
<span><span id="shown">${rows.length}</span> of ${rows.length} shown</span>
</div>
${legend()}
<table class="list" id="reports"><thead><tr><th>status</th><th>template</th><th>year</th><th>agency</th><th>region</th><th>failed checks</th><th>cells by flag (${FLAGS.join(', ')})</th><th>source</th></tr></thead>
<tbody>
${lines.join('\n')}
</tbody></table>
</main>`;
  return page('nianbao review', body, INDEX_SCRIPT);
}

/** What the two sides of a check are (the browser script says the same). */
function sides(c: Check): string {
  return c.id.startsWith('crossYear.') ? `carried forward the year before ${c.expected}, carried over this year ${c.actual}` : `printed ${c.expected}, computed ${c.actual}`;
}

function checkList(checks: readonly Check[], previousLink: (check: Check) => string): string {
  const failed = checks.filter((c) => !c.pass);
  const passed = checks.length - failed.length;
  return `<ul class="checks">${failed
    .map((c) => `<li class="fail">✗ ${escapeHtml(c.id)}: ${escapeHtml(c.description)} (${sides(c)})${previousLink(c)}</li>`)
    .join('')}<li class="pass">${passed} of ${checks.length} checks pass</li></ul>`;
}

/** One report: identity, checks, issues, the three forms and the provenance panel. */
export function reportPage(record: ReportRecord, crossYear: readonly Check[], pageImages: Record<string, PageImage>): string {
  const checks = [...record.checks, ...crossYear];
  const failedKeys = new Set(checks.filter((c) => !c.pass).flatMap((c) => c.cells));
  const checksByCell: Record<string, number[]> = {};
  checks.forEach((c, i) => {
    for (const key of c.cells) (checksByCell[key] ??= []).push(i);
  });
  const data = { cells: Object.fromEntries(cellsByKey(record)), checks, checksByCell, pageImages };
  const previousLink = (c: Check): string => {
    const other = c.cells.find((k) => k.includes(':'))?.split(':')[0];
    return other ? ` · <a href="${other}.html">year before</a>` : '';
  };
  const identity = [
    ['agencyKey', record.agencyKey],
    ['divisionCode', record.divisionCode],
    ['region', region(record)],
    ['level', record.level],
    ['source', `${record.source.path} (${record.source.format}, ${record.source.pages ?? '?'} pages)`],
  ]
    .map(([k, v]) => `<b>${k}</b> ${escapeHtml(v || '—')}`)
    .join(' · ');
  const body = `<header><a href="../index.html">← all reports</a><h1>${escapeHtml(record.agency ?? '(no agency)')} · ${escapeHtml(record.year ?? '—')} <span class="badge status-${record.status}">${record.status}</span></h1>
<div>template ${escapeHtml(record.template ?? '—')} · id ${record.id}</div></header>
<main>
<p class="muted">${identity}</p>
<h2>Checks</h2>${checkList(checks, previousLink)}
${record.issues.length ? `<h2>Issues</h2><ul class="checks">${record.issues.map((i) => `<li>${i.severity} · ${escapeHtml(i.code)}${i.page ? ` (page ${i.page})` : ''}: ${escapeHtml(i.message)}</li>`).join('')}</ul>` : ''}
${legend()}
<div class="layout"><div class="forms">${renderForms(record, failedKeys)}</div>
<aside id="provenance"><h3>Provenance</h3><p class="muted">Click a cell to see where its value came from.</p></aside></div>
</main>
<script type="application/json" id="report-data">${jsonForScript(data)}</script>`;
  return page(`${record.agency ?? record.id} ${record.year ?? ''}`, body, REPORT_SCRIPT);
}
