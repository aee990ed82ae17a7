// Messages of the readers' diagnostics (rule ids read/…), in Chinese and English.
import { renderMessage, type Diagnostic, type MessageCatalogue, type Severity } from '../model/diagnostic.ts';
import type { Document, InputKind } from '../model/document.ts';

/** The readers' message catalogue. */
export const READ_MESSAGES: MessageCatalogue = {
  undecodable: {
    zh: '{file}：有 {count} 处字节无法按 {encoding} 解码，已替换为 �',
    en: '{file}: {count} byte sequences could not be decoded as {encoding} and were replaced by �',
  },
  empty: {
    zh: '{file}：文件为空，没有可读取的文字',
    en: '{file}: the file is empty, there is no text to read',
  },
  binary: {
    zh: '{file}：不是文本文件（内容多为控制字符），无法按文本读取',
    en: '{file}: not a text file (mostly control characters); it cannot be read as text',
  },
  unreadable: { zh: '{file}：无法读取文件：{reason}', en: '{file}: the file cannot be read: {reason}' },
  charsetMismatch: {
    zh: '{file}：网页声明的字符集 {declared} 与实际内容不符，已按 {encoding} 解码',
    en: '{file}: the page declares the charset {declared}, but its bytes are {encoding}; decoded as {encoding}',
  },
  unsupported: {
    zh: '{file}：暂不支持读取 {kind} 文件',
    en: '{file}: {kind} files cannot be read yet',
  },
  broken: {
    zh: '{file}：{kind} 文件已损坏或无法解析：{reason}',
    en: '{file}: the {kind} file is broken or cannot be parsed: {reason}',
  },
};

/** A reader diagnostic with its zh message rendered. */
export function readDiagnostic(
  ruleId: string,
  messageId: keyof typeof READ_MESSAGES & string,
  severity: Severity,
  data: Record<string, unknown>,
): Diagnostic {
  const m = READ_MESSAGES[messageId]!;
  return { ruleId, severity, messageId, message: renderMessage(m.zh, data), data };
}

/** The Document of a file its reader cannot parse: no blocks, one read/broken error naming the file and why. */
export function brokenDocument(kind: InputKind, file: string, error: unknown): Document {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    kind,
    blocks: [],
    diagnostics: [readDiagnostic('read/broken', 'broken', 'error', { file, kind, reason })],
  };
}

/** Messages of the PDF reader's diagnostics (rule ids read/…), in Chinese and English. */
export const PDF_MESSAGES: MessageCatalogue = {
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
  encrypted: {
    zh: '{file}：PDF 已加密（需要打开密码），无法读取',
    en: '{file}: the PDF is encrypted (it needs a password to open) and cannot be read',
  },
  // The same text as the readers' `broken` message, so that merging the catalogues changes nothing.
  broken: {
    zh: '{file}：{kind} 文件已损坏或无法解析：{reason}',
    en: '{file}: the {kind} file is broken or cannot be parsed: {reason}',
  },
  pageBroken: {
    zh: '{file}：PDF 第 {page} 页无法解析，已跳过：{reason}',
    en: '{file}: page {page} of the PDF cannot be parsed and was skipped: {reason}',
  },
  ocrPages: {
    zh: '{file}：PDF 第 {pages} 页没有文字层，已用文字识别（OCR）读取，其中的数字须与原件逐一核对',
    en: '{file}: page(s) {pages} of the PDF have no text layer and were read by OCR; check their figures against the original',
  },
  ocrFailed: {
    zh: '{file}：PDF 第 {pages} 页没有文字层，文字识别（OCR）失败，这些页的内容未读取：{reason}',
    en: '{file}: page(s) {pages} of the PDF have no text layer and OCR failed, so they were not read: {reason}',
  },
};
