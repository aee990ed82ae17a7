// DOCX reader: word/document.xml → Document; table cells with gridSpan and vMerge resolved, text boxes kept.
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import { packageTooLarge } from './zip.ts';
import { mapSources, type Block, type Document, type TableCell, type TableRow } from '../model/document.ts';
import type { SourceSpan } from '../model/source.ts';
import { parseTextBlocks } from './layout.ts';
import { finding } from '../findings/index.ts';

/** An XML node as fast-xml-parser gives it with `preserveOrder`: { tag: children[], ':@': attributes }. */
type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
});

const tagOf = (n: XNode): string => Object.keys(n).find((k) => k !== ':@') ?? '';
const kids = (n: XNode): XNode[] => (n[tagOf(n)] as XNode[] | undefined) ?? [];
const attr = (n: XNode, name: string): string | undefined =>
  (n[':@'] as Record<string, string> | undefined)?.[name];
const child = (n: XNode, tag: string): XNode | undefined => kids(n).find((c) => tagOf(c) === tag);

/** Reads the bytes of a DOCX file (Word 2007+, WPS) into a Document. */
export function readDocx(bytes: Uint8Array, options: { path?: string } = {}): Document {
  const file = options.path ?? '';
  // A zip bomb is refused before anything is inflated (zip.ts).
  const packed = packageTooLarge('docx', file, bytes);
  if (packed) return { kind: 'docx', blocks: [], diagnostics: [packed] };
  const body = documentBody(bytes);
  if (typeof body === 'string') return failed(file, body);
  const state: State = { blocks: [], paragraph: 0, table: 0, pendingText: [] };
  walkBody(kids(body), state);
  flushText(state);
  return { kind: 'docx', blocks: state.blocks, diagnostics: [] };
}

/**
 * A DOCX file's text as its DocxSpans index it: `paragraphs[paragraph]` (the paragraph's text as written: tabs and
 * line breaks kept, not trimmed) and `tables[table][row][cell]` (a cell's text; "" for a cell a vertical merge
 * continues, which a span never names but which counts in the indexes). The same walk as readDocx; throws with the
 * reason on a file readDocx reads as broken.
 */
export function docxText(bytes: Uint8Array): { paragraphs: string[]; tables: string[][][] } {
  const body = documentBody(bytes);
  if (typeof body === 'string') throw new Error(body);
  const text = { paragraphs: [] as string[], tables: [] as string[][][] };
  const state: State = { blocks: [], paragraph: 0, table: 0, pendingText: [], text };
  walkBody(kids(body), state);
  flushText(state);
  return { paragraphs: text.paragraphs, tables: text.tables };
}

/** The w:body of word/document.xml, or why there is none. */
function documentBody(bytes: Uint8Array): XNode | string {
  let xml: string;
  try {
    const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
    const doc = files['word/document.xml'];
    if (!doc) return 'word/document.xml is missing';
    xml = strFromU8(doc);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  let tree: XNode[];
  try {
    tree = parser.parse(xml) as XNode[];
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  const documentNode = tree.find((n) => tagOf(n) === 'w:document');
  const body = documentNode ? child(documentNode, 'w:body') : undefined;
  return body ?? 'the document has no body';
}

function failed(file: string, reason: string): Document {
  return {
    kind: 'docx',
    blocks: [],
    diagnostics: [finding('read/broken', 'broken', { file, kind: 'docx', reason })],
  };
}

interface State {
  blocks: Block[];
  paragraph: number;
  table: number;
  /** Consecutive paragraphs that hold tabs: a table typed as text, read by the text layouts. */
  pendingText: { text: string; index: number }[];
  /** When set (docxText), each paragraph's and cell's text by its index. */
  text?: { paragraphs: string[]; tables: string[][][] };
}

/** Walks the children of the body (or of a cell, text box, content control) in document order. */
function walkBody(nodes: readonly XNode[], state: State): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:p') paragraph(n, state);
    else if (tag === 'w:tbl') {
      flushText(state);
      table(n, state);
    } else if (tag === 'w:sdt') {
      const content = child(n, 'w:sdtContent');
      if (content) walkBody(kids(content), state);
    } else if (tag === 'w:customXml' || tag === 'w:smartTag') walkBody(kids(n), state);
  }
}

function paragraph(p: XNode, state: State): void {
  const boxes: XNode[][] = [];
  const text = paragraphText(p, boxes);
  const index = state.paragraph++;
  if (state.text) state.text.paragraphs[index] = text;
  if (text.includes('\t')) state.pendingText.push({ text, index });
  else {
    flushText(state);
    if (text.trim() !== '')
      state.blocks.push({ kind: 'paragraph', text: text.trim(), source: { kind: 'docx', paragraph: index } });
  }
  // Text boxes (w:txbxContent) hold paragraphs and tables of their own, after the paragraph that anchors them.
  for (const box of boxes) walkBody(box, state);
}

/** Tab-holding paragraphs become text again and go through the text layouts, each line mapped to its paragraph. */
function flushText(state: State): void {
  const pending = state.pendingText;
  if (pending.length === 0) return;
  state.pendingText = [];
  const blocks = parseTextBlocks(pending.map((p) => p.text.replace(/\n/g, ' ')).join('\n'));
  const map = (s: SourceSpan): SourceSpan =>
    s.kind === 'text' ? { kind: 'docx', paragraph: pending[s.line - 1]?.index ?? pending[0]!.index } : s;
  for (const b of blocks) state.blocks.push(mapSources(b, map));
}

/** The text of a paragraph: runs' text, tabs and breaks; deleted text and field codes left out. */
function paragraphText(p: XNode, boxes: XNode[][]): string {
  let out = '';
  const visit = (nodes: readonly XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      switch (tag) {
        case 'w:t':
          out += textOf(n);
          break;
        case 'w:tab':
          out += '\t';
          break;
        case 'w:br':
        case 'w:cr':
          out += '\n';
          break;
        case 'w:del':
        case 'w:instrText':
        case 'w:delText':
        case 'w:pPr':
        case 'w:rPr':
          break;
        case 'w:txbxContent':
          boxes.push(kids(n));
          break;
        default:
          if (tag && tag !== '#text') visit(kids(n));
      }
    }
  };
  visit(kids(p));
  return out;
}

function textOf(n: XNode): string {
  return kids(n)
    .map((c) => (typeof c['#text'] === 'string' ? (c['#text'] as string) : ''))
    .join('');
}

interface GridCell {
  text: string;
  col: number;
  colSpan: number;
  rowSpan: number;
  row: number;
  cell: number;
}

/** A table: gridSpan widens a cell, vMerge="restart" opens a merge that following "continue" cells extend. */
function table(tbl: XNode, state: State): void {
  const index = state.table++;
  const texts: string[][] = [];
  if (state.text) state.text.tables[index] = texts;
  const rows: GridCell[][] = [];
  const open = new Map<number, GridCell>(); // column → the cell a vertical merge continues
  const nested: XNode[] = [];
  let r = 0;
  for (const tr of kids(tbl)) {
    if (tagOf(tr) !== 'w:tr') continue;
    const cells: GridCell[] = [];
    const cellTexts: string[] = [];
    texts.push(cellTexts);
    let col = 0;
    const before = child(tr, 'w:trPr');
    const gridBefore = before ? Number(attr(child(before, 'w:gridBefore') ?? {}, 'w:val') ?? 0) : 0;
    col += gridBefore;
    let c = 0;
    for (const tc of kids(tr)) {
      if (tagOf(tc) !== 'w:tc') continue;
      const pr = child(tc, 'w:tcPr');
      const span = Number((pr && attr(child(pr, 'w:gridSpan') ?? {}, 'w:val')) ?? 1) || 1;
      const vMerge = pr ? child(pr, 'w:vMerge') : undefined;
      const merge = vMerge ? (attr(vMerge, 'w:val') ?? 'continue') : undefined;
      if (merge === 'continue' && open.has(col)) {
        open.get(col)!.rowSpan++;
        cellTexts.push('');
      } else {
        const text = cellText(tc, nested);
        cellTexts.push(text);
        const cell: GridCell = { text, col, colSpan: span, rowSpan: 1, row: r, cell: c };
        cells.push(cell);
        if (merge === 'restart') open.set(col, cell);
        else open.delete(col);
      }
      col += span;
      c++;
    }
    rows.push(cells);
    r++;
  }
  const tableRows: TableRow[] = rows.map((cells, ri) => ({
    source: { kind: 'docx', table: index, row: ri },
    cells: cells.map((g): TableCell => ({
      text: g.text,
      col: g.col,
      colSpan: g.colSpan,
      rowSpan: g.rowSpan,
      source: { kind: 'docx', table: index, row: g.row, cell: g.cell },
    })),
  }));
  state.blocks.push({
    kind: 'table',
    layout: 'grid',
    rows: tableRows,
    source: { kind: 'docx', table: index },
  });
  for (const t of nested) table(t, state);
}

/** A cell's text: its paragraphs joined by line breaks; nested tables are read after the table. */
function cellText(tc: XNode, nested: XNode[]): string {
  const parts: string[] = [];
  for (const n of kids(tc)) {
    const tag = tagOf(n);
    if (tag === 'w:p') parts.push(paragraphText(n, []));
    else if (tag === 'w:tbl') nested.push(n);
    else if (tag === 'w:sdt') {
      const content = child(n, 'w:sdtContent');
      for (const p of content ? kids(content) : []) if (tagOf(p) === 'w:p') parts.push(paragraphText(p, []));
    }
  }
  return parts.join('\n').replace(/\t/g, ' ').trim();
}
