// section-order: the six sections do not come in the order 一 to 六 (format-spec §3, §8.4 X-2, §10.3 10).
import type { HeadingInfo } from '../model/report.ts';
import type { Rule } from './types.ts';

/**
 * section-order: the format numbers the sections 一 to 六 and reports follow that order (format-spec §3, §8.4 X-2).
 * Each section's first heading counts (a repeated heading is not a move). The sections out of place are those
 * outside the longest run already in order, so one section moved to the front is one finding, not five.
 */
export const rule: Rule = {
  meta: {
    id: 'section-order',
    severity: 'warning',
    title: { zh: '年度报告各部分顺序不对', en: 'The sections are out of order' },
    basis: 'format-spec §3（六个部分依次为一至六）、§8.4 X-2、§10.3 第10项',
    skipOnAggregate: true,
    messages: {
      outOfOrder: {
        zh: '“{heading}”的位置不对：各部分应按一至六的顺序排列，本报告的顺序为 {order}',
        en: 'The section "{heading}" is out of place: sections come in the order 一 to 六, this report has {order}',
      },
    },
  },
  check(ctx) {
    const { outline } = ctx.report;
    if (!outline) return;
    const rank = new Map(ctx.format.sections.map((s, i) => [s.key, i]));
    const firsts: HeadingInfo[] = [];
    for (const h of outline)
      if (rank.has(h.section) && !firsts.some((f) => f.section === h.section)) firsts.push(h);
    const ranks = firsts.map((h) => rank.get(h.section)!);
    const kept = longestIncreasing(ranks);
    if (kept.size === firsts.length) return;
    const order = ranks.map((r) => ctx.format.sections[r]!.number).join('、');
    firsts.forEach((h, i) => {
      if (kept.has(i)) return;
      ctx.add({
        messageId: 'outOfOrder',
        data: { heading: h.text, order },
        path: ['sections', h.section],
        ...(h.source ? { source: h.source } : {}),
      });
    });
  },
};

/** The indices of a longest strictly increasing subsequence (the earliest one among equals). */
function longestIncreasing(xs: readonly number[]): Set<number> {
  // O(n²) is plenty for six sections.
  const len = xs.map(() => 1);
  const prev = xs.map(() => -1);
  for (let i = 0; i < xs.length; i++)
    for (let j = 0; j < i; j++)
      if (xs[j]! < xs[i]! && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
  let end = 0;
  for (let i = 1; i < xs.length; i++) if (len[i]! > len[end]!) end = i;
  const out = new Set<number>();
  for (let i = xs.length ? end : -1; i >= 0; i = prev[i]!) out.add(i);
  return out;
}
