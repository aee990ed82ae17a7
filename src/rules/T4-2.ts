// T4-2: in table 4's "litigationDirect" block, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (format-spec §8.2 T4-2).
import { blockRule } from './equations.ts';
import type { Rule } from './types.ts';

/** T4-2: the "litigationDirect" block total is the sum of its four outcomes. */
export const rule: Rule = blockRule('T4-2', 'litigationDirect', 'format-spec §8.2 T4-2；表头“总计”');
