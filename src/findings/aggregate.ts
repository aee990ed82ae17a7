// The findings of a regional sum (rule ids aggregate/…, src/aggregate/sum.ts): each id's one severity, its title and
// its messages in both languages; the id is `aggregate/` and the message id.
import type { StageEntry } from './types.ts';

/** The basis of every aggregate finding. */
const BASIS = 'format-spec §8.5（汇总）';

/** The aggregate findings, in the order their findings are listed. */
export const AGGREGATE_FINDINGS = {
  'aggregate/no-members': {
    severity: 'warning',
    title: { zh: '没有可汇总的成员报告', en: 'No member reports to sum' },
    basis: BASIS,
    messages: {
      'no-members': {
        zh: '没有可汇总的成员报告，汇总报告各单元格为空',
        en: 'No member reports to sum; every cell of the aggregate is blank',
      },
    },
  },
  'aggregate/mixed-years': {
    severity: 'warning',
    title: { zh: '成员报告的年度不一致', en: 'The members report on different years' },
    basis: BASIS,
    messages: {
      'mixed-years': {
        zh: '汇总的成员报告年度不一致（{years}），汇总报告的年度{year}',
        en: 'The member reports are for different years ({years}); the aggregate is for {year}',
      },
    },
  },
  'aggregate/mixed-table2': {
    severity: 'warning',
    title: {
      zh: '成员报告使用不同版本的格式，表二不相加',
      en: 'Members in different formats: table 2 is not summed',
    },
    basis: BASIS,
    messages: {
      'mixed-table2': {
        zh: '成员报告使用了{formats}版格式（{counts}）：{formats}版表二的栏目含义不同，不能相加（format-spec §4.3、§8.5），汇总报告（{version} 年格式）的表二留空',
        en: 'The members use {formats} formats ({counts}): their table 2 columns mean different things and are never added (format-spec §4.3, §8.5); table 2 of the aggregate ({version} format) is left blank',
      },
    },
  },
  'aggregate/other-handling-unsplit': {
    severity: 'warning',
    title: {
      zh: '旧版格式的一行无法分到新版格式的各项',
      en: 'A row of an older format that cannot be split into the rows of the newer one',
    },
    basis: BASIS,
    messages: {
      'other-handling-unsplit': {
        zh: '{n} 份 {from} 年格式报告的表三“{row}”只有一行，无法分到 {version} 年格式“{row}”的 1–{parts} 项（format-spec §8.1 T3-7）：汇总报告这{partsWord}行留空，全部成员的{number}合计为 {total}；表三（七）总计因此不等于所列各项之和',
        en: 'Table 3 {row} of {n} members in {from} format is one row and cannot be split into the {partsWord} rows (items 1–{parts}) of the {version} format (format-spec §8.1 T3-7): they are left blank in the aggregate; the {number} subtotal of all members is {total}, so （七）总计 exceeds the rows shown',
      },
    },
  },
  'aggregate/scope-unknown': {
    severity: 'warning',
    title: {
      zh: '政府年报的统计范围不明，按本级相加',
      en: 'A government report’s scope is not stated; added as its own (本级)',
    },
    basis: BASIS,
    messages: {
      'scope-unknown': {
        zh: '“{agency}”的年报（#{reportId}）没有说明统计范围是本级还是全{unit}，按本级与其下 {members} 份报告一并相加；若它是全{unit}汇总，汇总数重复计算，请用 nianbao import --scope region 重新标注',
        en: 'The report of “{agency}” (#{reportId}) does not say whether it covers its own work (本级) or sums its whole region (全{unit}); it is added as its own, beside {members} reports below it; if it sums the whole region, the aggregate counts twice: mark it with nianbao import --scope region',
      },
    },
  },
  'aggregate/blanks': {
    severity: 'info',
    title: { zh: '成员报告中的空白单元格按 0 相加', en: 'Blank cells of members summed as 0' },
    basis: BASIS,
    messages: {
      blanks: {
        zh: '{cells} 个单元格中有成员报告留空（共 {count} 处），按 0 相加；只有全部成员都留空的单元格在汇总报告中为空',
        en: 'In {cells} cells some members left a blank ({count} blanks in all), summed as 0; a cell is blank in the aggregate only where every member left it blank',
      },
    },
  },
} as const satisfies Record<`aggregate/${string}`, StageEntry>;
