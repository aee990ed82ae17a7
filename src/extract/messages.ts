// Messages of the extraction diagnostics (rule ids extract/…), in Chinese and English.
import {
  renderMessage,
  type Diagnostic,
  type MessageCatalogue,
  type ModelPath,
  type Severity,
} from '../model/diagnostic.ts';
import type { SourceSpan } from '../model/source.ts';

/** The extraction message catalogue. */
export const EXTRACT_MESSAGES: MessageCatalogue = {
  extraCells: {
    zh: '“{row}”一行的数字多于栏数，多出的“{dropped}”按本行合计关系判定为多余并已略去',
    en: 'Row "{row}" has more figures than columns; the extra "{dropped}" was identified by the row total and left out',
  },
  missingCellsPlaced: {
    zh: '“{row}”一行的数字少于栏数，已按表格的列位置对齐，缺少的单元格为空',
    en: 'Row "{row}" has fewer figures than columns; they were placed by the column grid and the missing cells are blank',
  },
  missingCells: {
    zh: '“{row}”一行的数字少于栏数且无法确定各数字所在的列，本行单元格留空',
    en: 'Row "{row}" has fewer figures than columns and their columns cannot be told; the row is left blank',
  },
  ambiguousCells: {
    zh: '“{row}”一行的数字与栏位无法唯一对应，本行单元格留空',
    en: 'The figures of row "{row}" cannot be matched to its columns unambiguously; the row is left blank',
  },
  unsplittable: {
    zh: '“{row}”一行的数字连在一起，无法唯一拆分，本行单元格留空',
    en: 'The figures of row "{row}" run together and cannot be split in one way only; the row is left blank',
  },
  unsplittableRun: {
    zh: '“{row}”一行的数字“{text}”连在一起，可拆分为多种结果且表中的合计关系无法确定是哪一种，本行单元格留空：请对照原件核对',
    en: 'The figures of row "{row}", "{text}", run together and split in more than one way that the table\'s sums cannot tell apart; the row is left blank: check it against the original',
  },
  missingCellsRun: {
    zh: '“{row}”一行只有数字“{text}”，少于栏数，无法确定空白单元格的位置，本行单元格留空',
    en: 'Row "{row}" has only the figures "{text}", fewer than its columns, and where the blank cells are cannot be told; the row is left blank',
  },
  splitDigits: {
    zh: '“{row}”一行的数字连在一起，已按本行合计关系唯一拆分（推断值）',
    en: 'The figures of row "{row}" ran together; they were split in the only way the row total allows (inferred)',
  },
  unknownRow: {
    zh: '“{table}”中有非统一格式的行“{label}”，未计入报告',
    en: 'Table "{table}" has a row that is not in the national format, "{label}"; it is not part of the report',
  },
  duplicateRow: {
    zh: '“{row}”重复出现，只采用第一次出现的数字',
    en: 'Row "{row}" appears twice; the first one is used',
  },
  unitConverted: {
    zh: '金额“{text}”以元填写，已换算为 {value} 万元',
    en: 'Amount "{text}" is in 元 and was converted to {value} 万元',
  },
  unreadableFigure: {
    zh: '数字“{text}”无法可靠识别（文字识别结果存疑或含无法辨认的字符），未采用，单元格留空：请对照原件核对',
    en: 'The figure "{text}" cannot be read reliably (an unsure OCR reading or an unreadable character); it was not taken and the cell is left blank: check it against the original',
  },
  missingTable: { zh: '未找到“{table}”统计表', en: 'The table "{table}" was not found' },
  missingTableImage: {
    zh: '未找到“{table}”统计表：该部分没有表格，只有 {count} 张图片（{images}），统计表可能是以图片发布的，其中的数字无法读取',
    en: 'The table "{table}" was not found: its section has no table but {count} image(s) ({images}); the table was probably published as a picture, whose figures cannot be read',
  },
  missingRow: { zh: '“{table}”缺少“{row}”一行', en: 'Table "{table}" lacks the row "{row}"' },
  versionMismatch: {
    zh: '{year}年度报告应使用{expected}版格式，但表格用语属于{actual}版格式',
    en: 'A report on {year} should use the {expected} format, but its tables use the {actual} format',
  },
  versionUnknown: {
    zh: '无法从表格用语判断格式版本，按{version}版读取',
    en: 'The format version cannot be told from the tables; read as {version}',
  },
  agencyMissing: { zh: '未找到报告机关名称', en: 'The reporting body was not found' },
  yearMissing: { zh: '未找到报告年度', en: 'The year reported on was not found' },
  yearConflict: {
    zh: '标题年度 {title} 与统计期限年度 {period} 不一致，采用统计期限',
    en: 'The title year {title} differs from the statistics period {period}; the period is used',
  },
  noReport: {
    zh: '文档中没有年度报告的统计表或章节（共 {chars} 字：未找到“一、总体情况”等六个部分的标题，也未找到三张统计表的行名，如“规章”“本年新收政府信息公开申请数量”“行政复议”），无法读取为年度报告',
    en: 'The document has none of the tables or sections of an annual report ({chars} characters: no heading of the six sections such as "一、总体情况", and no row label of the three tables such as "规章", "本年新收政府信息公开申请数量" or "行政复议")',
  },
};

/** An extraction diagnostic with its zh message rendered. */
export function extractDiagnostic(
  ruleId: string,
  messageId: string,
  severity: Severity,
  data: Record<string, unknown>,
  where: { path?: ModelPath; source?: SourceSpan } = {},
): Diagnostic {
  const m = EXTRACT_MESSAGES[messageId];
  if (!m) throw new Error(`unknown message ${messageId}`);
  return { ruleId, severity, messageId, message: renderMessage(m.zh, data), data, ...where };
}
