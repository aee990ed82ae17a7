// T3-4: every figure of table 3 is a whole number ≥ 0 (format-spec §8.1).
import { figuresRule } from './figures.ts';
import type { Rule } from './types.ts';

/** T3-4: table 3 holds counts of applications. */
export const rule: Rule = figuresRule('T3-4', 'requests', '表三', 'format-spec §8.1 T3-4：申请件数');
