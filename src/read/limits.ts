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
  /**
   * Nesting depth of a web page's elements, bounded from its bytes (see htmlTooLarge): parse5 walks its stack of open
   * elements at every start tag, so 10⁴ nested <div>s took seconds and 10⁵ minutes. Real report pages nest 5–13 deep;
   * Chromium stops nesting at 512.
   */
  htmlDepth: 1_000,
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
const isNameByte = (b: number) =>
  isLetter(b) || (b >= 0x30 && b <= 0x39) || b === 0x3a || b === 0x2d || b === 0x5f;

/**
 * Elements the nesting bound leaves out: void elements, which never hold others, and those whose end tag may be
 * left out (a page's unclosed <p>, <li> and <td> are closed by the parser, not nested).
 */
const NOT_NESTING = new Set(
  (
    'area base br col embed hr img image input link meta param source track wbr basefont bgsound frame keygen ' +
    'p li dt dd td th tr tbody thead tfoot option optgroup rb rt rtc rp colgroup caption html head body'
  ).split(' '),
);

/**
 * read/too-large for a web page beyond the limits (its size, its elements, its table cells, its nesting), found in
 * its bytes before it is decoded or parsed; null within them. Tags are counted in the bytes: `<` and a letter starts
 * an element, `<td` or `<th` and no letter a cell (every charset a page uses is ASCII-compatible; a UTF-16 page is
 * counted after decoding, by the table grid). The nesting is the number of elements open, each end tag closing one
 * open element of its name: never less than the depth parse5 builds for these elements, and more only where a page
 * leaves elements unclosed.
 */
export function htmlTooLarge(file: string, bytes: Uint8Array): Diagnostic | null {
  const size = inputTooLarge(file, bytes.length, LIMITS.htmlMb);
  if (size) return size;
  let elements = 0;
  let cells = 0;
  let depth = 0;
  const open = new Map<string, number>();
  for (let i = bytes.indexOf(0x3c); i >= 0 && i < bytes.length - 1; i = bytes.indexOf(0x3c, i + 1)) {
    const a = bytes[i + 1]!;
    const end = a === 0x2f;
    if (!isLetter(end ? (bytes[i + 2] ?? 0) : a)) continue;
    const from = end ? i + 2 : i + 1;
    let to = from;
    while (to < bytes.length && to - from < 32 && isNameByte(bytes[to]!)) to++;
    const name = String.fromCharCode(...bytes.subarray(from, to)).toLowerCase();
    if (!NOT_NESTING.has(name)) {
      const n = open.get(name) ?? 0;
      if (end) {
        if (n > 0) {
          open.set(name, n - 1);
          depth--;
        }
      } else {
        open.set(name, n + 1);
        if (++depth > LIMITS.htmlDepth)
          return finding('read/too-large', 'nesting', { file, limit: LIMITS.htmlDepth });
      }
    }
    if (end) continue;
    if (++elements > LIMITS.htmlElements)
      return finding('read/too-large', 'elements', { file, limit: LIMITS.htmlElements });
    if ((a | 0x20) !== 0x74) continue; // t
    const b = bytes[i + 2]! | 0x20;
    if ((b === 0x64 || b === 0x68) && !isLetter(bytes[i + 3] ?? 0x3e) && ++cells > LIMITS.htmlCells)
      return finding('read/too-large', 'cells', { file, limit: LIMITS.htmlCells });
  }
  return null;
}
