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
    // Real set i, 福田: the year opens the title, before the agency (the agency was "年区集体经济发展服务署").
    ['2021年区集体经济发展服务署政府信息公开工作年度报告\n信息提供日期 : 2022-01-21', '区集体经济发展服务署', 2021],
    // An OCR title with a character it could not read (drawn-052): the agency is not known, the year is.
    ['□市交通运输局2019年政府信息公开工作年度报告', null, 2019],
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

  test('title variants of real reports (test/fixtures/real): "…公开情况的报告", "…年度工作报告"', () => {
    expect(readMetadata('关于2022年度政府信息公开情况的报告\n一、总体情况').year).toBe(2022);
    expect(readMetadata('上湾乡人民政府2019年度政府信息公开年度工作报告').year).toBe(2019);
  });

  test('a portal field label before the title, 政务信息公开…开展, and a title wrapped over two lines (real set f, e)', () => {
    expect(readMetadata('标      题 西藏自治区审计厅2025年政务信息公开工作开展年度报告\n索引号 000014349/2026-00021')).toEqual({ agency: '西藏自治区审计厅', year: 2025 });
    expect(readMetadata('背景色:\n\n西藏自治区审计厅2025年政务信息\n\n公开工作开展年度报告\n\n一、总体情况')).toEqual({ agency: '西藏自治区审计厅', year: 2025 });
    expect(readMetadata('市政府研究室2019年政府信息公开\n工作年度报告\n根据修订后的…')).toEqual({ agency: '市政府研究室', year: 2019 });
  });

  test('a title naming no year: the agency on its line or the line above (real b-neimenggu-wuhai-gxj-2020)', () => {
    expect(readMetadata('乌海市工业和信息化局\n政府信息公开工作年度报告\n为切实做好政府信息公开工作').agency).toBe('乌海市工业和信息化局');
    expect(readMetadata('乌海市工业和信息化局政府信息公开工作年度报告\n一、总体情况').agency).toBe('乌海市工业和信息化局');
    expect(readMetadata('一、总体情况\n我局认真贯彻政府信息公开工作年度报告').agency).toBeNull();
    // "我局" names no one; words of the sentence before a name are not part of it (real c-county-commerce, c-datong-xinfang).
    expect(readMetadata('现将我局2022年政府信息公开工作年度报告公布如下').agency).toBeNull();
    expect(readMetadata('现将信访局2021年政府信息公开工作年度报告公布如下').agency).toBe('信访局');
  });

  test('no title: the year the narrative sentences open with, when one clearly leads; never a date', () => {
    expect(readMetadata('一、总体情况\n2022年我局严格按照《条例》要求，全面推进信息公开工作。').year).toBe(2022);
    expect(readMetadata('(一)主动公开情况。2024年，我局共主动公开政府信息376条。\n(二)依申请公开情况。2024年，我局共收到申请5件。').year).toBe(2024);
    expect(readMetadata('2024年1月，我局发布了报告。').year).toBeNull();
    expect(readMetadata('2021年，我局…。2022年，我局…').year).toBeNull();
    expect(readMetadata('截止2023年12月31日我局通过官方网站发布政务类信息34条').year).toBe(2023);
    // A clause after a comma opens with it too (real set e, zhongjiang 2022: "坚持依法公开,2022年,我局在…").
    expect(readMetadata('(一)主动公开方面。认真贯彻落实《条例》等相关要求,坚持依法公开,2022年,我局在中江县人民政府网站主动公开信息416条。').year).toBe(2022);
  });

  test('no title, no sentence opening with a year: the one year whose disclosure work the preamble names; never a plan of a year', () => {
    // The shared corpus, nilka 2023.
    expect(readMetadata('一、总体情况\n本报告是根据《条例》要求,现结合我镇实际,主要从总体情况等六个方面汇报我镇2023年政府信息公开工作。').year).toBe(2023);
    expect(readMetadata('一、总体情况\n我局按照2023年政府信息公开工作要点,认真做好信息公开工作。').year).toBeNull();
    expect(readMetadata('汇报我局2022年政府信息公开工作,并对照2021年政府信息公开工作找差距。').year).toBeNull();
    // Real set g, guiyang 2020: the body's name between the year and 信息公开工作.
    expect(readMetadata('根据《条例》规定,特向社会公布2020年桂洋镇人民政府信息公开工作年度报告。').year).toBe(2020);
    // Never a year of work still to come.
    expect(readMetadata('一、总体情况\n下一步，我镇将在2024年继续深化政府信息公开工作。').year).toBeNull();
  });
  test('a report title inside a cited document 《…》 is not the title: no agency from the sentence citing it', () => {
    // Real set h, pingwu 2021: the notice that asked for the reports, cited in the first sentence.
    const meta = readMetadata('根据《中华人民共和国政府信息公开条例》和《平武县人民政府办公室关于2021年度政府信息公开工作年度报告编制工作的通知》要求,现将2021年度政府信息公开工作情况报告如下:\n一、总体情况');
    expect(meta.agency).toBeNull();
    expect(meta.year).toBe(2021);
    // The title after the citation still counts.
    expect(readMetadata('根据《关于2020年度政府信息公开工作年度报告的通知》要求,某某县统计局2021年政府信息公开工作年度报告如下').year).toBe(2021);
  });

  test('no title line: the sentence presenting the report names its year and body, the body after the year too', () => {
    // Real set k, 镇远 2021: the title is only this sentence; the next paragraph cites last year's report in 《…》.
    const zhenyuan = '根据《中华人民共和国政府信息公开条例》,现将2021年度镇远县林业局政府信息公开工作报告如下:\n一、2021政府信息公开情况\n1、根据《中华人民共和国政府信息公开条例》的规定和县政务公开办的要求,我局撰写了《2020年镇远县林业局政府信息公开工作年度报告》,并于2021年2月1日在县政务信息公开网站林业局专栏“公开年报”栏目发布。';
    expect(readMetadata(zhenyuan)).toEqual({ agency: '镇远县林业局', year: 2021 });
    // Real set g, 桂洋 2020: "…人民" + "政府信息公开": the 政府 ends the body's name.
    expect(readMetadata('根据《条例》规定,特向社会公布2020年桂洋镇人民政府信息公开工作年度报告。').agency).toBe('桂洋镇人民政府');
    // Real set j, 茅坪 2022: the body before the year, in a line too long for a title.
    expect(readMetadata(`${'根据《条例》和上级文件要求,'.repeat(6)}现将茅坪回族镇2022年度政府信息公开工作报告如下:`)).toEqual({ agency: '茅坪回族镇', year: 2022 });
    // Real set a, 文登 信访局 2022: a flipbook page's title names its page first.
    expect(readMetadata('Page 8 - 威海市文登区信访局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况')).toEqual({ agency: '威海市文登区信访局', year: 2022 });
    // Real set m, 荣成 2019: "现公布…" presents it too, after a cited notice's 《…》 of the same year.
    expect(readMetadata('根据《条例》、山东省人民政府办公厅《关于做好2019年度信息公开年度报告编制发布工作的通知》要求,现公布荣成市水利局2019年度政府信息公开年度报告。本报告由概述…组成。')).toEqual({ agency: '荣成市水利局', year: 2019 });
    // "我局", and a sentence presenting no body, name no one.
    expect(readMetadata('现将2021年度政府信息公开工作情况报告如下:').agency).toBeNull();
    expect(readMetadata('现将我局2020年度政府信息公开工作年度报告编制如下。').agency).toBeNull();
  });

  test('no title and no sentence presenting it: the body the narrative names as the subject of the year\'s work', () => {
    // Real set k, 阜蒙 2021 (its portal's field line first).
    expect(readMetadata('日期: 2022-01-19 浏览量:194 来源:阜蒙县林业和草原局\n一、总体情况\n2021年,阜蒙县林业和草原局高度重视政府信息公开工作。做到有领导分管。')).toEqual({ agency: '阜蒙县林业和草原局', year: 2021 });
    // Real set k, 绵竹 2021: the text says only 市农业农村局 (the city is named only in its portal's name).
    expect(readMetadata('一、总体情况\n2021年,市农业农村局认真贯彻落实省、市、县政府信息公开工作会议和有关文件精神。').agency).toBe('市农业农村局');
    // Real set l, 临河 2023: the body named before its year.
    expect(readMetadata('一、总体情况\n临河区医疗保障局2023年为深入推进和落实政府信息公开工作,局党组高度重视。\n2023年,我局主动公开信息共23条。')).toEqual({ agency: '临河区医疗保障局', year: 2023 });
    // A body and a year that are not a sentence's subject and its year's work: no one.
    expect(readMetadata('一、总体情况\n2023年,我局主动公开信息。\n转发某某县统计局2023年第3号通知。').agency).toBeNull();
    // "我局", "全镇", another year's subject: no one.
    expect(readMetadata('一、总体情况\n2020年,我局围绕“民政为民,民政爱民”的工作主线。').agency).toBeNull();
    expect(readMetadata('一、总体情况\n2021年,全镇认真贯彻落实《条例》。').agency).toBeNull();
    expect(readMetadata('统计期限自2022年1月1日起至2022年12月31日止。\n2021年,某某县统计局认真做好公开工作。')).toEqual({ agency: null, year: 2022 });
  });
});
