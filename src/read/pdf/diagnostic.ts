// The reason a pdf.js error gives, for the PDF reader's findings (read/broken, read/ocr).

/** The message of an error pdf.js threw. */
export function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
