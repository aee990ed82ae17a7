// HTML reader: a web page's bytes → Document; charset from BOM, <meta> or sniffing, the article found among the page's chrome, tables as grids.
// One concern per module in html/: charset, tree (the parsed page and what is dropped), article (chrome and the
// article's choice), flow (running text with its source maps), spans (source positions), table (rowspan/colspan).
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Document } from '../model/document.ts';
import { decodeHtml } from './html/charset.ts';
import { PageReader } from './html/flow.ts';
import { finding } from '../findings/index.ts';
import { LINE_BREAK } from './text.ts';
import { htmlTooLarge, LimitExceeded } from './limits.ts';

/** The charset a page declares in its first 4 KiB (<meta charset>, <meta http-equiv>, or an XML prolog). */
export { declaredCharset } from './html/charset.ts';

/**
 * The lines of a web page's source, decoded as the reader decodes it (BOM, charset): its spans' 1-based lines and
 * columns refer to this source, tags and entities included, not to the page's text.
 */
export function htmlSourceLines(bytes: Uint8Array): string[] {
  return decodeHtml(bytes, '', []).text.split(LINE_BREAK);
}

/** Options of the HTML reader. */
export interface ReadHtmlOptions {
  /** The file name, used in messages only. */
  path?: string;
}

/**
 * Reads the bytes of a web page (a report published as HTML, or a DOCX/DOC saved as HTML) into a Document: the
 * report's paragraphs and tables in document order, navigation and other page chrome left out; never throws.
 */
export function readHtml(bytes: Uint8Array, options: ReadHtmlOptions = {}): Document {
  const file = options.path ?? '';
  const diagnostics: Diagnostic[] = [];
  let encoding: string | undefined;
  // Beyond the limits (size, elements, cells: docs/robustness.md), refused before it is decoded or parsed.
  const tooLarge = htmlTooLarge(file, bytes);
  if (tooLarge) return { kind: 'html', blocks: [], diagnostics: [tooLarge] };
  try {
    const decoded = decodeHtml(bytes, file, diagnostics);
    encoding = decoded.encoding;
    if (decoded.text.trim() === '') {
      diagnostics.push(finding('read/empty', 'empty', { file }));
      return { kind: 'html', encoding, blocks: [], diagnostics };
    }
    const reader = new PageReader(decoded.text);
    const blocks = reader.read();
    if (!blocks.some((b) => b.kind === 'table' || b.text !== ''))
      diagnostics.push(finding('read/empty', 'empty', { file }));
    const { images } = reader;
    return { kind: 'html', encoding, blocks, diagnostics, ...(images.length > 0 ? { images } : {}) };
  } catch (e) {
    if (e instanceof LimitExceeded)
      return { kind: 'html', ...(encoding ? { encoding } : {}), blocks: [], diagnostics: [e.finding(file)] };
    // Defensive: parse5 accepts any string, so only a bug here can throw; the batch goes on with a diagnostic.
    diagnostics.push(
      finding('read/broken', 'broken', {
        file,
        kind: 'html',
        reason: e instanceof Error ? e.message : String(e),
      }),
    );
    return { kind: 'html', ...(encoding ? { encoding } : {}), blocks: [], diagnostics };
  }
}
