// Generates docs/rules/: per registered rule a correct and an incorrect example report, run through the real
// `nianbao check`, and a page (what, why, how to fix, the excerpts and the exact output); plus the index README.md.
//
//   node --import tsx scripts/rule-docs.ts          every registered rule (stale pages and examples removed)
//   node --import tsx scripts/rule-docs.ts T3-1 …   only these rules (nothing removed)
//
// The prose (PROSE) and the examples (EXAMPLES) are keyed by rule id; test/rules-docs.test.ts re-runs every
// command of the pages and fails when an output differs, so run `npm run docs:rules` after changing a rule.
import { APPLICANT_TOTAL } from '../src/model/formats/common.ts';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { docName } from '../src/model/cells.ts';
import { main } from '../src/cli/main.ts';
import type { Severity } from '../src/model/diagnostic.ts';
import type { FormatVersion } from '../src/model/format.ts';
import type { Report } from '../src/model/report.ts';
import { aggregate } from '../src/aggregate/sum.ts';
import { RULES } from '../src/rules/index.ts';
import { validReport, withCells } from '../src/rules/tester.ts';
import type { Rule, Texts } from '../src/rules/types.ts';
import { writeReport } from '../test/support/writer.ts';

/** The project root: commands run in it and paths in the pages are relative to it. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where the pages are, relative to the root. */
export const DOCS_DIR = 'docs/rules';
/** Where the example reports are, relative to the root. */
export const EXAMPLES_DIR = 'docs/rules/examples';

/** The two examples of a rule. */
export type Kind = 'correct' | 'incorrect';

/** The example file of a rule, relative to the root. */
export const examplePath = (id: string, kind: Kind): string => `${EXAMPLES_DIR}/${docName(id)}.${kind}.txt`;

/** A file an example needs besides itself (last year's report, a member report), relative to the root. */
export const extraPath = (id: string, name: string): string => `${EXAMPLES_DIR}/${docName(id)}.${name}.txt`;

/** The page of a rule, relative to the root. */
export const docPath = (id: string): string => `${DOCS_DIR}/${docName(id)}.md`;

/** Runs the CLI in-process in the root, as `nianbao ARGV` would; standard output and error in the order written. */
export async function runCli(argv: readonly string[]): Promise<{ code: number; output: string }> {
  let output = '';
  const code = await main([...argv], {
    out: async (text) => {
      output += text;
    },
    err: (text) => {
      output += text;
    },
    color: false,
    cwd: ROOT,
  });
  return { code, output };
}

// ---------------------------------------------------------------------------------------------------------------
// The prose of each rule, for a reviewer in a 政务公开 office: what the rule checks, why (the clause), how to fix.
// [[id]] becomes a link to that rule's page (plain text while the rule is not registered).

/** What a rule checks, why, and how to fix a finding: Chinese, then one English line. */
export interface Prose {
  what: Texts;
  why: Texts;
  fix: Texts;
}

/** The prose of every rule, by id (written ahead for rules not registered yet). */
export const PROSE: Record<string, Prose> = {
  'T3-6': {
    what: {
      zh: '本年度表三“二、上年结转政府信息公开申请数量”一行的每一栏，应等于同一机关上一年度报告“四、结转下年度继续办理”一行的同一栏。需要用 `--previous` 给出上一年度报告；没有给出时不核对。给出的报告不是上一年度的，则提示并不核对。',
      en: 'Each column of this year’s 二、上年结转 equals the same column of last year’s 四、结转下年度继续办理; needs last year’s report (--previous).',
    },
    why: {
      zh: '上一年度结转的申请就是本年度接着办理的申请，两张报告应当衔接（format-spec §8.1 T3-6）。统一格式没有明文规定这一关系，机构改革、职能划转时也可能合理地不一致，所以是警告。',
      en: 'What was carried forward is what is carried over (format-spec §8.1 T3-6); not stated in the format and broken by reorganisations, hence a warning.',
    },
    fix: {
      zh: '核对上一年度结转的申请在本年度的办理台账，使“上年结转”与上一年度“结转下年度继续办理”一致；确因机构调整等原因不一致的，在正文中说明。',
      en: 'Take the carried-over figures from last year’s carry-forward, or explain the difference in the text.',
    },
  },
  'T2-2': {
    what: {
      zh: '2021 年版格式表二第二十条第（一）项：本年“现行有效件数”应等于上一年度报告的现行有效件数，加本年制发件数，减本年废止件数（规章、行政规范性文件两行分别核对）。需要用 `--previous` 给出上一年度报告，且两年都用 2021 年版格式。',
      en: 'In force this year = in force last year + issued − repealed (2021 format); needs last year’s report (--previous).',
    },
    why: {
      zh: '现行有效的文件只会因制发而增加、因废止而减少（format-spec §8.3 T2-2）。文件修改、机构改革划转会打破这一关系，所以是警告。',
      en: 'Documents in force change only by issue and repeal (format-spec §8.3 T2-2); amendments and reorganisations break it, hence a warning.',
    },
    fix: {
      zh: '按文件清理台账重新统计现行有效件数，并核对本年制发、废止件数；确有划转等情况的，在正文中说明。',
      en: 'Recount the documents in force from the register and check the issued and repealed counts.',
    },
  },
  'T2-3': {
    what: {
      zh: '2019 年（试行）格式表二第二十条第（五）（六）（八）项：2020 年度报告的“上一年项目数量”应等于 2019 年度报告的“上一年项目数量”加“本年增/减”。需要用 `--previous` 给出上一年度报告，且两年都用 2019 年格式。',
      en: 'This year’s items the year before = last year’s items + last year’s change (2019 format, 2019 → 2020); needs --previous.',
    },
    why: {
      zh: '“上一年项目数量”是上一年末的事项数，“本年增/减”是当年的变化，两年报告应当衔接（format-spec §8.3 T2-3）。2021 年版格式已取消这两栏，所以只有 2019 → 2020 可以核对；是警告。',
      en: 'The items at the end of a year are the next year’s starting items (format-spec §8.3 T2-3); the 2021 format dropped these columns.',
    },
    fix: {
      zh: '以上一年度报告的项目数量和增减数为准，核对本年度填报的上一年项目数量。',
      en: 'Take the items the year before from last year’s report and its change.',
    },
  },
  'X-5': {
    what: {
      zh: '与上一年度报告逐部分比较文字：某一部分两年都有 100 字以上，且相似度达到 90% 以上的，提示疑似照抄。相似度为字二元组（相邻两字）多重集的 Jaccard 系数，比较前去掉空白和标点，数字一律视为相同（只改了数字和年份的照抄计为 100%）。需要用 `--previous` 给出上一年度报告。',
      en: 'A section of 100+ characters at least 90% similar to last year’s (character-bigram multiset Jaccard, figures masked); needs --previous.',
    },
    why: {
      zh: '2021 年版格式“三、有关要求（四）明确责任”把“内容雷同、敷衍塞责”列为应追究责任的问题（format-spec §3.1、§8.4 X-5）；已有年报多年照抄的实例（format-spec §10.1）。固定的工作制度可能合理地重复，所以是警告。',
      en: 'The 2021 format sanctions "内容雷同" (copied content) (format-spec §3.1, §8.4 X-5); a standing procedure may rightly repeat, hence a warning.',
    },
    fix: {
      zh: '按本年度的实际工作重写该部分：第五部分写本年新发现的问题和上一年度问题的整改情况，第一部分写本年的具体做法和成效。',
      en: 'Rewrite the section from this year’s work: new problems and how last year’s were rectified.',
    },
  },
  'late-publication': {
    what: {
      zh: '报告的发布日期（`--published-at` 给出）晚于法定期限：县级以上人民政府部门（包括政府办公室）为次年 1 月 31 日，县级以上地方人民政府（本级政府年报）为次年 3 月 31 日。机关类别按名称判断（以“人民政府”结尾的为政府），乡镇人民政府、街道办事处没有全国统一的期限，不核对。',
      en: 'Published (--published-at) after 31 January (departments) or 31 March (a government’s own report) of the next year.',
    },
    why: {
      zh: '《中华人民共和国政府信息公开条例》第四十九条规定了两个期限；2021 年版格式把“不按时发布”列为应追究责任的问题（format-spec §1、§9）。发布日期来自报告之外，所以是警告。',
      en: '条例第四十九条 sets the deadlines; the 2021 format sanctions late publication (format-spec §1, §9).',
    },
    fix: {
      zh: '按期发布下一年度报告；本年度已逾期的，尽快发布并在报告中说明原因。',
      en: 'Publish by the deadline; if already late, publish at once and say why.',
    },
  },
  'aggregate-mismatch': {
    what: {
      zh: '一个地区的汇总年报（本级政府汇总部门和下级政府的报告）的每个数字，应等于所属单位报告同一单元格之和。所属单位报告用 `--member` 逐个给出（`nianbao` 的报告库以后会自动给出）；两版格式的表二不相加，表三“（六）其他处理”按 T3-7 对应。任一方留空的单元格不核对。',
      en: 'Each figure of a regional aggregate equals the sum of the members’ reports (--member each); blanks are not compared.',
    },
    why: {
      zh: '全部单位在列时，汇总数等于各单位之和（format-spec §8.5）；不等说明汇总时漏加、重复或抄错。缺少某个单位的报告、统计口径不同也会造成差异，所以是警告。',
      en: 'With every member present the aggregate is their sum (format-spec §8.5); a missing member also explains a difference, hence a warning.',
    },
    fix: {
      zh: '核对汇总表与各单位报告，补上漏加的单位或更正抄错的数字；确有单位不在汇总范围内的，在正文中说明。',
      en: 'Check the aggregate against each member’s report; add what was left out or correct the figure.',
    },
  },
  'read/no-text-layer': {
    what: {
      zh: 'PDF 的某些页（或全部页）没有文字层，只有图片（扫描件、拍照件），而且这些页没有被读出：文字识别（OCR）已关闭，或 OCR 也读不出可靠的文字（分辨率过低、图像模糊）。消息列出未读取的页码。',
      en: 'Pages of a PDF (or all of them) have no text layer, only images, and were not read: OCR was off, or found no reliable text (too coarse or blurred a scan).',
    },
    why: {
      zh: '年度报告要向社会公布（《中华人民共和国政府信息公开条例》第四十九条），统计表的数字须能逐项核对和汇总（format-spec §8）。只有图片的页面，其中的表格和数字无法读取，也就无法检查。',
      en: 'The report is published (条例第四十九条) and its figures are checked and summed (format-spec §8); figures in an image cannot be.',
    },
    fix: {
      zh: '用定稿的 Word、WPS 文件直接导出 PDF（“另存为 PDF”，不要打印后扫描）；只能提供扫描件的，扫描分辨率不低于 200 dpi，并核对识别出的数字。',
      en: 'Export the PDF from the original document instead of scanning a print; a scan needs at least 200 dpi, and its figures must be checked.',
    },
  },
  'read/broken': {
    what: {
      zh: '文件已损坏或无法解析（例如下载不完整、文件被截断），或 PDF 的某一页无法解析而被跳过。消息给出原因和页码。',
      en: 'The file is broken or cannot be parsed (a download cut short), or a page of a PDF cannot be parsed and was skipped.',
    },
    why: {
      zh: '年度报告要完整地向社会公布（《中华人民共和国政府信息公开条例》第四十九条）。文件或页面损坏，其中的文字和统计表就无法读取，公众和汇总单位看到的报告不完整。',
      en: 'A report is published whole (条例第四十九条); a broken file or page hides its text and tables.',
    },
    fix: {
      zh: '重新下载或重新导出文件，确认能在常用阅读器中完整打开每一页后再提交。',
      en: 'Download or export the file again and check that every page opens in a reader.',
    },
  },
  'read/ocr': {
    what: {
      zh: 'PDF 的某些页没有文字层（扫描件），nianbao 用文字识别（OCR，tesseract 中文模型）读取了这些页。读出的每个数字都带有识别置信度（0–100，见 JSON 的 provenance）；中文模型没有把握的数字，再用只认数字的英文模型单独识别一次，两种切分方式结果一致且置信度足够高才采用；仍然存疑的数字不采用，单元格留空并另行提示（[[extract/unreadable-figure]]）。消息列出用 OCR 读取的页码；OCR 本身失败时也在此提示。',
      en: 'Pages without a text layer were read by OCR (tesseract, Simplified Chinese); every figure carries its confidence; a figure the Chinese model is unsure of is read again alone by a digits-only English model and taken only when that reading is sure, and figures still unsure are left blank ([[extract/unreadable-figure]]).',
    },
    why: {
      zh: 'OCR 会认错字，尤其是单独一个数字（如把 7 认成“了”）。统计表的每个数字都要能核对（format-spec §8），所以由 OCR 读出的数字必须与原件逐一核对，不能当作与文字版同样可靠。',
      en: 'OCR misreads, lone digits most of all; every figure must be verifiable (format-spec §8), so figures read by OCR must be checked against the original.',
    },
    fix: {
      zh: '尽量提供带文字层的 PDF（由 Word、WPS 直接导出）。只能用扫描件时，对照原件逐一核对识别出的数字，特别是置信度低的和被留空的单元格。',
      en: 'Provide a PDF with a text layer if possible; otherwise check the figures read by OCR against the original, the blank ones first.',
    },
  },
  'extract/unreadable-figure': {
    what: {
      zh: '统计表某一栏的数字无法可靠识别：文字识别（OCR）对它没有把握（置信度低、单独一个字被认成汉字、数字位数与所占宽度不符），或其中有无法辨认的字符“�”。nianbao 不猜测数字，该单元格留空并给出原文。',
      en: 'A figure cannot be read reliably (an unsure OCR reading, or an unreadable character "�"); nianbao does not guess: the cell is left blank and the text shown.',
    },
    why: {
      zh: '统计表的每个数字都要能逐项核对和汇总（format-spec §8）。猜出来的数字比空着更糟：它看起来可信，却可能是错的。',
      en: 'Every figure is checked and summed (format-spec §8); a guessed figure looks trustworthy and may be wrong, which is worse than a blank.',
    },
    fix: {
      zh: '对照原件（纸质件或定稿文件）核对该单元格，在报告中填写正确的数字；能提供带文字层的 PDF 或 Word 文件的，改用原文件。',
      en: 'Check the cell against the original and write the right figure; use the original document instead of a scan where possible.',
    },
  },
  'read/charset': {
    what: {
      zh: '网页在 <meta> 中声明的字符集（如 gb2312）与文件实际的编码（如 UTF-8）不符。nianbao 按实际内容解码，并提示声明有误。',
      en: 'A web page declares a charset in <meta> that its bytes are not in; nianbao decodes by the bytes and says so.',
    },
    why: {
      zh: '年度报告要在政府网站上向社会公布（《中华人民共和国政府信息公开条例》第四十九条）。声明错误的网页在部分浏览器、转载和采集工具中会显示为乱码，公众读到的数字和标题可能与定稿不一致。',
      en: 'Reports are published on the web (条例第四十九条); a wrong declaration shows garbled text in some browsers and crawlers.',
    },
    fix: {
      zh: '把网页头部的 <meta charset> 改为文件实际保存的编码（通常是 UTF-8），或把文件按声明的编码重新保存。',
      en: 'Declare the encoding the file is saved in (usually UTF-8), or save the file in the declared one.',
    },
  },
  'read/encoding': {
    what: {
      zh: '读取文件时，有些字节无法按识别出的字符编码（UTF-8、GB18030、Big5 等）解码，已替换为“�”。消息给出无法解码的处数。',
      en: 'Some bytes cannot be decoded in the detected character encoding; they were replaced by "�".',
    },
    why: {
      zh: '年度报告要向社会公布（《中华人民共和国政府信息公开条例》第四十九条），公众和汇总单位读到的文字应与定稿一致。乱码多出在不同编码的文本拼接、转存或传输损坏时，可能正好落在数字、标题或表格标签上，使其后的读取和核对都不可靠。',
      en: 'A report is published (条例第四十九条); garbled bytes can hit a figure or a label and make what follows unreliable.',
    },
    fix: {
      zh: '用定稿的原始文件（Word、WPS 或网页原文）重新导出为 UTF-8 文本后再检查，核对“�”所在位置的文字和数字是否完整；不要把不同来源、不同编码的文本直接拼接。',
      en: 'Export the text again from the original document as UTF-8 and check the text where "�" appears.',
    },
  },
  'extract/extra-cells': {
    what: {
      zh: '统计表某一行的数字多于该行的栏数（例如表三一行有八个数字，而表三只有自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计七栏）。nianbao 按本行“总计 = 各栏之和”找出唯一可以去掉的那个数字，略去它，读取其余数字。',
      en: 'A row has more figures than columns; the one figure whose removal makes the row total add up was left out.',
    },
    why: {
      zh: '表三的七栏、表四的十五栏是统一格式规定的（format-spec §5.1、§6），每栏一个数字。多出的数字通常是重复录入、拆分合并单元格时多出一格，或把说明文字中的数字填进了表格。按合计关系判断多余的是哪一个只是推断，应由填报单位确认。',
      en: 'The national tables have fixed columns (format-spec §5.1, §6); an extra figure is usually a duplicate, and dropping it is an inference.',
    },
    fix: {
      zh: '删去多余的数字，使每一栏恰好一个数字；再核对本行其余数字和总计。',
      en: 'Delete the extra figure so that every column holds exactly one figure.',
    },
  },
  'extract/missing-cells': {
    what: {
      zh: '统计表某一行的数字少于栏数，但单元格的位置仍可辨认（如用制表符分隔的文本中少了末尾几格），nianbao 已按列位置对齐读取，缺少的单元格按空白处理。',
      en: 'A row has fewer figures than columns; they were placed by the column grid and the missing cells are blank.',
    },
    why: {
      zh: '统一格式的每一栏都应填写（format-spec §5.3）。缺少的单元格读作空白，不当作 0；空白的分项或总计会使表内核对无法进行，另见 [[blank-cell]]、[[blank-total]]。',
      en: 'Every cell of the format is to be filled (format-spec §5.3); a missing cell is read as blank, never as 0.',
    },
    fix: {
      zh: '补齐该行缺少的数字，没有发生的填 0。',
      en: 'Fill in the missing figures, 0 where there is nothing.',
    },
  },
  'extract/unplaced-cells': {
    what: {
      zh: '统计表某一行的数字少于栏数，又无法判断各数字属于哪一栏（例如一行只写了一个数字），这一行全部按空白处理。',
      en: 'A row has fewer figures than columns and their columns cannot be told; the whole row is left blank.',
    },
    why: {
      zh: '数字在哪一栏决定了它的含义（自然人还是法律服务机构，维持还是纠正）。无法确定栏位时 nianbao 不猜测（design.md 原则 2“不臆造”），这一行的数字因此全部缺失，表三勾稽关系等核对也会随之报错。',
      en: 'The column gives a figure its meaning; nianbao does not guess (design.md principle 2), so the row is lost and the sums fail.',
    },
    fix: {
      zh: '按统一格式把该行每一栏的数字都填上（没有的填 0），不要只写合计。',
      en: 'Write a figure in every column of the row (0 where there is nothing), not only the total.',
    },
  },
  'extract/ambiguous-cells': {
    what: {
      zh: '统计表某一行的数字无法与栏目唯一对应：数字多于栏数，而去掉其中哪一个都说得通或都说不通（ambiguousCells）；或数字连在一起，有不止一种拆分方法都符合本行合计（unsplittable）。这一行全部按空白处理。',
      en: 'The figures of a row cannot be matched to its columns in one way only; the row is left blank.',
    },
    why: {
      zh: '一个数字放错一栏，含义就变了；有多种可能时 nianbao 不替填报单位选择（design.md 原则 2），这一行因此没有读出，相关的合计核对也会报错。',
      en: 'A figure in the wrong column changes its meaning; nianbao does not choose for the author (design.md principle 2).',
    },
    fix: {
      zh: '删去多余的数字，或用单元格（制表符）把连在一起的数字分开，使每一栏恰好一个数字。',
      en: 'Remove the extra figure, or separate run-together figures into cells, one per column.',
    },
  },
  'extract/split-digits': {
    what: {
      zh: '统计表某一行的数字连写在一起、没有分隔（常见于从网页复制的文本，如“二、上年结转政府信息公开申请数量5100006”），nianbao 按本行“总计 = 各栏之和”找到了唯一的拆分方法并据此读取。这些数字是推断值，在输出中标注。',
      en: 'Run-together figures were split in the only way the row total allows; the figures are inferred.',
    },
    why: {
      zh: '提示性质：拆分结果符合合计关系且唯一，但仍是推断，不是从单元格中直接读出的。发布的报告应让读者直接看清每一栏的数字。',
      en: 'The split is unique but inferred; a published report should show each figure in its own cell.',
    },
    fix: {
      zh: '发布时保留表格结构（网页表格、Word 表格），纯文本中用制表符分隔单元格；核对拆分出的数字。',
      en: 'Keep the table structure when publishing; check the figures that were split.',
    },
  },
  'extract/unknown-row': {
    what: {
      zh: '统计表中有统一格式没有的行（例如地方模板自行增加的“其他主动公开文件”），该行不计入报告的数据。',
      en: 'A table has a row that is not in the national format; it is not part of the report data.',
    },
    why: {
      zh: '年度报告统一格式由全国政府信息公开工作主管部门依《条例》第五十条公布（国办公开办函〔2019〕60号、〔2021〕30号）。自行增加的行使各单位的报告无法逐栏比较和汇总（format-spec §10.2 所见的地方模板即有此问题）。',
      en: 'The national format is set under 条例第五十条; added rows make reports impossible to compare and sum (format-spec §10.2).',
    },
    fix: {
      zh: '删去自行增加的行，相关情况改在正文中用文字说明；如果只是行标签写法不同，改用统一格式的标签。',
      en: 'Remove the added row and describe it in the text; if it is only a differently worded label, use the official one.',
    },
  },
  'extract/duplicate-row': {
    what: {
      zh: '同一行在统计表中出现了两次，nianbao 只采用第一次出现的数字。',
      en: 'A row appears twice in a table; the first one is used.',
    },
    why: {
      zh: '重复的行多来自复制粘贴。两次的数字不同时无法判断哪一个是实际情况，汇总时也可能重复计算。',
      en: 'A duplicated row is usually a paste slip; when the two differ nobody can tell which is right.',
    },
    fix: {
      zh: '删去重复的一行，核对保留下来的数字。',
      en: 'Delete the duplicate and check the figures that remain.',
    },
  },
  'extract/missing-row': {
    what: {
      zh: '统计表缺少统一格式中的某一行（例如表三漏了“7.属于行政执法案卷”），该行的数字按空白处理。',
      en: 'A row of the national format is missing from a table; its figures are blank.',
    },
    why: {
      zh: '统一格式的行不应删减，2021 年格式要求报告内容“不能遗漏”（format-spec §3.1）。少了一行，“（七）总计”就无法逐项核对，汇总时该行也会缺数。',
      en: 'The rows of the format are not to be dropped (2021 format: "不能遗漏"); a missing row also defeats the totals.',
    },
    fix: {
      zh: '按统一格式补上缺少的行，没有发生的填 0。',
      en: 'Add the missing row, with 0 where there is nothing.',
    },
  },
  'extract/missing-table': {
    what: {
      zh: '没有找到三张统计表之一：“二、主动公开政府信息情况”“三、收到和处理政府信息公开申请情况”或“四、政府信息公开行政复议、行政诉讼情况”的表格。',
      en: 'One of the three statistics tables (sections 二, 三, 四) was not found.',
    },
    why: {
      zh: '《条例》第五十条第（一）至（三）项要求年度报告包括主动公开政府信息、收到和处理政府信息公开申请、因政府信息公开工作被申请行政复议和提起行政诉讼的情况，统一格式以这三张表报告（format-spec §4–§6）。没有表，这部分数据就无从核对和汇总。',
      en: '条例第五十条（一）–（三） require these figures and the format reports them in these tables (format-spec §4–§6).',
    },
    fix: {
      zh: '在相应部分加入统一格式的统计表。表格已填写的，检查表头用语（如“第二十条第（一）项”“申请人情况”“结果维持”）是否与统一格式一致，表格是否被转成了图片。',
      en: 'Add the table; if it is there, check that its headers use the official wording and that it is not an image.',
    },
  },
  'extract/unit-converted': {
    what: {
      zh: '金额栏写了“元”（如“1263500元”），而统计表的金额以万元为单位，nianbao 已换算为万元读取。',
      en: 'An amount written in 元 was converted to 万元, the unit of the table.',
    },
    why: {
      zh: '2021 年格式表二第二十条第（八）项的表头为“本年收费金额（单位：万元）”；2019 年格式的“采购总金额”没有印单位，各地写法不一（format-spec §4.1、§4.2、§8.3 T2-6）。单位不统一，汇总时就会相差一万倍。',
      en: 'The 2021 header says 万元; the 2019 amount has no printed unit (format-spec §4.1, §4.2, §8.3 T2-6); mixed units break sums.',
    },
    fix: {
      zh: '按表头单位（万元）填写数字，单元格中不写单位字样。',
      en: 'Write the amount in 万元, as a bare number.',
    },
  },
  'extract/format-version-unknown': {
    what: {
      zh: '表格中找不到能区分 2019 年（试行）格式和 2021 年格式的用语，nianbao 只能按读出行数最多的格式读取，消息中说明按哪一版读取。',
      en: 'No wording of the tables tells the 2019 format from the 2021 one; the report was read with the format that fits best.',
    },
    why: {
      zh: '两版表二的栏目不同且不能相互换算（format-spec §4.3），表三“（六）其他处理”的行也不同。识别版本主要靠表二的表头用语（format-spec §2）；缺少表二或表头被改写时，数字可能被读进错误的栏目。',
      en: 'The two versions differ in table 2 and in table 3 （六） (format-spec §2, §4.3); the wrong version puts figures in wrong columns.',
    },
    fix: {
      zh: '按报告年度适用的格式完整填写表二（其表头用语就是版本标志）：2019、2020 年度用 2019 年（试行）格式，2021 年度起用 2021 年格式。另见 [[format-version]]。',
      en: 'Fill in table 2 of the format of the report year; its headers tell the version.',
    },
  },
  'extract/agency-missing': {
    what: {
      zh: '标题中没有找到报告机关的名称（通行写法为“机关全称 + ××年政府信息公开工作年度报告”）。',
      en: 'The title does not name the reporting body.',
    },
    why: {
      zh: '年度报告是各行政机关各自的法定报告（《条例》第四十九条），汇总、比对和查重都以机关为单位；机关的层级和性质还决定部分规则，如 [[T2-5]]（规章制定权）、[[X-3]]（人民政府的考核、评议和追究情况）。',
      en: 'Each body publishes its own report (条例第四十九条); some rules depend on what kind of body it is.',
    },
    fix: {
      zh: '在标题中写明机关全称和报告年度。',
      en: 'Put the full name of the body and the year in the title.',
    },
  },
  'extract/year-missing': {
    what: {
      zh: '标题和前言中都没有找到报告年度（标题中的“××年”，或前言中“本报告所列数据统计期限为××年1月1日至12月31日”）。',
      en: 'Neither the title nor the preamble gives the year reported on.',
    },
    why: {
      zh: '报告年度决定适用哪一版格式（2019、2020 年度用 2019 年（试行）格式，2021 年度起用 2021 年格式，format-spec §2），也是报送期限（《条例》第四十九条）和跨年核对的依据。',
      en: 'The year decides the format version (format-spec §2) and the deadline (条例第四十九条).',
    },
    fix: {
      zh: '在标题中写明年度，并在前言写明统计期限。',
      en: 'Give the year in the title and the statistics period in the preamble.',
    },
  },
  'extract/year-conflict': {
    what: {
      zh: '标题中的年度与前言写明的统计期限年度不一致，nianbao 采用统计期限的年度。',
      en: 'The year of the title differs from the statistics period; the period is used.',
    },
    why: {
      zh: '多见于沿用上一年的报告而没有改年份。2021 年格式“三、有关要求（四）明确责任”把“发布内容不准确”“内容雷同”列为要追究责任的问题（format-spec §3.1）。',
      en: 'Usually last year’s report reused; the 2021 format names inaccurate and copied reports as sanctioned problems.',
    },
    fix: {
      zh: '核对并统一标题、统计期限和正文中的年份。',
      en: 'Make the years of the title, the period and the text agree.',
    },
  },
  'T2-1': {
    what: {
      zh: '表二的数字应为非负整数：件数、项目数、处理决定数不能为负，也不能有小数；2019 年格式的“本年增/减”可以为负（减少用负数表示）；金额（2021 年格式本年收费金额、2019 年格式采购总金额）可以有小数，但不能为负。',
      en: 'Table 2 counts are whole numbers ≥ 0; 2019 本年增/减 may be negative; amounts may have decimals but are ≥ 0.',
    },
    why: {
      zh: '表二各栏是件数、项目数或金额（format-spec §4、§8.3 T2-1）；只有 2019 年格式的“本年增/减”是增减数（湖北填报说明“减用负值表示”）。2021 年格式的“本年废止件数”是废止的件数，填负数多是沿用了 2019 年格式“本年增/减”的习惯。',
      en: 'The columns are counts or amounts (format-spec §8.3 T2-1); only the 2019 change column is signed.',
    },
    fix: {
      zh: '件数填非负整数。2021 年格式废止了 1 件文件，“本年废止件数”就填 1。',
      en: 'Write counts as whole numbers ≥ 0: one document repealed is 1, not -1.',
    },
  },
  'T3-1': {
    what: {
      zh: '表三每一栏（自然人、五类法人或其他组织、总计）都要满足表头注明的勾稽关系：“一、本年新收” + “二、上年结转” = “（七）总计” + “四、结转下年度继续办理”。各行总计都等于各栏之和时，总计栏的不平衡只是某个申请人栏不平衡的反映，nianbao 只报告出错的申请人栏（format-spec §8.1 T3-8）。',
      en: 'In every column of table 3: new + carried over = （七）总计 + carried forward; the failing applicant column is named.',
    },
    why: {
      zh: '这是统一格式在表三表头印明的勾稽关系：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”（format-spec §8.1 T3-1）。不平衡说明有申请漏计、重计或结转数算错，format-spec §10.3 将其列为最常见的计算错误。',
      en: 'The relation is printed in the header of table 3 (format-spec §8.1 T3-1); a failure means applications lost or counted twice.',
    },
    fix: {
      zh: '按栏核对四个数：本年新收、上年结转、办理结果总计、结转下年度。上年结转应等于上一年度报告的“结转下年度继续办理”。输出中有“建议”时，它是唯一能同时满足各项关系的改法，可据以核对原始台账。',
      en: 'Check the four figures of the column against the register; a suggestion, when given, is the only one-cell repair.',
    },
  },
  'T3-2': {
    what: {
      zh: '表三每一行的“总计”应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六栏之和。',
      en: 'Each row total of table 3 is the sum of its six applicant columns.',
    },
    why: {
      zh: '表头“总计”即该行各类申请人的合计（format-spec §5.1、§8.1 T3-2）。统一格式没有“法人或其他组织 小计”一栏，不要另行加计。一个格填错常常同时使 [[T3-3]] 或 [[T3-1]] 不成立，输出中的“建议”指出能同时满足各项关系的那一格。',
      en: 'The header 总计 is the sum of the applicant columns (format-spec §8.1 T3-2); there is no official subtotal column.',
    },
    fix: {
      zh: '重新合计该行，或核对各栏数字；总计栏空白的，见 [[blank-total]]。',
      en: 'Add the row up again or correct the column that is wrong.',
    },
  },
  'T3-3': {
    what: {
      zh: '表三每一栏的“（七）总计”应等于各项办理结果之和：（一）予以公开、（二）部分公开、（三）不予公开 1–8、（四）无法提供 1–3、（五）不予处理 1–5、（六）其他处理（2021 年格式为 1–3 三行）。',
      en: 'In every column of table 3, （七）总计 is the sum of the outcome rows （一）–（六）.',
    },
    why: {
      zh: '“（七）总计”是本年度办理结果的合计（format-spec §8.1 T3-3）。每件申请只计入一种办理结果，部分公开的只计入“（二）部分公开”（行注“区分处理的，只计这一情形，不计其他情形”，format-spec §8.1 T3-5）。统一格式没有（三）至（六）的小计行，小计不要填进表内。',
      en: 'Each application is counted under one outcome only (format-spec §8.1 T3-3, T3-5).',
    },
    fix: {
      zh: '按栏逐项相加核对，检查是否有申请被计入两种办理结果，或有办结的申请漏计。',
      en: 'Add the outcomes of the column again; look for applications counted twice or not at all.',
    },
  },
  'T3-4': {
    what: {
      zh: '表三的每个数字都是申请件数，应为非负整数。',
      en: 'Every figure of table 3 is a count of applications: a whole number ≥ 0.',
    },
    why: {
      zh: '表三统计申请的件数（format-spec §8.1 T3-4）。负数多见于用“新收 + 上年结转 − 办结”倒推结转下年度数、而办结数又多计了的情况——这时勾稽关系照样成立，只有本规则能发现。',
      en: 'Table 3 counts applications (format-spec §8.1 T3-4); a negative carry-forward hides a double count that the sums do not show.',
    },
    fix: {
      zh: '核对该栏的办理结果是否重复计数，按台账的实际件数填写；结转下年度不能为负。',
      en: 'Find the double count and write the actual numbers; nothing is carried forward below zero.',
    },
  },
  'T4-1': {
    what: {
      zh: '表四“行政复议”的总计应等于结果维持、结果纠正、其他结果、尚未审结四栏之和。',
      en: 'Table 4, 行政复议: the total is upheld + corrected + other + pending.',
    },
    why: {
      zh: '表头“总计”即四种结果之和（format-spec §6、§8.2 T4-1）。常见的错误是总计只算了已审结的案件，漏了年底尚未审结的。',
      en: 'The header 总计 is the sum of the four results (format-spec §8.2 T4-1); pending cases are often left out.',
    },
    fix: {
      zh: '重新合计；年底仍未审结的案件计入“尚未审结”，也计入总计。',
      en: 'Add up again, counting the pending cases too.',
    },
  },
  'T4-2': {
    what: {
      zh: '表四“行政诉讼—未经复议直接起诉”的总计应等于结果维持、结果纠正、其他结果、尚未审结四栏之和。',
      en: 'Table 4, suits filed directly: the total is upheld + corrected + other + pending.',
    },
    why: {
      zh: '表头“总计”即四种结果之和（format-spec §6、§8.2 T4-2）。计数口径：复议机关作为共同被告的行政诉讼案件，只计算原行为主体的案件数量（国办公开办函〔2016〕201号，format-spec §8.2 T4-5）。',
      en: 'The header 总计 is the sum of the four results (format-spec §8.2 T4-2).',
    },
    fix: {
      zh: '重新合计；撤诉、终结等计入“其他结果”，年底未审结的计入“尚未审结”。',
      en: 'Add up again; withdrawn or ended suits go to 其他结果, open ones to 尚未审结.',
    },
  },
  'T4-3': {
    what: {
      zh: '表四“行政诉讼—复议后起诉”的总计应等于结果维持、结果纠正、其他结果、尚未审结四栏之和。',
      en: 'Table 4, suits filed after review: the total is upheld + corrected + other + pending.',
    },
    why: {
      zh: '表头“总计”即四种结果之和（format-spec §6、§8.2 T4-3）。注意：复议后起诉的案件数不必小于本年行政复议总数，复议可能发生在上一年度或由其他机关办理（format-spec §8.2 T4-6），nianbao 不作此项核对。',
      en: 'The header 总计 is the sum of the four results (format-spec §8.2 T4-3).',
    },
    fix: {
      zh: '重新合计，年底未审结的案件也计入总计。',
      en: 'Add up again, counting the pending suits too.',
    },
  },
  'T4-4': {
    what: {
      zh: '表四的十五个数字都是案件件数，应为非负整数。',
      en: 'The fifteen figures of table 4 are counts of cases: whole numbers ≥ 0.',
    },
    why: {
      zh: '表四统计行政复议和行政诉讼的案件数（format-spec §6、§8.2 T4-4）。用负数冲减（例如把撤回的案件记为 −1）会使总计照样相符，只有本规则能发现。',
      en: 'Table 4 counts cases (format-spec §8.2 T4-4); a negative used to cancel a case keeps the total right and hides it.',
    },
    fix: {
      zh: '按案件的实际结果计数，撤回、终止的计入“其他结果”。',
      en: 'Count each case under its actual result; withdrawn cases go to 其他结果.',
    },
  },
  'blank-total': {
    what: {
      zh: '表三、表四中已填了数字的表格，“总计”栏不得留空，没有发生的应填 0。',
      en: 'In tables 3 and 4, a total cell is never blank where the table has figures.',
    },
    why: {
      zh: '表三每一栏都应填写（format-spec §5.3）；已发布的报告中出现过总计栏整列留空的情况（format-spec §10.2、§10.3 第 5 项）。总计空白，读者无从得知合计，[[T3-2]]、[[T4-1]] 等核对也无法进行；nianbao 不把空白当作 0（design.md 原则 2）。',
      en: 'Every cell of table 3 is to be filled (format-spec §5.3); blank totals were seen in official reports (§10.2).',
    },
    fix: {
      zh: '填写总计，没有发生的填 0。',
      en: 'Write the total, 0 where there is nothing.',
    },
  },
  'blank-cell': {
    what: {
      zh: '统计表中总计以外的单元格留空。每行报告一次，列出该行空白的栏目；整张表都没有数字时报告一次。2019 年格式第二十条第（八）、（九）项只有两栏，是格式本身的设计，不算空白。',
      en: 'A cell other than a total is blank; one finding per row, or one for a table with no figures at all.',
    },
    why: {
      zh: '统一格式的每一栏都应填写（format-spec §5.3）。不少报告用空白表示 0（format-spec §10.2），但空白也可能是漏填，读者无法区分；nianbao 保留空白，不当作 0（report-json.md）。',
      en: 'Blanks often mean 0 but may be omissions; nianbao keeps them blank (format-spec §5.3, §10.2).',
    },
    fix: {
      zh: '没有发生的填 0。',
      en: 'Write 0 where there is nothing.',
    },
  },
  'format-version': {
    what: {
      zh: '统计表的格式版本与报告年度不符：2019、2020 年度报告应使用 2019 年（试行）格式（国办公开办函〔2019〕60号），2021 年度起应使用 2021 年格式（国办公开办函〔2021〕30号）。',
      en: 'The format of the tables does not fit the report year: 2019 format for 2019–2020, 2021 format from 2021.',
    },
    why: {
      zh: '2021 年格式修订了表二（第（一）项改为本年制发件数、本年废止件数、现行有效件数；第（五）（六）项改为本年处理决定数量；第（八）项改为收费金额；删去第（九）项）和表三“（六）其他处理”（format-spec §4.3、§7）。两版栏目不能相互换算，套用旧模板的报告无法与其他单位汇总比较（format-spec §10.3 第 9 项）。',
      en: 'The 2021 format changed table 2 and table 3 （六） (format-spec §4.3, §7); an old template cannot be summed with the others.',
    },
    fix: {
      zh: '按报告年度适用的格式重新填写统计表。',
      en: 'Fill in the tables of the format that applies to the report year.',
    },
  },
  'T2-4': {
    what: {
      zh: '2019 年格式表二第二十条第（一）项（规章、规范性文件）：“本年新公开数量”不应大于“对外公开总数量”。',
      en: '2019 format, table 2 （一）: published this year does not exceed published in total.',
    },
    why: {
      zh: '本年新公开的文件包含在对外公开的总数之中（format-spec §8.3 T2-4，推断规则，故为警告）。前者大于后者，多是两栏填反了，或总数只填了本年的部分。',
      en: 'This year’s documents are among all published ones (format-spec §8.3 T2-4); the columns are often swapped.',
    },
    fix: {
      zh: '核对两栏是否填反；对外公开总数量应为截至年底对外公开的文件总数。',
      en: 'Check whether the two columns were swapped.',
    },
  },
  'T2-5': {
    what: {
      zh: '表二“规章”一行填了大于 0 的数字，而从机关名称看，该机关没有规章制定权（地方人民政府的工作部门，或县级、乡级人民政府）。名称看不出机关性质时不报告。',
      en: 'Table 2 reports 规章 for a body that, by its name, cannot make them.',
    },
    why: {
      zh: '依《中华人民共和国立法法》第九十一条、第九十三条，只有国务院部门和省、自治区、直辖市、设区的市、自治州的人民政府制定规章；湖北填报说明也注明“规章（设区的市、自治州人民政府应提供相关数据）”（format-spec §8.3 T2-5）。部门填了规章数，多是把本部门起草、以政府名义发布的规章或本部门的规范性文件计入了此行。本规则凭机关名称推断，故为警告。',
      en: 'Only State Council departments and province and city governments make 规章 (立法法第九十一条、第九十三条).',
    },
    fix: {
      zh: '规章由制定它的人民政府报告，部门的“规章”一行填 0；本部门制发的文件填在“行政规范性文件”（2019 年格式为“规范性文件”）一行。',
      en: 'Write 0 for 规章; the department’s own documents go to the 规范性文件 row.',
    },
  },
  'T2-7': {
    what: {
      zh: '2021 年格式表二第二十条第（八）项“本年收费金额（单位：万元）”的数字按机关的规模看大得不合常理，疑似按元填写。按机关名称判断规模：中央机关、省级人民政府和以省级行政区为报告主体的报告不检查；设区的市、县级人民政府，以整个地区为报告主体的报告（如“平潭综合实验区”）和开发区管委会，一个地区的收费可达数亿元（如 18651 万元），达到 100 亿元（1000000 万元）以上才提示；其他机关（政府部门、乡镇人民政府、街道办事处，以及名称看不出规模的）达到 1 亿元（10000 万元）以上即提示，其中县级、乡级机关填了 1000 以上的整数也提示。',
      en: 'The 2021 fee amount (万元) is too large for the scale of the body (a department, a township; or, for a city or county government or a region-wide report, from 100亿元) and looks entered in 元.',
    },
    why: {
      zh: '该栏单位是万元（format-spec §4.2），按元填写会把金额放大一万倍；format-spec §10.3 第 7 项把万元与元混淆列为常见错误，§8.3 T2-7 建议对小机关明显过大的数字提示。同一个数字，对一个部门可疑，对一个地区的人民政府却可能是实数，所以门槛随机关规模而定；本规则只是提示，为避免误报，规模可能容纳的数字不提示。',
      en: 'The unit is 万元 (format-spec §4.2); 元 instead of 万元 is a known slip (§8.3 T2-7, §10.3); a figure suspicious for a department may be real for a region, so the threshold follows the body’s scale.',
    },
    fix: {
      zh: '把金额换算为万元（元数除以 10000），可保留小数，例如 1263500 元填 126.35。',
      en: 'Divide an amount in 元 by 10000: 1263500 元 is 126.35.',
    },
  },
  'section-missing': {
    what: {
      zh: '年度报告缺少统一格式规定的六个部分之一：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。',
      en: 'One of the six sections of the national format is missing.',
    },
    why: {
      zh: '《条例》第五十条列明年度报告应当包括的内容，统一格式据此分为六个部分（format-spec §3）；2021 年格式要求报告内容“不能遗漏，也不宜泛化”。',
      en: '条例第五十条 lists what a report contains; the format has six sections and says "不能遗漏".',
    },
    fix: {
      zh: '补上缺少的部分。确实没有内容的，也保留标题并写明情况（如“本年度无其他需要报告的事项”）。',
      en: 'Add the section; if there is nothing to report, keep the heading and say so.',
    },
  },
  'section-order': {
    what: {
      zh: '六个部分没有按一至六的顺序排列。只报告位置不对的部分：一个部分被挪了位置，只报告一处，而不是其后的每一部分。',
      en: 'The sections are not in the order 一 to 六; only the sections out of place are reported.',
    },
    why: {
      zh: '统一格式规定了六个部分及其顺序（format-spec §3、§8.4 X-2）。顺序一致，读者和汇总单位才能在每份报告的同一位置找到同样的内容。',
      en: 'The format fixes the order (format-spec §3, §8.4 X-2), so that readers find each part in the same place.',
    },
    fix: {
      zh: '按统一格式的顺序调整各部分。',
      en: 'Put the sections in the official order.',
    },
  },
  'section-number': {
    what: {
      zh: '部分标题的序号与统一格式不一致，例如用“1、”代替“一、”，或把第四部分标为“三、”。',
      en: 'A section heading is numbered otherwise than the format numbers it.',
    },
    why: {
      zh: '统一格式的六个部分依次以“一、”至“六、”编号（format-spec §3）。序号错了，读者容易误以为缺了或重复了某一部分。',
      en: 'The format numbers the sections 一、 to 六、 (format-spec §3); a wrong number suggests a missing or repeated part.',
    },
    fix: {
      zh: '按统一格式改正标题序号，最好直接使用统一格式的标题原文。',
      en: 'Number the heading as the format does, ideally with the official wording.',
    },
  },
  'X-1': {
    what: {
      zh: '正文中复述的年度数字应与统计表一致：新收、上年结转、办结、结转下年度的申请件数，予以公开、部分公开、不予公开、无法提供、不予处理的件数，被申请行政复议、被提起行政诉讼的案件数，以及（2021 年格式）表二的行政规范性文件“本年制发件数”“现行有效件数”（正文写“规章和规范性文件”的，与两行之和比较）。只读取明确的全年合计，“其中”之后的分项、涉及其他年度或比例、同比的句子不读取；表二只读取写明“件”或“份”的规范性文件件数（“政策、规范性文件类信息4条”是信息条数，不读取），清理、备案审查、全区或各部门的文件、以其他机关名义印发的文件、“截至目前”的数字也不读取，避免误报。表三某行“总计”栏空白的，与该行六个申请人栏之和比较；有的栏也空白的，已填写各栏之和已经大于正文数字时才报告（空白栏只会使合计更大），消息写明“至少为”。',
      en: 'Year totals the text states (applications received, handled, carried; outcomes; review and litigation cases; 2021 table 2: 规范性文件 issued and in force) equal the tables; a blank 总计 is replaced by the sum of its row’s columns.',
    },
    why: {
      zh: '正文（特别是“一、总体情况”）常复述表中的主要数字。已发布的报告中出现过正文与表格不一致的情况：上海市政府办公厅 2019 年报告正文写“予以公开及部分公开258件”，表中“总计”栏空白，各栏合计为 275 件（format-spec §10.2）——只与“总计”栏比较就会漏掉它；也有报告正文写现行有效规范性文件 393 件，表二“现行有效件数”却是 470 件。2021 年格式把“发布内容不准确”列为追责情形（format-spec §3.1）。本规则从文字中识别数字，属提示性检查（format-spec §8.4 X-1）。',
      en: 'Text and tables disagreed in official reports, one with its 总计 column blank (format-spec §10.2), one on the 规范性文件 in force; the check reads figures from prose, so it is a warning (§8.4 X-1).',
    },
    fix: {
      zh: '以核对无误的统计表为准，改正正文或表格中错误的一处。',
      en: 'Correct whichever of the text and the table is wrong.',
    },
  },
  'X-3': {
    what: {
      zh: '人民政府（各级，含乡、民族乡、镇人民政府）的年度报告应写明工作考核、社会评议和责任追究结果情况；消息列出正文未提及的事项。按机关性质判断：调用方说明了机关性质（政府或部门）的以其为准，否则看名称是否以“人民政府”“政府”结尾。街道办事处不是一级人民政府，而是市辖区、不设区的市人民政府的派出机关，开发区管委会、行政公署也是派出机构，均不作此要求；政府的办公室和工作部门不作此要求，从名称看不出机关性质的不检查。',
      en: 'A people’s government’s report (township governments included; not a 街道办事处, which is a district government’s agency) states its assessment, public evaluation and accountability results.',
    },
    why: {
      zh: '《条例》第五十条第（四）项：“各级人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况”；2021 年格式把这一内容放在“（一）总体情况”的“监督保障”中（format-spec §3.1、§8.4 X-3）。各级人民政府是《宪法》第九十五条所列的省、市、县、市辖区、乡、民族乡、镇人民政府；街道办事处由市辖区、不设区的市人民政府设立，是其派出机关（《地方各级人民代表大会和地方各级人民政府组织法》第八十五条），不是一级政府。',
      en: '条例第五十条第（四）项 requires it of 各级人民政府, the governments of 宪法第九十五条 down to 乡 and 镇; a 街道办事处 is a 派出机关 (地方组织法第八十五条). The 2021 format puts it under 监督保障 in section 一 (format-spec §3.1, §8.4 X-3).',
    },
    fix: {
      zh: '在“总体情况”的监督保障部分写明本年度政务公开工作考核、社会评议和责任追究的结果；没有发生责任追究的，写明“未发生”。',
      en: 'State the results of assessment, evaluation and accountability under 监督保障, "none" included.',
    },
  },
  'X-4': {
    what: {
      zh: '2021 年格式的报告，“六、其他需要报告的事项”应说明信息处理费的收取情况（收取的金额，或“未收取信息处理费”“未发生收费情况”）。写在其他部分的，提示移到第六部分（elsewhere）。报告没有第六部分的，由 [[section-missing]] 报告缺少该部分，本规则不再重复报告（一个原因只报告一次）。',
      en: 'A 2021-format report states the 信息处理费 collected (or that none was) in section 六; a report without section 六 is left to section-missing.',
    },
    why: {
      zh: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）自 2021 年起施行，2021 年度起的报告普遍在第六部分报告信息处理费的收取情况（format-spec §3.1、§9、§8.4 X-4）。这一要求未能从国家格式原文逐字核实，故本规则为提示性检查。',
      en: 'The fee regime (国办函〔2020〕109号) applies from 2021 and reports state the fees in section 六; not verified word for word, hence a warning.',
    },
    fix: {
      zh: '在第六部分写明本年度信息处理费的收取情况，例如“本年度未收取信息处理费”，或收取的件数和金额。',
      en: 'Say in section 六 whether fees were collected, and how much.',
    },
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The example reports: a realistic 2022 report of a city bureau (2021 format), its 2020 report (2019 format), and
// for each rule the defect it catches.

const AGENCY = '安平市自然资源和规划局';
const APPLICANTS = [...APPLICANT_TOTAL.parts, APPLICANT_TOTAL.total];
const OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'];

/** Cells of rows given as arrays of figures in column order. */
function rows(
  table: string,
  columns: readonly string[],
  values: Record<string, number[]>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [row, figures] of Object.entries(values))
    figures.forEach((v, i) => (out[`${table}.${row}.${columns[i]!}`] = v));
  return out;
}

// Table 3: 110 new, 6 carried over, 111 handled, 5 carried forward; every identity holds (format-spec §8.1).
const REQUESTS = {
  newlyReceived: [96, 8, 0, 1, 3, 2, 110],
  carriedOver: [5, 1, 0, 0, 0, 0, 6],
  granted: [41, 5, 0, 1, 1, 1, 49],
  partiallyGranted: [9, 1, 0, 0, 0, 0, 10],
  'denied.thirdPartyRights': [2, 0, 0, 0, 0, 0, 2],
  'denied.processInformation': [3, 0, 0, 0, 0, 0, 3],
  'unableToProvide.notHeld': [28, 2, 0, 0, 1, 0, 31],
  'unableToProvide.needsCreation': [2, 0, 0, 0, 0, 0, 2],
  'unableToProvide.stillUnclear': [3, 0, 0, 0, 0, 0, 3],
  'notProcessed.complaints': [4, 0, 0, 0, 0, 0, 4],
  'notProcessed.repeated': [3, 0, 0, 0, 0, 1, 4],
  'notProcessed.confirmations': [1, 0, 0, 0, 0, 0, 1],
  totalHandled: [97, 9, 0, 1, 2, 2, 111],
  carriedForward: [4, 0, 0, 0, 1, 0, 5],
};
const OTHER_HANDLING: Record<FormatVersion, Record<string, number[]>> = {
  '2019': { otherHandling: [1, 1, 0, 0, 0, 0, 2] },
  '2021': {
    'otherHandling.overdueCorrection': [1, 0, 0, 0, 0, 0, 1],
    'otherHandling.other': [0, 1, 0, 0, 0, 0, 1],
  },
};
const REVIEW_LITIGATION = {
  review: [2, 1, 0, 1, 4],
  litigationDirect: [1, 0, 1, 1, 3],
  litigationAfterReview: [1, 0, 0, 1, 2],
};
const PROACTIVE: Record<FormatVersion, Record<string, number>> = {
  '2021': {
    ...rows('proactive', ['issued', 'repealed', 'inForce'], {
      regulations: [0, 0, 0],
      normativeDocuments: [3, 1, 14],
    }),
    'proactive.licensing.decisions': 1286,
    'proactive.penalties.decisions': 37,
    'proactive.coercion.decisions': 2,
    'proactive.fees.amount': 126.35,
  },
  '2019': {
    ...rows('proactive', ['newlyMade', 'newlyPublished', 'totalPublished'], {
      regulations: [0, 0, 0],
      normativeDocuments: [4, 4, 21],
    }),
    ...rows('proactive', ['previousItems', 'change', 'decisions'], {
      licensing: [58, -3, 1102],
      otherAdminServices: [26, 2, 4310],
      penalties: [312, 5, 29],
      coercion: [12, 0, 1],
      fees: [6, -1],
    }),
    'proactive.procurement.projects': 14,
    'proactive.procurement.amount': 386.52,
  },
};

/**
 * The section texts of the example report (paragraphs separated by "\n"). The figures are written as {path} and
 * taken from the tables when the report is written (reportText), as an author copies them: an example that changes
 * a table changes the text with it, and only the X-1 example makes them disagree.
 */
function sections(version: FormatVersion, year: number, agency: string): Report['sections'] {
  const government = agency.endsWith('人民政府');
  const body = government ? '本级政府' : '本局';
  const proactive =
    version === '2021'
      ? `${year}年，${body}制发行政规范性文件{proactive.normativeDocuments.issued}件，废止{proactive.normativeDocuments.repealed}件，现行有效{proactive.normativeDocuments.inForce}件；作出行政许可决定{proactive.licensing.decisions}件、行政处罚决定{proactive.penalties.decisions}件、行政强制决定{proactive.coercion.decisions}件；收取行政事业性收费{proactive.fees.amount}万元。`
      : `${year}年，${body}新制作并公开规范性文件{proactive.normativeDocuments.newlyPublished}件，对外公开规范性文件共{proactive.normativeDocuments.totalPublished}件；作出行政许可决定{proactive.licensing.decisions}件、其他对外管理服务事项处理决定{proactive.otherAdminServices.decisions}件、行政处罚决定{proactive.penalties.decisions}件；政府集中采购项目{proactive.procurement.projects}个，采购总金额{proactive.procurement.amount}万元。`;
  return {
    overview: [
      `${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，围绕国土空间规划、不动产登记、征地补偿等社会关注度高的领域，扎实推进政府信息公开工作。`,
      '（一）主动公开。通过门户网站“政府信息公开”专栏和政务新媒体主动公开政府信息1865条，发布政策解读12篇。',
      '（二）依申请公开。全年新收政府信息公开申请{requests.newlyReceived}件，上年结转{requests.carriedOver}件，办结{requests.totalHandled}件，结转下年度继续办理{requests.carriedForward}件。',
      '（三）政府信息管理。落实公开属性源头认定，开展行政规范性文件清理，动态更新政府信息公开目录。',
      '（四）平台建设。优化门户网站政府信息公开专栏，规范栏目设置，及时更新内容。',
      government
        ? '（五）监督保障。将政务公开工作纳入全区绩效考核，委托第三方开展社会评议，本年度未发生因政府信息公开工作引起的责任追究情况。'
        : '（五）监督保障。将政务公开工作纳入年度目标考核，组织业务培训2次，接受社会监督。',
    ].join('\n'),
    proactive,
    requests:
      '本年度新收政府信息公开申请{requests.newlyReceived}件，上年结转{requests.carriedOver}件，办结{requests.totalHandled}件，其中予以公开{requests.granted}件，部分公开{requests.partiallyGranted}件，不予公开{requests.denied}件，无法提供{requests.unableToProvide}件，不予处理{requests.notProcessed}件，其他处理{requests.otherHandling}件；结转下年度继续办理{requests.carriedForward}件。',
    reviewLitigation:
      '本年度因政府信息公开工作被申请行政复议{reviewLitigation.review}件，其中维持{reviewLitigation.review.upheld}件、纠正{reviewLitigation.review.corrected}件、尚未审结{reviewLitigation.review.pending}件；被提起行政诉讼{reviewLitigation.litigationDirect+reviewLitigation.litigationAfterReview}件，其中未经复议直接起诉{reviewLitigation.litigationDirect}件、复议后起诉{reviewLitigation.litigationAfterReview}件。',
    problems: [
      '（一）存在的主要问题。一是政策解读形式较为单一；二是依申请公开答复的规范化水平有待提高。',
      '（二）改进情况。针对上年度报告提出的主动公开不够及时的问题，已建立主动公开事项清单和限时公开制度，整改完成。下一步将丰富解读形式，加强答复文书审核。',
    ].join('\n'),
    other:
      year >= 2021
        ? `依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），${body}${year}年未收取信息处理费。`
        : '无其他需要报告的事项。',
  };
}

/** The figure of a {path} of the section texts: a cell, a row's 总计, or the sum of the 总计 of a group of rows. */
function figureAt(report: Report, path: string): number {
  const total = (node: unknown): number => {
    if (typeof node === 'number') return node;
    if (node === null || typeof node !== 'object') return 0;
    const row = node as Record<string, unknown>;
    if ('total' in row) return typeof row.total === 'number' ? row.total : 0;
    return Object.values(row).reduce((s: number, v) => s + total(v), 0);
  };
  return path.split('+').reduce((sum, p) => {
    let node: unknown = report;
    for (const k of p.split('.')) {
      if (node === null || typeof node !== 'object' || !(k in node)) throw new Error(`no ${p} in the report`);
      node = (node as Record<string, unknown>)[k];
    }
    return sum + total(node);
  }, 0);
}

/** The report with the {path} figures of its section texts filled in from its tables. */
function withFigures(report: Report): Report {
  const r = structuredClone(report);
  for (const key of Object.keys(r.sections) as (keyof Report['sections'])[])
    r.sections[key] =
      r.sections[key]?.replace(/\{([\w.+]+)\}/g, (_, path: string) => {
        const v = figureAt(report, path);
        return String(Math.round(v * 1e6) / 1e6);
      }) ?? null;
  return r;
}

/** The example report: every identity true, realistic figures, in the format `version`. */
export function baseReport(
  version: FormatVersion = '2021',
  options: { year?: number; agency?: string } = {},
): Report {
  const year = options.year ?? (version === '2019' ? 2020 : 2022);
  const agency = options.agency ?? AGENCY;
  const r = withCells(validReport(version), {
    ...PROACTIVE[version],
    ...rows('requests', APPLICANTS, { ...REQUESTS, ...OTHER_HANDLING[version] }),
    ...rows('reviewLitigation', OUTCOMES, REVIEW_LITIGATION),
  });
  r.agency = agency;
  r.year = year;
  r.sections = sections(version, year, agency);
  delete r.outline; // the text is written from the format's headings; the outline comes from reading it back
  return r;
}

/**
 * The section texts of the year before: the same body, written afresh (a report that copied them would be X-5's
 * defect). Figures as {path}, filled in from that year's tables.
 */
function lastYearSections(version: FormatVersion, year: number, agency: string): Report['sections'] {
  return {
    overview: [
      `${year}年，${agency}以《中华人民共和国政府信息公开条例》为依据，把政务公开作为转变作风、服务群众的重要抓手，重点做好规划编制、用地审批和矿产资源管理等领域的信息发布。`,
      '（一）主动公开。全年在门户网站发布各类信息1532条，在政务微信公众号推送信息418条，举办新闻发布会3场。',
      '（二）依申请公开。本年度共受理申请{requests.newlyReceived}件，已答复{requests.totalHandled}件，尚在办理{requests.carriedForward}件。',
      '（三）政府信息管理。建立公开前保密审查和合法性审查“双审查”机制，清理失效文件并在网站标注。',
      '（四）平台建设。完成门户网站集约化迁移，新增“规划公示”“用地审批”两个专题栏目。',
      '（五）监督保障。局党组专题研究公开工作一次，将公开要求写入各科室岗位职责。',
    ].join('\n'),
    proactive:
      version === '2021'
        ? `全年制定行政规范性文件{proactive.normativeDocuments.issued}件，截至年底有效{proactive.normativeDocuments.inForce}件。`
        : `全年新制作规范性文件{proactive.normativeDocuments.newlyMade}件，对外公开规范性文件累计{proactive.normativeDocuments.totalPublished}件。`,
    requests: `申请主要集中在征地补偿、不动产登记资料查询两类。对于不属于政府信息公开范围的申请，均依法告知了申请人办理渠道。`,
    reviewLitigation: `全年涉及政府信息公开的行政复议{reviewLitigation.review}件，行政诉讼{reviewLitigation.litigationDirect+reviewLitigation.litigationAfterReview}件。`,
    problems: [
      '主要问题：部分科室对公开工作重视不够，信息报送不及时，个别栏目更新滞后；政策解读以文字为主，图表和音视频解读较少，群众不易理解。',
      '改进措施：建立信息报送月通报制度，把栏目更新情况纳入科室年度考核；邀请业务骨干和专家参与解读，尝试以问答、图解形式解读与群众切身利益相关的重要政策。',
    ].join('\n'),
    other:
      year >= 2021 ? `${year}年度，本局办理政府信息公开申请未收取任何费用。` : '本年度无其他需要报告的事项。',
  };
}

/**
 * The example report's year before, consistent with it: what it carried forward is what the example carries over
 * (T3-6), its documents in force lead to the example's (T2-2), its items and changes to the example's items (T2-3),
 * and its text is its own (X-5).
 */
export function lastYearReport(version: FormatVersion = '2021'): Report {
  const year = version === '2019' ? 2019 : 2021;
  const r = baseReport(version, { year });
  const cells: Record<string, number> = {
    ...rows('requests', APPLICANTS, {
      newlyReceived: [97, 9, 0, 1, 2, 2, 111],
      carriedForward: [5, 1, 0, 0, 0, 0, 6],
    }),
  };
  if (version === '2021') cells['proactive.normativeDocuments.inForce'] = 12;
  else
    Object.assign(
      cells,
      rows('proactive', ['previousItems', 'change'], {
        licensing: [55, 3],
        otherAdminServices: [24, 2],
        penalties: [300, 12],
        coercion: [12, 0],
        fees: [7, -1],
      }),
    );
  const out = withCells(r, cells);
  out.sections = lastYearSections(version, year, out.agency!);
  return out;
}

/** The regional report of 安平市 over two members: its cells are their sum, its text that of a government. */
function regionalReport(members: readonly Report[]): Report {
  const sum = aggregate(members, { year: 2022 }).report;
  const r = baseReport('2021', { agency: '安平市人民政府' });
  for (const k of ['proactive', 'requests', 'reviewLitigation'] as const) r[k] = structuredClone(sum[k]);
  return r;
}

/** The two member reports of the regional example. */
const regionMembers = (): Report[] => [baseReport('2021'), baseReport('2021', { agency: '安平市民政局' })];

/** The preamble most reports have (format-spec §3, practice): the basis, the statistics period, where to find it. */
function preamble(report: Report): string {
  const notice = (report.year ?? 2022) >= 2021 ? '国办公开办函〔2021〕30号' : '国办公开办函〔2019〕60号';
  return (
    `本报告根据《中华人民共和国政府信息公开条例》和${notice}的要求编制。` +
    `本报告所列数据统计期限为${report.year}年1月1日至12月31日。` +
    `本报告电子版可在安平市人民政府门户网站“政府信息公开”专栏查阅或下载。如对本报告有疑问，请与${report.agency}办公室联系。`
  );
}

/** A report as plain text: the test writer's 'tab' layout (seed 1, "\n"), a preamble after the title. */
export function reportText(report: Report): string {
  const lines = writeReport(withFigures(report), 'tab', { seed: 1, eol: '\n' }).text.split('\n');
  const title = lines.findIndex((l) => l.endsWith('政府信息公开工作年度报告'));
  const at = lines[title + 1] === '' ? title + 2 : title + 1;
  lines.splice(at, 0, preamble(report));
  return lines.join('\n');
}

/** Replaces `from` (which must occur) in a text: the examples fail loudly when the writer's output changes. */
function edit(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`example edit found nothing to change: ${String(from)}`);
  return out;
}

/** Removes a section (heading and paragraphs, up to the next heading). */
function dropSection(text: string, heading: string): string {
  const lines = text.split('\n');
  const from = lines.indexOf(heading);
  if (from < 0) throw new Error(`no heading ${heading}`);
  let to = from + 1;
  while (to < lines.length && !/^[一二三四五六]、/.test(lines[to]!)) to++;
  lines.splice(from, to - from);
  return lines.join('\n');
}

/** The lines of a section (heading and paragraphs up to the next heading). */
function sectionLines(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const from = lines.indexOf(heading);
  if (from < 0) throw new Error(`no heading ${heading}`);
  let to = from + 1;
  while (to < lines.length && !/^[一二三四五六]、/.test(lines[to]!)) to++;
  return lines.slice(from, to);
}

/** A line pattern and the number of lines after it to show too. */
type Focus = readonly [RegExp, number];

/** The column headers of table 3 and table 4, shown with a changed row so that its figures can be read. */
const T3_HEADER: Focus = [/^（本列数据的勾稽关系/, 2];
const T4_HEADER: Focus = [/^行政复议\t/, 3];
const TITLE: Focus = [/政府信息公开工作年度报告$/, 0];

/** How a rule's examples are made. */
export interface Example {
  /** The defect of the incorrect example, in a sentence. */
  defect: Texts;
  /** The report both examples start from (default: baseReport()). */
  base?: () => Report;
  /** The defect on the report (cells, texts, metadata)… */
  report?: (r: Report) => Report;
  /** …and/or on the written text (headings, rows, layout)… */
  text?: (text: string) => string;
  /** …or on its bytes (encodings)… */
  bytes?: (bytes: Uint8Array) => Uint8Array;
  /** …or the incorrect example is a PDF of its own (the PDF reader's problems; shown by name, not as lines). */
  pdf?: () => Uint8Array;
  /** Lines shown besides those around the change (column headers). */
  also?: readonly Focus[];
  /** Lines shown instead of those around the change (when the change is too long to show). */
  focus?: readonly Focus[];
  /** Last year's report, for the cross-year rules: written beside the examples and passed with --previous. */
  previous?: () => Report;
  /** Member reports of a regional aggregate: written beside the examples and passed with --member each. */
  members?: () => Report[];
  /** The publication date of each example, passed with --published-at. */
  publishedAt?: Record<Kind, string>;
}

/** A report with `fn` applied to a copy. */
const change =
  (fn: (r: Report) => void) =>
  (r: Report): Report => {
    const copy = structuredClone(r);
    fn(copy);
    return copy;
  };

/** The examples of every rule, by id (written ahead for rules not registered yet). */
export const EXAMPLES: Record<string, Example> = {
  'read/no-text-layer': {
    defect: {
      zh: '报告只以 30 dpi 的扫描图片发布（test/fixtures/pdf/scanned.pdf，2021 年格式示例报告的第 1 页），没有文字层，OCR 也读不出可靠的文字。',
      en: 'The report published only as a 30 dpi scan (test/fixtures/pdf/scanned.pdf); OCR finds no reliable text in it.',
    },
    pdf: () => pdfFixture('scanned.pdf'),
  },
  'read/broken': {
    defect: {
      zh: '报告的 PDF 下载不完整，只有开头 400 个字节（test/fixtures/pdf/scan-title.pdf 截断）。',
      en: 'The PDF of the report downloaded only in part: its first 400 bytes.',
    },
    pdf: () => pdfFixture('scan-title.pdf').slice(0, 400),
  },
  'read/ocr': {
    defect: {
      zh: '报告第 1 页（标题和“一、总体情况”）是 200 dpi 的黑白扫描图片（test/fixtures/pdf/scan-title.pdf），由 OCR 读取；其余页缺失，故另有缺表等提示。',
      en: 'Page 1 of a report as a 200 dpi black-and-white scan (test/fixtures/pdf/scan-title.pdf), read by OCR; the other pages are missing.',
    },
    pdf: () => pdfFixture('scan-title.pdf'),
  },
  'extract/unreadable-figure': {
    defect: {
      zh: '表三“（一）予以公开”一行自然人栏的数字后面有一个无法辨认的字符“�”（如 OCR 存疑或编码损坏时留下的）。',
      en: 'Table 3, （一）予以公开: the natural-person figure is followed by an unreadable character "�".',
    },
    text: (t) => edit(t, '（一）予以公开\t\t41\t5', '（一）予以公开\t\t41\ufffd\t5'),
    also: [T3_HEADER],
  },
  'read/charset': {
    defect: {
      zh: '报告作为网页发布，<meta> 声明字符集为 gb2312，文件实际是 UTF-8。',
      en: 'The report published as a web page that declares gb2312 but is saved in UTF-8.',
    },
    bytes: (b) =>
      new Uint8Array([
        ...new TextEncoder().encode(
          '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><pre>\n',
        ),
        ...b,
        ...new TextEncoder().encode('</pre></body></html>\n'),
      ]),
  },
  'read/encoding': {
    defect: {
      zh: '“一、总体情况”第一段中拼接进了一段 GBK 编码的文字（“自然资源”四个字），文件其余部分是 UTF-8。',
      en: 'A phrase in GBK pasted into the first paragraph of section 一 of a UTF-8 file.',
    },
    bytes: (b) => {
      const text = new TextDecoder().decode(b);
      const at = new TextEncoder().encode(text.slice(0, text.indexOf('围绕国土空间规划'))).length;
      const gbk = [0xd7, 0xd4, 0xc8, 0xbb, 0xd7, 0xca, 0xd4, 0xb4]; // 自然资源
      return new Uint8Array([...b.slice(0, at), ...gbk, ...b.slice(at)]);
    },
  },
  'extract/extra-cells': {
    defect: {
      zh: '表三“（一）予以公开”一行的自然人数 41 录入了两次，一行有八个数字。',
      en: 'Table 3, （一）予以公开: the figure 41 typed twice, eight figures in the row.',
    },
    text: (t) => edit(t, '（一）予以公开\t\t41\t5', '（一）予以公开\t\t41\t41\t5'),
    also: [T3_HEADER],
  },
  'extract/missing-cells': {
    defect: {
      zh: '表三“1.属于国家秘密”一行少了末尾的总计一格，只有六个数字。',
      en: 'Table 3, 1.属于国家秘密: the last cell (总计) is missing, six figures.',
    },
    text: (t) => edit(t, /(1\.属于国家秘密(?:\t0){6})\t0\n/, '$1\n'),
    also: [T3_HEADER],
  },
  'extract/unplaced-cells': {
    defect: {
      zh: '表三“四、结转下年度继续办理”一行只写了合计 5，没有逐栏填写。',
      en: 'Table 3, 四、结转下年度继续办理: only the total 5 is written.',
    },
    text: (t) => edit(t, /四、结转下年度继续办理\t.*\n/, '四、结转下年度继续办理\t5\n'),
    also: [T3_HEADER],
  },
  'extract/ambiguous-cells': {
    defect: {
      zh: '表三“（一）予以公开”一行多录入了一个 1，一行有八个数字，去掉哪一个 1 都符合本行合计。',
      en: 'Table 3, （一）予以公开: an extra 1, and any of the 1s could be the extra one.',
    },
    text: (t) => edit(t, '（一）予以公开\t\t41\t5', '（一）予以公开\t\t41\t1\t5'),
    also: [T3_HEADER],
  },
  'extract/split-digits': {
    defect: {
      zh: '表三“二、上年结转政府信息公开申请数量”一行从网页复制时丢了单元格分隔，数字连成“5100006”。',
      en: 'Table 3, 二、上年结转: the cells ran together as "5100006" when copied from a web page.',
    },
    text: (t) =>
      edit(t, /二、上年结转政府信息公开申请数量\t.*\n/, '二、上年结转政府信息公开申请数量5100006\n'),
    also: [T3_HEADER],
  },
  'extract/unknown-row': {
    defect: {
      zh: '表二第二十条第（一）项下自行增加了一行“其他主动公开文件”。',
      en: 'Table 2 （一）: a local row 其他主动公开文件 added.',
    },
    text: (t) => edit(t, /(行政规范性文件\t3\t1\t14\n)/, '$1其他主动公开文件\t126\t0\t126\n'),
  },
  'extract/duplicate-row': {
    defect: {
      zh: '表三“2.重复申请”一行粘贴了两次。',
      en: 'Table 3, 2.重复申请: the row pasted twice.',
    },
    text: (t) => edit(t, /(\t\t2\.重复申请.*\n)/, '$1$1'),
    also: [T3_HEADER],
  },
  'extract/missing-row': {
    defect: {
      zh: '表三漏了“7.属于行政执法案卷”一行。',
      en: 'Table 3: the row 7.属于行政执法案卷 is missing.',
    },
    text: (t) => edit(t, /\t\t7\.属于行政执法案卷.*\n/, ''),
  },
  'extract/missing-table': {
    defect: {
      zh: '“三、收到和处理政府信息公开申请情况”只有文字，没有统计表（表格以图片插入，文本中没有留下）。',
      en: 'Section 三 has its text but no table (it was pasted as an image).',
    },
    text: (t) => {
      const lines = t.split('\n');
      const from = lines.findIndex((l) => l.startsWith('（本列数据的勾稽关系'));
      const to = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
      lines.splice(from, to - from + 1);
      return lines.join('\n');
    },
  },
  'extract/unit-converted': {
    defect: {
      zh: '表二“行政事业性收费”的本年收费金额写成了“1263500元”。',
      en: 'Table 2: the fee amount written as "1263500元".',
    },
    text: (t) => edit(t, '行政事业性收费\t126.35', '行政事业性收费\t1263500元'),
  },
  'extract/format-version-unknown': {
    defect: {
      zh: '2020 年度报告的“二、主动公开政府信息情况”只有文字、没有表二，其余表格中没有区分两版格式的用语。',
      en: 'A 2020 report without table 2; nothing else tells the format version.',
    },
    base: () => baseReport('2019'),
    report: change((r) => {
      r.sections.proactive =
        '2020年，本局依法做好主动公开工作，及时公开规范性文件、行政许可、行政处罚等政府信息。';
    }),
    text: (t) => {
      const lines = t.split('\n');
      const from = lines.findIndex((l) => l.startsWith('第二十条第（一）项'));
      const to = lines.findIndex((l) => l.startsWith('政府集中采购'));
      lines.splice(from, to - from + 1);
      return lines.join('\n');
    },
  },
  'extract/agency-missing': {
    defect: {
      zh: '标题只写了“2022年政府信息公开工作年度报告”，没有机关名称，正文第一句也只说“我局”。',
      en: 'The title has no agency name, and the first sentence says only "我局" (our bureau).',
    },
    text: (t) =>
      edit(
        edit(t, `${AGENCY}2022年政府信息公开工作年度报告`, '2022年政府信息公开工作年度报告'),
        `2022年，${AGENCY}认真`,
        '2022年，我局认真',
      ),
  },
  'extract/year-missing': {
    defect: {
      zh: '标题没有年度，前言也没有写统计期限。',
      en: 'No year in the title and no statistics period in the preamble.',
    },
    text: (t) =>
      edit(
        edit(t, `${AGENCY}2022年政府信息公开工作年度报告`, `${AGENCY}政府信息公开工作年度报告`),
        '本报告所列数据统计期限为2022年1月1日至12月31日。',
        '',
      ),
  },
  'extract/year-conflict': {
    defect: {
      zh: '前言的统计期限沿用了上一年的“2021年1月1日至12月31日”。',
      en: 'The statistics period still says 2021.',
    },
    text: (t) => edit(t, '统计期限为2022年1月1日', '统计期限为2021年1月1日'),
  },
  'T2-1': {
    defect: {
      zh: '表二“行政规范性文件”的本年废止件数按 2019 年格式“本年增/减”的习惯填成了 -1。',
      en: 'Table 2: 本年废止件数 written as -1, the 2019 habit.',
    },
    report: (r) => withCells(r, { 'proactive.normativeDocuments.repealed': -1 }),
  },
  'T3-1': {
    defect: {
      zh: '表三“一、本年新收”一行的自然人数 96 误填为 95，本行总计也跟着改成了 109，自然人一栏的勾稽关系因此不成立。',
      en: 'Table 3: new applications by natural persons 95 instead of 96, the row total adjusted to 109.',
    },
    report: (r) =>
      withCells(r, { 'requests.newlyReceived.naturalPerson': 95, 'requests.newlyReceived.total': 109 }),
    also: [T3_HEADER],
  },
  'T3-2': {
    defect: {
      zh: '表三“（一）予以公开”一行的总计 49 误填为 48。',
      en: 'Table 3, （一）予以公开: the total 48 instead of 49.',
    },
    report: (r) => withCells(r, { 'requests.granted.total': 48 }),
    also: [T3_HEADER],
  },
  'T3-3': {
    defect: {
      zh: '表三“1.本机关不掌握相关政府信息”一行自然人数 28 误填为 23（本行总计随之为 26），（七）总计不再等于各项办理结果之和。',
      en: 'Table 3, 1.本机关不掌握: 23 instead of 28 (row total 26); （七）总计 no longer adds up.',
    },
    report: (r) =>
      withCells(r, {
        'requests.unableToProvide.notHeld.naturalPerson': 23,
        'requests.unableToProvide.notHeld.total': 26,
      }),
    also: [T3_HEADER],
  },
  'T3-4': {
    defect: {
      zh: '法律服务机构的办结数多计了 2 件（予以公开 3 件），结转下年度按“新收 + 上年结转 − 办结”倒推成了 -1；各项合计照样相符。',
      en: 'Two applications counted twice; the carry-forward computed back to -1, and every sum still holds.',
    },
    report: (r) =>
      withCells(r, {
        'requests.granted.legalService': 3,
        'requests.granted.total': 51,
        'requests.totalHandled.legalService': 4,
        'requests.totalHandled.total': 113,
        'requests.carriedForward.legalService': -1,
        'requests.carriedForward.total': 3,
      }),
    also: [T3_HEADER],
  },
  'T4-1': {
    defect: {
      zh: '表四“行政复议”的总计只算了已审结的 3 件，漏了尚未审结的 1 件。',
      en: 'Table 4, 行政复议: the total 3 leaves out the pending case.',
    },
    report: (r) => withCells(r, { 'reviewLitigation.review.total': 3 }),
    also: [T4_HEADER],
  },
  'T4-2': {
    defect: {
      zh: '表四“未经复议直接起诉”的总计漏了“其他结果”的 1 件，填成 2。',
      en: 'Table 4, suits filed directly: the total 2 leaves out the 其他结果 case.',
    },
    report: (r) => withCells(r, { 'reviewLitigation.litigationDirect.total': 2 }),
    also: [T4_HEADER],
  },
  'T4-3': {
    defect: {
      zh: '表四“复议后起诉”的总计漏了尚未审结的 1 件，填成 1。',
      en: 'Table 4, suits after review: the total 1 leaves out the pending suit.',
    },
    report: (r) => withCells(r, { 'reviewLitigation.litigationAfterReview.total': 1 }),
    also: [T4_HEADER],
  },
  'T4-4': {
    defect: {
      zh: '表四“行政复议”中 1 件撤回的案件先计入了结果维持（3 件），又在“其他结果”记 -1 冲减，总计照样为 4。',
      en: 'Table 4, 行政复议: a withdrawn case counted as upheld, then cancelled with -1 under 其他结果; the total still adds up.',
    },
    report: (r) => withCells(r, { 'reviewLitigation.review.upheld': 3, 'reviewLitigation.review.other': -1 }),
    also: [T4_HEADER],
  },
  'blank-total': {
    defect: {
      zh: '表三“1.属于国家秘密”一行的总计留空（各栏均为 0）。',
      en: 'Table 3, 1.属于国家秘密: the total left blank (every column is 0).',
    },
    report: (r) => withCells(r, { 'requests.denied.stateSecret.total': null }),
    also: [T3_HEADER],
  },
  'blank-cell': {
    defect: {
      zh: '表三“1.属于国家秘密”一行的科研机构一格留空，本应填 0。',
      en: 'Table 3, 1.属于国家秘密: the 科研机构 cell left blank instead of 0.',
    },
    report: (r) => withCells(r, { 'requests.denied.stateSecret.research': null }),
    also: [T3_HEADER],
  },
  'format-version': {
    defect: {
      zh: '2022 年度报告套用了 2019 年（试行）格式的统计表（表二第（一）项为“本年新制作数量”等，表三“（六）其他处理”只有一行）。',
      en: 'A 2022 report on the 2019 template.',
    },
    report: () => baseReport('2019', { year: 2022 }),
    focus: [TITLE, [/^第二十条第（一）项/, 3]],
  },
  'T2-4': {
    defect: {
      zh: '表二“规范性文件”的本年新公开数量与对外公开总数量两栏填反：21 和 4。',
      en: 'Table 2, 规范性文件: the two columns swapped, 21 and 4.',
    },
    base: () => baseReport('2019'),
    report: (r) =>
      withCells(r, {
        'proactive.normativeDocuments.newlyPublished': 21,
        'proactive.normativeDocuments.totalPublished': 4,
      }),
  },
  'T2-5': {
    defect: {
      zh: '市自然资源和规划局把本局起草、市政府发布的 2 件规章计入了表二“规章”一行。',
      en: 'A city bureau counts the 2 regulations it drafted for the city government.',
    },
    report: (r) => withCells(r, { 'proactive.regulations.issued': 2, 'proactive.regulations.inForce': 2 }),
  },
  'T2-7': {
    defect: {
      zh: '表二“行政事业性收费”的本年收费金额按元填写为 1263500（应为 126.35 万元）。',
      en: 'Table 2: the fee amount 1263500, in 元 instead of 126.35 万元.',
    },
    report: (r) => withCells(r, { 'proactive.fees.amount': 1263500 }),
  },
  'section-missing': {
    defect: {
      zh: '报告没有“五、存在的主要问题及改进情况”部分。',
      en: 'The report has no section 五.',
    },
    text: (t) => dropSection(t, '五、存在的主要问题及改进情况'),
  },
  'section-order': {
    defect: {
      zh: '“六、其他需要报告的事项”被放在了“五、存在的主要问题及改进情况”之前。',
      en: 'Section 六 comes before section 五.',
    },
    text: (t) => {
      const five = sectionLines(t, '五、存在的主要问题及改进情况');
      const six = sectionLines(t, '六、其他需要报告的事项');
      return edit(t, [...five, ...six].join('\n'), [...six, ...five].join('\n'));
    },
  },
  'section-number': {
    defect: {
      zh: '第四部分的标题沿用了上一部分的序号，写成“三、政府信息公开行政复议、行政诉讼情况”。',
      en: 'Section 四 numbered 三.',
    },
    text: (t) => edit(t, '四、政府信息公开行政复议、行政诉讼情况', '三、政府信息公开行政复议、行政诉讼情况'),
  },
  'X-1': {
    defect: {
      zh: '正文两处都写“新收政府信息公开申请101件”（把 110 写成了 101），表三为 110 件。',
      en: 'The text says 101 new applications twice; table 3 says 110.',
    },
    text: (t) => edit(t, /新收政府信息公开申请110件/g, '新收政府信息公开申请101件'),
  },
  'X-3': {
    defect: {
      zh: '区人民政府的报告，“（五）监督保障”没有写工作考核、社会评议和责任追究的结果。',
      en: 'A district government’s report without assessment, evaluation and accountability results.',
    },
    base: () => baseReport('2021', { agency: '安平市清河区人民政府' }),
    text: (t) =>
      edit(t, /（五）监督保障。.*\n/, '（五）监督保障。加强政务公开工作人员队伍建设，组织业务培训2次。\n'),
  },
  'X-4': {
    defect: {
      zh: '“六、其他需要报告的事项”没有说明信息处理费的收取情况。',
      en: 'Section 六 says nothing about 信息处理费.',
    },
    report: change((r) => {
      r.sections.other = '本局无其他需要报告的事项。';
    }),
  },
  'T3-6': {
    defect: {
      zh: '上一年度报告结转下年度 6 件（自然人 5 件、商业企业 1 件），本年度“二、上年结转”填成了 5 件（自然人 4 件），新收一行随之少填 1 件，表内各项合计照样相符。',
      en: 'Last year carried 6 forward; this year says 5 were carried over (and 1 more received), every sum still holds.',
    },
    previous: () => lastYearReport('2021'),
    report: (r) =>
      withCells(r, {
        'requests.carriedOver.naturalPerson': 4,
        'requests.carriedOver.total': 5,
        'requests.newlyReceived.naturalPerson': 97,
        'requests.newlyReceived.total': 111,
      }),
    also: [T3_HEADER],
  },
  'T2-2': {
    defect: {
      zh: '上一年度末现行有效行政规范性文件 12 件，本年制发 3 件、废止 1 件，现行有效件数却填为 15 件（漏减废止的 1 件）。',
      en: '12 in force last year, 3 issued and 1 repealed, but 15 in force (the repeal not deducted).',
    },
    previous: () => lastYearReport('2021'),
    report: (r) => withCells(r, { 'proactive.normativeDocuments.inForce': 15 }),
  },
  'T2-3': {
    defect: {
      zh: '2019 年度报告行政许可上一年项目数量 55 项、本年增加 3 项，2020 年度报告的上一年项目数量却仍填 55 项。',
      en: 'The 2019 report: 55 licensing items and 3 more; the 2020 report still says 55 the year before.',
    },
    base: () => baseReport('2019'),
    previous: () => lastYearReport('2019'),
    report: (r) => withCells(r, { 'proactive.licensing.previousItems': 55 }),
  },
  'X-5': {
    defect: {
      zh: '“五、存在的主要问题及改进情况”照抄了上一年度报告的同一部分。',
      en: 'Section 五 copied from last year’s report.',
    },
    previous: () => lastYearReport('2021'),
    report: change((r) => {
      r.sections.problems = lastYearSections('2021', 2021, AGENCY).problems;
    }),
  },
  'late-publication': {
    defect: {
      zh: '市自然资源和规划局的 2022 年度报告 2023 年 2 月 15 日才发布，晚于 1 月 31 日的法定期限。',
      en: 'A city bureau’s 2022 report published on 15 February 2023, after the 31 January deadline.',
    },
    publishedAt: { correct: '2023-01-20', incorrect: '2023-02-15' },
  },
  'aggregate-mismatch': {
    defect: {
      zh: '安平市人民政府的汇总年报中，表四“行政复议”只计入了市自然资源和规划局的 4 件，漏了市民政局的 4 件。',
      en: 'The city’s aggregate counts only one member’s 4 administrative reviews in table 4, not the other’s 4.',
    },
    base: () => regionalReport(regionMembers()),
    members: regionMembers,
    report: (r) =>
      withCells(r, {
        'reviewLitigation.review.upheld': 2,
        'reviewLitigation.review.corrected': 1,
        'reviewLitigation.review.pending': 1,
        'reviewLitigation.review.total': 4,
      }),
    also: [T4_HEADER],
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Excerpts

interface Range {
  from: number;
  to: number;
}

/**
 * The hunks in which two texts differ, as line ranges of each (a longest common subsequence of lines; an empty
 * range is a place where the other text has lines the first lacks).
 */
function changed(a: readonly string[], b: readonly string[]): { a: Range[]; b: Range[] } {
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out = { a: [] as Range[], b: [] as Range[] };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const start = { i, j };
    while (
      (i < a.length || j < b.length) &&
      !(i < a.length && j < b.length && a[i] === b[j] && lcs[i]![j] === lcs[i + 1]![j + 1]! + 1)
    ) {
      if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) i++;
      else j++;
    }
    out.a.push({ from: start.i, to: i });
    out.b.push({ from: start.j, to: j });
  }
  return out;
}

const CONTEXT = 2;
const LONG = 8;

/** The ranges to show of a text: around the change (or the focus lines), plus the `also` lines. */
function rangesOf(lines: readonly string[], hunks: readonly Range[], example: Example): Range[] {
  const focus = (list: readonly Focus[]) =>
    list.flatMap(([re, after]) => {
      const at = lines.findIndex((l) => re.test(l));
      return at < 0 ? [] : [{ from: at, to: at + after + 1 }];
    });
  const out = example.focus ? focus(example.focus) : [];
  if (!example.focus) {
    // A changed table row is the defect; the text that quotes the table follows it and is not shown.
    const inTables = hunks.filter((h) => lines.slice(h.from, h.to).some((l) => l.includes('\t')));
    for (const h of inTables.length ? inTables : hunks) {
      const before = Math.max(0, h.from - CONTEXT);
      const after = Math.min(lines.length, Math.max(h.to, h.from + 1) + CONTEXT);
      // A long hunk (a table removed) is shown by its beginning and its end.
      if (h.to - h.from > LONG) out.push({ from: before, to: h.from + 4 }, { from: h.to - 2, to: after });
      else out.push({ from: before, to: after });
    }
  }
  out.push(...focus(example.also ?? []));
  out.sort((x, y) => x.from - y.from);
  const merged: Range[] = [];
  for (const r of out) {
    const last = merged.at(-1);
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  // Trailing empty lines say nothing.
  for (const r of merged) while (r.to > r.from + 1 && lines[r.to - 1] === '') r.to--;
  return merged;
}

/** The lines of the ranges, each with its 1-based number, "…" between ranges that are not adjacent. */
function excerpt(lines: readonly string[], ranges: readonly Range[]): string {
  const width = String(Math.max(...ranges.map((r) => r.to))).length;
  const out: string[] = [];
  ranges.forEach((r, i) => {
    if (i > 0) out.push(' '.repeat(width) + ' │ …');
    for (let n = r.from; n < r.to; n++) out.push(`${String(n + 1).padStart(width)} │ ${lines[n]}`.trimEnd());
  });
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Pages

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Prose with [[id]] turned into links to the rule pages (plain ids while not registered). */
function linked(text: string, registered: ReadonlySet<string>): string {
  return text.replace(/\[\[([^\]]+)\]\]/g, (_, id: string) =>
    registered.has(id) ? `[${id}](${docName(id)}.md)` : id,
  );
}

/** A markdown table cell: no pipes, no line breaks. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A fenced block; the fence is longer than any run of backticks inside. */
function fenced(lang: string, body: string): string {
  const fence = '`'.repeat(Math.max(3, ...[...body.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${fence}${lang}\n${body}\n${fence}`;
}

/** One example's section of a page: the file, the excerpt, the command and its output. */
function exampleSection(
  id: string,
  kind: Kind,
  lines: readonly string[],
  ranges: readonly Range[],
  output: string,
  args: readonly string[],
): string {
  const file = examplePath(id, kind);
  const shown = ranges.map((r) => (r.to - r.from > 1 ? `${r.from + 1}–${r.to}` : `${r.from + 1}`)).join('、');
  const command = ['nianbao', 'check', ...args, file].join(' ');
  return [
    `示例文件 [\`${file}\`](examples/${docName(id)}.${kind}.txt)，第 ${shown} 行（制表符分隔）：`,
    '',
    fenced('text', excerpt(lines, ranges)),
    '',
    fenced('console', `$ ${command}\n${output.replace(/\s+$/, '')}`),
  ].join('\n');
}

/** The files an example needs besides itself, with the command-line arguments that pass them. */
function extraFiles(id: string, example: Example): { files: Record<string, Uint8Array>; args: string[] } {
  const files: Record<string, Uint8Array> = {};
  const args: string[] = [];
  const encode = (r: Report) => new TextEncoder().encode(reportText(r));
  if (example.previous) {
    files[extraPath(id, 'previous')] = encode(example.previous());
    args.push('--previous', extraPath(id, 'previous'));
  }
  example.members?.().forEach((m, i) => {
    const path = extraPath(id, `member-${i + 1}`);
    files[path] = encode(m);
    args.push('--member', path);
  });
  return { files, args };
}

/** The command-line arguments of one example: the extra files, then its publication date. */
function argsOf(example: Example, kind: Kind, extra: readonly string[]): string[] {
  return [...extra, ...(example.publishedAt ? ['--published-at', example.publishedAt[kind]] : [])];
}

/** The list of the extra files of a page, as links. */
function extraList(id: string, example: Example, extra: Record<string, Uint8Array>): string {
  const names = Object.keys(extra);
  if (!names.length) return '';
  const what = (p: string) => (p.endsWith('.previous.txt') ? '上一年度报告' : '所属单位报告');
  return (
    names.map((p) => `${what(p)} [\`${p}\`](examples/${p.slice(EXAMPLES_DIR.length + 1)})`).join('；') +
    (example.publishedAt ? '；发布日期由 `--published-at` 给出' : '') +
    '。\n\n'
  );
}

/** The incorrect example of a PDF rule: the file (a PDF, whatever its name says: the kind is told by the bytes). */
function pdfSection(id: string, output: string): string {
  const file = examplePath(id, 'incorrect');
  return [
    `示例文件 [\`${file}\`](examples/${docName(id)}.incorrect.txt) 是一个 PDF 文件（文件类型由内容判断，与扩展名无关）：`,
    '',
    fenced('console', `$ nianbao check ${file}\n${output.replace(/\s+$/, '')}`),
  ].join('\n');
}

/** The page of a rule. */
function page(
  rule: Rule,
  prose: Prose,
  example: Example,
  registered: ReadonlySet<string>,
  sectionsByKind: Record<Kind, string> & { extra?: string },
): string {
  const { meta } = rule;
  const link = (t: string) => linked(t, registered);
  const texts = (t: Texts) => `${link(t.zh)}\n\n_${link(t.en)}_`;
  return [
    `<!-- 由 scripts/rule-docs.ts 生成（npm run docs:rules），请勿手改；文字在该脚本的 PROSE 和 EXAMPLES 中。 -->`,
    '',
    `# ${meta.id} — ${meta.title.zh}`,
    '',
    `_${meta.title.en}_`,
    '',
    `- **严重程度 Severity**：${meta.severity}（${SEVERITY_ZH[meta.severity]}）`,
    `- **依据 Basis**：${meta.basis}`,
    `- **消息 Messages**：${Object.keys(meta.messages)
      .map((m) => `\`${m}\``)
      .join('、')}`,
    '',
    '## 检查什么 What',
    '',
    texts(prose.what),
    '',
    '## 为什么 Why',
    '',
    texts(prose.why),
    '',
    '## 如何修改 How to fix',
    '',
    texts(prose.fix),
    '',
    '## 正确示例 Correct',
    '',
    `${describe(example.base?.() ?? baseReport())}，各项数字关系都成立，\`nianbao check\` 没有发现问题。`,
    ...(sectionsByKind.extra ? ['', sectionsByKind.extra.trimEnd()] : []),
    '',
    sectionsByKind.correct,
    '',
    '## 错误示例 Incorrect',
    '',
    `${example.defect.zh}`,
    '',
    `_${example.defect.en}_`,
    '',
    sectionsByKind.incorrect,
    '',
  ].join('\n');
}

/** The example report in words: 安平市自然资源和规划局2022年度报告（2021 年格式）. */
function describe(r: Report): string {
  return `示例为${r.agency}${r.year}年度政府信息公开工作年度报告（${r.formatVersion} 年格式）`;
}

/** The index of the rule pages. */
function readme(rules: readonly Rule[]): string {
  return [
    `<!-- 由 scripts/rule-docs.ts 生成（npm run docs:rules），请勿手改。 -->`,
    '',
    '# 规则 Rules',
    '',
    '`nianbao check` 对每份年度报告运行下列规则。每条规则一页：检查什么、依据、如何修改，以及一对正确和错误的示例报告和 `nianbao check` 对它们的实际输出。',
    '',
    '_The rules `nianbao check` runs on every report; each page has what it checks, why, how to fix a finding, and a correct and an incorrect example with the real output._',
    '',
    '严重程度 Severity：error（错误）、warning（警告）、info（提示）；可用 `--rule <id>=<severity>` 或配置文件 `.nianbaorc.json` 调整。',
    '',
    '| 规则 Rule | 严重程度 Severity | 标题 Title | 依据 Basis | 文档 Page |',
    '|---|---|---|---|---|',
    ...rules.map(
      ({ meta }) =>
        `| \`${meta.id}\` | ${meta.severity} | ${cell(meta.title.zh)}<br>_${cell(meta.title.en)}_ | ${cell(meta.basis)} | [${docName(meta.id)}.md](${docName(meta.id)}.md) |`,
    ),
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Generation

/** A PDF of test/fixtures/pdf. */
const pdfFixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/pdf', name)));

/** The example texts of a rule: the correct report and the one with the defect, as bytes. */
export function exampleFiles(example: Example): Record<Kind, Uint8Array> {
  const base = example.base?.() ?? baseReport();
  const correct = reportText(base);
  if (example.pdf) return { correct: new TextEncoder().encode(correct), incorrect: example.pdf() };
  let incorrect = reportText(example.report ? example.report(base) : base);
  if (example.text) incorrect = example.text(incorrect);
  let bytes = new TextEncoder().encode(incorrect);
  if (example.bytes) bytes = new Uint8Array(example.bytes(bytes));
  return { correct: new TextEncoder().encode(correct), incorrect: bytes };
}

/** Generates the examples and the page of one rule; returns the problems found (none when all went well). */
async function generateRule(rule: Rule, registered: ReadonlySet<string>): Promise<string[]> {
  const { id } = rule.meta;
  const prose = PROSE[id];
  const example = EXAMPLES[id];
  const problems: string[] = [];
  if (!prose) problems.push(`${id}: no prose — add PROSE['${id}'] in scripts/rule-docs.ts`);
  if (!example) problems.push(`${id}: no example — add EXAMPLES['${id}'] in scripts/rule-docs.ts`);
  if (!prose || !example) return problems;

  let files: Record<Kind, Uint8Array>;
  try {
    files = exampleFiles(example);
  } catch (error) {
    return [`${id}: the examples cannot be made: ${(error as Error).message}`];
  }
  let extra: ReturnType<typeof extraFiles>;
  try {
    extra = extraFiles(id, example);
  } catch (error) {
    return [`${id}: the examples cannot be made: ${(error as Error).message}`];
  }
  mkdirSync(join(ROOT, EXAMPLES_DIR), { recursive: true });
  for (const kind of ['correct', 'incorrect'] as const)
    writeFileSync(join(ROOT, examplePath(id, kind)), files[kind]);
  for (const [path, bytes] of Object.entries(extra.files)) writeFileSync(join(ROOT, path), bytes);

  // The examples must show the rule: nothing at all on the correct one, the rule's finding on the incorrect one.
  // Standard output only: an unreadable example (a scanned PDF) also names itself on standard error.
  const diagnosticsOf = async (kind: Kind) => {
    let json = '';
    await main(['check', '--format', 'json', ...argsOf(example, kind, extra.args), examplePath(id, kind)], {
      out: async (text) => void (json += text),
      err: () => {},
      color: false,
      cwd: ROOT,
    });
    return (JSON.parse(json) as { diagnostics: { ruleId: string; message: string }[] }[])[0]!.diagnostics;
  };
  const found = { correct: await diagnosticsOf('correct'), incorrect: await diagnosticsOf('incorrect') };
  if (found.correct.length)
    problems.push(
      `${id}: the correct example has findings: ${found.correct.map((d) => `${d.ruleId} ${d.message}`).join('; ')}`,
    );
  if (!found.incorrect.some((d) => d.ruleId === id))
    problems.push(
      `${id}: the incorrect example does not trigger the rule (found: ${found.incorrect.map((d) => d.ruleId).join(', ') || 'nothing'})`,
    );
  if (problems.length) return problems;
  const others = [...new Set(found.incorrect.map((d) => d.ruleId).filter((r) => r !== id))];
  if (others.length) console.log(`  ${id}: the incorrect example also triggers ${others.join(', ')}`);

  const decode = (b: Uint8Array) => new TextDecoder().decode(b).split('\n');
  const lines = { correct: decode(files.correct), incorrect: decode(files.incorrect) };
  const diff = changed(lines.correct, lines.incorrect);
  const sectionsByKind = { extra: extraList(id, example, extra.files) } as Record<Kind, string> & {
    extra?: string;
  };
  for (const kind of ['correct', 'incorrect'] as const) {
    const args = argsOf(example, kind, extra.args);
    const { output } = await runCli(['check', ...args, examplePath(id, kind)]);
    if (kind === 'incorrect' && example.pdf) {
      sectionsByKind[kind] = pdfSection(id, output);
      continue;
    }
    const ranges = rangesOf(lines[kind], kind === 'correct' ? diff.a : diff.b, example);
    sectionsByKind[kind] = exampleSection(id, kind, lines[kind], ranges, output, args);
  }
  writeFileSync(join(ROOT, docPath(id)), page(rule, prose, example, registered, sectionsByKind));
  return problems;
}

/** Generates the pages of `only` (every registered rule when empty); returns the process exit code. */
export async function generate(only: readonly string[] = []): Promise<number> {
  const registered = new Set(RULES.map((r) => r.meta.id));
  const unknown = only.filter((id) => !registered.has(id));
  if (unknown.length) {
    console.error(`rule-docs: not registered: ${unknown.join(', ')}`);
    return 1;
  }
  // A smoke run: the CLI has the check command.
  const smoke = await runCli(['check', '--help']);
  if (smoke.code !== 0) {
    console.error(`rule-docs: \`nianbao check\` is not available:\n${smoke.output}`);
    return 1;
  }
  const rules = RULES.filter((r) => only.length === 0 || only.includes(r.meta.id));
  mkdirSync(join(ROOT, EXAMPLES_DIR), { recursive: true });
  const problems: string[] = [];
  const failed = new Set<string>();
  for (const rule of rules) {
    const p = await generateRule(rule, registered);
    if (p.length) failed.add(rule.meta.id);
    problems.push(...p);
  }
  writeFileSync(join(ROOT, DOCS_DIR, 'README.md'), readme(RULES));
  if (only.length === 0) {
    // Pages and examples of rules no longer registered are removed; those of failed rules are kept as they were.
    const keep = new Set(['README.md']);
    for (const id of registered) {
      keep.add(`${docName(id)}.md`);
      for (const kind of ['correct', 'incorrect', 'previous']) keep.add(`${docName(id)}.${kind}.txt`);
      const example = EXAMPLES[id];
      example?.members?.().forEach((_, i) => keep.add(`${docName(id)}.member-${i + 1}.txt`));
    }
    for (const dir of [DOCS_DIR, EXAMPLES_DIR])
      for (const name of readdirSync(join(ROOT, dir)))
        if (/\.(md|txt)$/.test(name) && !keep.has(name)) {
          rmSync(join(ROOT, dir, name));
          console.log(`  removed ${dir}/${name} (no such rule)`);
        }
  }
  const missingProse = Object.keys(PROSE).filter((id) => !registered.has(id));
  if (missingProse.length)
    console.log(`  prose written ahead for rules not registered: ${missingProse.join(', ')}`);
  console.log(
    `rule-docs: ${rules.length - failed.size} of ${rules.length} rule pages written in ${DOCS_DIR}/`,
  );
  if (problems.length) {
    console.error(problems.map((p) => `rule-docs: ${p}`).join('\n'));
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await generate(process.argv.slice(2));
}
