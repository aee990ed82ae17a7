// late-publication: a report published after its statutory deadline (条例第四十九条; format-spec §1, §9).
import { classifyAgency } from './agency.ts';
import type { AgencyKindOption, Rule } from './types.ts';

/**
 * Whose deadline applies: the caller's `agencyKind`, else the name — a 人民政府 of county level or above publishes
 * by 3月31日 (its report is the 本级政府's, published by its 主管部门); every other body, its 办公室 included, is a
 * 县级以上人民政府部门 and publishes by 1月31日. A 乡镇 government or a 街道办事处 has no national deadline (条例第
 * 四十九条 names 县级以上 bodies only): null, not judged; so is a report with no agency name.
 */
export function deadlineKind(agency: string | null, given?: AgencyKindOption): AgencyKindOption | null {
  if (given) return given;
  if (!agency) return null;
  const kind = classifyAgency(agency);
  const government = kind ? kind.government : /人民政府$/.test(agency);
  if (government && kind?.level === 'township') return null;
  return government ? '政府' : '部门';
}

/** The deadline of a report on `year` by a body of that kind: "YYYY-01-31" or "YYYY-03-31" of the next year. */
export function deadlineOf(year: number, kind: AgencyKindOption): string {
  return `${year + 1}-${kind === '政府' ? '03-31' : '01-31'}`;
}

/**
 * late-publication: the report on year N was published (`publishedAt`, given by the caller) after 1月31日 of N + 1
 * (a department) or 3月31日 (a people's government's own report). 条例第四十九条 sets both dates and the 2021
 * format's （四）明确责任 names "不按时发布" as a sanctioned failing; a warning, since the publication date comes
 * from outside the report. Nothing without a date, a year and a body the deadline applies to.
 */
export const rule: Rule = {
  meta: {
    id: 'late-publication',
    severity: 'warning',
    title: { zh: '年度报告按法定期限发布', en: 'The report is published by its statutory deadline' },
    basis:
      '《中华人民共和国政府信息公开条例》第四十九条（部门每年1月31日前、本级政府每年3月31日前公布上一年度报告）；2021年版格式 三（四）“不按时发布”；format-spec §1、§9',
    skipOnAggregate: true,
    messages: {
      late: {
        zh: '报告于 {publishedAt} 发布，晚于法定期限 {deadline}（{who}应于每年{date}前公布上一年度报告，条例第四十九条），逾期 {days} 天',
        en: 'Published on {publishedAt}, after the deadline {deadline} ({whoEn} publish by {dateEn}, 条例第四十九条): {days} days late',
      },
      invalidDate: {
        zh: '发布日期“{publishedAt}”不是 YYYY-MM-DD 格式的有效日期，未核对发布期限',
        en: 'The publication date "{publishedAt}" is not a valid YYYY-MM-DD date; the deadline was not checked',
      },
    },
  },
  check(ctx) {
    const { publishedAt } = ctx;
    const { year, agency } = ctx.report;
    if (!publishedAt || year === null) return;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(publishedAt);
    const time = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) : NaN;
    if (!m || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== publishedAt) {
      ctx.add({ messageId: 'invalidDate', data: { publishedAt }, path: ['year'] });
      return;
    }
    const kind = deadlineKind(agency, ctx.agencyKind);
    if (!kind) return;
    const deadline = deadlineOf(year, kind);
    if (publishedAt <= deadline) return;
    const days = Math.round((time - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000);
    const government = kind === '政府';
    ctx.add({
      messageId: 'late',
      data: {
        publishedAt,
        deadline,
        days,
        who: government ? '县级以上地方人民政府' : '县级以上人民政府部门',
        whoEn: government ? 'local governments' : 'government departments',
        date: government ? '3月31日' : '1月31日',
        dateEn: government ? '31 March' : '31 January',
      },
      path: ['year'],
      actual: publishedAt,
      expected: deadline,
    });
  },
};
