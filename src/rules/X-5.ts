// a section copied from last year's report (内容雷同, 2021 format 三（四）明确责任; format-spec §8.4 X-5).
import { similarityLength, textSimilarity } from '../aggregate/similarity.ts';
import { sectionDef } from '../model/format.ts';
import { SECTION_KEYS } from '../model/report.ts';
import { previousYear } from './previous.ts';
import type { Rule } from './types.ts';

/** The similarity from which a section counts as copied (textSimilarity: bigram multiset Jaccard, figures masked). */
export const COPY_THRESHOLD = 0.9;
/** Sections shorter than this (normalised characters) are not judged: "具体见下表" is the same every year by nature. */
export const MIN_LENGTH = 100;

/**
 * a section of at least MIN_LENGTH characters (both years) whose text is at least COPY_THRESHOLD similar to the
 * same section of last year's report, figures and years masked — the text was carried over with new figures. The
 * 2021 format names "内容雷同" among the failings it sanctions; a warning, since a section can rightly repeat (a
 * standing procedure). Runs only with last year's report.
 */
export const rule: Rule = {
  meta: {
    id: 'X-5',
    severity: 'warning',
    title: {
      zh: '报告各部分不照抄上一年度报告',
      en: 'No section is copied from last year’s report',
    },
    basis:
      '2021年版格式 三、有关要求（四）明确责任（“内容雷同、敷衍塞责”）；format-spec §8.4 X-5、§10.1；相似度为字二元组多重集 Jaccard 系数，数字不计',
    skipOnAggregate: true,
    messages: {
      copied: {
        zh: '“{section}”与上一年度（{previousYear}年）报告的同一部分文字相似度为 {percent}%（只有数字不同即为 100%），疑似照抄上一年度报告',
        en: 'Section {sectionEn} is {percent}% similar to the same section of the {previousYear} report (100% when only figures differ): it looks copied',
      },
    },
  },
  check(ctx) {
    const previous = previousYear(ctx);
    if (!previous) return;
    for (const key of SECTION_KEYS) {
      const a = previous.sections[key];
      const b = ctx.report.sections[key];
      if (similarityLength(a) < MIN_LENGTH || similarityLength(b) < MIN_LENGTH) continue;
      const s = textSimilarity(a, b);
      if (s === null || s < COPY_THRESHOLD) continue;
      // The section's heading locates the finding (sections carry no provenance of their own).
      const heading = ctx.report.outline?.find((h) => h.section === key);
      ctx.add({
        messageId: 'copied',
        data: {
          section: sectionDef(ctx.format, key).heading,
          sectionEn: sectionDef(ctx.format, key).headingEn,
          percent: Math.floor(s * 100),
          previousYear: previous.year ?? '上一',
        },
        path: ['sections', key],
        actual: s,
        ...(heading?.source ? { source: heading.source } : {}),
      });
    }
  },
};
