// The format is data (design.md principle 1): a synthetic third format version, defined with the builders the real
// versions use and registered from here, is read, checked and rendered like 2019 and 2021 — no edit of src/.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, extract, read, readText, renderReport, ReportSchema, type Report } from '../src/index.ts';
import { aggregate } from '../src/aggregate/sum.ts';
import { compareReports } from '../src/aggregate/compare.ts';
import type { FormatDef, TableDef } from '../src/model/format.ts';
import {
  proactiveRow,
  requestRow,
  requestsTable,
  REVIEW_LITIGATION_TABLE,
  SECTIONS,
} from '../src/model/formats/common.ts';
import {
  FORMAT_2021,
  FORMATS,
  formatOf,
  latestFormat,
  registerFormat,
  versionForYear,
} from '../src/model/formats/index.ts';
import { cellsOf, rowValues } from '../src/model/report.ts';
import { validReport, withCells } from '../src/rules/valid-report.ts';
import { arbReport, reportCells } from './support/arbitrary.ts';
import { EXIT } from '../src/cli/io.ts';
import { runMain } from './support/cli.ts';
import { writeReport, type Layout } from './support/writer.ts';

const VERSION = '2031';
/** The article the table-2 blocks cite, renumbered (the Regulations amended): 第二十一条第（一）项 … */
const ARTICLE = '第二十一条';
/** Table 2's label-column header, renamed. */
const LABEL_HEADER = '信息类别';
/** Table 2's title, a word changed. */
const PROACTIVE_TITLE = '主动公开政府信息工作情况';
/** Table 3's renamed row (2021: 1.本机关不掌握相关政府信息) and its new row in （六）其他处理. */
const RENAMED = { path: ['unableToProvide', 'notHeld'], label: '1.本机关未制作或获取相关政府信息' };
const ADDED = { path: ['otherHandling', 'withdrawn'], label: '4.申请人主动撤回申请' };

/** The 2031 format: 2021's, with the changes above, built with the same builders (common.ts) as v2021.ts. */
function format2031(): FormatDef {
  const table = (key: TableDef['key']) => FORMAT_2021.tables.find((t) => t.key === key)!;
  const proactive2021 = table('proactive');
  const proactive: TableDef = {
    ...proactive2021,
    title: PROACTIVE_TITLE,
    rows: proactive2021.rows.map((r) =>
      proactiveRow(
        r.path[0]!,
        r.label,
        r.group!.replace(proactive2021.blockMark!, ARTICLE),
        r.match.contains!,
        r.columns,
        r.variants,
      ),
    ),
    vocabulary: [ARTICLE, LABEL_HEADER],
    blockMark: ARTICLE,
    labelHeader: LABEL_HEADER,
  };
  // Table 3's （六）其他处理 rows of 2021, plus one; 不掌握 renamed. requestsTable derives T3-3 from the rows.
  const requests2021 = table('requests');
  const other = requests2021.rows.filter((r) => r.path[0] === 'otherHandling');
  const requests = requestsTable([
    ...other,
    requestRow(ADDED.path, ADDED.label, ['撤回申请'], { group: other[0]!.group! }),
  ]);
  const rows = requests.rows.map((r) =>
    r.path.join('.') === RENAMED.path.join('.')
      ? { ...r, label: RENAMED.label, match: { contains: ['未制作或获取'] } }
      : r,
  );
  return {
    version: VERSION,
    document: '国办公开办函〔2030〕1号（示例）',
    title: '中华人民共和国政府信息公开工作年度报告格式（2031年版）',
    years: [2031, null],
    vocabulary: [...FORMAT_2021.vocabulary, ARTICLE, LABEL_HEADER, '未制作或获取', '撤回申请'],
    processingFees: true,
    sections: SECTIONS,
    tables: [proactive, { ...requests, rows }, REVIEW_LITIGATION_TABLE],
  };
}

let F: FormatDef;
beforeAll(() => {
  F = registerFormat(format2031());
});

/**
 * A consistent 2031 report: the rule tester's valid report (it passes every rule) with tables 3 and 4 drawn from
 * the format data by the property tests' arbitrary (every identity holds, figures not all 0) and table 2's figures
 * small counts.
 */
function consistent(seed: number): Report {
  const [drawn] = fc.sample(
    arbReport(VERSION).filter((x) =>
      reportCells(x).some((c) => c.path.startsWith('requests') && (c.value ?? 0) > 0),
    ),
    { seed, numRuns: 1 },
  );
  const r = validReport(VERSION);
  r.requests = drawn!.requests;
  r.reviewLitigation = drawn!.reviewLitigation;
  // Texts that state no figure (the valid report's say there were no applications and no cases: X-1).
  r.sections.overview = '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。';
  r.sections.requests = '本机关依法办理政府信息公开申请，情况见下表。';
  r.sections.reviewLitigation = '政府信息公开行政复议、行政诉讼情况见下表。';
  let k = seed;
  for (const c of [...cellsOf(F)].filter(
    (x) => x.table.key === 'proactive' && x.row.path[0] !== 'regulations',
  ))
    rowValues(r.proactive, c.row)[c.column.key] = c.column.kind === 'amount' ? 12.5 : (k++ * 7) % 23;
  return r;
}

/** The text of a report as a reviewer pastes it, in a layout (test/support/writer.ts: built from the format data). */
function textOf(report: Report, layout: Layout, seed: number): string {
  return writeReport(report, layout, { seed, eol: '\n', placeholders: 0, variants: 0 }).text;
}

const extractText = (text: string) =>
  extract(readText(new TextEncoder().encode(text), { path: 'r2031.txt' }));

describe('a third format version added from a test', () => {
  it('is in the registry, the version for its years, the newest and in ReportSchema', () => {
    expect(FORMATS.map((f) => f.version)).toEqual(['2019', '2021', VERSION]);
    expect(formatOf(VERSION)).toBe(F);
    expect(versionForYear(2031)).toBe(VERSION);
    expect(versionForYear(2030)).toBe('2021');
    expect(latestFormat()).toBe(F);
    expect(ReportSchema.safeParse(consistent(1)).success).toBe(true);
    expect(() => registerFormat(format2031())).toThrow(/already registered/);
  });

  for (const [layout, seed] of [
    ['tab', 1],
    ['cell-per-line', 2],
    ['pipe', 3],
    ['aligned', 4],
  ] as const)
    it(`extracts every cell of a ${layout} text with the right version, and checks it clean`, () => {
      const report = consistent(seed);
      const { report: got, diagnostics } = extractText(textOf(report, layout, seed));
      expect(got?.formatVersion).toBe(VERSION);
      expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      const want = reportCells(report);
      expect(want.length).toBe([...cellsOf(F)].length);
      expect(reportCells(got!)).toEqual(want);
      const findings = check(got!).filter((d) => d.severity !== 'info');
      expect(findings.map((d) => `${d.ruleId} ${d.message}`)).toEqual([]);
    });

  it('gives the right finding, and only it, for one wrong total', () => {
    const report = consistent(5);
    const row = F.tables[1]!.rows.find((r) => r.path.join('.') === ADDED.path.join('.'))!;
    const total = rowValues(report.requests, row).total as number;
    const wrong = withCells(report, { [`requests.${ADDED.path.join('.')}.total`]: total + 1 });
    const { report: got } = extractText(textOf(wrong, 'tab', 5));
    expect(got?.formatVersion).toBe(VERSION);
    const findings = check(got!).filter((d) => d.severity !== 'info');
    // The row's 总计 breaks T3-2 in its row, and so the （七）总计 column sum T3-3 over the outcome rows (new one included).
    expect(findings.map((d) => [d.ruleId, d.path?.join('.')])).toEqual([
      ['T3-2', `requests.${ADDED.path.join('.')}.total`],
      ['T3-3', 'requests.totalHandled.total'],
    ]);
    expect(findings[0]!.message).toContain('撤回申请');
  });

  it('asks section 六 for the processing fees, as the format says (X-4)', () => {
    const report = consistent(6);
    report.sections.other = '无其他需要报告的事项。';
    const { report: got } = extractText(textOf(report, 'tab', 6));
    expect(check(got!).map((d) => d.ruleId)).toContain('X-4');
  });

  it('checks table 2 against last year in its own format (T2-2: its columns are there)', () => {
    const report = consistent(7);
    const previous: Report = { ...structuredClone(report), year: 2031 };
    const cell = 'proactive.normativeDocuments';
    const zero = 'proactive.regulations';
    const ok = withCells(report, {
      [`${cell}.issued`]: 3,
      [`${cell}.repealed`]: 1,
      [`${cell}.inForce`]: 12,
      [`${zero}.issued`]: 0,
      [`${zero}.repealed`]: 0,
      [`${zero}.inForce`]: 0,
    });
    const before = withCells(previous, { [`${cell}.inForce`]: 10, [`${zero}.inForce`]: 0 });
    expect(check(ok, { previous: before }).map((d) => d.ruleId)).not.toContain('T2-2');
    const off = withCells(ok, { [`${cell}.inForce`]: 13 });
    expect(check(off, { previous: before }).map((d) => d.ruleId)).toContain('T2-2');
  });

  it('renders markdown, HTML, JSON and DOCX with the renamed row, the new row and the new headers', async () => {
    const report = consistent(8);
    for (const to of ['md', 'html', 'json'] as const) {
      // HTML marks where a head may break (<wbr>, between words).
      const out = String(await renderReport(report, to)).replaceAll('<wbr>', '');
      if (to === 'json') {
        const back = ReportSchema.parse(JSON.parse(out)) as Report;
        expect(back.formatVersion).toBe(VERSION);
        expect(reportCells(back)).toEqual(reportCells(report));
        continue;
      }
      // Markdown heads a block's label column with its caption; HTML prints the official header too, and no table
      // title (the official format has no caption: the section heading names the table).
      const words = [RENAMED.label, ADDED.label, `${ARTICLE}第（一）项`];
      for (const word of to === 'html' ? [...words, LABEL_HEADER] : words)
        expect(out, `${to}: ${word}`).toContain(word);
      if (to === 'html') expect(out).not.toContain(PROACTIVE_TITLE);
      expect(out).not.toContain('第二十条');
    }
    const docx = (await renderReport(report, 'docx')) as Uint8Array;
    const back = extract(await read(docx, { path: 'r2031.docx' }));
    expect(back.report?.formatVersion).toBe(VERSION);
    expect(reportCells(back.report!)).toEqual(reportCells(report));
  });

  it('sums and compares 2031 reports with 2021 ones: table 2 of one lineage, table 3 row by row', () => {
    const a = consistent(9);
    const [b] = fc.sample(arbReport('2021'), { seed: 9, numRuns: 1 });
    const { report: sum, diagnostics } = aggregate([a, b!], { year: 2032 });
    expect(sum.formatVersion).toBe(VERSION);
    expect(diagnostics.map((d) => d.ruleId)).not.toContain('aggregate/mixed-table2');
    const cell = (r: Report, path: string) => reportCells(r).find((c) => c.path === path)?.value;
    for (const path of [
      'proactive.licensing.decisions',
      'requests.granted.total',
      `requests.${RENAMED.path.join('.')}.total`,
    ])
      expect(cell(sum, path), path).toBe(cell(a, path)! + cell(b!, path)!);
    // The 2021 member has no such row: the aggregate leaves it blank rather than count the 2031 member alone.
    expect(cell(sum, `requests.${ADDED.path.join('.')}.total`)).toBeNull();
    const decisions = 'proactive.licensing.decisions';
    const later = withCells(a, { [decisions]: cell(b!, decisions)! + 1 });
    const comparison = compareReports(b!, later);
    expect(comparison.comparable).toEqual({ proactive: true, requests: true, reviewLitigation: true });
    expect(comparison.cells.find((c) => c.path === decisions)?.delta).toBe(1);
    expect(compareReports(a, structuredClone(a)).cells).toEqual([]);
  });

  it('is what nianbao new writes for its years, and a --format it accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-2031-'));
    try {
      const byYear = await runMain(['new', '--year', '2032', '-o', join(dir, 'a.json')]);
      expect(byYear.code, byYear.stderr).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).formatVersion).toBe(VERSION);
      const asked = await runMain(['new', '--format', VERSION, '--year', '2025', '-o', join(dir, 'b.json')]);
      expect(asked.code, asked.stderr).toBe(0);
      expect(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')).requests.otherHandling.withdrawn).toEqual(
        Object.fromEntries(F.tables[1]!.rows[0]!.columns.map((c) => [c.key, null])),
      );
      const unknown = await runMain(['new', '--format', '2030', '-o', join(dir, 'c.json')]);
      expect(unknown.code).toBe(EXIT.usage);
      expect(unknown.stderr).toContain('2019、2021 或 2031');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
