// The findings of extraction (rule ids extract/…): each id's one severity, its title and its messages in both
// languages. Extraction reports them by id and message id (findings/index.ts `finding`); the engine words and weighs them.
import { STAGE_BASIS } from './read.ts';
import type { StageEntry } from './types.ts';

/** The extraction findings, in the order their findings are listed. */
export const EXTRACT_FINDINGS = {
  'extract/no-report': {
    severity: 'error',
    title: { zh: '文档不是年度报告', en: 'A document that holds no annual report' },
    basis: STAGE_BASIS,
    messages: {
      noReport: {
        zh: '文档中没有年度报告的统计表或章节（共 {chars} 字：未找到“一、总体情况”等六个部分的标题，也未找到三张统计表的行名，如“规章”“本年新收政府信息公开申请数量”“行政复议”），无法读取为年度报告',
        en: 'The document has none of the tables or sections of an annual report ({chars} characters: no heading of the six sections such as "一、总体情况", and no row label of the three tables such as "规章", "本年新收政府信息公开申请数量" or "行政复议")',
      },
    },
  },
  'extract/unreadable-figure': {
    severity: 'warning',
    title: { zh: '数字无法可靠识别', en: 'A figure that cannot be read reliably' },
    basis: STAGE_BASIS,
    messages: {
      unreadableFigure: {
        zh: '数字“{text}”无法可靠识别（文字识别结果存疑或含无法辨认的字符），未采用，单元格留空：请对照原件核对',
        en: 'The figure "{text}" cannot be read reliably (an unsure OCR reading or an unreadable character); it was not taken and the cell is left blank: check it against the original',
      },
    },
  },
  'extract/extra-cells': {
    severity: 'warning',
    title: { zh: '行中数字多于栏数', en: 'A row with more figures than columns' },
    basis: STAGE_BASIS,
    messages: {
      extraCells: {
        zh: '“{row}”一行的数字多于栏数，多出的“{dropped}”按本行合计关系判定为多余并已略去',
        en: 'Row "{row}" has more figures than columns; the extra "{dropped}" was identified by the row total and left out',
      },
    },
  },
  'extract/missing-cells': {
    severity: 'warning',
    title: {
      zh: '行中数字少于栏数（已按列位置对齐）',
      en: 'A row with fewer figures than columns, placed by the grid',
    },
    basis: STAGE_BASIS,
    messages: {
      missingCellsPlaced: {
        zh: '“{row}”一行的数字少于栏数，已按表格的列位置对齐，缺少的单元格为空',
        en: 'Row "{row}" has fewer figures than columns; they were placed by the column grid and the missing cells are blank',
      },
    },
  },
  'extract/unplaced-cells': {
    severity: 'warning',
    title: {
      zh: '行中数字少于栏数且无法对齐',
      en: 'A row with fewer figures than columns that cannot be placed',
    },
    basis: STAGE_BASIS,
    messages: {
      missingCells: {
        zh: '“{row}”一行的数字少于栏数且无法确定各数字所在的列，本行单元格留空',
        en: 'Row "{row}" has fewer figures than columns and their columns cannot be told; the row is left blank',
      },
      missingCellsRun: {
        zh: '“{row}”一行只有数字“{text}”，少于栏数，无法确定空白单元格的位置，本行单元格留空',
        en: 'Row "{row}" has only the figures "{text}", fewer than its columns, and where the blank cells are cannot be told; the row is left blank',
      },
    },
  },
  'extract/ambiguous-cells': {
    severity: 'warning',
    title: { zh: '行中数字无法唯一对应栏位', en: 'Figures that cannot be matched to columns in one way' },
    basis: STAGE_BASIS,
    messages: {
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
    },
  },
  'extract/split-digits': {
    severity: 'info',
    title: { zh: '连写数字已按合计关系拆分', en: 'Run-together figures split by the row total' },
    basis: STAGE_BASIS,
    messages: {
      splitDigits: {
        zh: '“{row}”一行的数字连在一起，已按本行合计关系唯一拆分（推断值）',
        en: 'The figures of row "{row}" ran together; they were split in the only way the row total allows (inferred)',
      },
    },
  },
  'extract/unknown-row': {
    severity: 'warning',
    title: { zh: '统计表中有非统一格式的行', en: 'A row that is not in the national format' },
    basis: STAGE_BASIS,
    messages: {
      unknownRow: {
        zh: '“{table}”中有非统一格式的行“{label}”，未计入报告',
        en: 'Table "{table}" has a row that is not in the national format, "{label}"; it is not part of the report',
      },
    },
  },
  'extract/duplicate-row': {
    severity: 'warning',
    title: { zh: '统计表中的行重复出现', en: 'A row given twice' },
    basis: STAGE_BASIS,
    messages: {
      duplicateRow: {
        zh: '“{row}”重复出现，只采用第一次出现的数字',
        en: 'Row "{row}" appears twice; the first one is used',
      },
    },
  },
  'extract/missing-row': {
    severity: 'warning',
    title: { zh: '统计表缺少统一格式中的行', en: 'A row of the national format is missing' },
    basis: STAGE_BASIS,
    messages: {
      missingRow: {
        zh: '“{table}”缺少“{row}”一行',
        en: 'Table "{table}" lacks the row "{row}"',
      },
    },
  },
  'extract/missing-table': {
    severity: 'error',
    title: { zh: '缺少统计表', en: 'A statistics table is missing' },
    basis: STAGE_BASIS,
    messages: {
      missingTable: {
        zh: '未找到“{table}”统计表',
        en: 'The table "{table}" was not found',
      },
      missingTableImage: {
        zh: '未找到“{table}”统计表：该部分没有表格，只有 {count} 张图片（{images}），统计表可能是以图片发布的，其中的数字无法读取',
        en: 'The table "{table}" was not found: its section has no table but {count} image(s) ({images}); the table was probably published as a picture, whose figures cannot be read',
      },
    },
  },
  'extract/unit-converted': {
    severity: 'info',
    title: { zh: '金额由元换算为万元', en: 'An amount converted from 元 to 万元' },
    basis: STAGE_BASIS,
    messages: {
      unitConverted: {
        zh: '金额“{text}”以元填写，已换算为 {value} 万元',
        en: 'Amount "{text}" is in 元 and was converted to {value} 万元',
      },
    },
  },
  'extract/format-version-unknown': {
    severity: 'warning',
    title: { zh: '无法判断格式版本', en: 'The format version cannot be told' },
    basis: STAGE_BASIS,
    messages: {
      versionUnknown: {
        zh: '无法从表格用语判断格式版本，按{version}版读取',
        en: 'The format version cannot be told from the tables; read as {version}',
      },
    },
  },
  'extract/agency-missing': {
    severity: 'warning',
    title: { zh: '未找到报告机关', en: 'The reporting body is not named' },
    basis: STAGE_BASIS,
    messages: {
      agencyMissing: {
        zh: '未找到报告机关名称',
        en: 'The reporting body was not found',
      },
    },
  },
  'extract/year-missing': {
    severity: 'warning',
    title: { zh: '未找到报告年度', en: 'The year reported on is not given' },
    basis: STAGE_BASIS,
    messages: {
      yearMissing: {
        zh: '未找到报告年度',
        en: 'The year reported on was not found',
      },
    },
  },
  'extract/year-conflict': {
    severity: 'warning',
    title: { zh: '标题年度与统计期限不一致', en: 'The title year differs from the statistics period' },
    basis: STAGE_BASIS,
    messages: {
      yearConflict: {
        zh: '标题年度 {title} 与统计期限年度 {period} 不一致，采用统计期限',
        en: 'The title year {title} differs from the statistics period {period}; the period is used',
      },
    },
  },
  // The format-version rule reports the same from the report (with the documents that set each format).
  'extract/format-version-mismatch': {
    severity: 'warning',
    title: {
      zh: '表格用语与报告年度的格式版本不符',
      en: 'The tables use a format that does not fit the year',
    },
    basis: STAGE_BASIS,
    reportedBy: 'format-version',
    messages: {
      versionMismatch: {
        zh: '{year}年度报告应使用{expected}版格式，但表格用语属于{actual}版格式',
        en: 'A report on {year} should use the {expected} format, but its tables use the {actual} format',
      },
    },
  },
  // A bug in extraction met on this document (principle 4: only programmer mistakes throw; the batch goes on).
  'extract/internal': {
    severity: 'error',
    title: { zh: '抽取时程序内部出错', en: 'An internal error in extraction' },
    basis: STAGE_BASIS,
    messages: {
      internal: { zh: '内部错误：{error}', en: 'internal error: {error}' },
    },
  },
  'extract/xlsx-data-disagrees': {
    severity: 'warning',
    title: {
      zh: '工作簿的 data 数据表与版式表的数字不一致',
      en: "A workbook's data sheet disagrees with its layout sheets",
    },
    basis: STAGE_BASIS,
    messages: {
      differs: {
        zh: '{name}：版式表 {cell} 为 {layout}，data 数据表 {dataCell} 为 {data}；已按版式表读取，数据表的数字未采用',
        en: '{name}: the layout sheet has {layout} at {cell}, the data sheet {data} at {dataCell}; the layout was read, the data sheet was not',
      },
      onlyData: {
        zh: '{name}：data 数据表 {dataCell} 填有 {data}，版式表 {cell} 为空白；已按版式表读取（空白），数据表的数字未采用：请填入版式表，或从数据表删去',
        en: '{name}: the data sheet has {data} at {dataCell}, the layout sheet is blank at {cell}; the layout was read (blank), the data sheet was not: type it into the layout sheet, or delete it from the data sheet',
      },
      notACell: {
        zh: 'data 数据表 {dataCell} 的“{path}”不是 {version} 格式报告的单元格，其值 {data} 未读取',
        en: 'the data sheet names "{path}" at {dataCell}, which is no cell of a {version}-format report; its value {data} was not read',
      },
    },
  },
} as const satisfies Record<`extract/${string}`, StageEntry>;
