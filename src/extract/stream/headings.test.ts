import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUMBER } from './headings.ts';

/** The expression before the fix: its prefix could be any white space, so every position of a run was tried. */
const BEFORE =
  /(^|[^第之十一二三四五六七八九（(])\s*([一二三四五六]|(?<![\d.])[1-6](?=\s*[、.．]\D))\s*([、.．,，]?)\s*/g;

const matches = (re: RegExp, s: string) =>
  [...s.matchAll(new RegExp(re.source, re.flags))].map((m) => [m.index, ...m]);

describe('the section numbers of a long text', () => {
  it('are found where the expression before the fix found them, with the same groups', () => {
    const char = fc.constantFrom(
      ' ',
      '\u3000',
      '\n',
      '第',
      '（',
      '一',
      '三',
      '六',
      '七',
      '1',
      '3',
      '9',
      '、',
      '.',
      '，',
      '情',
      '况',
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }), (chars) => {
        const s = chars.join('');
        expect(matches(NUMBER, s)).toEqual(matches(BEFORE, s));
      }),
      { numRuns: 3000 },
    );
  });

  it('are found in a text with a run of 900,000 spaces (fuzz seed 1, case 5285: minutes before the fix)', () => {
    const text = `二、主动公开政府信息情况${' '.repeat(900_000)}三、收到和处理政府信息公开申请情况`;
    expect(matches(NUMBER, text).map((m) => m[3])).toEqual(['二', '三']);
  });
});
