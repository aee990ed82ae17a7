// The findings of reading (rule ids read/…): each id's one severity, its title and its messages in both languages.
// The readers report them by id and message id (findings/index.ts `finding`); the engine words and weighs them.
import type { StageEntry } from './types.ts';

/** The basis of every reading and extraction finding. */
export const STAGE_BASIS = '读取与抽取（docs/architecture.md“Extraction”）';

/** The same text for a file and for a PDF that cannot be parsed. */
const BROKEN = {
  zh: '{file}：{kind} 文件已损坏或无法解析：{reason}',
  en: '{file}: the {kind} file is broken or cannot be parsed: {reason}',
} as const;

/** The reading findings, in the order their findings are listed. */
export const READ_FINDINGS = {
  'read/empty': {
    severity: 'error',
    title: { zh: '文件为空', en: 'An empty file' },
    basis: STAGE_BASIS,
    messages: {
      empty: {
        zh: '{file}：文件为空，没有可读取的文字',
        en: '{file}: the file is empty, there is no text to read',
      },
    },
  },
  'read/binary': {
    severity: 'error',
    title: { zh: '文件不是文本', en: 'A file that is not text' },
    basis: STAGE_BASIS,
    messages: {
      binary: {
        zh: '{file}：不是文本文件（内容多为控制字符），无法按文本读取',
        en: '{file}: not a text file (mostly control characters); it cannot be read as text',
      },
    },
  },
  'read/unsupported': {
    severity: 'error',
    title: { zh: '不支持的文件类型', en: 'A kind of file that is not read' },
    basis: STAGE_BASIS,
    messages: {
      unsupported: { zh: '{file}：暂不支持读取 {kind} 文件', en: '{file}: {kind} files cannot be read yet' },
    },
  },
  'read/encrypted': {
    severity: 'error',
    title: { zh: 'PDF 已加密', en: 'An encrypted PDF' },
    basis: STAGE_BASIS,
    messages: {
      encrypted: {
        zh: '{file}：PDF 已加密（需要打开密码），无法读取',
        en: '{file}: the PDF is encrypted (it needs a password to open) and cannot be read',
      },
    },
  },
  'read/encoding': {
    severity: 'warning',
    title: { zh: '文件中有无法解码的字节', en: 'Bytes that cannot be decoded' },
    basis: STAGE_BASIS,
    messages: {
      undecodable: {
        zh: '{file}：有 {count} 处字节无法按 {encoding} 解码，已替换为 �',
        en: '{file}: {count} byte sequences could not be decoded as {encoding} and were replaced by �',
      },
    },
  },
  'read/charset': {
    severity: 'warning',
    title: { zh: '网页声明的字符集与内容不符', en: 'A page whose declared charset is wrong' },
    basis: STAGE_BASIS,
    messages: {
      charsetMismatch: {
        zh: '{file}：网页声明的字符集 {declared} 与实际内容不符，已按 {encoding} 解码',
        en: '{file}: the page declares the charset {declared}, but its bytes are {encoding}; decoded as {encoding}',
      },
    },
  },
  'read/no-text-layer': {
    severity: 'warning',
    title: {
      zh: 'PDF 页面没有文字层，未能读取',
      en: 'PDF pages without a text layer that could not be read',
    },
    basis: STAGE_BASIS,
    messages: {
      noTextLayer: {
        zh: '{file}：PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）才能读取',
        en: '{file}: the PDF has no text layer (it may be a scan); it needs OCR before it can be read',
      },
      pagesWithoutText: {
        zh: '{file}：PDF 第 {pages} 页没有文字层（可能是扫描图片），这些页的内容未读取',
        en: '{file}: page(s) {pages} of the PDF have no text layer (they may be scanned images) and were not read',
      },
      scanUnreadable: {
        zh: '{file}：PDF 没有文字层（可能是扫描件），文字识别（OCR）也未能读出可靠的文字（图像分辨率过低或不清晰），无法读取',
        en: '{file}: the PDF has no text layer (it may be a scan) and OCR found no reliable text in it (too low a resolution or too blurred); it cannot be read',
      },
      pagesUnreadable: {
        zh: '{file}：PDF 第 {pages} 页没有文字层，文字识别（OCR）也未能读出可靠的文字，这些页的内容未读取',
        en: '{file}: page(s) {pages} of the PDF have no text layer and OCR found no reliable text on them; they were not read',
      },
    },
  },
  'read/damaged': {
    severity: 'warning',
    title: {
      zh: 'PDF 文件有损坏之处，读出的内容可能不完整',
      en: 'A damaged PDF: what was read of it may be incomplete',
    },
    basis: STAGE_BASIS,
    messages: {
      damaged: {
        zh: '{file}：PDF 文件有损坏之处（{reason}），已尽量读取，读出的内容可能不完整，请对照原件核对',
        en: '{file}: the PDF is damaged ({reason}); it was read as far as it could be, and what was read may be incomplete: check it against the original',
      },
    },
  },
  'read/too-large': {
    severity: 'error',
    title: {
      zh: '文件超出读取上限（文件、解压后、表格、页数或页面过大，或读取时内存超限），未读取',
      en: 'A file beyond the limits of reading (too large a file, unpacked size, table, page count or page, or too much memory)',
    },
    basis: STAGE_BASIS,
    messages: {
      unpacked: {
        zh: '{file}：{kind} 文件解压后共 {size} MB，超过读取上限 {limit} MB（可能是“压缩炸弹”），未读取',
        en: '{file}: the {kind} file unpacks to {size} MB, over the limit of {limit} MB (it may be a zip bomb); not read',
      },
      merge: {
        zh: '{file}：工作表“{sheet}”的合并区域 {range} 含 {cells} 个单元格，超过上限 {limit}，未读取',
        en: '{file}: the merged range {range} of sheet "{sheet}" covers {cells} cells, over the limit of {limit}; not read',
      },
      extent: {
        zh: '{file}：工作表“{sheet}”的单元格一直延伸到 {cell}（{rows} 行 × {cols} 列），超过上限 {limit} 个单元格，未读取',
        en: '{file}: sheet "{sheet}" has cells as far as {cell} ({rows} rows × {cols} columns), over the limit of {limit} cells; not read',
      },
      input: {
        zh: '{file}：文件大小 {size} MB，超过读取上限 {limit} MB，未读取',
        en: '{file}: the file is {size} MB, over the limit of {limit} MB; not read',
      },
      elements: {
        zh: '{file}：网页的元素（标签）超过 {limit} 个，超过读取上限，未读取',
        en: '{file}: the page has more than {limit} elements (tags), over the limit of reading; not read',
      },
      nesting: {
        zh: '{file}：网页的元素嵌套超过 {limit} 层，超过读取上限，未读取',
        en: '{file}: the page nests elements more than {limit} deep, over the limit of reading; not read',
      },
      cells: {
        zh: '{file}：网页表格的单元格超过 {limit} 个，超过读取上限，未读取',
        en: '{file}: the page has more than {limit} table cells, over the limit of reading; not read',
      },
      table: {
        zh: '{file}：网页的第 {table} 个表格按行列合并展开后达 {rows} 行 × {cols} 列，超过上限 {limit} 个位置，未读取',
        en: '{file}: table {table} of the page reaches {rows} rows × {cols} columns once its merged cells are laid out, over the limit of {limit} positions; not read',
      },
      pages: {
        zh: '{file}：PDF 共 {pages} 页，超过读取上限 {limit} 页，未读取',
        en: '{file}: the PDF has {pages} pages, over the limit of {limit}; not read',
      },
      pageArea: {
        zh: '{file}：PDF 第 {page} 页的尺寸为 {width} × {height} 磅，超过 PDF 允许的最大页面面积（{side} × {side} 磅），未读取',
        en: '{file}: page {page} of the PDF measures {width} × {height} points, over the largest page area PDF allows ({side} × {side} points); not read',
      },
      // Reported by src/isolate/pool.ts (a batch, the server, the queue's worker): V8 stopped the file's worker
      // thread at its heap limit.
      memory: {
        zh: '{file}：读取时占用的内存超过上限 {limit} MB，已停止读取，未读取',
        en: '{file}: reading it took more than the memory limit of {limit} MB and was stopped; not read',
      },
    },
  },
  'read/broken': {
    severity: 'error',
    title: { zh: '文件或页面已损坏，无法解析', en: 'A file or a page that cannot be parsed' },
    basis: STAGE_BASIS,
    messages: {
      broken: BROKEN,
      structure: {
        zh: '{file}：{kind} 文件的内部结构已损坏，无法解析（可能是下载不完整，或文件被其他程序改坏）',
        en: '{file}: the internal structure of the {kind} file is damaged and cannot be parsed (a download cut short, or a file another program damaged)',
      },
      pageBroken: {
        zh: '{file}：PDF 第 {page} 页无法解析，已跳过：{reason}',
        en: '{file}: page {page} of the PDF cannot be parsed and was skipped: {reason}',
      },
    },
  },
  'read/not-report-json': {
    severity: 'error',
    title: { zh: 'JSON 文件不是 nianbao 报告', en: 'A JSON file that is not a nianbao report' },
    basis: 'report-json.md（报告 JSON 的键）',
    messages: {
      notAnObject: {
        zh: '{file}：这不是 nianbao 报告 JSON：应为一个对象（报告本身，或 extract 输出的 { file, report, diagnostics }）',
        en: '{file}: this is not a nianbao report JSON: an object is expected (the report, or an entry { file, report, diagnostics } as extract writes)',
      },
      missingKey: {
        zh: '{file}：这不是 nianbao 报告 JSON：缺少 {key}',
        en: '{file}: this is not a nianbao report JSON: {key} is missing',
      },
      badVersion: {
        zh: '{file}：这不是 nianbao 报告 JSON：formatVersion 为 {value}，不是已知的格式版本',
        en: '{file}: this is not a nianbao report JSON: formatVersion is {value}, not a format version nianbao knows',
      },
      badValue: {
        zh: '{file}：这不是 nianbao 报告 JSON：{key} 的值不符合报告格式（{expected}）',
        en: '{file}: this is not a nianbao report JSON: the value of {key} does not fit the report format ({expected})',
      },
      severalReports: {
        zh: '{file}：JSON 列表中有 {count} 份报告，每个文件只应有一份',
        en: '{file}: the JSON list holds {count} reports; give one report per file',
      },
    },
  },
  'read/ocr': {
    severity: 'warning',
    title: { zh: 'PDF 页面由文字识别（OCR）读取', en: 'PDF pages read by OCR' },
    basis: STAGE_BASIS,
    messages: {
      ocrPages: {
        zh: '{file}：PDF 第 {pages} 页没有文字层，已用文字识别（OCR）读取，其中的数字须与原件逐一核对',
        en: '{file}: page(s) {pages} of the PDF have no text layer and were read by OCR; check their figures against the original',
      },
      ocrFailed: {
        zh: '{file}：PDF 第 {pages} 页没有文字层，文字识别（OCR）失败，这些页的内容未读取：{reason}',
        en: '{file}: page(s) {pages} of the PDF have no text layer and OCR failed, so they were not read: {reason}',
      },
      ocrLimit: {
        zh: '{file}：PDF 第 {pages} 页没有文字层，但本文件的文字识别（OCR）已达上限 {limit} 百万像素，这些页的内容未读取',
        en: '{file}: page(s) {pages} of the PDF have no text layer and were not read: the file reached its OCR limit of {limit} million pixels',
      },
    },
  },
  // Reported by extraction (src/extract/restated.ts), which knows the cells the layout sheets gave.
  'read/xlsx-formula-computed': {
    severity: 'info',
    title: {
      zh: '工作簿中无计算结果的合计公式已由 nianbao 计算',
      en: "A workbook's sum formulas without a saved result, computed by nianbao",
    },
    basis: STAGE_BASIS,
    messages: {
      computed: {
        zh: '{file}：{count} 个公式单元格没有保存计算结果（文件由不计算公式的程序保存，如 openpyxl），已按其求和公式从表中填写的数字算出：{cells}',
        en: '{file}: {count} formula cells have no saved result (the file was saved by a program that does not calculate, such as openpyxl); their sums were computed from the figures typed in the sheet: {cells}',
      },
    },
  },
  'read/xlsx-formula-uncached': {
    severity: 'warning',
    title: {
      zh: '工作簿中的公式没有计算结果，按空白读取',
      en: 'Formulas of a workbook without a saved result, read as blanks',
    },
    basis: STAGE_BASIS,
    messages: {
      uncached: {
        zh: '{file}：{count} 个公式单元格没有保存计算结果，且不是 nianbao 能计算的求和公式，按空白读取（不推算数字）：{cells}。请用 Excel、WPS 或 LibreOffice 打开并保存一次，或直接填写数字',
        en: '{file}: {count} formula cells have no saved result and are not sums nianbao computes; read as blanks (no figure is guessed): {cells}. Open and save the file once in Excel, WPS or LibreOffice, or type the figures',
      },
    },
  },
  // Reported by src/isolate/pool.ts (a batch, the server, the queue's worker), which stops the file's worker thread
  // at the time limit.
  'read/timeout': {
    severity: 'error',
    title: { zh: '读取超过时间上限，已停止', en: 'A file whose reading took longer than the time limit' },
    basis: STAGE_BASIS,
    messages: {
      timeout: {
        zh: '{file}：读取超过时间上限 {seconds} 秒仍未完成，已停止读取，未读取',
        en: '{file}: reading it took longer than the time limit of {seconds} s and was stopped; not read',
      },
    },
  },
  // Reported by the CLI, which opens the file (src/cli/process.ts): the readers only ever see bytes.
  'read/unreadable': {
    severity: 'error',
    title: { zh: '文件无法打开', en: 'A file that cannot be opened' },
    basis: STAGE_BASIS,
    messages: {
      unreadable: {
        zh: '无法读取文件“{file}”：{reason}（{code}）',
        en: 'cannot read file "{file}": {reason} ({code})',
      },
      pipe: {
        zh: '无法读取文件“{file}”：这是一个命名管道（FIFO），不是普通文件，未读取（读取它可能永远等不到结尾）',
        en: 'cannot read file "{file}": it is a named pipe (FIFO), not a regular file; not read (reading it might never end)',
      },
      device: {
        zh: '无法读取文件“{file}”：这是一个设备文件（如 /dev/zero），不是普通文件，未读取',
        en: 'cannot read file "{file}": it is a device (such as /dev/zero), not a regular file; not read',
      },
      socket: {
        zh: '无法读取文件“{file}”：这是一个套接字，不是普通文件，未读取',
        en: 'cannot read file "{file}": it is a socket, not a regular file; not read',
      },
    },
  },
} as const satisfies Record<`read/${string}`, StageEntry>;
