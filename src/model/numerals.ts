// Chinese numerals as written in narrative text (一百二十三, 两, 十五, 二〇一九), shared by extraction and rules.

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Parses a Chinese numeral ("一百二十三", "两", "十五", "二〇一九" digit by digit); null when it is not one. */
export function parseChineseNumber(s: string): number | null {
  if (s === '' || !/^[零〇一二两三四五六七八九十百千万]+$/.test(s)) return null;
  if (!/[十百千万]/.test(s)) {
    // Digit by digit, as years are written: 二〇一九.
    let v = 0;
    for (const ch of s) v = v * 10 + CN_DIGITS[ch]!;
    return v;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch]!;
    } else if (ch === '万') {
      total += (section + digit) * 10000;
      section = 0;
      digit = 0;
    } else {
      const unit = CN_UNITS[ch]!;
      section += (digit === 0 && unit === 10 ? 1 : digit) * unit;
      digit = 0;
    }
  }
  return total + section + digit;
}
