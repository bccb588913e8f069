/**
 * Agency identity (issue 17): one key per body whatever name form it prints, its division code,
 * region and level from the division dataset, null and an issue where the name is ambiguous; and
 * on the corpus reports, the identity each real report gets.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { identifyAgency } from '../src/identity/agency.js';
import { processFile } from '../src/pipeline.js';
import { ReportRecordSchema } from '../src/schema/records.js';
import { SHARED } from './helpers.js';

describe('identifyAgency', () => {
  test.each([
    ['洪泽区人民政府', '江苏省淮安市洪泽区人民政府', '320813', 'county'],
    ['淮安市洪泽区人民政府', '江苏省淮安市洪泽区人民政府', '320813', 'county'],
    ['江苏省淮安市洪泽区人民政府', '江苏省淮安市洪泽区人民政府', '320813', 'county'],
    ['淮安市人民政府', '江苏省淮安市人民政府', '320800', 'city'],
    ['江苏省人民政府', '江苏省人民政府', '320000', 'province'],
    ['中宁县科学技术局', '宁夏回族自治区中卫市中宁县科学技术局', '640521', 'department'],
    ['中卫市中宁县科学技术局', '宁夏回族自治区中卫市中宁县科学技术局', '640521', 'department'],
    ['大五里镇', '河北省唐山市迁安市大五里镇人民政府', '130283', 'township'],
    ['迁安市大五里镇人民政府', '河北省唐山市迁安市大五里镇人民政府', '130283', 'township'],
    ['北京市朝阳区人民政府', '北京市朝阳区人民政府', '110105', 'county'],
    ['淮安经济技术开发区管委会', '江苏省淮安市淮安经济技术开发区管委会', '320871', 'development zone'],
    ['淮 安 市 生态环境局', '江苏省淮安市生态环境局', '320800', 'department'],
  ])('%s → %s (%s, %s)', (name, key, code, level) => {
    const { identity, notes } = identifyAgency(name);
    expect(identity.agencyKey).toBe(key);
    expect(identity.divisionCode).toBe(code);
    expect(identity.level).toBe(level);
    expect(notes).toEqual([]);
  });

  test('region names come from the dataset, a municipality has no city', () => {
    expect(identifyAgency('洪泽区人民政府').identity).toMatchObject({ province: '江苏省', city: '淮安市', county: '洪泽区' });
    expect(identifyAgency('北京市朝阳区人民政府').identity).toMatchObject({ province: '北京市', city: null, county: '朝阳区' });
  });

  test('an ambiguous name leaves the division null and says so; the path or title settles it', () => {
    const alone = identifyAgency('朝阳区人民政府');
    expect(alone.identity.divisionCode).toBeNull();
    expect(alone.identity.province).toBeNull();
    expect(alone.notes.map((n) => n.code)).toEqual(['agency_ambiguous']);
    expect(identifyAgency('朝阳区人民政府', { path: 'reports/吉林省/长春市/2023.pdf' }).identity.divisionCode).toBe('220104');
    expect(identifyAgency('朝阳区人民政府', { text: '北京市朝阳区人民政府2023年政府信息公开工作年度报告' }).identity.divisionCode).toBe('110105');
  });

  test('a street named with its 办事处 is every street of that name, not the one the dataset prints so (新华街道办事处)', () => {
    // Real set b, 通州 新华 2019: "2019年,新华街道办事处高度重视…" was given 内蒙古 阿拉善左旗's 新华街道办事处, the only
    // division whose printed name has the 办事处, over the 27 named 新华街道.
    const { identity, notes } = identifyAgency('新华街道办事处');
    expect(identity).toMatchObject({ divisionCode: null, province: null, level: 'township' });
    expect(notes.map((n) => n.code)).toEqual(['agency_ambiguous']);
    expect(identifyAgency('北京市通州区新华街道办事处').identity).toMatchObject({ agencyKey: '北京市通州区新华街道办事处', divisionCode: '110112' });
  });

  test('15 towns named 凤凰镇: null, with the shared fields only', () => {
    const { identity, notes } = identifyAgency('凤凰镇人民政府');
    expect(identity).toMatchObject({ divisionCode: null, province: null, level: 'township' });
    expect(notes[0]?.message).toContain('凤凰镇');
  });

  test('a name without its place takes the place the title or path names (区统计局, 本局)', () => {
    expect(identifyAgency('区统计局', { path: '/data/山东省威海市文登区/2023.html' }).identity).toMatchObject({
      agencyKey: '山东省威海市文登区统计局',
      divisionCode: '371003',
      level: 'department',
    });
    // A portal named in passing is no title: the division is taken, the body is not guessed.
    const fenghuang = identifyAgency(null, { text: '本报告可通过柞水县人民政府门户网站查阅' });
    expect(fenghuang.identity).toMatchObject({ agencyKey: null, divisionCode: '611026', county: '柞水县' });
  });

  test('a district\'s body where the text names only its city or province: province and city, no division (real a-wuhan-hanyang, b-guangdong-fagai)', () => {
    const hanyang = identifyAgency('区政府办公室', { text: '根据《武汉市政府信息公开规定》,区政府办公室认真贯彻落实…' });
    expect(hanyang.identity).toMatchObject({ agencyKey: '区政府办公室', divisionCode: null, province: '湖北省', city: '武汉市', county: null });
    expect(hanyang.notes.map((n) => n.code)).toEqual(['agency_ambiguous']);
    expect(identifyAgency('区发改局', { text: '广东省政府信息公开工作要点' }).identity).toMatchObject({ agencyKey: '区发改局', divisionCode: null, province: '广东省' });
    // The district itself named: its body, as before.
    expect(identifyAgency('区统计局', { path: '/data/山东省威海市文登区/2023.html' }).identity.divisionCode).toBe('371003');
  });

  test('a body with no place in the dataset keeps its name as key and no division', () => {
    expect(identifyAgency('某某市生态环境局').identity).toEqual({
      agencyKey: '某某市生态环境局',
      divisionCode: null,
      province: null,
      city: null,
      county: null,
      level: 'department',
    });
    expect(identifyAgency('某某镇人民政府').identity.level).toBe('township');
    expect(identifyAgency(null).identity.agencyKey).toBeNull();
  });
});

/** What each corpus report must get (from its truth notes: the agency and where it is). */
const CORPUS_EXPECTED: Record<string, { agencyKey: string | null; divisionCode: string | null }> = {
  'huaian-hongze-2023-pdf': { agencyKey: '江苏省淮安市洪泽区人民政府', divisionCode: '320813' },
  'huaian-hongze-2024-pdf': { agencyKey: '江苏省淮安市洪泽区人民政府', divisionCode: '320813' },
  'huaian-city-2024-pdf': { agencyKey: '江苏省淮安市人民政府', divisionCode: '320800' },
  'dawuli-town-2020-excerpt': { agencyKey: '河北省唐山市迁安市大五里镇人民政府', divisionCode: '130283' },
  'huiyi-town-2021-excerpt': { agencyKey: '云南省昭通市绥江县会仪镇人民政府', divisionCode: '530626' },
  'linshan-township-2020-excerpt': { agencyKey: '浙江省衢州市开化县林山乡人民政府', divisionCode: '330824' },
  // The name is not in the excerpt, but its text names the county (柞水县).
  'fenghuang-town-2021-traditional': { agencyKey: null, divisionCode: '611026' },
  // No title: the narrative's subject of the year's work, "2019年,文登区住建局共主动公开…", in its short form (the
  // truth's "威海市文登区住房和城乡建设局（文登区住建局）"); the key keeps the form printed.
  'wendeng-zhujian-2019-excerpt': { agencyKey: '山东省威海市文登区住建局', divisionCode: '371003' },
  // "现公布区统计局2023年政府信息公开工作年度报告" names the body and no place (the site is a bare IP): the key is the
  // name as printed, its division unknown.
  'district-stats-2023-excerpt': { agencyKey: '区统计局', divisionCode: null },
};

describe('the corpus reports', () => {
  test('each report gets the identity its truth describes, and the rest no made-up division', async () => {
    const corpus = join(SHARED, 'corpus');
    const slugs = (await readdir(corpus, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
    const got: Record<string, { agencyKey: string | null; divisionCode: string | null }> = {};
    for (const slug of slugs) {
      const source = (await readdir(join(corpus, slug))).find((f) => f.startsWith('source.')) as string;
      const { record } = await processFile(join(corpus, slug, source));
      if (!record) throw new Error(`${slug}: no record`);
      ReportRecordSchema.parse(record);
      got[slug] = { agencyKey: record.agencyKey ?? null, divisionCode: record.divisionCode ?? null };
    }
    const expected = Object.fromEntries(slugs.map((s) => [s, CORPUS_EXPECTED[s] ?? { agencyKey: null, divisionCode: null }]));
    expect(got).toEqual(expected);
  });
});
