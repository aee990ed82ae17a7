// Wrapped labels in aligned text: `pdftotext -layout` prints a row whose label wraps in a narrow column as the
// label's lines with the figures on the middle one ("4.无正当理由大量反 / 16 0 0 0 0 0 16 / 复申请"), every cell
// being centred vertically in its row. Such a row is its figure line with the label lines above and below it.
import type { TableCell, TableRow } from '../../model/document.ts';
import type { Line, SpanFn } from './lines.ts';
import { alignedTokens, FIGURE_WORD, singleToken, tokenSpan, type Token } from './tokens.ts';

/** The start of a row label: "1." "（三）" "一、". */
const ROW_MARKER = /^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)/;

/**
 * A number written apart from its label ("1. 属于国家秘密", "(二) 部分公开", as converters space them). A full-width
 * "（三）" alone is not one: pdftotext prints it so when a group label wraps in its narrow column ("（三） 权益").
 */
const LONE_MARKER = /^(?:\d+[.．、]|\([一二三四五六七八九十\d]+\))$/;

interface LineInfo {
  kind: 'figures' | 'label' | 'other';
  /** Label words (text between spaces) with their character columns. */
  words: { text: string; x: number }[];
  /** Figure tokens of a figure line. */
  figures: Token[];
}

interface WrappedRow {
  figureLine: number;
  above: number[];
  below: number[];
}

function lineInfo(l: Line): LineInfo | null {
  if (l.kind === 'blank') return null;
  const { tokens } = alignedTokens(l.raw);
  const toks = tokens.length ? tokens : [singleToken(l.raw)];
  const isFig = (t: Token) => FIGURE_WORD.test(t.text.trim());
  let first = toks.length;
  while (first > 0 && isFig(toks[first - 1]!)) first--;
  const words: LineInfo['words'] = [];
  for (const t of toks.slice(0, first)) {
    const re = /\S+/g;
    for (let m = re.exec(t.text); m; m = re.exec(t.text)) {
      const prev = words[words.length - 1];
      // "1. 属于国家秘密", "(二) 部分公开": a number and its label are one word.
      if (prev && prev.x + prev.text.length + 1 >= t.start + m.index && LONE_MARKER.test(prev.text))
        prev.text += m[0];
      else words.push({ text: m[0], x: t.start + m.index });
    }
  }
  if (first < toks.length) return { kind: 'figures', words, figures: toks.slice(first) };
  return { kind: 'label', words, figures: [] };
}

/**
 * Finds the rows of an aligned region whose labels wrap around their figure line. Label lines between two figure
 * lines are split where the lower row's label starts (a line whose last word is numbered "1." "（三）" "一、"), or
 * else so that the upper row has as many label lines below its figures as above them (vertical centring). Lines
 * that name no column of figures — header lines, lines after a blank line — are never part of such a row.
 */
export function wrappedRows(region: readonly Line[]): Map<number, WrappedRow> {
  const infos = region.map(lineInfo);
  const figureLines = infos.flatMap((inf, i) => (inf?.kind === 'figures' ? [i] : []));
  const out = new Map<number, WrappedRow>();
  if (figureLines.length === 0) return out;
  // Where the figures start: label lines end before it, header lines reach past it.
  const figStart = Math.min(...figureLines.map((i) => infos[i]!.figures[0]!.start));
  const isLabel = (i: number) => {
    const inf = infos[i];
    if (!inf || inf.kind !== 'label' || inf.words.length === 0) return false;
    const raw = region[i]!.raw;
    const end = raw.trimEnd().length;
    return end <= figStart && !OUTLINE_HEADING.test(raw.trim());
  };
  const marked = (i: number) => ROW_MARKER.test(infos[i]!.words[infos[i]!.words.length - 1]!.text);
  /** Label lines next to figure line f, going up (-1) or down (+1), up to a barrier or another figure line. */
  const run = (f: number, dir: -1 | 1): number[] => {
    const list: number[] = [];
    for (let j = f + dir; j >= 0 && j < region.length && isLabel(j); j += dir) list.push(j);
    return dir === -1 ? list.reverse() : list;
  };
  // Labels centred on their figures start above them: a numbered label line right above figures, or figures with
  // no label beside them under a label line. Without that, every label starts on its figure line and its wrapped
  // lines follow it (as most aligned text prints them): each line stays a row of its own, read as before.
  const centred = figureLines.some((f) => {
    const up = run(f, -1);
    return up.length > 0 && (infos[f]!.words.length === 0 || up.some(marked));
  });
  if (!centred) return out;
  const rows: WrappedRow[] = figureLines.map((f) => ({ figureLine: f, above: [], below: [] }));
  // Lines above the first row of a stretch: from its last numbered line, else as many as lie below it.
  const aboveOfFirst = (k: number, candidates: number[]): number[] => {
    const m = lastIndex(candidates, marked);
    if (m >= 0) return candidates.slice(m);
    const f = rows[k]!.figureLine;
    const below = run(f, 1);
    const next = rows[k + 1];
    const shared = next !== undefined && below.length > 0 && below[below.length - 1]! + 1 === next.figureLine;
    const belowOwn = shared ? below.slice(0, Math.max(0, lastIndex(below, marked))) : below;
    return candidates.slice(
      Math.max(0, candidates.length - (lastIndex(below, marked) >= 0 || !shared ? belowOwn.length : 0)),
    );
  };
  rows.forEach((row, k) => {
    const up = run(row.figureLine, -1);
    const prev = rows[k - 1];
    const sharedUp = prev !== undefined && up.length > 0 && up[0]! - 1 === prev.figureLine;
    if (!sharedUp) row.above = aboveOfFirst(k, up);
    else {
      const m = lastIndex(up, marked);
      // Between two figure lines: split at the lower row's numbered line, else centre the upper row.
      const split = m >= 0 ? m : Math.min(prev.above.length, up.length);
      prev.below = up.slice(0, split);
      row.above = up.slice(split);
    }
    const down = run(row.figureLine, 1);
    const next = rows[k + 1];
    const sharedDown =
      next !== undefined && down.length > 0 && down[down.length - 1]! + 1 === next.figureLine;
    if (!sharedDown) {
      // Below the last row of a stretch: as many lines as above it, up to a numbered line.
      const m = down.findIndex(marked);
      const own = m >= 0 ? down.slice(0, m) : down;
      row.below = own.slice(0, row.above.length);
    }
  });
  for (const row of rows) {
    if (row.above.length === 0 && row.below.length === 0) continue;
    for (const i of [...row.above, row.figureLine, ...row.below]) out.set(i, row);
  }
  return out;
}

const OUTLINE_HEADING = /^[一二三四五六七八九十]+、.{6,}(情况|事项)$/;

function lastIndex<T>(list: readonly T[], pred: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (pred(list[i]!)) return i;
  return -1;
}

/**
 * The row of a figure line and its label lines: the label's words of the row-label column joined into one cell,
 * words left of it (a group label such as "（三）不予公开" wrapping in its own narrow column) into another, then the
 * figures with their positions.
 */
export function wrappedRow(region: readonly Line[], g: WrappedRow, span: SpanFn): TableRow {
  const order = [...g.above, g.figureLine, ...g.below];
  const infos = order.map((i) => lineInfo(region[i]!)!);
  // The row label's column: the rightmost start of a numbered word or of a line's last word beside another word.
  let rowX = -1;
  for (const inf of infos) {
    const w = inf.words;
    if (w.length === 0) continue;
    const lastWord = w[w.length - 1]!;
    if (w.length >= 2 || ROW_MARKER.test(lastWord.text)) rowX = Math.max(rowX, lastWord.x);
  }
  const group: { text: string; line: number; x: number }[] = [];
  const label: { text: string; line: number; x: number }[] = [];
  order.forEach((i, k) => {
    const w = infos[k]!.words;
    if (w.length === 0) return;
    const lastWord = w[w.length - 1]!;
    const toGroup = w.length >= 2 ? w.slice(0, -1) : rowX >= 0 && lastWord.x < rowX - 1 ? w : [];
    for (const x of toGroup) group.push({ text: x.text, line: i, x: x.x });
    if (w.length >= 2 || toGroup.length === 0) label.push({ text: lastWord.text, line: i, x: lastWord.x });
  });
  const cells: TableCell[] = [];
  const joined = (parts: typeof label): TableCell => {
    const a = parts[0]!;
    const b = parts[parts.length - 1]!;
    return {
      text: parts.map((p) => p.text).join(''),
      col: cells.length,
      colSpan: 1,
      rowSpan: 1,
      source: span(region[a.line]!.no, a.x + 1, region[b.line]!.no, b.x + b.text.length + 1),
    };
  };
  if (group.length) cells.push(joined(group));
  if (label.length) cells.push(joined(label));
  const f = region[g.figureLine]!;
  for (const t of lineInfo(f)!.figures)
    cells.push({
      text: t.text.trim(),
      col: cells.length,
      colSpan: 1,
      rowSpan: 1,
      x: t.start,
      xEnd: t.end,
      source: tokenSpan(f.no, t, span),
    });
  const top = region[order[0]!]!;
  const bottom = region[order[order.length - 1]!]!;
  return { cells, source: span(top.no, 1, bottom.no, bottom.raw.length + 1) };
}
