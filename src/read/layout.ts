// Text layouts: lines → paragraphs and tables (cell per line, tab-separated, markdown pipes, space-aligned).
// One concern per module in layout/: lines (each line's kind), delimited (TAB and pipe tables), tokens (cells of
// space-aligned text), aligned (aligned tables), wrapped (aligned rows whose label wraps), cells (one cell per line).
import type { Block, Paragraph } from '../model/document.ts';
import type { TextSpan } from '../model/source.ts';
import { alignedRegionEnd, alignedTable } from './layout/aligned.ts';
import { cellStreamRegion, cellStreamTable } from './layout/cells.ts';
import { pipeTable, tabRegionEnd, tabTable } from './layout/delimited.ts';
import { classify, type Line, type SpanFn } from './layout/lines.ts';

/** Splits text into paragraphs and tables, recognising each table layout. */
export function parseTextBlocks(text: string, spanKind: 'text' | 'html' | 'doc' = 'text'): Block[] {
  const raws = text.split(/\r\n|\r|\n/);
  const lines: Line[] = raws.map((raw, i) => ({ raw, kind: classify(raw), no: i + 1 }));
  const blocks: Block[] = [];
  const span = (line: number, column: number, endLine: number, endColumn: number): TextSpan => ({
    kind: spanKind,
    line,
    column,
    endLine,
    endColumn,
  });
  let i = 0;
  let noCellsUntil = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.kind === 'blank') {
      i++;
      continue;
    }
    if (line.kind === 'lone' || line.kind === 'tab') {
      const end = tabRegionEnd(lines, i);
      blocks.push(tabTable(lines.slice(i, end), span));
      i = end;
      continue;
    }
    if (line.kind === 'pipe') {
      let end = i;
      // A one-cell row of a table without leading bars ("第二十条第（一）项 |") continues the rows around it.
      while (
        end < lines.length &&
        (lines[end]!.kind === 'pipe' ||
          (lines[end]!.kind !== 'blank' && /\|\s*$/.test(lines[end]!.raw) && lines[end + 1]?.kind === 'pipe'))
      )
        end++;
      blocks.push(pipeTable(lines.slice(i, end), span));
      i = end;
      continue;
    }
    if (line.kind === 'text' && /\|\s*$/.test(line.raw) && lines[i + 1]?.kind === 'pipe') {
      // A one-cell first row of pipe rows without leading bars ("第二十条第（一）项 |").
      lines[i] = { ...line, kind: 'pipe' };
      continue;
    }
    if ((line.kind === 'text' || line.kind === 'bar') && i >= noCellsUntil) {
      const region = cellStreamRegion(lines, i);
      if (typeof region !== 'number') {
        blocks.push(cellStreamTable(region, span));
        i = region.end;
        continue;
      }
      // No table starts before that line: the lines up to it are paragraphs.
      noCellsUntil = region;
    }
    if (line.kind === 'bar') {
      i++;
      continue;
    }
    if (line.kind === 'aligned') {
      const end = alignedRegionEnd(lines, i);
      if (end > 0) {
        blocks.push(alignedTable(lines.slice(i, end), span));
        i = end;
        continue;
      }
    }
    blocks.push(paragraph(line, span));
    i++;
  }
  return blocks;
}

function paragraph(line: Line, span: SpanFn): Paragraph {
  const lead = line.raw.length - line.raw.trimStart().length;
  const text = line.raw.trim();
  return { kind: 'paragraph', text, source: span(line.no, lead + 1, line.no, lead + text.length + 1) };
}
