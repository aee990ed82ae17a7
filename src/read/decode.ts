// Decoding the bytes of a text or HTML file into a string: BOM, then UTF-8, then UTF-16/GB18030/Big5 by scoring.

/** The encodings `decodeText` can report. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** The result of `decodeText`: the text, the encoding used, whether a BOM was stripped, and the count of U+FFFD in the text. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
  replaced: number;
}

/**
 * Frequent Chinese characters, simplified and traditional, with the vocabulary of the annual reports on
 * government information disclosure. A decoding that yields many of them is the right one; a wrong one
 * yields rare characters, private-use characters, controls or U+FFFD.
 */
const FREQUENT_CHARS =
  // The most frequent characters of modern written Chinese (simplified).
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出也得里后自会家可下而过天去能对小多然于心学么之都好看' +
  '起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回位分老因很给名' +
  '法间知世什两次使身者被高已其进此话常与活正感见明问力理点文几定本公特做外相西果走将月十实向车全信重三机工物气' +
  '每并别真打太新比才便再书部水像等体加电主界门利海受听表德少代员许先口由死安写性马光白或住难望教命花结色更拉东' +
  '神记处让应直字场平报友关放至张认接告入内英军候民岁往何度山觉路带万边风解叫任金快原吃变通师立象数四失满战远格' +
  '士音轻目条呢始达深完今提求清王化空业思切怎非找片罗钱吗语元喜离飞科言干流欢约各即指合反题必该论交终林请医晚制' +
  '球决传画保读运及则房早院量苦火布品近坐产答星精视五连司奇管类未朋且台夜青北队久乎越观落尽形影红百令周识步希亚' +
  '术留市半热送兴造谈容极随演收首根讲整式取照办强石古华拿计装似足双转诉米称丽客南领节衣站黑刻统断福城故历选包紧' +
  '争另建维绝树系伤示愿持千史谁准联妇纪基买志静诗独复痛消社算义确需单治幸念举仅钟共句息功官待究跟穿室易游程号居' +
  '考突皮费倒价图具刚脑永响商礼细专黄块味灵改据般破引食仍存众注笔甚某血备习校默务土微须试怀料调广显赛查密议底列' +
  '富梦错座参八除跑亮假印设线温虽掉京初养香停际致阳纸李纳验助激够严证帝饭忘趣支春集木研班普导顿睡展跳获艺六波察' +
  '群段急庭创区器谢弟店否害草排背止组州朝封板角况曲馆育忙质河续若推境遇雨标充围案伦护冷警著雪索剧船险依值帮汉慢' +
  '肯闻唱沙局伯族低玩资屋击速顾洲团圣旁堂兵七露园牛旅街劳型烈陈莫鱼异抱宝权简态级票怪寻杀律胜份汽右洋范床舞秘午' +
  '登楼贵吸责例追较职属渐左录丝党继托赶章智冲叶胡吉卖坚喝肉遗救修松临藏担戏善卫药悲敢靠村词森差短祖云规窗散迷油' +
  '旧适乡架恩投弹铁博府压超负杂醒洗采毫毕九既状乱景席童顶派素脱农疑练野按犯拍征坏余承置彩灯巨免环暗换技翻束增忍' +
  '判层付阵批项休懂武革良委拥探营退奖宫忽套康供优课降困罪亡健模败守挥鲜财禁恐伙迹遍盖副牌江顺秋划授归升编典含盛' +
  '济端招释介误' +
  // The vocabulary of the annual reports.
  '政府息年告申请复议诉讼主动条例办理结果总计县局室依予答法规章件数网站平台务媒微博众号布访览栏目专况统表款制范许' +
  '罚强收费自然组织企科研构益服转予区分危及稳定护合权益执案卷提供掌握补撤回维持纠尚审驳起改镇街道旗盟省厅卫健康' +
  '教育输住房城乡建设利财税审计环境生态资源农业林草监督发展革障司安文旅游档宗纪检察宣传战协党' +
  // Traditional forms of frequent characters.
  '這們來為國說時會過對從無還動開與進現發經點樣當後實產種關區義體報資訊見長門間問聽東車書頭氣學電讓應場認員條處' +
  '數變萬邊風師號幾題論請類隊觀遠識節統斷歷選緊爭絕係傷願總計陳務議縣鎮鄉項辦複訴訟結轉權審層單網臺專業據構衛機' +
  '個視規劃紀錄張團準備濟醫療險證費導預則範標調查職責護環境態財稅貿協執強罰許檢監於黨營館園華軍陸鐵運輸歸維內續' +
  '編製圖畫參響漢貴達線錢語讀寫聲親愛歲買賣將舊雜質戶補銷驗農積極檔興舉獲詢覆駁違辭適靜顧頁餘麼龍設該課誰識郵醫' +
  '釋針鐘閉閱陽際隨隱雙離難須頓領頻額顯馬';

const FREQUENT = new Uint8Array(0x10000);
for (let i = 0; i < FREQUENT_CHARS.length; i++) FREQUENT[FREQUENT_CHARS.charCodeAt(i)] = 1;

/**
 * High bytes b for which U+b00 is common in Chinese text (一, 开, 最, the ideographic space...), so that a zero
 * byte beside b does not tell UTF-16LE from UTF-16BE; 0x00 too (NUL characters, zero padding).
 */
const AMBIGUOUS_PARTNER = new Uint8Array(256);
AMBIGUOUS_PARTNER[0x00] = 1;
AMBIGUOUS_PARTNER[0x30] = 1;
for (let b = 0; b < 256; b++) if (FREQUENT[b << 8]) AMBIGUOUS_PARTNER[b] = 1;

/** Inputs longer than this are judged on a sample of this many bytes (even, so UTF-16 stays aligned). */
const SAMPLE_BYTES = 1 << 14;
/** Valid UTF-8 of at most this many bytes that shows no Chinese may really be GB18030, Big5 or UTF-16. */
const SHORT_BYTES = 256;
/** Characters that make a UTF-8 decoding look like Chinese text: ideographs, punctuation, symbols, fullwidth forms. */
const CHINESE_LOOKING = /[\u2000-\u27ff\u3000-\u303f\u3200-\u32ff\u4e00-\u9fff\ufe30-\ufe4f\uff00-\uffef]/;

const decoders = new Map<string, InstanceType<typeof TextDecoder> | null>();

/** A cached decoder, or null where this Node's ICU lacks the encoding. */
function decoder(label: TextEncodingName, fatal: boolean): InstanceType<typeof TextDecoder> | null {
  const key = fatal ? label + '!' : label;
  let d = decoders.get(key);
  if (d === undefined) {
    try {
      d = new TextDecoder(label, { fatal, ignoreBOM: true });
    } catch {
      d = null;
    }
    decoders.set(key, d);
  }
  return d;
}

/** Decodes leniently (invalid bytes become U+FFFD); null if the encoding is unavailable. */
function decodeAs(label: TextEncodingName, bytes: Uint8Array): string | null {
  const d = decoder(label, false);
  if (d) return d.decode(bytes);
  if (label === 'utf-16be') {
    // Without ICU: swap the bytes and decode as UTF-16LE, which Node always has.
    const swapped = new Uint8Array(bytes.length);
    for (let i = 0; i + 1 < bytes.length; i += 2) {
      swapped[i] = bytes[i + 1]!;
      swapped[i + 1] = bytes[i]!;
    }
    if (bytes.length % 2 === 1) swapped[bytes.length - 1] = bytes[bytes.length - 1]!;
    return decodeAs('utf-16le', swapped);
  }
  return null;
}

/** The number of U+FFFD characters in a string, counting no further than `limit`. */
function countReplaced(text: string, limit = Infinity): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1 && n < limit; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Whether a string has control characters that text files do not contain (all but tab, LF, FF and CR). */
function hasOddControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c !== 9 && c !== 10 && c !== 12 && c !== 13 : c === 0x7f) return true;
  }
  return false;
}

/** How plausible a decoding is as Chinese (or ASCII) text. */
interface Assessment {
  score: number;
  replaced: number;
  /** U+FFFD other than one at the very end. */
  penalised: number;
  cjk: number;
  frequent: number;
  pua: number;
}

/** Scores a decoding: frequent characters count for it; U+FFFD, controls, private use and odd scripts against. */
function assess(text: string): Assessment {
  let replaced = 0;
  let cjk = 0;
  let frequent = 0;
  let control = 0;
  let pua = 0;
  let odd = 0;
  let foreign = 0;
  let lowZero = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20 ? c !== 9 && c !== 10 && c !== 12 && c !== 13 : c === 0x7f) control++;
      continue;
    }
    // U+xx00 is what ASCII read with the wrong UTF-16 byte order becomes.
    if ((c & 0xff) === 0 && c !== 0x3000 && FREQUENT[c] === 0) lowZero++;
    if (c >= 0x4e00 && c <= 0x9fff) {
      cjk++;
      frequent += FREQUENT[c]!;
    } else if (c === 0xfffd) {
      replaced++;
    } else if (c < 0xa0) {
      control++; // C1 controls
    } else if (c < 0x0370) {
      // Latin-1 and Latin extended: neutral.
    } else if (c < 0x0530 || (c >= 0x3040 && c < 0x3100)) {
      // Greek, Cyrillic, kana: in GB2312, but rare in Chinese text, and what Big5's commonest characters become.
      foreign++;
    } else if (
      (c >= 0x2000 && c < 0x2800) || // punctuation, symbols, arrows, maths, enclosed numbers, boxes, shapes
      (c >= 0x3000 && c < 0x3040) || // CJK punctuation
      (c >= 0x3200 && c < 0x3300) || // enclosed CJK (㈠)
      (c >= 0xfe30 && c < 0xfe50) || // CJK compatibility forms
      (c >= 0xff00 && c < 0xfff0) // fullwidth forms
    ) {
      // neutral
    } else if (c >= 0xe000 && c < 0xf900) {
      pua++;
    } else {
      // Hangul, Yi, CJK extension A, compatibility ideographs, supplementary planes, other scripts.
      odd++;
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d < 0xe000) i++;
      }
    }
  }
  // A file cut in the middle of a character ends in U+FFFD whatever its encoding: that one is not held against it.
  const penalised = n > 0 && text.charCodeAt(n - 1) === 0xfffd ? replaced - 1 : replaced;
  const score = frequent - 4 * penalised - 5 * control - 3 * pua - odd - 0.5 * foreign - 1.5 * lowZero;
  return { score, replaced, penalised, cjk, frequent, pua };
}

/**
 * Evidence from zero bytes for UTF-16LE (positive) over UTF-16BE (negative): ASCII in UTF-16 has a zero high
 * byte, at an odd offset in LE and an even one in BE. Zeros beside an ambiguous partner byte are not counted.
 */
function zeroParity(bytes: Uint8Array): number {
  let parity = 0;
  for (let i = bytes.indexOf(0); i !== -1; i = bytes.indexOf(0, i + 1)) {
    const partner = bytes[i ^ 1];
    if (partner === undefined || AMBIGUOUS_PARTNER[partner]) continue;
    parity += i & 1 ? 1 : -1;
  }
  return parity;
}

/**
 * Whether the pairs of bytes look like Chinese UTF-16 without ASCII, with the high byte at offset `high`
 * (1 for LE, 0 for BE): high bytes of CJK ideographs (0x4E–0x9F) or punctuation (0x20, 0x30, 0xFF) in half
 * the pairs, and, past 64 pairs, low bytes from 0x80 up in a fifth of them (ASCII text read as UTF-16 has
 * none, and long ASCII can spell frequent characters: "te" is 整 in UTF-16LE).
 */
function utf16Plausible(bytes: Uint8Array, high: 0 | 1): boolean {
  const pairs = Math.min(bytes.length >> 1, 4096);
  let highs = 0;
  let lows = 0;
  for (let p = 0; p < pairs; p++) {
    const b = bytes[2 * p + high]!;
    if ((b >= 0x4e && b <= 0x9f) || b === 0x30 || b === 0xff || b === 0x20) highs++;
    if (bytes[2 * p + 1 - high]! >= 0x80) lows++;
  }
  return pairs > 0 && highs * 2 >= pairs && (pairs < 64 || lows * 5 >= pairs);
}

/** A decoding under consideration. */
interface Candidate {
  label: TextEncodingName;
  text: string;
  assessment: Assessment;
}

/** Decodes and scores `sample` as `label`; UTF-16 gets the zero-byte evidence (`parity`, from `zeroParity`). */
function candidate(
  label: TextEncodingName,
  sample: Uint8Array,
  parity: number,
  hasZero: boolean,
): Candidate | null {
  const text = decodeAs(label, sample);
  if (text === null) return null;
  const assessment = assess(text);
  if (label === 'utf-16le' || label === 'utf-16be') {
    assessment.score += label === 'utf-16le' ? parity : -parity;
    // UTF-16 without a single zero byte has no ASCII at all (no digit, space or newline): ask for a margin.
    if (!hasZero) assessment.score -= 0.5;
  }
  return { label, text, assessment };
}

/** Whether a GB18030 decoding is good enough that Big5 need not be tried. */
function clearlyGood(a: Assessment): boolean {
  return a.penalised === 0 && a.pua === 0 && a.cjk >= 16 && a.frequent * 10 >= a.cjk * 6;
}

/** Decodes bytes that follow no BOM, or a UTF-8 BOM (`bom`), which makes valid UTF-8 final. */
function detect(bytes: Uint8Array, bom: boolean): DecodedText {
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', bom, replaced: 0 };

  // The common case, in one decoding pass: valid UTF-8 without zero bytes.
  let utf8: string | undefined;
  try {
    utf8 = decoder('utf-8', true)!.decode(bytes);
  } catch {
    utf8 = undefined;
  }
  const hasZero = bytes.indexOf(0) !== -1;
  if (utf8 !== undefined && bom) return { text: utf8, encoding: 'utf-8', bom, replaced: 0 };
  if (utf8 !== undefined && !hasZero) {
    // Short text may be GB18030, Big5 or UTF-16 that happens to be valid UTF-8: it then shows control
    // characters (、。 in UTF-16 give U+0001, U+0002) or no Chinese at all (GB18030 "息说" reads "Ϣ˵").
    const suspect =
      bytes.length <= SHORT_BYTES &&
      (hasOddControl(utf8) || (utf8.length !== bytes.length && !CHINESE_LOOKING.test(utf8)));
    if (!suspect) return { text: utf8, encoding: 'utf-8', bom, replaced: 0 };
    return shortUtf8(bytes, utf8, bom);
  }

  // Not valid UTF-8, or with zero bytes: score the possible decodings of a sample.
  const sample = sampleOf(bytes);
  const candidates: Candidate[] = [];
  const add = (c: Candidate | null): Candidate | null => {
    if (c) candidates.push(c);
    return c;
  };
  if (utf8 !== undefined && sample === bytes) {
    add({ label: 'utf-8', text: utf8, assessment: assess(utf8) });
  } else if (utf8 !== undefined || mayBeUtf8(sample)) {
    const u8 = add(candidate('utf-8', sample, 0, hasZero))!;
    // Mostly UTF-8 with a few bad bytes (a truncated or damaged file): keep it UTF-8.
    const a = u8.assessment;
    if (!hasZero && a.replaced * 200 <= u8.text.length && a.replaced <= 64)
      return finish(u8, bytes, sample, bom);
  }
  const parity = hasZero ? zeroParity(sample) : 0;
  if (Math.abs(parity) >= 16) {
    // Plainly UTF-16 (many zero high bytes of ASCII): done if that reads cleanly.
    const c = candidate(parity > 0 ? 'utf-16le' : 'utf-16be', sample, parity, true)!;
    if (c.assessment.penalised === 0 && c.assessment.score >= Math.abs(parity))
      return finish(c, bytes, sample, bom);
  }
  const gb = add(candidate('gb18030', sample, 0, hasZero));
  if (hasZero || utf16Plausible(sample, 1) || utf16Plausible(sample, 0)) {
    add(candidate('utf-16le', sample, parity, hasZero));
    add(candidate('utf-16be', sample, parity, hasZero));
  }
  if (!gb || !clearlyGood(gb.assessment)) add(candidate('big5', sample, 0, hasZero));
  if (candidates.length === 0) add(candidate('utf-8', sample, 0, hasZero));

  // Highest score wins; on a tie the earlier: UTF-8, GB18030, UTF-16LE, UTF-16BE, Big5.
  let best = candidates[0]!;
  for (const c of candidates) if (c.assessment.score > best.assessment.score) best = c;
  return finish(best, bytes, sample, bom);
}

/**
 * The bytes to score: all of a short input; else SAMPLE_BYTES from the first non-ASCII byte (a web page can
 * open with more ASCII markup than that), started at an even offset to keep UTF-16 aligned. The byte before
 * an odd first non-ASCII byte is ASCII, so no multi-byte character is cut at the start either.
 */
function sampleOf(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SAMPLE_BYTES) return bytes;
  let first = 0;
  while (first < bytes.length && bytes[first]! < 0x80) first++;
  if (first === bytes.length) first = 0;
  const start = Math.min(first, bytes.length - SAMPLE_BYTES) & ~1;
  return bytes.subarray(start, start + SAMPLE_BYTES);
}

/**
 * Whether UTF-8 is worth scoring: the first KiB decodes with at most 5% replacements (decoding GB18030 as
 * UTF-8 is slow, so hopeless inputs skip it). Inputs of a KiB or less are always scored.
 */
function mayBeUtf8(bytes: Uint8Array): boolean {
  if (bytes.length <= 1024) return true;
  const probe = decodeAs('utf-8', bytes.subarray(0, 1024)) ?? '';
  const allowed = Math.floor(probe.length / 20);
  return countReplaced(probe, allowed + 1) <= allowed;
}

/**
 * Short valid UTF-8 without zero bytes that looks wrong (controls, or no Chinese): GB18030, Big5 or UTF-16 is
 * preferred when it reads as frequent Chinese characters.
 */
function shortUtf8(bytes: Uint8Array, utf8: string, bom: boolean): DecodedText {
  const own = assess(utf8).score;
  // Latin-1 letters and signs (é, ·, °) are plausible alone, so one frequent character does not outweigh them.
  const latin1 = /[\u00a0-\u00ff]/.test(utf8);
  const labels: TextEncodingName[] = ['gb18030', 'big5', 'utf-16le', 'utf-16be'];
  let best: Candidate | null = null;
  for (const label of labels) {
    const c = candidate(label, bytes, 0, false);
    if (!c) continue;
    const a = c.assessment;
    const convincing =
      a.penalised === 0 &&
      a.pua === 0 &&
      a.frequent * 2 >= a.cjk &&
      (a.frequent >= 2 || (a.frequent === 1 && !latin1));
    if (convincing && a.score > own && (!best || a.score > best.assessment.score)) best = c;
  }
  if (best) return { text: best.text, encoding: best.label, bom, replaced: best.assessment.replaced };
  return { text: utf8, encoding: 'utf-8', bom, replaced: 0 };
}

/** The result for the chosen candidate, decoding the whole input when only a sample was scored. */
function finish(best: Candidate, bytes: Uint8Array, sample: Uint8Array, bom: boolean): DecodedText {
  if (sample === bytes) {
    return { text: best.text, encoding: best.label, bom, replaced: best.assessment.replaced };
  }
  const text = decodeAs(best.label, bytes) ?? '';
  return { text, encoding: best.label, bom, replaced: countReplaced(text) };
}

/** Turns the bytes of a plain-text or HTML file into a string, detecting UTF-8, UTF-16, GB18030 or Big5; never throws. */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    const n = bytes.length;
    if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      return detect(bytes.subarray(3), true);
    }
    if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
      const text = decodeAs('utf-16le', bytes.subarray(2)) ?? '';
      return { text, encoding: 'utf-16le', bom: true, replaced: countReplaced(text) };
    }
    if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
      const text = decodeAs('utf-16be', bytes.subarray(2)) ?? '';
      return { text, encoding: 'utf-16be', bom: true, replaced: countReplaced(text) };
    }
    return detect(bytes, false);
  } catch {
    // Defensive only (say, a caller passing something else than bytes): lenient UTF-8, or nothing.
    try {
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      return { text, encoding: 'utf-8', bom: false, replaced: countReplaced(text) };
    } catch {
      return { text: '', encoding: 'utf-8', bom: false, replaced: 0 };
    }
  }
}
