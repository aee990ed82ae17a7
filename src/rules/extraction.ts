// The problems met while reading and extracting, checked under their own rule ids (issue 3): each is a rule whose
// findings are the extraction's diagnostics, so they are configured, worded, documented and tested like any rule.
import type { MessageCatalogue, Severity } from '../model/diagnostic.ts';
import { EXTRACT_MESSAGES } from '../extract/messages.ts';
import { PDF_MESSAGES, READ_MESSAGES } from '../read/messages.ts';
import type { Rule } from './types.ts';

/** One row per reader or extraction rule: id, default severity, its message ids, its title. */
const TABLE: readonly [string, Severity, readonly string[], string, string, string][] = [
  ['read/empty', 'error', ['empty'], '文件为空', 'An empty file', '读取'],
  ['read/binary', 'error', ['binary'], '文件不是文本', 'A file that is not text', '读取'],
  [
    'read/unsupported',
    'error',
    ['unsupported'],
    '不支持的文件类型',
    'A kind of file that is not read',
    '读取',
  ],
  ['read/encrypted', 'error', ['encrypted'], 'PDF 已加密', 'An encrypted PDF', '读取'],
  [
    'extract/no-report',
    'error',
    ['noReport'],
    '文档不是年度报告',
    'A document that holds no annual report',
    '格式',
  ],
  [
    'read/encoding',
    'warning',
    ['undecodable'],
    '文件中有无法解码的字节',
    'Bytes that cannot be decoded',
    '读取',
  ],
  [
    'read/charset',
    'warning',
    ['charsetMismatch'],
    '网页声明的字符集与内容不符',
    'A page whose declared charset is wrong',
    '读取',
  ],
  [
    'read/no-text-layer',
    'warning',
    ['noTextLayer', 'pagesWithoutText', 'scanUnreadable', 'pagesUnreadable'],
    'PDF 页面没有文字层，未能读取',
    'PDF pages without a text layer that could not be read',
    '读取',
  ],
  [
    'read/broken',
    'error',
    ['broken', 'pageBroken'],
    '文件或页面已损坏，无法解析',
    'A file or a page that cannot be parsed',
    '读取',
  ],
  [
    'read/ocr',
    'warning',
    ['ocrPages', 'ocrFailed'],
    'PDF 页面由文字识别（OCR）读取',
    'PDF pages read by OCR',
    '读取',
  ],
  [
    'extract/unreadable-figure',
    'warning',
    ['unreadableFigure'],
    '数字无法可靠识别',
    'A figure that cannot be read reliably',
    '版面',
  ],
  [
    'extract/extra-cells',
    'warning',
    ['extraCells'],
    '行中数字多于栏数',
    'A row with more figures than columns',
    '版面',
  ],
  [
    'extract/missing-cells',
    'warning',
    ['missingCellsPlaced'],
    '行中数字少于栏数（已按列位置对齐）',
    'A row with fewer figures than columns, placed by the grid',
    '版面',
  ],
  [
    'extract/unplaced-cells',
    'warning',
    ['missingCells', 'missingCellsRun'],
    '行中数字少于栏数且无法对齐',
    'A row with fewer figures than columns that cannot be placed',
    '版面',
  ],
  [
    'extract/ambiguous-cells',
    'warning',
    ['ambiguousCells', 'unsplittable', 'unsplittableRun'],
    '行中数字无法唯一对应栏位',
    'Figures that cannot be matched to columns in one way',
    '版面',
  ],
  [
    'extract/split-digits',
    'info',
    ['splitDigits'],
    '连写数字已按合计关系拆分',
    'Run-together figures split by the row total',
    '版面',
  ],
  [
    'extract/unknown-row',
    'warning',
    ['unknownRow'],
    '统计表中有非统一格式的行',
    'A row that is not in the national format',
    '格式',
  ],
  ['extract/duplicate-row', 'warning', ['duplicateRow'], '统计表中的行重复出现', 'A row given twice', '格式'],
  [
    'extract/missing-row',
    'warning',
    ['missingRow'],
    '统计表缺少统一格式中的行',
    'A row of the national format is missing',
    '格式',
  ],
  [
    'extract/missing-table',
    'error',
    ['missingTable', 'missingTableImage'],
    '缺少统计表',
    'A statistics table is missing',
    '格式',
  ],
  [
    'extract/unit-converted',
    'info',
    ['unitConverted'],
    '金额由元换算为万元',
    'An amount converted from 元 to 万元',
    '单位',
  ],
  [
    'extract/format-version-unknown',
    'warning',
    ['versionUnknown'],
    '无法判断格式版本',
    'The format version cannot be told',
    '格式',
  ],
  [
    'extract/agency-missing',
    'warning',
    ['agencyMissing'],
    '未找到报告机关',
    'The reporting body is not named',
    '标题',
  ],
  [
    'extract/year-missing',
    'warning',
    ['yearMissing'],
    '未找到报告年度',
    'The year reported on is not given',
    '标题',
  ],
  [
    'extract/year-conflict',
    'warning',
    ['yearConflict'],
    '标题年度与统计期限不一致',
    'The title year differs from the statistics period',
    '标题',
  ],
];

const CATALOGUE: MessageCatalogue = { ...READ_MESSAGES, ...PDF_MESSAGES, ...EXTRACT_MESSAGES };

/** The reading and extraction rules. */
export const EXTRACTION_RULES: readonly Rule[] = TABLE.map(([id, severity, messageIds, zh, en]) => ({
  meta: {
    id,
    severity,
    title: { zh, en },
    basis: '读取与抽取（docs/architecture.md“Extraction”）',
    messages: Object.fromEntries(messageIds.map((m) => [m, CATALOGUE[m]!])),
  },
  check(ctx) {
    for (const d of ctx.extraction)
      if (d.ruleId === id)
        ctx.add({
          messageId: d.messageId,
          data: d.data,
          ...(d.path ? { path: d.path } : {}),
          ...(d.related ? { related: d.related } : {}),
          ...(d.source ? { source: d.source } : {}),
        });
  },
}));
