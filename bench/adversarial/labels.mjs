// Label variants real reports print (templates.md §7.2), as transforms of a label text.
const T2S = { '数': '數', '据': '據', '请': '請', '况': '況', '结': '結', '转': '轉', '继': '繼', '续': '續', '办': '辦', '总': '總', '计': '計', '处': '處', '规': '規', '审': '審', '议': '議', '诉': '訴', '讼': '訟', '执': '執', '务': '務', '机': '機', '关': '關', '现': '現', '没': '沒', '补': '補', '确': '確', '复': '復', '费': '費', '缴': '繳', '众': '眾', '这': '這', '区': '區', '为': '為', '项': '項', '并': '並', '与': '與', '国': '國', '门': '門', '产': '產', '业': '業', '会': '會', '织': '織', '组': '組', '律': '律', '单': '單', '应': '應', '开': '開', '内': '內', '条': '條', '发': '發', '废': '廢', '现': '現', '效': '效', '许': '許', '罚': '罰', '强': '強', '制': '制', '收': '收', '额': '額', '单': '單', '位': '位', '万': '萬', '元': '元', '编': '編', '报': '報', '告': '告', '年': '年', '质': '質', '获': '獲', '实': '實', '书': '書', '读': '讀', '维': '維', '纠': '糾', '过': '過', '类': '類', '权': '權', '益': '益', '险': '險', '稳': '穩', '级': '級', '护': '護', '第': '第', '问': '問', '题': '題', '采': '採', '购': '購', '减': '減', '增': '增' };
export const traditional = (s) => [...s].map((ch) => T2S[ch] ?? ch).join('');
const GLOSS = { '數': 'shù', '據': 'jù', '請': 'qǐng', '計': 'jì', '結': 'jié', '轉': 'zhuǎn', '處': 'chù', '規': 'guī' };
export const pinyinGloss = (s) => [...traditional(s)].map((ch) => (GLOSS[ch] ? `${ch}(${GLOSS[ch]})` : ch)).join('');

export const numbering = {
  asPrinted: (s) => s,
  halfBrackets: (s) => s.replace(/（([一二三四五六七八九十])）/g, '($1)'),
  dunhaoDigits: (s) => s.replace(/^(\d)\./, '$1、'),
  fullwidthDot: (s) => s.replace(/^(\d)\./, '$1．'),
  spacedDot: (s) => s.replace(/^(\d)\./, '$1 . '),
  noNumbering: (s) => s.replace(/^(（[一二三四五六七八九十]）|[一二三四五六七八九十]、|\d\.)/, ''),
  fullwidthDigitNumbering: (s) => s.replace(/^(\d)\./, (_, d) => String.fromCharCode(0xff10 + Number(d)) + '.'),
};
export const quotes = {
  curly: (s) => s,
  straight: (s) => s.replace(/[“”]/g, '"'),
  none: (s) => s.replace(/[“”]/g, ''),
  corner: (s) => s.replace(/“/g, '「').replace(/”/g, '」'),
};
export const typos = {
  zhuanjie: (s) => s.replace('上年结转', '上年转结'),
  heji: (s) => s.replace('总计', '合计'),
  qita: (s) => s.replace('（六）其他处理', '（六）其他'),
  spaces: (s) => (s.length > 8 ? s.slice(0, 5) + ' ' + s.slice(5) : s),
};
