// T4-4: every figure of table 4 is a whole number ≥ 0 (format-spec §8.2).
import { figuresRule } from './figures.ts';
import type { Rule } from './types.ts';

/** T4-4: table 4 holds counts of cases. */
export const rule: Rule = figuresRule('T4-4', 'reviewLitigation', '表四', 'format-spec §8.2 T4-4：案件件数');
