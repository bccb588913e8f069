/**
 * Agency identity (issue 17): which body a report is from, stable across years and name forms.
 * `洪泽区人民政府` and `淮安市洪泽区人民政府` are one body: the leading place names are matched against
 * the division dataset, the body after them is normalised, and the key is the fully qualified
 * name (江苏省淮安市洪泽区人民政府). Where the name leaves the place out (区统计局, 本局, no name at all)
 * the report's title region and file path are searched for one. What cannot be decided is null,
 * with an issue saying why: a wrong division is worse than none.
 */
import type { AgencyLevel } from '../schema/records.js';
import { foldText } from '../tables/normalise.js';
import { divisionIndex, isWithin, lineage, sixDigitCode, type Division } from './divisions.js';


/** What identity adds to a report record (all null when unknown). */
export interface AgencyIdentity {
  agencyKey: string | null;
  divisionCode: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  level: AgencyLevel | null;
}

/** Why a field was left null though a place was named, for the record's issues (a name with no place at all, 某某局, needs no note: its nulls say it). */
export interface IdentityNote {
  code: 'agency_ambiguous';
  message: string;
}

export interface IdentityResult {
  identity: AgencyIdentity;
  notes: IdentityNote[];
}

/** What the report offers besides its agency name. */
export interface IdentityContext {
  /** The source path or URL as given. */
  path?: string;
  /** The start of the report's text (the title and first paragraphs). */
  text?: string;
}

/** How much of the text counts as the title region. */
const TITLE_REGION = 600;

/** Bodies that are a development zone (管委会 of a 开发区, 高新区, 新区 …). */
const ZONE = /(?:开发区|高新区|新区|园区|试验区|示范区|保税区|合作区|管委会|管理委员会)/;
/** The tail of a department's name. */
const DEPARTMENT = /(?:局|委员会|委|办公室|办|厅|中心|院|所|站|队|处|部|署|会|馆|社|庭)$/;
/** What a government's own name ends with after its place (nothing, 人民政府, 政府, a street's 办事处). */
const GOVERNMENT_BODY = /^(?:人民政府|政府|办事处|街道办事处)?$/;
/** 本局, 我县 …: words that name the reporting body without naming it. */
const PRONOUN_BODY = /^(?:本|我)(?:局|委|办|县|区|市|镇|乡|街道|单位|机关)$/;

/** A body's name for matching: folded (NFKC, 繁→简), no spaces, no bracketed notes, no quotes. */
export function normaliseAgencyName(name: string): string {
  return foldText(name)
    .replace(/[（(【\[][^）)】\]]*[）)】\]]/g, '')
    .replace(/[\s"'“”‘’《》「」]/g, '')
    .trim();
}

/** A place chain read from the start of a text: the divisions it may be (one when certain). */
interface Chain {
  candidates: Division[];
  /** Characters of the text the place names took. */
  length: number;
}

/** Reads place names from the start of `text`, each one inside the one before (淮安市 → 洪泽区). */
function readChain(text: string): Chain {
  const { byName, longestName } = divisionIndex();
  let candidates: Division[] = [];
  let position = 0;
  for (;;) {
    let matched: Division[] | null = null;
    let matchedLength = 0;
    for (let length = Math.min(longestName, text.length - position); length >= 2; length--) {
      const found = byName.get(text.slice(position, position + length));
      if (!found) continue;
      const inside = candidates.length === 0 ? found : found.filter((d) => candidates.some((c) => isWithin(d, c) && d !== c));
      if (inside.length > 0) {
        matched = [...inside];
        matchedLength = length;
        break;
      }
    }
    if (!matched) return { candidates, length: position };
    candidates = matched;
    position += matchedLength;
  }
}

/** The place chain that starts earliest in `text` and names a body or a place with its parent. */
function chainsIn(text: string): Chain[] {
  const chains: Chain[] = [];
  for (let i = 0; i < text.length; i++) {
    const chain = readChain(text.slice(i));
    if (chain.candidates.length === 0) continue;
    chains.push(chain);
    i += chain.length - 1;
  }
  return chains;
}

/** The deepest division every candidate lies in (their common ancestor), or null. */
function commonAncestor(candidates: readonly Division[]): Division | null {
  if (candidates.length === 0) return null;
  const first = lineage(candidates[0] as Division);
  let common: Division | null = null;
  for (const d of first) {
    if (candidates.every((c) => isWithin(c, d))) common = d;
    else break;
  }
  return common;
}

/** Keeps the candidates that some place named in the context lies in or contains. */
function narrowByContext(candidates: readonly Division[], context: IdentityContext): Division[] {
  if (candidates.length < 2) return [...candidates];
  const places = contextPlaces(context);
  const scored = candidates.map((c) => ({ c, score: places.filter((p) => isWithin(c, p) || isWithin(p, c)).length }));
  const best = Math.max(...scored.map((s) => s.score));
  return best > 0 ? scored.filter((s) => s.score === best).map((s) => s.c) : [...candidates];
}

/** Every division named with certainty (a unique name, or a name inside the one before) in the path and title region. */
function contextPlaces(context: IdentityContext): Division[] {
  const sources = [context.path ?? '', foldText(context.text ?? '').slice(0, TITLE_REGION)];
  return sources.flatMap((s) => chainsIn(normaliseAgencyName(s)).flatMap((c) => (c.candidates.length === 1 ? c.candidates : [])));
}

/** What may follow a place in a title or first sentence to name a body. */
const BODY_AFTER_PLACE = /^(?:人民政府|政府|[\p{Script=Han}]{1,10}?(?:局|委员会|办公室|办事处))?(?=(?:关于)?\d{4}年度?(?:政府)?信息公开)/u;

/** A body named in a title in the text: a place named with certainty, a body, then the year and 信息公开 (not 柞水县人民政府门户网站, a portal named in passing). */
function bodyNamedInText(text: string): string | null {
  const region = normaliseAgencyName(foldText(text).slice(0, TITLE_REGION));
  for (let i = 0; i < region.length; i++) {
    const chain = readChain(region.slice(i));
    if (chain.candidates.length === 0) continue;
    const rest = region.slice(i + chain.length);
    const body = chain.candidates.length === 1 ? BODY_AFTER_PLACE.exec(rest) : null;
    if (body) return region.slice(i, i + chain.length) + body[0];
    i += chain.length - 1;
  }
  return null;
}

/** A name opening with a level deeper than the one place named (区 or 县 under a city or province, 市 under a province). */
function belowNamedPlace(body: string, place: Division): boolean {
  if (/^[区县]/u.test(body)) return place.level === 'city' || place.level === 'province';
  return /^市/u.test(body) && place.level === 'province';
}

/** The body's level from what follows the place names (and the place's own level for a government). */
function levelOf(body: string, place: Division | null, fullName: string): AgencyLevel | null {
  if (ZONE.test(body) || (place && ZONE.test(place.name) && GOVERNMENT_BODY.test(body))) return 'development zone';
  if (GOVERNMENT_BODY.test(body) && place) return place.level;
  if (/人民政府$/.test(body) || /政府$/.test(body)) {
    // A government whose place is not in the dataset: its own name says the level, except 市 (a prefecture or a county-level city).
    const stem = fullName.replace(/(?:人民)?政府$/, '');
    if (/(?:镇|乡|街道)$/.test(stem)) return 'township';
    if (/(?:县|区|旗)$/.test(stem)) return 'county';
    if (/(?:省|自治区)$/.test(stem)) return 'province';
    return null;
  }
  if (/(?:镇|乡|街道|街道办事处)$/.test(fullName) && !place) return 'township';
  if (DEPARTMENT.test(body)) return 'department';
  return null;
}

/** The fully qualified name of a division: its ancestors' names before its own (placeholder cities skipped). */
function qualifiedName(division: Division): string {
  return lineage(division)
    .map((d) => d.name)
    .join('');
}

/** The key of a body: its place's qualified name and its body, governments written 人民政府 (streets 办事处). */
function keyOf(place: Division, body: string, level: AgencyLevel | null): string {
  let tail = body;
  if (level === place.level || (level === 'development zone' && GOVERNMENT_BODY.test(body))) {
    tail = /街道$/.test(place.name) ? '办事处' : level === 'development zone' ? '' : '人民政府';
  }
  return qualifiedName(place) + tail;
}

function identityOf(place: Division | null, certain: boolean): Omit<AgencyIdentity, 'agencyKey' | 'level'> {
  if (!place) return { divisionCode: null, province: null, city: null, county: null };
  const chain = lineage(place);
  const at = (level: Division['level']): string | null => chain.find((d) => d.level === level)?.name ?? null;
  return {
    divisionCode: certain ? sixDigitCode(place) : null,
    province: at('province'),
    city: at('city'),
    county: at('county'),
  };
}

/** Derives the agency's identity from its name, and from the path and text where the name leaves the place out. */
export function identifyAgency(agency: string | null, context: IdentityContext = {}): IdentityResult {
  const notes: IdentityNote[] = [];
  const name = agency === null ? '' : normaliseAgencyName(agency);
  const chain = name === '' ? { candidates: [], length: 0 } : readChain(name);
  let body = name.slice(chain.length);
  let candidates: Division[] = [...chain.candidates];
  if (name === '') {
    // No name: the title region may still name the body after a place (文登区住建局高度重视…, 大五里镇2020年…).
    const named = bodyNamedInText(context.text ?? '');
    if (named) return identifyAgency(named, context);
  }
  if (candidates.length === 0) {
    // No place in the name (区统计局, 本局) or no name: a place named with certainty in the path or title.
    const places = contextPlaces(context);
    const deepest = places.filter((p) => !places.some((q) => q !== p && isWithin(q, p)));
    const distinct = [...new Set(deepest)];
    if (distinct.length === 1) {
      candidates = distinct;
      // 区统计局 under 文登区: the leading 区 is the place already named.
      const place = distinct[0] as Division;
      const levelChar = place.name.slice(-1);
      if (body.startsWith(levelChar) && body.length > 1 && !GOVERNMENT_BODY.test(body.slice(1))) body = body.slice(1);
      if (PRONOUN_BODY.test(body)) body = '';
      // 区政府办公室 where the text names only 武汉市: the body is one of a district's (区, 县) or a county-level
      // city's under a province (市), and which one is not named. Its province and city are known, its division is not.
      else if (belowNamedPlace(body, place)) {
        notes.push({ code: 'agency_ambiguous', message: `"${name}" is a body of a ${body.slice(0, 1)} inside ${place.name} that the report does not name; its division is left empty` });
        return { identity: { agencyKey: name, ...identityOf(place, false), level: levelOf(body, null, name) }, notes };
      }
    } else if (distinct.length > 1) {
      notes.push({ code: 'agency_ambiguous', message: `the report names several places (${distinct.map((d) => d.name).join(', ')}); its division is left empty` });
    }
  } else if (candidates.length > 1) {
    candidates = narrowByContext(candidates, context);
  }
  if (candidates.length === 0) {
    const level = name === '' ? null : levelOf(name, null, name);
    return { identity: { agencyKey: name === '' ? null : name, divisionCode: null, province: null, city: null, county: null, level }, notes };
  }
  if (candidates.length > 1) {
    const common = commonAncestor(candidates);
    notes.push({
      code: 'agency_ambiguous',
      message: `"${name}" may be in ${candidates
        .slice(0, 4)
        .map((c) => qualifiedName(c))
        .join(', ')}${candidates.length > 4 ? ` and ${candidates.length - 4} more` : ''}; the fields they do not share are left empty`,
    });
    const shared = identityOf(common, false);
    const level = levelOf(body, candidates[0] as Division, name);
    return { identity: { agencyKey: name || null, ...shared, level }, notes };
  }
  const place = candidates[0] as Division;
  const level = levelOf(body, place, name);
  if (body === '' && name === '') {
    // Only the context named a place, and nothing names the body: the division is known, the body is not.
    return { identity: { agencyKey: null, ...identityOf(place, true), level: null }, notes };
  }
  return { identity: { agencyKey: keyOf(place, body, level), ...identityOf(place, true), level }, notes };
}
