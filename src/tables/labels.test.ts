import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { matchRowLabel, parseLabel, splitAtNumbering } from './labels.js';
import { labelKey, normaliseLabel } from './normalise.js';
import { ACTIVE_ROW_SPECS, REQUEST_GROUP_PHRASES, REQUEST_ROW_SPECS } from './templates.js';

const matchRequest = (text: string, expectedIndex?: number) =>
  matchRowLabel(parseLabel(text, REQUEST_GROUP_PHRASES), REQUEST_ROW_SPECS, REQUEST_GROUP_PHRASES, expectedIndex === undefined ? {} : { expectedIndex })?.key;

describe('normaliseLabel', () => {
  test('folds width, removes whitespace, quotes and pinyin glosses, converts traditional characters', () => {
    expect(normaliseLabel('（一）　予以 公开')).toBe('(一)予以公开');
    expect(normaliseLabel('3.危及“三安全一稳定”')).toBe(normaliseLabel('3.危及"三安全一稳定"'));
    expect(normaliseLabel('規(guī)章')).toBe('规章');
    expect(normaliseLabel('結轉下年度繼續辦理')).toBe('结转下年度继续办理');
    expect(normaliseLabel('總計')).toBe('总计');
    expect(normaliseLabel('申請人情況')).toBe('申请人情况');
  });

  test('property: idempotent, and blind to inserted whitespace', () => {
    const labels = [...REQUEST_ROW_SPECS, ...ACTIVE_ROW_SPECS].map((s) => s.label);
    fc.assert(
      fc.property(fc.constantFrom(...labels), fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom(' ', '\u3000', '\u00a0', '\t', '\n'), (label, cuts, space) => {
        const chars = [...label];
        for (const c of cuts) chars.splice(c % (chars.length + 1), 0, space);
        const spaced = chars.join('');
        expect(normaliseLabel(spaced)).toBe(normaliseLabel(label));
        expect(normaliseLabel(normaliseLabel(label))).toBe(normaliseLabel(label));
      }),
    );
  });
});

describe('parseLabel', () => {
  test('strips numbering and group phrases, keeping the numbering as hints', () => {
    expect(parseLabel('三、本年度办理结果（一）予以公开', REQUEST_GROUP_PHRASES)).toEqual({ numbering: ['三', '(一)'], key: '予以公开' });
    expect(parseLabel('（四）无法提供 3.补正后申请内容仍不明确', REQUEST_GROUP_PHRASES)).toEqual({ numbering: ['(四)', '3'], key: '补正后申请内容仍不明确' });
    expect(parseLabel('1 . 属于国家秘密').numbering).toEqual(['1']);
    expect(parseLabel('1、属于国家秘密').key).toBe('属于国家秘密');
    expect(parseLabel('（六）其他处理', REQUEST_GROUP_PHRASES).key).toBe('其他处理');
  });
});

describe('matchRowLabel', () => {
  test('every official label matches its own row', () => {
    for (const spec of REQUEST_ROW_SPECS) expect(matchRequest(spec.label, REQUEST_ROW_SPECS.indexOf(spec))).toBe(spec.key);
  });

  test.each([
    ['2.其他法律行政止公开', 'deniedOtherLaws'],
    ['二、上年转结政府信息公开申请数量', 'carriedOver'],
    ['4.无正当理由大量反复 申请', 'rejectedMassRepeated'],
    ['（七）合计', 'totalHandled'],
    ['（七）總計', 'totalHandled'],
    ['四、結轉下年度繼續辦理', 'carriedForward'],
    ['(二)部分公开(区分处理的,只计这一情形,不计其他情形)', 'partiallyGranted'],
    ['（六）其他', 'otherHandling'],
    ['（六）其他处理', 'otherHandling'],
    ['3.其他', 'otherOther'],
    ['（六）其他处理 1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'otherNoCorrection'],
    ['（四）无法提供1.本机关不掌握相关政府信息', 'unableNotHeld'],
    ['法提供2.没有现成信息需要另行制作', 'unableNeedsCreation'],
    ['三、 本年度 办理结果 (一) 予以公开', 'granted'],
    ['2.重复申请', 'rejectedDuplicate'],
    ['1.信访举报投诉类申请', 'rejectedPetition'],
  ])('%s → %s', (label, key) => {
    expect(matchRequest(label)).toBe(key);
  });

  test('a bare "其他" after the 2021 （六） rows is 3.其他, after 5.要求… it is （六）', () => {
    expect(matchRequest('其他', REQUEST_ROW_SPECS.findIndex((s) => s.key === 'otherOther'))).toBe('otherOther');
    expect(matchRequest('其他', REQUEST_ROW_SPECS.findIndex((s) => s.key === 'otherHandling'))).toBe('otherHandling');
  });

  test('text that is no row matches nothing', () => {
    for (const text of ['申请人情况', '第二十条第（一）项', '信息内容', '本报告中使用的数据统计期限']) expect(matchRequest(text)).toBeUndefined();
  });

  test('property: one substituted character (OCR) still matches the right row', () => {
    const long = REQUEST_ROW_SPECS.filter((s) => labelKey(parseLabel(s.label, REQUEST_GROUP_PHRASES).key).length >= 6);
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.nat(), (spec, at) => {
        const chars = [...spec.label];
        const i = chars.length - 1 - (at % 4);
        chars[i] = '口';
        expect(matchRequest(chars.join(''), REQUEST_ROW_SPECS.indexOf(spec))).toBe(spec.key);
      }),
    );
  });
});

test('the labels of several rows in one cell are split where each numbering starts; numbers inside a label are not numbering', () => {
  expect(splitAtNumbering('4 .保护第三方含法权益- 5.属于三类内部事务信息')).toEqual(['4 .保护第三方含法权益-', '5.属于三类内部事务信息']);
  expect(splitAtNumbering('（四）无法提供 1.本机关不掌握相关政府信息')).toEqual(['（四）无法提供', '1.本机关不掌握相关政府信息']);
  expect(splitAtNumbering('3.危及“三安全一稳定”')).toEqual(['3.危及“三安全一稳定”']);
  expect(splitAtNumbering('本年收费金额2.5万元')).toEqual(['本年收费金额2.5万元']);
});

describe('a label OCR garbled but for its bracketed numbering', () => {
  test('is the one row printed with that numbering, inexact (drawn-037 "(七)" and a speck, -121 "(七)总讨", -144 "(七)纺计")', () => {
    for (const text of ['(七)', '（七）总讨', '(七)纺计']) {
      const match = matchRowLabel(parseLabel(text, REQUEST_GROUP_PHRASES), REQUEST_ROW_SPECS, REQUEST_GROUP_PHRASES);
      expect(match).toMatchObject({ key: 'totalHandled', exact: false });
    }
    expect(matchRequest('（二）部分公')).toBe('partiallyGranted');
    // A numbering printed on one row only, with part of its words (drawn-084).
    expect(matchRequest('8.属天行政□条科')).toBe('deniedQueryMatters');
  });

  test('not with more garbled text than a few characters, nor a numbering that heads a group in one format (2021\'s （六）其他处理) or numbers several rows', () => {
    expect(matchRequest('（七）某某某某')).toBeUndefined();
    expect(matchRequest('（六）□□')).toBeUndefined();
    expect(matchRequest('（三）□')).toBeUndefined();
    // 5. numbers a row of 不予公开 and one of 不予处理; 8. with nothing of its row's words.
    expect(matchRequest('5.属天去太内部事')).toBeUndefined();
    expect(matchRequest('8.□□')).toBeUndefined();
  });
});
