import { describe, expect, test } from '@jest/globals';
import { readMetadata } from './report-metadata.js';

describe('readMetadata', () => {
  test.each([
    ['洪泽区人民政府2023年政府信息公开工作年度报告\n正文', '洪泽区人民政府', 2023],
    ['# 中宁县科学技术局\n\n## 2020年政府信息公开工作年度报告', '中宁县科学技术局', 2020],
    ['某某市生态环境局2021年度政府信息公开工作年度报告', '某某市生态环境局', 2021],
    ['关于某某县财政局2022年政府信息公开工作年度报告', '某某县财政局', 2022],
    ['淮安市人民政府\n2024年政府信息公开工作年度报告', '淮安市人民政府', 2024],
    ['２０２２年政府信息公开工作年度报告', null, 2022],
  ])('%j', (text, agency, year) => {
    expect(readMetadata(text)).toEqual({ agency, year });
  });

  test('a page flattened to one line (get_text): the title is the first in the line, the agency right before it', () => {
    const flat = `首页 > 年度报告 中宁县科学技术局2023年政府信息公开工作年度报告 当前位置：首页 > 政府信息公开 > 年度报告 ${'本报告根据条例编制。'.repeat(12)}`;
    expect(readMetadata(flat)).toEqual({ agency: '中宁县科学技术局', year: 2023 });
  });

  test('the year covered comes from the title, not from a publication date', () => {
    expect(readMetadata('某某局2021年政府信息公开工作年度报告\n发布日期：2022-01-25').year).toBe(2021);
  });

  test('without a year in the title, the 统计期限 decides, also with digits glued together', () => {
    expect(readMetadata('政府信息公开工作年度报告\n本报告中使用的数据统计期限为 2020 年 1 月 1 日起，至 2020 年 12 月 31 日。').year).toBe(2020);
    expect(readMetadata('年度报告\n统计期限自202211日起至20221231日止').year).toBe(2022);
    expect(readMetadata('没有年份的文字').year).toBeNull();
  });
});
