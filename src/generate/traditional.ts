/**
 * Simplified → traditional for the report vocabulary, and the pinyin glosses some mirror sites
 * insert after the characters they convert ("數(shù)據(jù)", "規(guī)章"): templates.md §7.2.
 */
import type { Random } from './random.js';

const PAIRS =
  '开開 请請 数數 结結 转轉 办辦 处處 区區 计計 与與 国國 规規 稳穩 护護 权權 属屬 类類 务務 过過 执執 询詢 项項 无無 关關 现現 ' +
  '补補 后後 确確 访訪 举舉 报報 诉訴 复復 认認 获獲 总總 继繼 续續 机機 况況 议議 维維 纠糾 审審 讼訟 经經 条條 范範 发發 ' +
  '废廢 许許 罚罰 强強 费費 购購 额額 单單 对對 业業 构構 会會 组組 织織 应應 决決 统統 间間 时時 为為 从從 个個 们們 还還 ' +
  '进進 点點 题題 问問 将將 网網 页頁 号號 体體 级級 县縣 乡鄉 镇鎮 员員 书書 说說 领領 导導 责責 实實 预預 标標 质質 卫衛 ' +
  '环環 农農 财財 税稅 劳勞 动動 设設 备備 钱錢 万萬 满滿 专專 传傳 价價 华華 简簡 称稱 内內 制製 产產 态態 坚堅 贯貫 ' +
  '彻徹 营營 达達 门門 讯訊 监監 训訓 练練 宽寬 见見 听聽 众眾 证證 筹籌 创創 讲講 据據 这這';

const TO_TRADITIONAL: Readonly<Record<string, string>> = Object.fromEntries(PAIRS.split(' ').filter((p) => p.length === 2).map((p) => [p[0], p[1]]));

/** Glosses as a mirror site prints them after a converted character. */
const GLOSSES: Readonly<Record<string, string>> = {
  數: 'shù', 據: 'jù', 規: 'guī', 發: 'fā', 現: 'xiàn', 業: 'yè', 統: 'tǒng', 網: 'wǎng', 鎮: 'zhèn', 辦: 'bàn', 處: 'chǔ',
};

/** A text in traditional characters; with `glossRate` > 0, some converted characters get a "(pinyin)" gloss. */
export function toTraditional(text: string, random: Random, glossRate: number): string {
  let out = '';
  for (const ch of text) {
    const t = TO_TRADITIONAL[ch] ?? ch;
    out += t;
    const gloss = GLOSSES[t];
    if (gloss && glossRate > 0 && random.chance(glossRate)) out += `(${gloss})`;
  }
  return out;
}
