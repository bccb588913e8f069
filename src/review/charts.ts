/**
 * The overview charts of the review site, drawn with Vega-Lite and rendered to SVG here, at build
 * time (vega's headless view, no browser, no canvas), so the site carries them inline and loads no
 * script or font for them.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** What the charts show, already counted. */
export interface ChartData {
  /** 本年新收 (总计) per year, each body and year counted once. */
  requestsPerYear: { year: number; requests: number }[];
  /** How the requests handled were answered, summed over the reports. */
  outcomes: { outcome: string; requests: number }[];
  /** Per year: the share of reports that pass every check (the cross-year ones included). */
  passingPerYear: { year: number; share: number; reports: number }[];
  /** Per year: failed cross-year checks. */
  crossYearPerYear: { year: number; mismatches: number }[];
}

const CONFIG = { font: 'Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 } };

async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function bars(title: string, values: object[], x: string, y: string, options: { xType?: 'ordinal' | 'nominal'; yFormat?: string; horizontal?: boolean } = {}): TopLevelSpec {
  const category = { field: x, type: options.xType ?? 'ordinal', title: null, sort: options.horizontal ? '-x' : undefined };
  const amount = { field: y, type: 'quantitative', title: null, axis: options.yFormat ? { format: options.yFormat } : {} };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 300,
    height: 170,
    config: CONFIG,
    data: { values },
    mark: { type: 'bar', color: '#4c78a8', tooltip: true },
    // Vega measures text without a canvas here and underestimates Han characters: leave the labels room.
    encoding: options.horizontal ? { y: { ...category, axis: { minExtent: 64, labelLimit: 200 } }, x: amount } : { x: category, y: amount },
  } as TopLevelSpec;
}

/** The four overview charts as SVG strings, by id. */
export async function renderCharts(data: ChartData): Promise<Record<string, string>> {
  const specs: Record<string, TopLevelSpec> = {
    'chart-requests': bars('本年新收申请 · requests received per year', data.requestsPerYear, 'year', 'requests'),
    'chart-outcomes': bars('办理结果 · outcome mix', data.outcomes, 'outcome', 'requests', { xType: 'nominal', horizontal: true }),
    'chart-passing': bars('全部校验通过的报告占比 · share passing every check', data.passingPerYear, 'year', 'share', { yFormat: '.0%' }),
    'chart-crossyear': bars('跨年结转不符 · cross-year mismatches', data.crossYearPerYear, 'year', 'mismatches'),
  };
  const entries = await Promise.all(Object.entries(specs).map(async ([id, spec]) => [id, await toSvg(spec)] as const));
  return Object.fromEntries(entries);
}
