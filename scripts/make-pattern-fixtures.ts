// Makes test/fixtures/patterns/: the sample reports re-laid out in the plain-text layouts of real published reports
// that issue 10 lists (patterns 1, 2 and 5), each with the hand truth it must read back to.
//
// Run: npx tsx scripts/make-pattern-fixtures.ts   (deterministic: running it again gives the same bytes)
//
// Every fixture is made from the text of a sample (examples/reports/*.txt, hand truth test/fixtures/expected/) or of
// the 2021 report of test/fixtures/html/2021-official.json (written as tab rows by test/support/writer.ts): the text
// is cut into paragraphs and table rows of cells, and written again in the pattern's layout; paragraphs and every
// cell's text are kept as they are. Where `pdftotext` (poppler-utils) is installed, the PDF fixtures of
// test/fixtures/pdf are also converted with `pdftotext -layout` as real examples of pattern 5.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../src/model/report.ts';
import { validReport } from '../src/rules/valid-report.ts';
import { writeReport } from '../test/support/writer.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'test/fixtures/patterns');

// ---------------------------------------------------------------------------------------------------------------
// A sample as paragraphs and tables

type Block = { kind: 'para'; text: string } | { kind: 'table'; rows: string[][] };

/**
 * Cuts a sample's text into blocks. Samples 003/004 write a table row per line, cells separated by TABs; samples
 * 000–002 write one TAB-prefixed cell per line, rows separated by blank lines, a wrapped cell continuing on a line
 * without a TAB right below it (kept as a line break inside the cell).
 */
function parseSample(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let table: string[][] | null = null;
  let row: string[] | null = null;
  const endRow = () => {
    if (row && table) table.push(row);
    row = null;
  };
  const endTable = () => {
    endRow();
    if (table && table.length) blocks.push({ kind: 'table', rows: table });
    table = null;
  };
  const cellPerLine =
    lines.filter((l) => /^\t[^\t]*$/.test(l)).length > lines.filter((l) => /\t.*\t/.test(l)).length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (cellPerLine) {
      if (line.startsWith('\t')) {
        table ??= [];
        row ??= [];
        row.push(line.slice(1));
      } else if (line.trim() === '') {
        endRow();
        // Two blank lines, or a blank line before text, end the table.
        const next = lines.slice(i + 1).find((l) => l.trim() !== '');
        if (next !== undefined && !next.startsWith('\t')) endTable();
      } else if (row && lines[i - 1]!.startsWith('\t')) {
        row[row.length - 1] += '\n' + line.trim();
      } else {
        endTable();
        blocks.push({ kind: 'para', text: line });
      }
    } else if (line.includes('\t')) {
      table ??= [];
      table.push(line.split('\t'));
    } else if (line.trim() === '' && table) {
      const next = lines.slice(i + 1).find((l) => l.trim() !== '');
      if (next === undefined || !next.includes('\t')) endTable();
    } else if (line.trim() !== '') {
      endTable();
      blocks.push({ kind: 'para', text: line });
    }
  }
  endTable();
  return blocks;
}

const isFigure = (s: string) => /^[+\-−]?[\d,]+(\.\d+)?$/.test(s.trim());

// ---------------------------------------------------------------------------------------------------------------
// Pattern 1: one cell per line without TABs

/**
 * A sample laid out again: each paragraph followed by a blank line, each table as the lines `table` makes of its
 * rows, followed by a blank line unless `gap` is false.
 */
function laidOut(blocks: readonly Block[], table: (rows: string[][]) => string[], gap = true): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'para') lines.push(b.text, '');
    else lines.push(...table(b.rows), ...(gap ? [''] : []));
  }
  return lines.join('\n') + '\n';
}

/** The cell-per-line text of samples 000–002 (one TAB-prefixed cell per line, a blank line after each row). */
function cellPerLineTabbed(blocks: readonly Block[]): string {
  return laidOut(blocks, (rows) =>
    rows.flatMap((row) => [
      ...row.flatMap((cell) => {
        const [first, ...rest] = cell.split('\n');
        return ['\t' + first, ...rest];
      }),
      '',
    ]),
  );
}

/** Pattern 1a: the cell-per-line text with the leading TAB of every line removed (issue 10, 15/198). */
function withoutTabs(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/^\t/, ''))
    .join('\n');
}

/**
 * Pattern 1b: a web page's table as text: every cell on a line of its own followed by a blank line (rows are not
 * marked otherwise), figures indented by two spaces as the page's markup left them ("  0"); an empty cell is an
 * empty line like any other cell's, so it shows as two more blank lines.
 */
function blankLineCells(blocks: readonly Block[]): string {
  return laidOut(
    blocks,
    (rows) =>
      rows.flatMap((row) =>
        row.flatMap((cell) => {
          const text = cell.replace(/\n/g, '').trim();
          return [isFigure(text) ? '  ' + text : text, ''];
        }),
      ),
    false,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Pattern 2: pipe rows as converters write them

const flat = (cell: string) => cell.replace(/\n/g, '').trim();

/** A row's cells flattened, and how many remain once the empty cells at its end are left out (one at least). */
function trimmed(row: readonly string[]): [string[], number] {
  const cells = row.map(flat);
  let n = cells.length;
  while (n > 1 && cells[n - 1] === '') n--;
  return [cells, n];
}

/** Pattern 2a: pipe rows without the leading "|" ("规章 | 0 | 0 | 0 |"), a "--- |" separator under each first row. */
function barePipes(blocks: readonly Block[]): string {
  return laidOut(blocks, (rows) =>
    rows.flatMap((row, r) => [
      row.map(flat).join(' | ') + ' |',
      ...(r === 0 ? [row.map(() => '---').join(' | ') + ' |'] : []),
    ]),
  );
}

/** Pattern 2a': pipe rows without the leading "|", cells packed against the bars, rows padded with fillers ("规章|0|0|0|||"). */
function bareFillerPipes(blocks: readonly Block[]): string {
  return laidOut(blocks, (rows) => {
    const width = Math.max(...rows.map((r) => r.length));
    return rows.map((row) => {
      const [cells, n] = trimmed(row);
      return cells.slice(0, n).join('|') + '|' + '|'.repeat(width - n);
    });
  });
}

/** Pattern 2b: every cell on a line of its own followed by a line holding only "|"; rows follow each other. */
function barLines(blocks: readonly Block[]): string {
  return laidOut(blocks, (rows) => rows.flatMap((row) => row.flatMap((cell) => [flat(cell), '|'])));
}

/** Pattern 2c: Markdown rows padded to the table's width with "|" fillers ("| 第二十条第（一）项 ||||"). */
function fillerPipes(blocks: readonly Block[]): string {
  return laidOut(blocks, (rows) => {
    const width = Math.max(...rows.map((r) => r.length));
    return rows.flatMap((row, r) => {
      const [cells, n] = trimmed(row);
      return [
        '| ' + cells.slice(0, n).join(' | ') + ' |' + '|'.repeat(width - n),
        ...(r === 0 ? ['|' + '---|'.repeat(width)] : []),
      ];
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Pattern 5: `pdftotext -layout` of a table with narrow label columns

/** Display width of a character: CJK and full-width forms take two columns, as in a PDF's text layer. */
const wide = (ch: string) => ch.codePointAt(0)! >= 0x2e80 || ch === '“' || ch === '”';
const widthOf = (s: string) => [...s].reduce((w, ch) => w + (wide(ch) ? 2 : 1), 0);

/** Cuts text into lines of at most `units` display columns (a narrow table cell wrapping its label). */
function wrap(text: string, units: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of text.replace(/\n/g, '')) {
    // A line may not start with closing punctuation (the line-breaking rule of CJK typesetting).
    if (line !== '' && widthOf(line + ch) > units && !/[，。、；：）”]/.test(ch)) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '') out.push(line);
  return out.length ? out : [''];
}

/** A cell placed on the page: its lines, the display column where each line starts. */
interface Placed {
  lines: string[];
  start: number;
  width: number;
  align: 'left' | 'right' | 'center';
}

const GAP = 2;
const FIGURE_WIDTH = 8;
const PARAGRAPH_WIDTH = 80;

/**
 * One table as `pdftotext -layout` prints a ruled table whose label columns are narrow: each label wraps in its
 * column (about nine CJK characters for a row label, four for a group label), every cell is centred vertically in
 * its row, so a figure stands on the middle line of a three-line row and on a line of its own between the two
 * halves of a two-line label ("4.无正当理由大量反 / 16 0 0 0 0 0 16 / 复申请"); a line's text is printed at its
 * column or one space after the text before it, whichever is further right (CJK characters take two columns on
 * the page but one character in the text, as pdftotext prints them).
 */
function narrowTable(rows: readonly string[][]): string[] {
  const data = rows.filter((r) => r.some(isFigure));
  // A row's figure cells: from its first figure to its end, blank cells included (they keep their column).
  const figureCount = (r: readonly string[]) => r.length - r.findIndex(isFigure);
  const counts = new Map<number, number>();
  for (const r of data) counts.set(figureCount(r), (counts.get(figureCount(r)) ?? 0) + 1);
  const figures = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  const labelCells = (r: readonly string[]) => {
    const cells = r.slice(0, r.findIndex(isFigure));
    while (cells.length && cells[cells.length - 1]!.trim() === '') cells.pop();
    return cells;
  };
  const labels = Math.max(0, ...data.map((r) => labelCells(r).length));
  const labelWidths = labels === 1 ? [18] : labels === 2 ? [8, 18] : labels === 3 ? [8, 8, 18] : [];
  const starts: number[] = [];
  let x = 0;
  for (const w of labelWidths) {
    starts.push(x);
    x += w + GAP;
  }
  const figureStart = x + 2;
  const figureAt = (j: number) => figureStart + j * (FIGURE_WIDTH + GAP);
  const span = (from: number, to: number) => starts[to]! + labelWidths[to]! - starts[from]!;
  const out: string[] = [];
  for (const row of rows) {
    const placed: Placed[] = [];
    if (row.some(isFigure)) {
      const ls = labelCells(row);
      ls.forEach((cell, i) => {
        if (cell.trim() === '') return;
        const last = i === ls.length - 1 ? labels - 1 : i;
        const width = span(i, last);
        placed.push({ lines: wrap(cell.trim(), width), start: starts[i]!, width, align: 'left' });
      });
      const cells = row.slice(row.findIndex(isFigure));
      while (cells.length > figures && cells[cells.length - 1]!.trim() === '') cells.pop();
      const offset = Math.max(0, figures - cells.length);
      cells.forEach((cell, j) => {
        if (cell.trim() === '') return;
        placed.push({
          lines: [cell.trim()],
          start: figureAt(offset + j),
          width: FIGURE_WIDTH,
          align: 'right',
        });
      });
    } else {
      const nonEmpty = row.filter((c) => c.trim() !== '');
      if (nonEmpty.length === 0) continue;
      let cells = row;
      if (labels > 0 && row[0]!.trim() !== '' && nonEmpty.length >= 2) {
        placed.push({
          lines: wrap(flat(row[0]!), span(0, labels - 1)),
          start: 0,
          width: span(0, labels - 1),
          align: 'left',
        });
        cells = row.slice(1);
      } else if (labels > 0) {
        while (cells.length && cells[0]!.trim() === '') cells = cells.slice(1);
      }
      if (nonEmpty.length === 1 && cells.length && cells[0]!.trim() !== '') {
        // A caption over the whole table (第二十条第（一）项).
        const text = flat(cells[0]!);
        const all = figureAt(figures) - GAP;
        placed.push({
          lines: [text],
          start: Math.max(0, Math.floor((all - widthOf(text)) / 2)),
          width: widthOf(text),
          align: 'left',
        });
      } else if (cells.length === figures) {
        cells.forEach((cell, j) => {
          if (cell.trim() === '') return;
          placed.push({
            lines: wrap(cell.trim(), FIGURE_WIDTH),
            start: figureAt(j),
            width: FIGURE_WIDTH,
            align: 'center',
          });
        });
      } else {
        const text = cells
          .map(flat)
          .filter((c) => c !== '')
          .join('    ');
        placed.push({ lines: [text], start: figureStart, width: widthOf(text), align: 'left' });
      }
    }
    out.push(...printRow(placed));
  }
  return out;
}

/** Prints the cells of one row, each centred vertically on the row's middle (half-line positions). */
function printRow(placed: readonly Placed[]): string[] {
  const height = Math.max(1, ...placed.map((p) => p.lines.length));
  const at = new Map<number, { start: number; text: string }[]>();
  for (const p of placed)
    p.lines.forEach((text, i) => {
      const pos = height - p.lines.length + 2 * i + 1;
      const w = widthOf(text);
      const start =
        p.align === 'right'
          ? p.start + p.width - w
          : p.align === 'center'
            ? p.start + Math.floor((p.width - w) / 2)
            : p.start;
      const list = at.get(pos) ?? [];
      list.push({ start, text });
      at.set(pos, list);
    });
  return [...at.keys()]
    .sort((a, b) => a - b)
    .map((pos) => {
      let s = '';
      for (const { start, text } of at.get(pos)!.sort((a, b) => a.start - b.start)) {
        const col = s === '' ? start : Math.max(start, s.length + 1);
        s = s.padEnd(col, ' ') + text;
      }
      return s;
    });
}

/** Pattern 5: the whole report as `pdftotext -layout` prints it: paragraphs wrapped at the page width. */
function narrowLayout(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'para') {
      lines.push(...wrap(b.text.trim(), PARAGRAPH_WIDTH), '');
      continue;
    }
    lines.push(...narrowTable(b.rows), '');
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------------
// The fixtures

interface Source {
  name: string;
  text: string;
  truth: string;
}

const sources: Source[] = readdirSync(join(root, 'examples/reports'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({
    name: f.slice(0, 3),
    text: readFileSync(join(root, 'examples/reports', f), 'utf8'),
    truth: `test/fixtures/expected/${f.replace(/\.txt$/, '.json')}`,
  }));
{
  // The 2021-format report of the HTML fixtures, written as tab rows (samples 003/004's layout) without variants.
  const truth = JSON.parse(readFileSync(join(root, 'test/fixtures/html/2021-official.json'), 'utf8')).truth;
  const report: Report = { ...validReport('2021'), ...truth };
  const { text } = writeReport(report, 'tab', {
    seed: 1,
    eol: '\n',
    padSpans: true,
    wrap: 0,
    thousands: 0,
    placeholders: 0,
    variants: 0,
  });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, '2021.truth.json'), JSON.stringify(truth, null, 1) + '\n');
  sources.push({ name: '2021', text, truth: 'test/fixtures/patterns/2021.truth.json' });
}

const PATTERNS: readonly { key: string; make: (s: Source, blocks: Block[]) => string }[] = [
  {
    key: 'p1-no-tabs',
    // Samples 000–002 are already cell per line: their own text with the TABs removed.
    make: (s, blocks) =>
      withoutTabs(/^\t[^\t]*$/m.test(s.text) && !/\t.*\t/.test(s.text) ? s.text : cellPerLineTabbed(blocks)),
  },
  { key: 'p1-blank-lines', make: (_s, blocks) => blankLineCells(blocks) },
  { key: 'p2-bare-pipes', make: (_s, blocks) => barePipes(blocks) },
  { key: 'p2-bare-fillers', make: (_s, blocks) => bareFillerPipes(blocks) },
  { key: 'p2-bar-lines', make: (_s, blocks) => barLines(blocks) },
  { key: 'p2-fillers', make: (_s, blocks) => fillerPipes(blocks) },
  { key: 'p5-narrow', make: (_s, blocks) => narrowLayout(blocks) },
];

mkdirSync(out, { recursive: true });
const index: { file: string; pattern: string; truth: string; source: string }[] = [];
for (const s of sources) {
  const blocks = parseSample(s.text);
  for (const p of PATTERNS) {
    const file = `${p.key}-${s.name}.txt`;
    writeFileSync(join(out, file), p.make(s, blocks));
    index.push({ file, pattern: p.key, truth: s.truth, source: s.name });
  }
}

// Real `pdftotext -layout` output of the PDF fixtures (LibreOffice prints, narrow and official label columns).
const PDFS: readonly { pdf: string; truth: string }[] = [
  ...['000', '001', '002', '003', '004'].map((n) => ({
    pdf: `sample-${n}.pdf`,
    truth: `test/fixtures/expected/${sources
      .find((s) => s.name === n)!
      .truth.split('/')
      .pop()}`,
  })),
  { pdf: 'wrapped-labels.pdf', truth: 'test/fixtures/pdf/wrapped-labels.truth.json' },
  { pdf: 'v2021.pdf', truth: 'test/fixtures/pdf/v2021.truth.json' },
];
let havePdftotext = true;
try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  havePdftotext = false;
}
for (const { pdf, truth } of PDFS) {
  const file = `p5-pdftotext-${pdf.replace(/\.pdf$/, '')}.txt`;
  if (havePdftotext)
    execFileSync('pdftotext', ['-layout', join(root, 'test/fixtures/pdf', pdf), join(out, file)]);
  if (existsSync(join(out, file))) index.push({ file, pattern: 'p5-pdftotext', truth, source: pdf });
}
writeFileSync(join(out, 'index.json'), JSON.stringify(index, null, 1) + '\n');
console.log(`${index.length} fixtures in ${out}`);
