// Pages → blocks in reading order: ruled tables (joined over page breaks), tables aligned by position, paragraphs.
import type { Block } from '../../model/document.ts';
import { alignedEnd, alignedTable, captionOf, isAligned } from './aligned.ts';
import type { PageData } from './geometry.ts';
import { continues, gridTable, joinParts, ruledTables, type Grid } from './grid.ts';
import { buildLines, dropFurniture, type Line } from './lines.ts';
import { continuesParagraph, paragraph } from './paragraphs.ts';

type Flow = { kind: 'line'; line: Line } | { kind: 'grid'; grid: Grid };

/** Pages → blocks: ruled tables (joined over page breaks), aligned tables and paragraphs in reading order. */
export function layoutBlocks(pages: PageData[]): Block[] {
  const perPage = pages.map((page) => {
    const { grids, rest } = ruledTables(page, page.chunks);
    return { page, grids, lines: buildLines(rest, page) };
  });
  dropFurniture(perPage);
  // One stream of lines and tables in reading order, page after page.
  const flow: Flow[] = [];
  for (const p of perPage) {
    const items: { y: number; item: Flow }[] = [
      ...p.lines.map((line) => ({ y: line.y - line.size, item: { kind: 'line', line } as Flow })),
      ...p.grids.map((grid) => ({ y: grid.y0, item: { kind: 'grid', grid } as Flow })),
    ];
    items.sort((a, b) => a.y - b.y);
    for (const { item } of items) {
      const prev = flow[flow.length - 1];
      if (item.kind === 'grid' && prev?.kind === 'grid' && continues(prev.grid, item.grid))
        joinParts(prev.grid, item.grid);
      else flow.push(item);
    }
  }
  const bounds = textBounds(flow);
  const blocks: Block[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.length > 0) blocks.push(...lineBlocks(run, bounds));
    run = [];
  };
  for (const f of flow) {
    if (f.kind === 'line') {
      run.push(f.line);
      continue;
    }
    flush();
    blocks.push(gridTable(f.grid));
  }
  flush();
  return blocks;
}

/** The left and right edges of the text column: where most long lines start and end. */
function textBounds(flow: readonly Flow[]): { left: number; right: number } {
  const lines = flow.flatMap((f) => (f.kind === 'line' && f.line.text.length >= 8 ? [f.line] : []));
  if (lines.length === 0) return { left: 0, right: Infinity };
  const x0 = lines.map((l) => l.x0).sort((a, b) => a - b);
  const x1 = lines.map((l) => l.x1).sort((a, b) => a - b);
  return { left: x0[Math.floor(x0.length * 0.1)]!, right: x1[Math.floor(x1.length * 0.9)]! };
}

/** Lines between ruled tables → tables aligned by position (no rules drawn) and paragraphs. */
function lineBlocks(lines: readonly Line[], bounds: { left: number; right: number }): Block[] {
  const blocks: Block[] = [];
  let para: Line[] = [];
  const flushPara = () => {
    if (para.length > 0) blocks.push(paragraph(para));
    para = [];
  };
  for (let i = 0; i < lines.length;) {
    const end = isAligned(lines[i]!) ? alignedEnd(lines, i) : 0;
    if (end > 0) {
      // Captions right above the table (a short line or two, close to it) are its first rows.
      let start = i;
      while (start > i - 2 && para.length > 0 && captionOf(para[para.length - 1]!, lines[start]!)) {
        para.pop();
        start--;
      }
      flushPara();
      blocks.push(alignedTable(lines.slice(start, end)));
      i = end;
      continue;
    }
    const line = lines[i]!;
    const last = para[para.length - 1];
    if (last && !continuesParagraph(last, line, bounds)) flushPara();
    para.push(line);
    i++;
  }
  flushPara();
  return blocks;
}
