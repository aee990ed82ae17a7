// The walk that matches document rows to the format's rows, tested alone on a real layout: the pdftotext -layout
// text of a published report whose row labels wrap around their figure line (pattern 5).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { FORMAT_2019 } from '../../model/formats/index.ts';
import type { TableKey } from '../../model/format.ts';
import { parseTextBlocks } from '../../read/layout.ts';
import { itemsOf } from '../items.ts';
import { assignSections } from '../sections.ts';
import { compile } from './compile.ts';
import { matchRows } from './match.ts';
import { logicalRow } from './rows.ts';

const FIXTURE = new URL('../../../test/fixtures/patterns/p5-pdftotext-wrapped-labels.txt', import.meta.url);

function walk(text: string) {
  const items = itemsOf({ kind: 'text', blocks: parseTextBlocks(text), diagnostics: [] });
  assignSections(items, FORMAT_2019.sections);
  const tables = compile(FORMAT_2019);
  const keys = new Set(tables.map((t) => t.def.key));
  const rows = items.flatMap((it) =>
    it.kind === 'row'
      ? [
          logicalRow(it.cells, {
            source: it.source,
            tableIndex: it.tableIndex,
            layout: it.layout,
            section: it.section && keys.has(it.section as TableKey) ? (it.section as TableKey) : null,
          }),
        ]
      : [],
  );
  const diagnostics: Diagnostic[] = [];
  return { ...matchRows(rows, tables, diagnostics), diagnostics };
}

describe('matchRows on a pdftotext -layout report with wrapped labels', () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const found = walk(text);
  /** The figures a format row was matched with, and the line they stand on. */
  const figuresOf = (id: string) => {
    const m = found.matches.find((x) => `${x.table.def.key}.${x.row.id}` === id);
    const lines = new Set(m?.logical.tokens.map((t) => (t.source?.kind === 'text' ? t.source.line : -1)));
    return m ? { lines: [...lines], figures: m.logical.tokens.map((t) => t.text) } : null;
  };
  const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('matches a label wrapped above and below its figure line to that line (4.无正当理由大量反复申请)', () => {
    expect(figuresOf('requests.notProcessed.excessive')).toEqual({
      lines: [lineOf('由大量反复')],
      figures: ['16', '0', '0', '0', '0', '0', '16'],
    });
  });

  it('matches a label wrapped over five lines with its figures in the middle (5.要求行政机关确认…)', () => {
    expect(figuresOf('requests.notProcessed.confirmations')).toEqual({
      lines: [lineOf('机关确认或') + 1],
      figures: ['0', '0', '0', '0', '0', '0', '0'],
    });
  });

  it('matches a numbered label cut by the page footer, its rest on the next page ("3.危及“三" … "安全一稳定”")', () => {
    const cut = text.split('\n').findIndex((l) => l.includes('3.危及“三')) + 1;
    expect(text.split('\n')[cut + 1]).toMatch(/^\s*-2-\s*$/);
    expect(figuresOf('requests.denied.threeSafetiesOneStability')).toEqual({
      lines: [cut],
      figures: ['0', '0', '0', '0', '0', '0', '0'],
    });
  });

  it('reads every row of 表三 and 表二 once, with no row of unknown label and no duplicate', () => {
    const ids = found.matches.map((m) => `${m.table.def.key}.${m.row.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    const t3 = compile(FORMAT_2019).find((t) => t.def.key === 'requests')!;
    expect(t3.rows.filter((r) => !found.seen.has(`requests.${r.id}`)).map((r) => r.def.label)).toEqual([]);
    expect(found.diagnostics.map((d) => d.ruleId)).toEqual([]);
  });

  it('gathers table 4 into one run of figure lines under its header', () => {
    expect(found.wide).toHaveLength(1);
    const [run] = found.wide;
    expect(run!.table.def.key).toBe('reviewLitigation');
    expect(run!.header).toMatch(/行政复议/);
    expect(run!.rows.flatMap((r) => r.tokens)).toHaveLength(15);
  });

  it('keeps the first of a row written twice and names the second (extract/duplicate-row)', () => {
    const line = text.split('\n').find((l) => l.includes('（六）其他处理'))!;
    const twice = walk(text.replace(line, `${line}\n${line.replace('1', '9')}`));
    expect(twice.diagnostics.map((d) => [d.ruleId, d.data?.row])).toEqual([
      ['extract/duplicate-row', '（六）其他处理'],
    ]);
    const kept = twice.matches.find((m) => m.row.id === 'otherHandling');
    expect(kept?.logical.tokens.map((t) => t.text)).toEqual(['1', '0', '0', '0', '0', '0', '1']);
  });
});
