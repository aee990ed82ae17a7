// The excerpts of a rule page: the lines in which the incorrect example differs from the correct one, with some
// context, the column headers the example asks for, each line numbered.
import type { Example, Focus } from '../../src/rules/docs/kit.ts';

export interface Range {
  from: number;
  to: number;
}

/**
 * The hunks in which two texts differ, as line ranges of each (a longest common subsequence of lines; an empty
 * range is a place where the other text has lines the first lacks).
 */
export function changed(a: readonly string[], b: readonly string[]): { a: Range[]; b: Range[] } {
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out = { a: [] as Range[], b: [] as Range[] };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const start = { i, j };
    while (
      (i < a.length || j < b.length) &&
      !(i < a.length && j < b.length && a[i] === b[j] && lcs[i]![j] === lcs[i + 1]![j + 1]! + 1)
    ) {
      if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) i++;
      else j++;
    }
    out.a.push({ from: start.i, to: i });
    out.b.push({ from: start.j, to: j });
  }
  return out;
}

const CONTEXT = 2;
const LONG = 8;

/** The ranges to show of a text: around the change (or the focus lines), plus the `also` lines. */
export function rangesOf(lines: readonly string[], hunks: readonly Range[], example: Example): Range[] {
  const focus = (list: readonly Focus[]) =>
    list.flatMap(([re, after]) => {
      const at = lines.findIndex((l) => re.test(l));
      return at < 0 ? [] : [{ from: at, to: at + after + 1 }];
    });
  const out = example.focus ? focus(example.focus) : [];
  if (!example.focus) {
    // A changed table row is the defect; the text that quotes the table follows it and is not shown.
    const inTables = hunks.filter((h) => lines.slice(h.from, h.to).some((l) => l.includes('\t')));
    for (const h of inTables.length ? inTables : hunks) {
      const before = Math.max(0, h.from - CONTEXT);
      const after = Math.min(lines.length, Math.max(h.to, h.from + 1) + CONTEXT);
      // A long hunk (a table removed) is shown by its beginning and its end.
      if (h.to - h.from > LONG) out.push({ from: before, to: h.from + 4 }, { from: h.to - 2, to: after });
      else out.push({ from: before, to: after });
    }
  }
  out.push(...focus(example.also ?? []));
  out.sort((x, y) => x.from - y.from);
  const merged: Range[] = [];
  for (const r of out) {
    const last = merged.at(-1);
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else merged.push({ ...r });
  }
  // Trailing empty lines say nothing.
  for (const r of merged) while (r.to > r.from + 1 && lines[r.to - 1] === '') r.to--;
  return merged;
}

/** The lines of the ranges, each with its 1-based number, "…" between ranges that are not adjacent. */
export function excerpt(lines: readonly string[], ranges: readonly Range[]): string {
  const width = String(Math.max(...ranges.map((r) => r.to))).length;
  const out: string[] = [];
  ranges.forEach((r, i) => {
    if (i > 0) out.push(' '.repeat(width) + ' │ …');
    for (let n = r.from; n < r.to; n++) out.push(`${String(n + 1).padStart(width)} │ ${lines[n]}`.trimEnd());
  });
  return out.join('\n');
}
