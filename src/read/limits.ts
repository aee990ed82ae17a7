// The limits of reading, all in one place (docs/robustness.md "Limits", and the docs of read/too-large): what a file
// may be before nianbao refuses it with a finding naming it, instead of running out of memory or for ever. Each is
// far beyond what an annual report has: the largest real report file is a few MB, a PDF of under 100 pages, a web
// page of a few thousand elements. A file beyond one is damaged or made to harm; its finding says which limit.
import type { Diagnostic } from '../model/diagnostic.ts';
import { finding } from '../findings/index.ts';

/** The limits (documented with read/too-large and in docs/robustness.md). */
export const LIMITS = {
  /** Size of any input file, MB (checked with stat before a byte is read, and on bytes given in memory). */
  inputMb: 200,
  /** Size of a web page, MB (parse5 builds a tree several times the page's size). */
  htmlMb: 50,
  /** Elements (start tags) of a web page, counted in its bytes before it is parsed. */
  htmlElements: 500_000,
  /** Table cells (<td>, <th>) of a web page, counted likewise. */
  htmlCells: 200_000,
  /** Grid positions (rows × columns, spans resolved) of one HTML table. */
  htmlTableGrid: 1_000_000,
  /** Pages of a PDF. */
  pdfPages: 2_000,
  /**
   * Area of one PDF page, square points: 14,400 × 14,400, the largest page PDF allows (ISO 32000-1, Annex C:
   * 200 inches a side). A larger MediaBox is refused.
   */
  pdfPageArea: 14_400 * 14_400,
  /** Pixels of one page rendered for OCR: the scale is lowered until the image fits (A4 at 200 dpi: 3.9 Mpx, A3 7.8). */
  ocrPagePixels: 8_000_000,
  /** Pixels rendered for OCR in one file: the pages beyond it are left unread, with read/ocr saying which. */
  ocrFilePixels: 400_000_000,
} as const;

/** A size in MB, one decimal (for messages). */
export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** read/too-large for bytes over the input limit (any kind), else null. */
export function inputTooLarge(
  file: string,
  size: number,
  limitMb: number = LIMITS.inputMb,
): Diagnostic | null {
  if (size <= limitMb * 1024 * 1024) return null;
  return finding('read/too-large', 'input', { file, size: mb(size), limit: limitMb });
}

/**
 * Thrown by a reader deep inside its work when a limit is met (an HTML table growing past its grid): `read` and
 * the reader turn it into read/too-large with its message and data, naming the file.
 */
export class LimitExceeded extends Error {
  constructor(
    readonly messageId: 'table',
    readonly data: Record<string, string | number>,
  ) {
    super(`limit of reading exceeded: ${messageId}`);
    this.name = 'LimitExceeded';
  }

  /** The finding, naming `file`. */
  finding(file: string): Diagnostic {
    return finding('read/too-large', this.messageId, { file, ...this.data });
  }
}

const isLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

/**
 * read/too-large for a web page beyond the limits (its size, its elements, its table cells), found in its bytes
 * before it is decoded or parsed; null within them. Tags are counted in the bytes: `<` and a letter starts an
 * element, `<td` or `<th` and no letter a cell (every charset a page uses is ASCII-compatible; a UTF-16 page is
 * counted after decoding, by the table grid).
 */
export function htmlTooLarge(file: string, bytes: Uint8Array): Diagnostic | null {
  const size = inputTooLarge(file, bytes.length, LIMITS.htmlMb);
  if (size) return size;
  let elements = 0;
  let cells = 0;
  for (let i = bytes.indexOf(0x3c); i >= 0 && i < bytes.length - 1; i = bytes.indexOf(0x3c, i + 1)) {
    const a = bytes[i + 1]!;
    if (!isLetter(a)) continue;
    if (++elements > LIMITS.htmlElements)
      return finding('read/too-large', 'elements', { file, limit: LIMITS.htmlElements });
    if ((a | 0x20) !== 0x74) continue; // t
    const b = bytes[i + 2]! | 0x20;
    if ((b === 0x64 || b === 0x68) && !isLetter(bytes[i + 3] ?? 0x3e) && ++cells > LIMITS.htmlCells)
      return finding('read/too-large', 'cells', { file, limit: LIMITS.htmlCells });
  }
  return null;
}
