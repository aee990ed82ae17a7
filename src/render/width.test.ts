// Display width: CJK and fullwidth characters take two terminal columns.
import { describe, expect, it } from 'vitest';
import { displayWidth, pad, truncate } from './width.ts';

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['abc 123', 7],
    ['自然人', 6],
    ['（一）予以公开', 14],
    ['本年增/减', 9],
    ['3,119', 5],
    ['、。〇', 6],
    ['é', 1],
    ['e\u0301', 1],
    ['\u200b', 0],
    ['𠀀', 2],
  ])('%j is %i columns', (s, w) => {
    expect(displayWidth(s)).toBe(w);
  });
});

describe('pad and truncate', () => {
  it('pads by display width on either side', () => {
    expect(pad('总计', 6)).toBe('总计  ');
    expect(pad('12', 6, 'right')).toBe('    12');
    expect(pad('自然人', 4)).toBe('自然人');
  });

  it('cuts to a width, ending in an ellipsis', () => {
    expect(truncate('部分公开（区分处理的）', 9)).toBe('部分公开…');
    expect(displayWidth(truncate('部分公开（区分处理的）', 9))).toBeLessThanOrEqual(9);
    expect(truncate('规章', 9)).toBe('规章');
  });
});
