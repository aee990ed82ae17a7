// The tokenizer of the stream path: what is a figure and what is prose, on text as crawlers and reports write it.
import { describe, expect, it } from 'vitest';
import { tokenize } from './tokens.ts';

const figures = (text: string) =>
  tokenize(text)
    .filter((t) => t.kind === 'num')
    .map((t) => (t.kind === 'num' ? `${t.sign}${t.digits}` : ''));

describe('tokenize', () => {
  it('keeps telephone numbers and hyphenated dates as prose', () => {
    expect(figures('联系电话：0591-23179988，地址')).toEqual([]);
    expect(figures('统计期限为2022-12-31止')).toEqual([]);
  });

  it('reads a figure followed by a negative one glued on as two figures, not a telephone number', () => {
    // 其他对外管理服务事项: 上一年项目数量 100, 本年增/减 −1000000, glued by a crawler (a property-test find).
    expect(figures('其他对外管理服务事项100-10000000')).toEqual(['100', '-10000000']);
    expect(figures('行政许可63-22')).toEqual(['63', '-22']);
    // 行政事业性收费: 上一年 1900, 本年增/减 −1 — a year and a month to the eye, but a date has its day.
    expect(figures('行政事业性收费1900-1')).toEqual(['1900', '-1']);
    expect(figures('行政许可2021-13-45')).toEqual(['2021', '-13', '-45']);
  });

  it('takes the numbering of the next label as label text, not a figure ("0 0 01.属于国家秘密")', () => {
    expect(figures('0 0 01.属于国家秘密')).toEqual(['0', '0', '0']);
  });
});
