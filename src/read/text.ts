// Plain-text reader: bytes → Document, finding the tables of every text layout reports are published in.
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Document } from '../model/document.ts';
import { decodeText } from './decode.ts';
import { parseTextBlocks } from './layout.ts';
import { finding } from '../findings/index.ts';

/** Options of the text reader. */
export interface ReadTextOptions {
  /** The file name, used in messages only. */
  path?: string;
  /** The kind recorded in source spans ('html' when the text came out of a web page). */
  spanKind?: 'text' | 'html';
}

/** Reads the bytes of a plain-text report into a Document; never throws. */
export function readText(bytes: Uint8Array, options: ReadTextOptions = {}): Document {
  const diagnostics: Diagnostic[] = [];
  const file = options.path ?? '';
  const decoded = decodeText(bytes);
  if (decoded.replaced > 0)
    diagnostics.push(
      finding('read/encoding', 'undecodable', {
        file,
        count: decoded.replaced,
        encoding: decoded.encoding,
      }),
    );
  if (decoded.text.trim() === '') {
    diagnostics.push(finding('read/empty', 'empty', { file }));
    return { kind: 'text', encoding: decoded.encoding, blocks: [], diagnostics };
  }
  if (looksBinary(decoded.text)) {
    diagnostics.push(finding('read/binary', 'binary', { file }));
    return { kind: 'text', encoding: decoded.encoding, blocks: [], diagnostics };
  }
  const blocks = parseTextBlocks(decoded.text, options.spanKind ?? 'text');
  return { kind: 'text', encoding: decoded.encoding, blocks, diagnostics };
}

/** A line break, as the text layouts split lines (parseTextBlocks). */
export const LINE_BREAK = /\r\n|\r|\n/;

/** The lines of a text file as the reader decodes them: what its spans' 1-based lines and columns refer to. */
export function textLines(bytes: Uint8Array): string[] {
  return decodeText(bytes).text.split(LINE_BREAK);
}

/** True when the text is mostly control characters: the bytes were not text. */
function looksBinary(text: string): boolean {
  const sample = text.length > 4096 ? text.slice(0, 4096) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control > sample.length * 0.1;
}
