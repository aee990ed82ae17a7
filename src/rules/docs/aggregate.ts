// The documentation of the findings of a regional sum (aggregate/…, src/aggregate/sum.ts): what each says, why the
// sum is made that way (format-spec §8.5), and what to do. They come from `nianbao aggregate`, not from
// `nianbao check`, so their pages show the messages instead of examples.
import type { Texts } from '../types.ts';
import type { RuleDocs } from './kit.ts';

const UNSHOWN: Texts = {
  zh: '没有示例：这条诊断由汇总（`nianbao aggregate`，对资料库中同一年度的报告逐格相加）给出，不由 `nianbao check` 对单个文件给出。',
  en: 'No example: the finding comes from a regional sum (`nianbao aggregate`, the cell-wise sum of a year’s reports in the library), not from `nianbao check` on a file.',
};

export const docs: readonly RuleDocs[] = [
  {
    id: 'aggregate/no-members',
    what: {
      zh: '要汇总的范围内没有成员报告（资料库中没有该年度、该地区的报告），汇总报告的各单元格都为空。',
      en: 'There is no member report to sum (none of that year and region in the library); every cell of the aggregate is blank.',
    },
    why: {
      zh: '汇总报告的数字只能来自成员报告：没有成员时不编造数字，留空（format-spec §8.5；原则 2“不编造”）。',
      en: 'The figures of an aggregate come only from its members: with none, nothing is made up (format-spec §8.5; principle 2).',
    },
    fix: {
      zh: '核对年度和地区，先把成员报告导入资料库（`nianbao import`）。',
      en: 'Check the year and the region, and import the member reports first (`nianbao import`).',
    },
    unshown: UNSHOWN,
  },
  {
    id: 'aggregate/mixed-years',
    what: {
      zh: '汇总的成员报告不是同一年度的。消息列出各个年度和汇总报告采用的年度。',
      en: 'The member reports are for different years; the message lists them and the year of the aggregate.',
    },
    why: {
      zh: '年度报告的统计期限是一个自然年（format-spec §3）；不同年度的数字相加，得到的不是任何一年的数字。',
      en: 'A report covers one calendar year (format-spec §3); figures of different years do not add up to any year’s.',
    },
    fix: {
      zh: '只汇总同一年度的报告；检查成员报告的年度是否读错（[[extract/year-conflict]]、[[extract/year-missing]]）。',
      en: 'Sum reports of one year only, and check that the members’ years were read right ([[extract/year-conflict]], [[extract/year-missing]]).',
    },
    unshown: UNSHOWN,
  },
  {
    id: 'aggregate/mixed-table2',
    what: {
      zh: '成员报告使用了两版格式（2019 年试行格式和 2021 年格式）。两版表二“主动公开政府信息情况”的栏目含义不同，不能相加，汇总报告的表二留空。',
      en: 'The members use both formats (2019 and 2021); their table 2 columns mean different things and are not added, so table 2 of the aggregate is left blank.',
    },
    why: {
      zh: 'format-spec §4.3、§8.5：两版表二的栏目（如“本年新制作数量”与“本年制发件数”）不能一一对应；只加一部分成员会被误当作全地区的合计。',
      en: 'format-spec §4.3, §8.5: the table 2 columns of the two formats do not map; a sum of some members only would pass for the region’s total.',
    },
    fix: {
      zh: '核对各成员报告的格式版本（[[format-version]]）；表二需要按同一版格式重新填报后再汇总。',
      en: 'Check the members’ format versions ([[format-version]]); table 2 can be summed once the members report it in one format.',
    },
    unshown: UNSHOWN,
  },
  {
    id: 'aggregate/other-handling-unsplit',
    what: {
      zh: '按 2021 年格式汇总时，有 2019 年格式的成员报告：其表三“（六）其他处理”只有一行，无法分到 2021 年格式（六）下的 1–3 项。汇总报告这三行留空，消息给出全部成员（六）的合计。',
      en: 'A 2021 aggregate has members in the 2019 format, whose table 3 （六） is one row that cannot be split into the three 2021 rows; they are left blank and the message gives the （六） subtotal of all members.',
    },
    why: {
      zh: 'format-spec §8.1 T3-7、§8.5：2021 年格式的（六）1+2+3 等于 2019 年格式的（六），反过来无法拆分；不能猜测各项数字。',
      en: 'format-spec §8.1 T3-7, §8.5: the 2021 rows add up to the 2019 row, but the 2019 row cannot be split; the parts are not guessed.',
    },
    fix: {
      zh: '汇总报告的表三（七）总计因此不等于所列各项之和；需要分项数字时，请相关单位按 2021 年格式补报。',
      en: 'Table 3 （七）总计 of the aggregate therefore exceeds the rows shown; for the parts, ask the members for their figures in the 2021 format.',
    },
    unshown: UNSHOWN,
  },
  {
    id: 'aggregate/blanks',
    what: {
      zh: '有成员报告把某些单元格留空，汇总时按 0 相加；只有全部成员都留空的单元格在汇总报告中为空。消息给出涉及的单元格数和空白处数。',
      en: 'Some members left cells blank, summed as 0; a cell of the aggregate is blank only where every member left it blank. The message gives the number of cells and blanks.',
    },
    why: {
      zh: '空白不是 0（report-json.md：空白为 null）：汇总报告如实说明有多少数字是按 0 计入的，而不把它们当作填报的 0（原则 2“不编造”）。',
      en: 'A blank is not a 0 (report-json.md): the aggregate says how many were counted as 0 instead of passing them for written zeros (principle 2).',
    },
    fix: {
      zh: '核对留空的成员报告（[[blank-cell]]），请相关单位补填数字（没有发生的填 0）。',
      en: 'Check the members’ blank cells ([[blank-cell]]) and ask for the figures (0 where nothing happened).',
    },
    unshown: UNSHOWN,
  },
  {
    id: 'aggregate/scope-unknown',
    what: {
      zh: '一份人民政府（或其办公室）的年报没有说明统计范围：是本级（本机关自身）还是全市、全县等整个地区的汇总。汇总时它按本级与其下的部门、下级政府的报告一并相加，消息给出它和其下报告的份数。只有其下还有别的报告时才提示。',
      en: 'A people’s government’s (or its office’s) report does not say whether it covers its own work (本级) or sums the whole city, county or other region. The aggregate adds it as its own, beside the departments’ and lower governments’ reports below it; the message names it and counts those. Said only when other reports lie below it.',
    },
    why: {
      zh: 'format-spec §8.5：地区汇总 = 本级政府 + 部门 + 下级政府。政府年报有的只报本级，有的汇总全地区（如“全市各级行政机关共收到…”）；全地区的报告再与各单位相加，数字就重复计算了。报告自己没有说明时，nianbao 不猜测（原则 2“不编造”），按最常见的本级相加并明说。',
      en: 'format-spec §8.5: a region’s sum is 本级政府 + 部门 + 下级政府. Some government reports cover their own work, others the whole region (全市各级行政机关共收到…); adding a whole-region report to its units counts twice. When the report does not say, nianbao does not guess (principle 2): it adds it as its own and says so.',
    },
    fix: {
      zh: '读报告的总体情况：若它是全地区的汇总，用 `nianbao import --scope region 文件` 标注（已导入的文件也可以，会更正其范围）；若只报本级，用 `--scope own`。标注为全地区的报告代表其下全部单位，不再与它们相加，而是在汇总地区本身时与其下各单位之和比较（[[aggregate-mismatch]]）。',
      en: 'Read its overview: if it sums the whole region, mark it with `nianbao import --scope region FILE` (a file already imported is corrected); if it covers its own work, `--scope own`. A whole-region report then stands for every unit below it instead of being added to them, and is compared with their sum when its own region is summed ([[aggregate-mismatch]]).',
    },
    unshown: UNSHOWN,
  },
];
