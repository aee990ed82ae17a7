// The official HTML page: its structure against the layout, escaping, and the round trip through the HTML reader.
import { load } from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../../extract/index.ts';
import { FORMATS, formatOf } from '../../model/formats/index.ts';
import { blankReport, cellsOf, rowValues, type Report } from '../../model/report.ts';
import { read } from '../../read/index.ts';
import { arbBlankyReport, arbReport } from '../../../test/support/arbitrary.ts';
import { normalizeSection, reportDifferences, sampleReports } from '../../../test/support/roundtrip.ts';
import { officialLayout, reportTitle } from '../layout.ts';
import { renderHtml } from './html.ts';

const samples = sampleReports();

/** Renders, reads the page back as the HTML reader reads any web page, and extracts. */
async function roundTrip(report: Report) {
  const html = renderHtml(report);
  const doc = await read(new TextEncoder().encode(html), { path: 'x.html' });
  return { html, doc, ...extract(doc) };
}

describe('renderHtml: the page', () => {
  for (const f of FORMATS) {
    it(`prints the title, the six official headings in order and each table in its section (${f.version})`, () => {
      const report = { ...blankReport(f.version), agency: '某市审计局', year: f.years[0] };
      report.sections.proactive = '本年度主动公开情况如下。';
      const $ = load(renderHtml(report));
      expect($('h1').text()).toBe(reportTitle(report));
      expect($('title').text()).toBe(reportTitle(report));
      expect(
        $('h2')
          .map((_, e) => $(e).text())
          .get(),
      ).toEqual(f.sections.map((s) => s.heading));
      for (const t of f.tables) {
        const section = $(`section.${t.section}`);
        expect(section.find(`table.${t.key}`).length, t.key).toBe(1);
        // The section's text comes first, then the table (tables 3 and 4 kept with a heading and short text before
        // them in a div.keep).
        const last = section.children().last();
        expect(last.is('table') || (last.is('div.keep') && last.children().last().is('table')), t.key).toBe(
          true,
        );
      }
      expect($('section.proactive > p').text()).toBe('本年度主动公开情况如下。');
      expect($('section.proactive > p').next().is('table')).toBe(true);
    });

    it(`draws every table cell for cell from officialLayout: spans, roles, text, data-path (${f.version})`, () => {
      const report = blankReport(f.version);
      const layouts = officialLayout(report);
      const $ = load(renderHtml(report));
      for (const t of layouts) {
        const table = $(`table.${t.key}`);
        expect(table.find('col').length).toBe(t.cols);
        // <thead>: the layout's header rows (repeated on every printed page), and no caption: the official format
        // has none, the section heading names the table.
        expect(table.find('thead > tr').length).toBe(t.headerRows);
        expect(table.find('caption, th.title').length).toBe(0);
        expect(table.text()).not.toContain(t.title);
        const rows = table.find('tr');
        expect(rows.length).toBe(t.rows);
        for (let r = 0; r < t.rows; r++) {
          const want = t.cells.filter((c) => c.row === r);
          const got = rows
            .eq(r)
            .children()
            .map((_, e) => ({
              tag: e.tagName,
              text: $(e).text(),
              rowSpan: Number($(e).attr('rowspan') ?? 1),
              colSpan: Number($(e).attr('colspan') ?? 1),
              path: $(e).attr('data-path'),
            }))
            .get();
          expect(got, `${t.key} row ${r}`).toEqual(
            want.map((c) => ({
              tag: c.role === 'header' ? 'th' : 'td',
              text: c.text,
              rowSpan: c.rowSpan,
              colSpan: c.colSpan,
              path: c.path,
            })),
          );
        }
      }
    });
  }

  it('prints the 勾稽关系 note in table 3 and the merged headers of tables 3 and 4', () => {
    const $ = load(renderHtml(blankReport('2021')));
    const note = $('table.requests th.note');
    expect(note.text()).toContain('勾稽关系');
    expect(note.attr('rowspan')).toBe('3');
    expect(note.attr('colspan')).toBe('3');
    expect($('table.requests th:contains("申请人情况")').attr('colspan')).toBe('7');
    expect($('table.requests th:contains("法人或其他组织")').attr('colspan')).toBe('5');
    expect(
      $('table.reviewLitigation th')
        .filter((_, e) => $(e).text() === '行政诉讼')
        .attr('colspan'),
    ).toBe('10');
    expect($('table.requests thead tr').length).toBe(3);
  });

  it('lets the title, the column heads and the group labels break between words only', () => {
    const report = { ...blankReport('2021'), agency: '新乡市牧野区人民政府办公室', year: 2021 };
    const html = renderHtml(report);
    const $ = load(html);
    // The title: the body's name in words, then "2021年…报告" unbroken.
    expect($('h1').html()).toBe(
      '新乡市<wbr>牧野区<wbr>人民政府<wbr>办公室<wbr><span class="rest">2021年政府信息公开工作年度报告</span>',
    );
    expect(html).toContain('<th>商业<wbr>企业</th>');
    expect(html).toContain('<th>社会<wbr>公益<wbr>组织</th>');
    expect(html).toMatch(/<td class="label group" rowspan="\d+">（三）<wbr>不予<wbr>公开<\/td>/);
    const css = $('style').text();
    expect(css).toMatch(/th, td\.group \{ word-break: keep-all;/);
    expect(css).toMatch(/h1 \{\s*word-break: keep-all;/);
  });

  it('numbers pages at the outer edge (GB/T 9704 7.5): odd pages right, even pages left', () => {
    const css = load(renderHtml(blankReport('2021')))('style').text();
    expect(css).toMatch(
      /@page :right \{\s*@bottom-right \{\s*content: "— " counter\(page\) " —";[^}]*text-align: right;/,
    );
    expect(css).toMatch(
      /@page :left \{\s*@bottom-left \{\s*content: "— " counter\(page\) " —";[^}]*text-align: left;/,
    );
    expect(css).not.toMatch(/@bottom-center/);
  });

  it('keeps a heading with the table printed whole after it, and marks sub-headings', () => {
    const report = { ...blankReport('2021'), agency: '某局', year: 2021 };
    report.sections.requests = '本年度未收到申请。';
    report.sections.overview = '（一）主动公开情况\n全年主动公开信息12条。';
    const $ = load(renderHtml(report));
    const keep = $('section.requests > div.keep');
    expect(
      keep
        .children()
        .map((_, e) => e.tagName)
        .get(),
    ).toEqual(['h2', 'p', 'table']);
    expect($('section.overview p.sub').text()).toBe('（一）主动公开情况');
    expect($('section.proactive > div.keep').length).toBe(0);
    expect($('table.proactive > tbody').length).toBe(4);
  });

  it('keeps blanks as empty cells and prints figures exactly as the report holds them', () => {
    const report = blankReport('2019');
    report.proactive.licensing = { previousItems: 0, change: -8, decisions: 2849274 };
    report.proactive.procurement = { projects: null, amount: 1655.0887 };
    const $ = load(renderHtml(report));
    const cell = (p: string) => $(`td[data-path="${p}"]`);
    expect(cell('proactive.licensing.previousItems').text()).toBe('0');
    expect(cell('proactive.licensing.change').text()).toBe('-8');
    expect(cell('proactive.licensing.decisions').text()).toBe('2849274');
    expect(cell('proactive.procurement.amount').text()).toBe('1655.0887');
    expect(cell('proactive.procurement.projects').text()).toBe('');
    expect(cell('proactive.procurement.projects').attr('aria-label')).toBe('空白（未填写）');
    expect(cell('requests.newlyReceived.total').text()).toBe('');
    // Every model cell is printed once.
    const paths = $('td[data-path]')
      .map((_, e) => $(e).attr('data-path'))
      .get();
    expect(paths).toEqual([...cellsOf(formatOf('2019'))].map((c) => c.path.join('.')));
  });

  it('words its own additions in the language asked for, the report itself in Chinese', () => {
    const en = load(renderHtml(blankReport('2021'), { lang: 'en' }));
    expect(en('td[data-path="requests.granted.total"]').attr('aria-label')).toBe('blank (not filled in)');
    expect(en('html').attr('lang')).toBe('zh-CN');
    expect(en('h2').first().text()).toBe('一、总体情况');
  });

  it('has the print CSS of a government document: A4, GB/T 9704 margins, official fonts with fallbacks', () => {
    const css = load(renderHtml(blankReport('2021')))('style').text();
    expect(css).toMatch(/@page\s*\{\s*size:\s*A4;\s*margin:\s*37mm 26mm 35mm 28mm;/);
    expect(css).toMatch(
      /h1\s*\{[^}]*"方正小标宋简体", "FZXiaoBiaoSong-B05S",[^}]*"Noto Serif CJK SC", "Noto Serif SC"/,
    );
    expect(css).toMatch(
      /body\s*\{[^}]*"仿宋_GB2312",[^}]*"FangSong", "STFangsong", "Noto Serif CJK SC", "Noto Sans CJK SC", "Noto Serif SC", serif/,
    );
    expect(css).toMatch(
      /h2\s*\{[^}]*"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "Noto Sans SC", sans-serif/,
    );
    expect(css).not.toContain('@font-face');
    expect(css).toMatch(/table\s*\{[^}]*table-layout: fixed/);
    expect(css).toMatch(/thead\s*\{\s*display: table-header-group/);
  });

  it('set in given web fonts (as printed to PDF): their @font-face rules, and no other family named', () => {
    const fonts = {
      css: "@font-face { font-family: 'Web Serif'; src: url(https://x.invalid/a.woff2); }",
      serif: 'Web Serif',
      sans: 'Web Sans',
    };
    const css = load(renderHtml(blankReport('2019'), { fonts }))('style').text();
    expect(css.indexOf(fonts.css)).toBeGreaterThanOrEqual(0);
    const families = [...css.matchAll(/font-family:\s*([^;]+);/g)].map((m) => m[1]!.trim());
    expect(new Set(families)).toEqual(
      new Set(["'Web Serif'", '"Web Serif", serif', '"Web Sans", sans-serif']),
    );
    expect(css).toMatch(/h1\s*\{[^}]*font-family: "Web Serif", serif;/);
    expect(css).toMatch(/h2\s*\{[^}]*font-family: "Web Sans", sans-serif;/);
  });

  it('is self-contained: no script, no external resource', () => {
    const html = renderHtml(samples[0]!.report);
    const $ = load(html);
    expect($('script, link, img, iframe, object, embed').length).toBe(0);
    expect(html).not.toMatch(/\b(?:src|href)\s*=|url\(|@import/i);
  });
});

describe('renderHtml: escaping', () => {
  it('prints hostile markup in a section or the agency as text, and reads it back as written', async () => {
    const report = structuredClone(samples[2]!.report);
    const hostile = [
      '<script>alert("x")</script><img src=x onerror="alert(1)">',
      '</p></section><table><tr><td>999</td></tr></table><!-- & &amp; &lt;',
      "<a href='javascript:alert(1)'>点击</a> \"引号\" 'apostrophe'",
    ];
    report.sections.other = hostile.join('\n');
    const html = renderHtml(report);
    const $ = load(html);
    expect($('script, img, a, table').length).toBe(3);
    expect(
      $('section.other > p')
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual(hostile);
    const back = await roundTrip(report);
    expect(back.report!.sections.other).toBe(hostile.join('\n'));
    expect(reportDifferences(report, back.report, { sections: true })).toEqual([]);
  });

  it('prints any text as text: the parsed page gives back exactly the agency and every section line', () => {
    const piece = fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '/',
      '=',
      ';',
      '#',
      ' ',
      'a',
      '中',
      '&amp;',
      '&#60;',
      '<script>',
      '</p>',
      '<!--',
      '-->',
      ']]>',
      '<![CDATA[',
      '</style>',
      '\u3000',
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.array(text, { minLength: 1, maxLength: 4 }), (agency, lines) => {
        const report = { ...blankReport('2021'), agency, year: 2023 };
        report.sections.problems = lines.join('\n');
        const $ = load(renderHtml(report));
        expect($('h1').text()).toBe(reportTitle(report));
        expect($('title').text()).toBe(reportTitle(report));
        expect(
          $('section.problems > p')
            .map((_, e) => $(e).text())
            .get(),
        ).toEqual(lines.filter((l) => l.trim() !== ''));
        // The title's only markup is its own: break opportunities and the unbreakable "<year>年…报告".
        expect($('script, p *, h1 :not(wbr, span.rest)').length).toBe(0);
        expect($('section').length).toBe(6);
      }),
      { numRuns: 300 },
    );
  });
});

describe('renderHtml: round trip through the HTML reader and extraction', () => {
  for (const { file, report } of samples)
    it(`sample ${file}: same metadata, every cell, same section texts`, async () => {
      const back = await roundTrip(report);
      expect(reportDifferences(report, back.report, { sections: true })).toEqual([]);
      // The samples' sections come back exactly, not only modulo white space.
      expect(back.report!.sections).toEqual(report.sections);
      expect(back.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    });

  it('keeps the blanks of sample 001 blank and the odd row of 003 as it is', async () => {
    const s001 = samples.find((s) => s.file.startsWith('001'))!.report;
    const s003 = samples.find((s) => s.file.startsWith('003'))!.report;
    const b001 = (await roundTrip(s001)).report!;
    expect(b001.requests.newlyReceived).toEqual(s001.requests.newlyReceived);
    expect(rowValues(b001.requests, formatOf('2019').tables[1]!.rows[0]!).total).toBeNull();
    const b003 = (await roundTrip(s003)).report!;
    expect(b003.requests.carriedForward).toEqual({ ...s003.requests.carriedForward, naturalPerson: null });
  });

  it('240 generated reports of both versions, a third with blanks: same metadata, cells and sections', async () => {
    const arb = fc.oneof({ weight: 2, arbitrary: arbReport() }, { weight: 1, arbitrary: arbBlankyReport() });
    const versions = new Set<string>();
    let blanks = 0;
    await fc.assert(
      fc.asyncProperty(arb, async (report) => {
        versions.add(report.formatVersion);
        if (
          [...cellsOf(formatOf(report.formatVersion))].some(
            (c) => rowValues(report[c.table.key], c.row)[c.column.key] === null,
          )
        )
          blanks++;
        const back = await roundTrip(report);
        expect(reportDifferences(report, back.report, { sections: true })).toEqual([]);
      }),
      { numRuns: 240 },
    );
    expect([...versions].sort()).toEqual(['2019', '2021']);
    expect(blanks).toBeGreaterThan(40);
  }, 120_000);

  it('normalises section text only as documented', () => {
    expect(normalizeSection(' a  b\t c \n\n  d ')).toBe('a b c\nd');
    expect(normalizeSection(' \n ')).toBeNull();
    expect(normalizeSection(null)).toBeNull();
  });
});
