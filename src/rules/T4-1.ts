// T4-1: in table 4's "review" block, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (format-spec §8.2 T4-1).
import { blockRule } from './equations.ts';
import type { Rule } from './types.ts';

/** T4-1: the "review" block total is the sum of its four outcomes. */
export const rule: Rule = blockRule('T4-1', 'review', 'format-spec §8.2 T4-1；表头“总计”');
