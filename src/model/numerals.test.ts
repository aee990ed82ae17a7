// Tests of the Chinese numeral parser: place-value numerals, 两, a leading 十, zeros, and years digit by digit.
import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from './numerals.ts';

describe('parseChineseNumber', () => {
  const table: [string, number | null][] = [
    ['五', 5],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['十二', 12],
    ['二十', 20],
    ['一百二十三', 123],
    ['一百零五', 105],
    ['两千零一十', 2010],
    ['三万四千', 34000],
    ['零', 0],
    ['二〇一九', 2019],
    ['二零二一', 2021],
    ['', null],
    ['五件', null],
    ['12', null],
  ];
  for (const [s, v] of table) it(`${s || '(empty)'} → ${v}`, () => expect(parseChineseNumber(s)).toBe(v));
});
