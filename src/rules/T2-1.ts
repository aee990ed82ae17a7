// T2-1: table 2's counts are whole numbers ≥ 0; 本年增/减 may be negative; amounts are decimals ≥ 0 (format-spec §8.3).
import { figuresRule } from './figures.ts';
import type { Rule } from './types.ts';

/** T2-1: the figures of table 2 have the kind their column says. */
export const rule: Rule = figuresRule(
  'T2-1',
  'proactive',
  '表二',
  'format-spec §8.3 T2-1；湖北填报说明“减用负值表示”',
);
