import { describe, expect, test } from '@jest/globals';
import type { HeaderPositions, Slot } from './slots.js';
import { columnsFromValues, columnsOfHeaderCell, driftingColumns, headerOnValuesPage } from './header-columns.js';

/** OCR value slots from [text, x0, x1, y0, y1] boxes. */
const row = (cells: readonly [string, number, number, number, number][]): Slot[] =>
  cells.map(([text, x0, x1, y0, y1]) => ({ text, page: 2, line: y0, confidence: 0.9, method: 'ocr', bbox: { x0, x1, y0, y1 } }));

/** The column each value's anchor falls in. */
const columnsOf = (slots: readonly Slot[], at: ReturnType<NonNullable<ReturnType<typeof driftingColumns>>>): number[] =>
  slots.map((s) => {
    const b = s.bbox!;
    const x = at.anchor === 'x0' ? b.x0 : at.anchor === 'x1' ? b.x1 : (b.x0 + b.x1) / 2;
    return at.columns.findIndex((c) => x >= c.start && x < c.start + c.span);
  });

describe('driftingColumns', () => {
  // drawn-040 p2 (a 2019 三 ruled with horizontal lines only, photographed: perspective): the full
  // rows' values as OCR boxed them. 自然人's column starts at x 646 at the top and 679 near the bottom.
  const full = [
    row([['24', 646, 671, 500, 517], ['0', 707, 720, 500, 518], ['0', 772, 785, 500, 518], ['0', 845, 858, 500, 517], ['26', 932, 958, 500, 517], ['0', 1027, 1040, 500, 517], ['50', 1070, 1095, 500, 517]]),
    row([['32', 652, 677, 666, 682], ['—', 712, 726, 664, 687], ['0', 777, 790, 665, 682], ['0', 850, 863, 665, 683], ['27', 937, 962, 665, 682], ['—', 1030, 1045, 664, 688], ['59', 1075, 1100, 665, 682]]),
    row([['0', 664, 676, 989, 1006], ['0', 725, 737, 989, 1006], ['14', 789, 814, 989, 1006], ['无', 862, 883, 987, 1009], ['11', 948, 972, 990, 1006], ['0', 1041, 1054, 989, 1007], ['25', 1084, 1109, 989, 1006]]),
    row([['40', 666, 691, 1057, 1074], ['0', 727, 740, 1057, 1074], ['24', 791, 816, 1057, 1074], ['0', 863, 876, 1057, 1074], ['0', 949, 962, 1057, 1074], ['0', 1043, 1056, 1057, 1074], ['64', 1085, 1110, 1057, 1075]]),
    row([['344', 679, 716, 1404, 1420], ['0', 739, 752, 1404, 1421], ['150', 804, 841, 1404, 1421], ['0', 874, 887, 1404, 1421], ['220', 960, 998, 1405, 1421], ['0', 1053, 1066, 1405, 1422], ['714', 1096, 1133, 1405, 1422]]),
  ];

  test('columns drifting down a photographed page place a row with blanks printed as nothing (drawn-040: 347 0 49 _ 97 _ 493)', () => {
    const tolerance = 17 / 3;
    // One set of columns for the whole page cannot be found: the drift is wider than the tolerance.
    expect(columnsFromValues(full.flat(), 7, tolerance)).toBeUndefined();
    const columns = driftingColumns(full, 7, tolerance);
    expect(columns).toBeDefined();
    // 一、本年新收 (y 365, above every full row): 社会公益组织 and 其他 printed blank.
    const newReceived = row([['347', 641, 679, 365, 382], ['0', 703, 716, 365, 382], ['49', 768, 794, 365, 382], ['97', 928, 952, 364, 382], ['493', 1066, 1105, 364, 381]]);
    expect(columnsOf(newReceived, columns!(373))).toEqual([0, 1, 2, 4, 6]);
    // 6.属于四类过程性信息 (y 795): 商业企业 and 社会公益组织 blank.
    const processInfo = row([['2', 657, 668, 786, 803], ['16', 783, 807, 786, 803], ['0', 940, 953, 786, 803], ['—', 1034, 1048, 785, 808], ['18', 1079, 1103, 786, 803]]);
    expect(columnsOf(processInfo, columns!(795))).toEqual([0, 2, 4, 5, 6]);
  });

  test('no columns where a full row strays from the lines through the others (a value read a column off)', () => {
    const shifted = [...full.slice(0, 4), row([['344', 739, 776, 1404, 1420], ['0', 804, 817, 1404, 1421], ['150', 874, 911, 1404, 1421], ['0', 960, 973, 1404, 1421], ['220', 1053, 1091, 1405, 1421], ['0', 1096, 1109, 1405, 1422], ['714', 1150, 1187, 1405, 1422]])];
    expect(driftingColumns(shifted, 7, 17 / 3)).toBeUndefined();
  });
});

describe('columnsFromValues', () => {
  // drawn-059 p2 (a 2021 三 continued from page 1, ruled with horizontal lines only): the full rows'
  // values as OCR boxed them, the last with a piece of its label ("结4" of 四、结转下年度继续办理)
  // read as a value at x 436, and its 其他 cell (printed blank) missing.
  const full = [
    row([['0', 746, 757, 490, 508], ['0', 821, 831, 490, 508], ['0', 876, 886, 490, 508], ['0', 937, 948, 490, 508], ['31', 1008, 1027, 490, 508], ['0', 1085, 1095, 490, 508], ['31', 1124, 1142, 490, 508]]),
    row([['0', 746, 756, 764, 782], ['0', 822, 832, 764, 782], ['0', 876, 886, 764, 782], ['0', 938, 948, 764, 782], ['—', 1005, 1020, 764, 782], ['0', 1084, 1095, 764, 782], ['0', 1123, 1134, 764, 782]]),
    row([['10', 749, 767, 833, 851], ['0', 821, 832, 833, 851], ['31', 876, 894, 833, 851], ['0', 937, 948, 833, 851], ['17', 1010, 1028, 833, 851], ['0', 1084, 1095, 833, 851], ['58', 1124, 1145, 833, 851]]),
    row([['4', 436, 447, 1198, 1216], ['13', 748, 767, 1198, 1216], ['无', 823, 842, 1198, 1216], ['0', 876, 886, 1198, 1216], ['0', 937, 947, 1198, 1216], ['—', 1082, 1097, 1198, 1216], ['13', 1126, 1144, 1198, 1216]]),
  ];
  const tolerance = 18 / 3;

  test('a value standing alone among the full rows is a stray, not a column: the seven columns are found (drawn-059 p2)', () => {
    expect(columnsFromValues(full.flat(), 7, tolerance)).toBeUndefined();
    const columns = columnsFromValues(full.flat(), 7, tolerance, 1);
    expect(columns?.anchor).toBe('x0');
    expect(columns?.anchors?.map(Math.round)).toEqual([747, 822, 876, 937, 1008, 1084, 1124]);
  });

  test('more lone values than allowed are no columns (columns drifting apart, not strays)', () => {
    const strays = [...full.flat(), ...row([['7', 300, 311, 1300, 1318]])];
    expect(columnsFromValues(strays, 7, tolerance, 1)).toBeUndefined();
  });

  test('a pair of values off the columns, fewer than every column holds, are strays too; a pair as large as a column is not', () => {
    // Two values read at x 600 (a row's numbers a column off): the seven columns hold three or four each.
    const pair = [...full.flat(), ...row([['5', 600, 611, 1300, 1318], ['24', 601, 620, 1350, 1368]])];
    expect(columnsFromValues(pair, 7, tolerance, 1)).toBeUndefined();
    expect(columnsFromValues(pair, 7, tolerance, 3)?.anchors?.map(Math.round)).toEqual([747, 822, 876, 937, 1008, 1084, 1124]);
    // With a column of only two values (法律服务机构 without its "17"), the pair could be a column as well: none.
    const thin = [...full.flat().filter((s) => s.text !== '17'), ...row([['5', 600, 611, 1300, 1318], ['24', 601, 620, 1350, 1368]])];
    expect(columnsFromValues(thin, 7, tolerance, 3)).toBeUndefined();
  });
});

describe('headerOnValuesPage', () => {
  // 四's header columns on drawn-000's page 2 (word boxes as OCR gave them): four words of about 65,
  // then 总计 of about 33, three times.
  const header: HeaderPositions = {
    kind: 'x',
    columns: [201, 306, 412, 517, 622, 691, 797, 903, 1010, 1115, 1185, 1292, 1398, 1506, 1614].map((start, i) => ({ start, span: i % 5 === 4 ? 33 : 65 })),
  };
  const values = (xs: readonly number[]): Slot[] => row(xs.map((x) => [String(x), x, x + 15, 100, 120] as [string, number, number, number, number]));

  test('carries the columns onto the page the values stand on: x\' = a + b·x (page 3 of the photo, 6% larger)', () => {
    // The left edges of page 3's 14 values; 其他结果 of 复议后起诉 printed blank.
    const slots = values([182, 294, 406, 518, 631, 703, 816, 928, 1042, 1155, 1227, 1454, 1568, 1685]);
    const mapped = headerOnValuesPage(header, slots);
    const columnOf = (s: Slot): number => mapped!.columns.findIndex((c) => (s.bbox!.x0 + s.bbox!.x1) / 2 >= c.start && (s.bbox!.x0 + s.bbox!.x1) / 2 < c.start + c.span + 20);
    expect(slots.map(columnOf)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14]);
  });

  test('none where columns evenly apart let the values stand in more than one place', () => {
    const even: HeaderPositions = { kind: 'x', columns: Array.from({ length: 15 }, (_, i) => ({ start: 100 + i * 100, span: 60 })) };
    // 13 values, evenly apart: they fit columns 0–12, 1–13 or 2–14 alike.
    expect(headerOnValuesPage(even, values(Array.from({ length: 13 }, (_, i) => 300 + i * 100)))).toBeUndefined();
    // Fewer than two values: nothing to measure the page by.
    expect(headerOnValuesPage(header, values([300]))).toBeUndefined();
  });
});

describe('columnsOfHeaderCell', () => {
  const words = ['上一年项目数量', '本年增/减', '处理决定数量'];
  test('words OCR ran together across the space between them: each as wide as its characters print, the first at the start, the last at the end', () => {
    // drawn-064 p1: "上一年项目数量本年增/减" over 574–976; 处理决定数量 beside it prints 6 characters over 201 px.
    const columns = columnsOfHeaderCell({ x0: 574, x1: 976 }, '上一年项目数量本年增/减', words, 201 / 6);
    expect(columns).toHaveLength(2);
    expect(columns[0]?.start).toBe(574);
    expect((columns[1]?.start ?? 0) + (columns[1]?.span ?? 0)).toBeCloseTo(976);
    // The 0 of 行政处罚's 本年增/减, at 825–844, stands in the second word's extent alone.
    expect((columns[0]?.start ?? 0) + (columns[0]?.span ?? 0)).toBeLessThan(825);
    expect(columns[1]?.start).toBeLessThan(844);
  });

  test('a cell that is one word, or more than column words, stays whole', () => {
    expect(columnsOfHeaderCell({ x0: 1075, x1: 1276 }, '处理决定数量', words, 33)).toEqual([{ start: 1075, span: 201 }]);
    expect(columnsOfHeaderCell({ x0: 10, x1: 300 }, '上一年项目数量合计', words, 33)).toEqual([{ start: 10, span: 290 }]);
  });
});
