// T4-3: in table 4's "litigationAfterReview" block, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (format-spec §8.2 T4-3).
import { blockRule } from './equations.ts';
import type { Rule } from './types.ts';

/** T4-3: the "litigationAfterReview" block total is the sum of its four outcomes. */
export const rule: Rule = blockRule('T4-3', 'litigationAfterReview', 'format-spec §8.2 T4-3；表头“总计”');
