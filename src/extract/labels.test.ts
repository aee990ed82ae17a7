import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelForms } from './labels.ts';

/** What labelForms found with a regular expression, which backtracked over every digit of a long run. */
function byRegex(s: string): { tail: string | null; tailAt: number } {
  const last = /\d+[.、,]([^\d]*)$/.exec(s);
  return { tail: last ? last[1]! : null, tailAt: last ? last.index : -1 };
}

describe('labelForms: the last item number of a label', () => {
  it('finds the tail after the last item number', () => {
    expect(labelForms('(六)其他处理3.其他')).toMatchObject({ tail: '其他', tailAt: 7 });
    expect(labelForms('12、申请人逾期未按收费通知要求缴纳费用')).toMatchObject({
      tail: '申请人逾期未按收费通知要求缴纳费用',
      tailAt: 0,
    });
    expect(labelForms('本年新收政府信息公开申请数量')).toMatchObject({ tail: null, tailAt: -1 });
    expect(labelForms('3.其他1')).toMatchObject({ tail: null, tailAt: -1 });
  });

  it('agrees with the regular expression on any label', () => {
    const char = fc.constantFrom('1', '2', '9', '.', '、', ',', '其', '他', '(', ')', ' ', '三');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 24 }), (chars) => {
        const s = chars.join('');
        const forms = labelForms(s);
        expect({ tail: forms.tail, tailAt: forms.tailAt }).toEqual(byRegex(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a label of 10⁶ digits (fuzz seed 1, case 1757: the regular expression took minutes)', () => {
    const forms = labelForms(`${'9'.repeat(1_000_000)}、其他`);
    expect(forms).toMatchObject({ tail: '其他', tailAt: 0 });
    expect(labelForms('9'.repeat(1_000_000)).tail).toBeNull();
  });
});
