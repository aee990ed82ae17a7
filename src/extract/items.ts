// The document as one stream of items — paragraphs and table rows — each knowing the section it is in.
import type { Document, TableCell, TableLayout } from '../model/document.ts';
import type { SectionKey } from '../model/format.ts';
import type { SourceSpan } from '../model/source.ts';
import { parseFigure } from './numbers.ts';

/** A paragraph or a table row of the document. */
export type Item =
  | { kind: 'para'; text: string; source: SourceSpan; section: SectionKey | null; heading?: boolean }
  | {
      kind: 'row';
      cells: readonly TableCell[];
      source: SourceSpan;
      /** Index of the document table (or paragraph, for rows cut out of running text). */
      tableIndex: number;
      layout: TableLayout | 'paragraph';
      section: SectionKey | null;
      heading?: boolean;
    };

/**
 * A paragraph's text without the marks of a Markdown ATX heading ("## 一、总体情况", "# 标题 #"), so that a report
 * published as Markdown (nianbao writes one) has its title and section headings found. Only "#" followed by a
 * space is a heading mark; "#1号楼" is text.
 */
function atxText(text: string): string {
  return text.startsWith('#') ? text.replace(/^#{1,6}[ \t]+/, '').replace(/[ \t]+#+[ \t]*$/, '') : text;
}

/** Flattens a document into items (sections are assigned later). */
export function itemsOf(doc: Document): Item[] {
  const items: Item[] = [];
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'paragraph')
      items.push({ kind: 'para', text: atxText(b.text), source: b.source, section: null });
    else
      for (const r of b.rows)
        items.push({
          kind: 'row',
          cells: r.cells,
          source: r.source,
          tableIndex: i,
          layout: b.layout,
          section: null,
        });
  });
  return items;
}

/** A run of figures inside running text: digits with separators, or a placeholder between labels. */
const RUN = /[+\-−]?\d[\d,]*(?:\.\d+)?/g;

/**
 * Cuts table rows out of a paragraph whose cells ran together, as a crawler's textContent gives them
 * ("一、本年新收政府信息公开申请数量7000007二、上年结转…"): each label with the figures that follow it becomes a row
 * of two cells. Digits that number the next label ("…00000001.属于国家秘密") stay with that label.
 */
export function streamRows(
  text: string,
  source: SourceSpan,
  tableIndex: number,
  section: SectionKey | null,
): Item[] {
  const rows: Item[] = [];
  const cellAt = (t: string, from: number, col: number): TableCell => {
    const lead = t.length - t.trimStart().length;
    const body = t.trim();
    const s: SourceSpan =
      source.kind === 'text' || source.kind === 'html' || source.kind === 'doc'
        ? {
            ...source,
            column: source.column + from + lead,
            endColumn: source.column + from + lead + body.length,
            endLine: source.line,
          }
        : source;
    return { text: body, col, colSpan: 1, rowSpan: 1, source: s };
  };
  let labelStart = 0;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    let run = m[0];
    const start = m.index;
    // A figure run must follow label text; digits right after "第", "（" or inside words are part of the label.
    const before = text.slice(labelStart, start);
    // A line of figures alone (table 4's data row) has no label before it.
    if (rows.length === 0 && before.trim() === '' && /^[\d,.\s+\-−]+$/.test(text)) {
      rows.push({
        kind: 'row',
        cells: [cellAt(text, 0, 0)],
        source,
        tableIndex,
        layout: 'paragraph',
        section,
      });
      break;
    }
    const previous = rows[rows.length - 1];
    if (before === '' && previous && previous.kind === 'row' && labelStart > 0) {
      // A signed figure right after another ("0-224"): one more cell of the same row.
      rows[rows.length - 1] = {
        ...previous,
        cells: [...previous.cells, cellAt(run, start, previous.cells.length)],
      };
      labelStart = start + run.length;
      continue;
    }
    if (
      !/[\u4e00-\u9fff)）”"】]\s*$/.test(before) ||
      /[第（(]$/.test(before) ||
      parseFigure(before).kind !== 'text'
    )
      continue;
    const after = text.slice(start + run.length);
    if (/^[.．、]\D/.test(after) || /^[年月日号项条位%％]/.test(after)) {
      // "…0000000" + "1." — the last digit numbers the next label; "2019年" is text, not a figure.
      if (/^[.．、]\D/.test(after) && run.length > 1 && /^\d+$/.test(run)) {
        run = run.slice(0, -1);
        RUN.lastIndex = start + run.length;
      } else continue;
    }
    if (!/\d/.test(run)) continue;
    rows.push({
      kind: 'row',
      cells: [cellAt(before, labelStart, 0), cellAt(run, start, 1)],
      source,
      tableIndex,
      layout: 'paragraph',
      section,
    });
    labelStart = start + run.length;
  }
  return rows;
}
