// DOC reader (Word 97–2003) through word-extractor: text only, table rows rebuilt where the merges lost them.
import { createRequire } from 'node:module';
import WordExtractor from 'word-extractor';
import type { Document } from '../model/document.ts';
import { parseTextBlocks } from './layout.ts';
import { brokenDocument } from './broken.ts';

/**
 * word-extractor follows a sector chain of the file's allocation table until it ends, and a damaged file whose
 * chain loops (sector A → B → A) grows its list without end: V8 dies with "invalid size error" (a bit-flipped
 * fixture, found by scripts/fuzz.ts). Its chains are followed here instead, refusing a loop or a chain longer
 * than the table: the reader says read/broken.
 */
interface AllocationTable {
  _table: number[];
  getSecIdChain(start: number): number[];
}
const require = createRequire(import.meta.url);
const Table = require('word-extractor/lib/ole-allocation-table.js') as { prototype: AllocationTable };
Table.prototype.getSecIdChain = function getSecIdChain(this: AllocationTable, start: number): number[] {
  const chain: number[] = [];
  const seen = new Set<number>();
  // Sector ids ≥ 0 are sectors; −1 is free, −2 the end of a chain (word-extractor stops at any id ≤ −1).
  for (let id = start; id > -1; id = this._table[id]!) {
    if (seen.has(id) || chain.length > this._table.length)
      throw new Error('the sector chain of the file loops (its allocation table is damaged)');
    seen.add(id);
    chain.push(id);
  }
  return chain;
};

const FIGURE = /^\s*[+\-−]?[\d,]+(\.\d+)?\s*$|^\s*[/\-—]\s*$/;

/**
 * Reads a .doc file. word-extractor gives the body as text, table cells separated by TABs; rows of tables with
 * merged cells come out on one line, so a row is cut again before every label that follows a figure (a row is
 * labels then figures) — then the text layouts read the tables as they read tab-separated text.
 */
export async function readDoc(bytes: Uint8Array, options: { path?: string } = {}): Promise<Document> {
  const file = options.path ?? '';
  let lines: string[];
  try {
    lines = await docLines(bytes);
  } catch (e) {
    return brokenDocument('doc', file, e);
  }
  return { kind: 'doc', blocks: parseTextBlocks(lines.join('\n'), 'doc'), diagnostics: [] };
}

/**
 * The lines of a .doc file's text as readDoc hands them to the text layouts (rows cut again): what its spans'
 * 1-based lines and columns refer to. Throws when word-extractor cannot read the file.
 */
export async function docLines(bytes: Uint8Array): Promise<string[]> {
  const doc = await new WordExtractor().extract(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  );
  const body = doc.getBody();
  const lines: string[] = [];
  for (const line of body.split(/\r\n|\r|\n/)) {
    if (!line.includes('\t')) {
      lines.push(line);
      continue;
    }
    const cells = line.replace(/\t+$/, '').split('\t');
    const rows: string[][] = [];
    let row: string[] = [];
    let afterFigure = false;
    let texts = 0;
    let lastText = '';
    for (const c of cells) {
      const text = c.trim();
      const figure = text !== '' && FIGURE.test(text);
      // A new row: a label after figures, or figures after a header of many labels (table 4's header + data).
      // (A header ends in a short column name such as 总计; a long last label is the row's own, figures follow it.)
      if (
        (text !== '' && !figure && afterFigure) ||
        (figure && !afterFigure && texts >= 4 && lastText.length <= 6)
      ) {
        rows.push(row);
        row = [];
        afterFigure = false;
        texts = 0;
      }
      row.push(c);
      if (figure) afterFigure = true;
      else if (text !== '') {
        texts++;
        lastText = text;
      }
    }
    rows.push(row);
    // The paragraph after a table is glued to its last row: a last "row" of one text cell is a paragraph again.
    const last = rows[rows.length - 1]!;
    const filled = last.filter((c) => c.trim() !== '');
    if (rows.length > 1 && filled.length === 1 && !FIGURE.test(filled[0]!)) rows[rows.length - 1] = filled;
    for (const r of rows) lines.push(r.join('\t'));
  }
  return lines;
}
