// The documentation of the findings of reading (read/…), rules generated in src/rules/extraction.ts: what each checks,
// why, how to fix it, and its examples (docs/rules/).
import { strToU8, zipSync } from 'fflate';
import { crasherFixture, pdfFixture, xlsxFixture, type RuleDocs } from './kit.ts';

/** A ZIP archive of one text file (no Word or Excel document inside). */
// A fixed date in the zip, so that regenerating the docs writes the same bytes.
const zipOfOneFile = (name: string, text: string) =>
  zipSync({ [name]: [strToU8(text), { mtime: new Date('2022-01-01T00:00:00Z') }] });

export const docs: readonly RuleDocs[] = [
  {
    id: 'read/empty',
    what: {
      zh: '文件是空的（0 字节，或只有空白），或网页中没有正文文字，没有可读取的内容。',
      en: 'The file is empty (no bytes, or only white space), or a web page has no body text: there is nothing to read.',
    },
    why: {
      zh: '年度报告要完整地向社会公布（《中华人民共和国政府信息公开条例》第四十九条）。空文件多是导出、上传或下载失败，公众看到的是一个打不开的链接。',
      en: 'A report is published whole (条例第四十九条); an empty file is a failed export, upload or download.',
    },
    fix: {
      zh: '重新导出或重新上传报告，确认文件能打开并能看到全文后再提交。',
      en: 'Export or upload the report again and check that it opens with its whole text.',
    },
    example: {
      defect: { zh: '上传的报告文件是空的（0 字节）。', en: 'The uploaded report file is empty (0 bytes).' },
      bytes: () => new Uint8Array(0),
    },
  },
  {
    id: 'read/binary',
    what: {
      zh: '文件的内容大多是控制字符，不是文本，也不是 nianbao 能识别的 PDF、DOCX、DOC、XLSX 或网页：可能是其他程序的文件被改了扩展名。',
      en: 'The file is mostly control characters: not text, nor a PDF, DOCX, DOC, XLSX or web page nianbao can tell; often another program’s file renamed.',
    },
    why: {
      zh: '年度报告要以公众能打开的格式公布（《中华人民共和国政府信息公开条例》第四十九条）；无法识别的二进制文件，其中的文字和统计表都无法读取和核对。',
      en: 'A report is published in a form the public can open (条例第四十九条); an unknown binary file cannot be read or checked.',
    },
    fix: {
      zh: '提交报告的原始文件（Word、WPS、PDF 或网页），不要修改文件的扩展名。',
      en: 'Submit the report as its original file (Word, WPS, PDF or web page), without renaming its extension.',
    },
    example: {
      defect: {
        zh: '提交的“报告”是一段二进制数据（控制字符），不是文本或可识别的文档。',
        en: 'The submitted "report" is binary data (control characters), not text or a known document.',
      },
      pdf: () => new Uint8Array(Array.from({ length: 256 }, (_, i) => 1 + (i % 8))),
    },
  },
  {
    id: 'read/unsupported',
    what: {
      zh: '文件是 nianbao 不读取的类型：例如不含 Word 或 Excel 文档的 ZIP 压缩包。消息给出文件类型。',
      en: 'The file is of a kind nianbao does not read, e.g. a ZIP archive that holds no Word or Excel document.',
    },
    why: {
      zh: '年度报告要以公众能直接打开的格式公布（《中华人民共和国政府信息公开条例》第四十九条）；压缩包等文件无法直接阅读，其中的报告也无法核对。',
      en: 'A report is published in a form the public can open directly (条例第四十九条).',
    },
    fix: {
      zh: '解压后提交其中的报告文件（DOCX、DOC、PDF、XLSX、网页或文本）。',
      en: 'Unpack it and submit the report file inside (DOCX, DOC, PDF, XLSX, web page or text).',
    },
    example: {
      defect: {
        zh: '提交的是一个 ZIP 压缩包（其中只有一个 readme.txt），不是报告文件。',
        en: 'A ZIP archive (holding only a readme.txt) submitted instead of the report.',
      },
      pdf: () => zipOfOneFile('readme.txt', '年度报告见附件'),
    },
  },
  {
    id: 'read/encrypted',
    what: {
      zh: 'PDF 已加密，需要密码才能打开，无法读取其中的文字。',
      en: 'The PDF is encrypted: it needs a password to open, and its text cannot be read.',
    },
    why: {
      zh: '主动公开的年度报告应能被公众自由阅读（《中华人民共和国政府信息公开条例》第四十九条）；加密的文件公众打不开，汇总单位也无法核对。',
      en: 'A published report must be open to anyone (条例第四十九条); an encrypted file is not.',
    },
    fix: {
      zh: '导出 PDF 时不要设置打开密码；如需防止修改，可只设置权限密码。',
      en: 'Export the PDF without an open password (a permissions password, if any, does not stop reading).',
    },
    example: {
      defect: {
        zh: '报告的 PDF 设置了打开密码（test/fixtures/pdf/encrypted.pdf）。',
        en: 'The PDF of the report has an open password (test/fixtures/pdf/encrypted.pdf).',
      },
      pdf: () => pdfFixture('encrypted.pdf'),
    },
  },
  {
    id: 'read/no-text-layer',
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
    example: {
      defect: {
        zh: '报告只以 30 dpi 的扫描图片发布（test/fixtures/pdf/scanned.pdf，2021 年格式示例报告的第 1 页），没有文字层，OCR 也读不出可靠的文字。',
        en: 'The report published only as a 30 dpi scan (test/fixtures/pdf/scanned.pdf); OCR finds no reliable text in it.',
      },
      pdf: () => pdfFixture('scanned.pdf'),
    },
  },
  {
    id: 'read/damaged',
    what: {
      zh: 'PDF 文件有损坏之处（例如交叉引用表 XRef 的条目错误、内容流中有非法字符），PDF 阅读器多半仍能打开，nianbao 也已尽量读取，但读取过程中 pdf.js 报告了错误：读出的文字和数字可能不完整。消息给出 pdf.js 报告的原因。',
      en: 'The PDF is damaged (a bad cross-reference entry, an illegal character in a content stream): readers will mostly still open it, and nianbao read what it could, but pdf.js reported errors while reading, so what was read may be incomplete. The message gives the reason pdf.js gave.',
    },
    why: {
      zh: '年度报告要完整地向社会公布（《中华人民共和国政府信息公开条例》第四十九条）。文件有损坏之处，部分内容可能读不出或显示不全，统计表的数字需要对照原件核对。',
      en: 'A report is published whole (条例第四十九条); a damaged file may hide part of its content, so its figures must be checked against the original.',
    },
    fix: {
      zh: '用定稿的 Word、WPS 文件重新导出 PDF（“另存为 PDF”），确认能在常用阅读器中完整打开每一页后再发布；核对已读出的数字。',
      en: 'Export the PDF again from the original document and check every page opens in a reader before publishing; check the figures read.',
    },
    example: {
      defect: {
        zh: '报告的 PDF 交叉引用表有一条错误的条目（test/fixtures/pdf/damaged-xref.pdf，模糊测试得到的样例）：内容读出，pdf.js 报告 “Bad (uncompressed) XRef entry”。',
        en: 'The PDF of the report has a bad cross-reference entry (test/fixtures/pdf/damaged-xref.pdf, found by fuzzing): its content is read, and pdf.js reports "Bad (uncompressed) XRef entry".',
      },
      pdf: () => pdfFixture('damaged-xref.pdf'),
    },
  },
  {
    id: 'read/too-large',
    what: {
      zh: '文件超出 nianbao 的读取上限，未读取。任何文件：超过 200 MB（读取前按文件大小检查）。网页：超过 50 MB，元素（标签）超过 50 万个，元素嵌套超过 1000 层，表格单元格超过 20 万个，或某个表格按合并单元格展开后超过 100 万个位置（行数 × 列数；colspan 按浏览器的做法最多取 1000，rowspan 最多 65534）。PDF：超过 2000 页，或某页面积超过 PDF 允许的最大页面（14400 × 14400 磅）。DOCX、XLSX：解压后超过 100 MB（“压缩炸弹”），某个合并区域超过 10 万个单元格，或工作表的单元格范围（行数 × 列数）超过 200 万个。批处理、网络服务和队列工作进程：任何文件在工作线程中读取时占用的内存超过上限（--max-memory，默认 1024 MB），读取被停止。年度报告的文件远在这些上限之内（几 MB，不到 100 页，几千个元素，表格不到 100 行 × 30 列）。全部上限见 docs/robustness.md“上限”（src/read/limits.ts 的 LIMITS）。',
      en: 'A file beyond the limits of reading, not read. Any file: over 200 MB (checked from its size before it is read). A web page: over 50 MB, more than 500,000 elements (tags), elements nested more than 1,000 deep, or 200,000 table cells, or a table whose merged cells lay out over more than 1,000,000 positions (rows × columns; colspan taken up to 1000 and rowspan up to 65534, as browsers do). A PDF: more than 2,000 pages, or a page larger in area than PDF allows (14,400 × 14,400 points). DOCX, XLSX: over 100 MB unpacked (a zip bomb), a merged range of more than 100,000 cells, or a sheet whose cells span more than 2,000,000 positions. In a batch, the server or the queue worker: any file whose reading on a worker thread took more memory than its limit (--max-memory, 1024 MB by default), stopped. Report files are far inside these limits (a few MB, under 100 pages, a few thousand elements, tables under 100 rows × 30 columns). All the limits: docs/robustness.md "Limits" (LIMITS in src/read/limits.ts).',
    },
    why: {
      zh: '这样的文件不是一份年度报告能有的样子（多半是损坏或恶意构造的文件）；照常读取会耗尽内存或长时间没有结果，拖住同一批的其他文件。上限在解压和解析之前检查。',
      en: 'No report has such a file (it is damaged or made to harm); reading it as usual would exhaust memory or run for ever, holding up the batch. The limits are checked before anything is unpacked or parsed.',
    },
    fix: {
      zh: '重新导出文件；表格只保留统计表本身，删除远处误输入的单元格和整表合并；网页只提交报告本身的页面；PDF 按实际纸张大小（如 A4）导出。',
      en: "Export the file again, keeping only the statistics tables: remove stray far-away cells and sheet-wide merges; give the report's own web page; export a PDF at its paper size (A4).",
    },
    example: {
      defect: {
        zh: '工作表中有一个合并区域 A1:XFD1048576（整张表，171 亿个单元格；test/fixtures/crashers/xlsx-merge-huge.xlsx，模糊测试得到的样例）。',
        en: 'A sheet with the merged range A1:XFD1048576 (the whole sheet, 17 billion cells; test/fixtures/crashers/xlsx-merge-huge.xlsx, found by fuzzing).',
      },
      pdf: () => crasherFixture('xlsx-merge-huge.xlsx'),
    },
  },
  {
    id: 'read/broken',
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
    example: {
      defect: {
        zh: '报告的 PDF 下载不完整，只有开头 400 个字节（test/fixtures/pdf/scan-title.pdf 截断）。',
        en: 'The PDF of the report downloaded only in part: its first 400 bytes.',
      },
      pdf: () => pdfFixture('scan-title.pdf').slice(0, 400),
    },
  },
  {
    id: 'read/not-report-json',
    what: {
      zh: 'JSON 文件不是 nianbao 报告（report-json.md）：缺少必需的键（formatVersion、agency、year、sections 和三张表），格式版本不是已知的版本，某个值的类型不对，或一个列表中有不止一份报告。消息说出第一处问题。',
      en: 'A JSON file that is not a nianbao report (report-json.md): a required key is missing, the format version is not one nianbao knows, a value has the wrong type, or a list holds more than one report. The message names the first problem.',
    },
    why: {
      zh: '报告 JSON 是 nianbao 各命令之间、与其他程序之间交换报告的格式；键名固定，nianbao 不猜测缺少或写错的内容（不虚构数字）。',
      en: 'Report JSON is how reports pass between the commands and other programs; its keys are fixed, and nianbao does not guess what is missing (it never invents a figure).',
    },
    fix: {
      zh: '用 nianbao extract 或 nianbao new 生成 JSON，或按 report-json.md 补齐所缺的键；一个文件只放一份报告。',
      en: 'Make the JSON with nianbao extract or nianbao new, or add the keys report-json.md requires; one report per file.',
    },
    example: {
      defect: {
        zh: '一个 JSON 文件只有表格数字，没有 formatVersion 等报告的键。',
        en: 'A JSON file with figures but none of the keys of a report, formatVersion first.',
      },
      pdf: () => strToU8('{ "requests": { "newlyReceived": { "naturalPerson": 3 } } }\n'),
    },
  },
  {
    id: 'read/ocr',
    what: {
      zh: 'PDF 的某些页没有文字层（扫描件），nianbao 用文字识别（OCR，tesseract 中文模型）读取了这些页。读出的每个数字都带有识别置信度（0–100，见 JSON 的 provenance）；中文模型没有把握的数字，再用只认数字的英文模型单独识别一次，两种切分方式结果一致且置信度足够高才采用；仍然存疑的数字不采用，单元格留空并另行提示（[[extract/unreadable-figure]]）。消息列出用 OCR 读取的页码；OCR 本身失败时也在此提示。OCR 有像素上限：每页渲染的图像不超过 800 万像素（过大的页面按比例缩小渲染；A3 纸 200 dpi 为 780 万），每个文件合计不超过 4 亿像素，超出的页不再识别，消息列出这些页。没有墨迹、没有字形大小墨迹（如只有一条斜线）或全是噪点的页不送 tesseract。',
      en: 'Pages without a text layer were read by OCR (tesseract, Simplified Chinese); every figure carries its confidence; a figure the Chinese model is unsure of is read again alone by a digits-only English model and taken only when that reading is sure, and figures still unsure are left blank ([[extract/unreadable-figure]]). OCR has pixel limits: a page is rendered at most 8 million pixels (a larger page is rendered smaller; A3 at 200 dpi is 7.8 million), a file at most 400 million in all; the pages past it are not read, and the message names them. A page without ink, without ink of a glyph’s size (a line across it) or of noise is not sent to tesseract.',
    },
    why: {
      zh: 'OCR 会认错字，尤其是单独一个数字（如把 7 认成“了”）。统计表的每个数字都要能核对（format-spec §8），所以由 OCR 读出的数字必须与原件逐一核对，不能当作与文字版同样可靠。',
      en: 'OCR misreads, lone digits most of all; every figure must be verifiable (format-spec §8), so figures read by OCR must be checked against the original.',
    },
    fix: {
      zh: '尽量提供带文字层的 PDF（由 Word、WPS 直接导出）。只能用扫描件时，对照原件逐一核对识别出的数字，特别是置信度低的和被留空的单元格。',
      en: 'Provide a PDF with a text layer if possible; otherwise check the figures read by OCR against the original, the blank ones first.',
    },
    example: {
      defect: {
        zh: '报告第 1 页（标题和“一、总体情况”）是 200 dpi 的黑白扫描图片（test/fixtures/pdf/scan-title.pdf），由 OCR 读取；其余页缺失，故另有缺表等提示。',
        en: 'Page 1 of a report as a 200 dpi black-and-white scan (test/fixtures/pdf/scan-title.pdf), read by OCR; the other pages are missing.',
      },
      pdf: () => pdfFixture('scan-title.pdf'),
    },
  },
  {
    id: 'read/charset',
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
    example: {
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
  },
  {
    id: 'read/encoding',
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
    example: {
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
  },
  {
    id: 'read/xlsx-formula-computed',
    what: {
      zh: '工作簿中 nianbao 模板的合计公式（总计格的 IF(COUNT(…)=0,"",SUM(…))）没有保存计算结果：文件由不计算公式的程序保存（如 openpyxl）。nianbao 按公式从同一工作表中填写的数字算出这些格（与电子表格的算法相同：只计数字；一个数字都没填的，结果为空白，不是 0），并列出这些单元格。其他公式不计算（见 [[read/xlsx-formula-uncached]]）。',
      en: 'The sum formulas of nianbao\'s template (the 总计 cells\' IF(COUNT(…)=0,"",SUM(…))) have no saved result: the file was saved by a program that does not calculate (openpyxl). nianbao computes them from the figures typed in the same sheet, as a spreadsheet does (numbers count; with none typed the result is blank, not 0), and lists the cells. Other formulas are not computed (see [[read/xlsx-formula-uncached]]).',
    },
    why: {
      zh: '公式是文件的内容，它的值只取决于同一文件中填写的数字，计算它并不推测任何数字；但读者应当知道这些数字是 nianbao 算出的，而不是 Excel、WPS 保存的。',
      en: "The formula is the file's content and its value follows from the file alone, so computing it guesses nothing; but the reader should know these figures were computed by nianbao, not saved by a spreadsheet.",
    },
    fix: {
      zh: '无需修改。希望文件本身带有计算结果的，用 Excel、WPS 或 LibreOffice 打开并保存一次。',
      en: 'Nothing to fix. For the file to hold the results itself, open and save it once in Excel, WPS or LibreOffice.',
    },
    example: {
      defect: {
        zh: '填写好的 nianbao new 模板由 openpyxl 打开并保存，各总计格只有公式，没有结果（test/fixtures/xlsx/filled-2021-openpyxl.xlsx）。',
        en: 'A filled nianbao new template opened and saved by openpyxl: the 总计 cells hold formulas without results (test/fixtures/xlsx/filled-2021-openpyxl.xlsx).',
      },
      pdf: () => xlsxFixture('filled-2021-openpyxl.xlsx'),
    },
  },
  {
    id: 'read/xlsx-formula-uncached',
    what: {
      zh: '工作簿中的公式没有保存计算结果，而且不是 nianbao 模板的合计公式：这些格按空白读取，不计算，消息列出这些单元格。',
      en: "Formulas of a workbook without a saved result that are not the sums of nianbao's template: those cells are read as blanks, not computed, and the message lists them.",
    },
    why: {
      zh: 'nianbao 不是电子表格软件，只理解一部分的公式若照算，就可能算错，等于虚构数字；按空白读取并指出来，数字由作者确定。',
      en: 'nianbao is no spreadsheet: computing a formula it half understands could give a wrong figure, an invented one; it is read as a blank and named, and the author gives the figure.',
    },
    fix: {
      zh: '用 Excel、WPS 或 LibreOffice 打开并保存一次（公式的结果随之保存），或在这些格中直接填写数字。',
      en: 'Open and save the file once in Excel, WPS or LibreOffice (the results are saved with it), or type the figures into those cells.',
    },
    example: {
      defect: {
        zh: '表三“本年新收/总计”格改成了作者自己的公式 =D7+E7+…，文件由不计算公式的程序保存，没有结果（test/fixtures/xlsx/formula-uncached.xlsx）。',
        en: "Table 3's 本年新收 / 总计 holds an author's own formula =D7+E7+…, saved by a program that does not calculate (test/fixtures/xlsx/formula-uncached.xlsx).",
      },
      pdf: () => xlsxFixture('formula-uncached.xlsx'),
    },
  },
  {
    id: 'read/timeout',
    what: {
      zh: '读取一个文件（读取、抽取，check 时还有核查）超过了每个文件的时间上限（--timeout，默认 300 秒），读取被停止，未读取：例如损坏的扫描件在文字识别（OCR）中一直没有结果。消息给出文件名和上限。同一批的其他文件照常处理。网络服务（nianbao serve）和队列工作进程（nianbao worker）同样如此：该文件为“无法读取”，不入库，其他文件照常处理。',
      en: 'Reading a file (reading and extraction, and for check the rules) took longer than the per-file time limit (--timeout, 300 s by default) and was stopped; the file is not read: a damaged scan that OCR never finishes, for example. The message names the file and the limit; the other files of the batch are processed as usual. The same holds in the server (nianbao serve) and the queue worker (nianbao worker): the file is unreadable, stored nowhere, and the other files go on.',
    },
    why: {
      zh: '批量核查成百上千份报告时，一个读不完的文件不应拖住整批：nianbao 在工作线程中读取文件，到时停止该线程、换一个新线程，把这个文件作为一条错误报告，退出码为 2。一份正常的报告远在上限之内：文本报告不到 1 秒，扫描件的文字识别每页 3–5 秒。',
      en: 'In a batch of thousands, one file that never finishes must not hold up the rest: files are read on worker threads, and at the limit the thread is stopped and replaced, the file is one error and the exit code is 2. A report is far inside the limit: under a second for text, 3–5 s a page to OCR a scan.',
    },
    fix: {
      zh: '用常用阅读器打开文件，确认它完整、没有损坏；扫描件请改用由 Word、WPS 直接导出的 PDF。确实很长的扫描件，可用 --timeout 放宽上限（秒）。',
      en: 'Open the file in a reader and check it is whole and undamaged; replace a scan with a PDF exported from the document. For a scan that is really that long, raise the limit with --timeout SECONDS.',
    },
    unshown: {
      zh: '没有示例：这条诊断取决于时间上限和机器的快慢，而不只取决于文件；示例页面的命令不能为它等待 300 秒。test/batch-limits.test.ts 用一份损坏的扫描 PDF（模糊测试得到的样例 pdf-01766.pdf，OCR 一直没有结果）和较小的 --timeout 演示它。',
      en: "No example: the finding depends on the time limit and the machine, not on the file alone, and the pages' commands cannot wait 300 s for it. test/batch-limits.test.ts shows it with a damaged scan found by fuzzing (pdf-01766.pdf, which OCR never finishes) and a small --timeout.",
    },
  },
  {
    id: 'read/unreadable',
    what: {
      zh: '命令行给出的文件无法打开：路径不存在、是一个目录、没有读取权限等，消息给出文件名和操作系统给出的原因；或者它不是普通文件（命名管道、/dev/zero 之类的设备、套接字，也包括指向它们的符号链接），nianbao 在打开之前按文件类型拒绝，不会一直等待或读个没完。',
      en: 'A file named on the command line cannot be opened: no such path, a directory, no permission to read it, and the message names the file and the reason the system gives; or it is not a regular file (a named pipe, a device such as /dev/zero, a socket, or a symlink to one), refused from its type before it is opened, never waited on or read without end.',
    },
    why: {
      zh: '批量核查成百上千份报告时，一个文件打不开不应中断整批：nianbao 把它作为一条错误报告，其余文件照常检查，退出码为 2。',
      en: 'In a batch of thousands, one file that cannot be opened must not stop the others: it is one error, the rest are checked, and the exit code is 2.',
    },
    fix: {
      zh: '核对文件名和路径（注意中文文件名的全角、半角字符），确认文件存在且当前用户可以读取。',
      en: 'Check the name and the path, and that the file exists and can be read by the user running nianbao.',
    },
    example: {
      defect: {
        zh: '命令行中的文件名写错了，该路径下没有文件。',
        en: 'The file name on the command line is mistyped: there is no file at that path.',
      },
      missing: true,
    },
  },
];
