// Patterns 7–10 of the real-reports issue, each made from a real report (test/fixtures/real/pingtan-jtj-2022.txt, a
// crawler's textContent) changed the way other real reports differ from it: a narrative sentence in a table's
// section, reworded headings, page chrome and a body named only in the text, a 2021 table keeping 2019's rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check.ts';
import { extract } from '../src/extract/index.ts';
import { parseTitle } from '../src/extract/metadata.ts';
import { readText } from '../src/read/text.ts';
import { scoreAgainstTruth, type Truth } from './support/real.ts';

const DIR = 'test/fixtures/real';
const jtj = readFileSync(join(DIR, 'pingtan-jtj-2022.txt'), 'utf8');
const truth = JSON.parse(readFileSync(join(DIR, 'expected/pingtan-jtj-2022.json'), 'utf8')) as Truth;

function edit(text: string, from: string, to: string): string {
  expect(text.includes(from), from).toBe(true);
  return text.replace(from, to);
}

const run = (text: string) => {
  const { report, diagnostics } = extract(readText(new TextEncoder().encode(text)));
  const findings = report ? check(report, { extraction: diagnostics }) : diagnostics;
  return { report, diagnostics, findings };
};

describe('7. a narrative sentence in a table section is not a table row', () => {
  it('“部分公开答复 0 件，不予公开答复 2 件” before the table changes no cell and raises nothing', () => {
    const text = edit(
      jtj,
      '三、收到和处理政府信息公开申请情况 ',
      '三、收到和处理政府信息公开申请情况 本年度共收到申请11件，予以公开答复 7 件，部分公开答复 0 件，不予公开答复 2 件，均按时答复。 ',
    );
    const { report, diagnostics } = run(text);
    const s = scoreAgainstTruth(report, truth);
    expect(s.wrong).toEqual([]);
    expect(s.right).toBe(s.total);
    expect(diagnostics.filter((d) => d.path?.[0] === 'requests' && d.severity !== 'info')).toEqual([]);
  });
});

describe('8. headings lost, renamed or mistyped while the content is there', () => {
  it('finds all six sections and reports none missing', () => {
    let text = edit(jtj, '一、总体情况', '一总体情况');
    text = edit(text, '二、主动公开政府信息情况', '二、主动公开政府信息情况（有关情况附表）');
    text = edit(text, '四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政法复议、行政诉讼情况');
    text = edit(text, '五、存在的主要问题及改进情况', '五、存在的主要问题及明年工作计划');
    const { report, findings } = run(text);
    expect(report!.outline!.map((h) => h.section)).toEqual([
      'overview',
      'proactive',
      'requests',
      'reviewLitigation',
      'problems',
      'other',
    ]);
    expect(findings.filter((d) => d.ruleId.startsWith('section-'))).toEqual([]);
    expect(scoreAgainstTruth(report, truth).wrong).toEqual([]);
  });
});

describe('9. agency and year', () => {
  it.each([
    ['标题:平潭综合实验区交通与建设局2022年度政府信息公开工作年度报告', '平潭综合实验区交通与建设局', 2022],
    [
      '登录|注册平潭综合实验区交通与建设局2022年度政府信息公开工作年度报告',
      '平潭综合实验区交通与建设局',
      2022,
    ],
    [
      '当前位置：首页>政务公开>年报>平潭综合实验区交通与建设局2022年度政府信息公开工作年度报告',
      '平潭综合实验区交通与建设局',
      2022,
    ],
  ])('page chrome before the title: %s', (title, agency, year) => {
    expect(parseTitle(title)).toEqual({ agency, year });
  });

  it.each([
    ['根据《条例》规定，现公布区统计局2023年政府信息公开工作年度报告。', '区统计局'],
    ['2020年，县审计局认真贯彻落实《中华人民共和国政府信息公开条例》。', '县审计局'],
  ])('the body named only in the first sentence: %s', (sentence, agency) => {
    const { report } = run(
      `${sentence}\n一、总体情况\n我局认真做好政府信息公开工作。\n二、主动公开政府信息情况\n`,
    );
    expect(report!.agency).toBe(agency);
  });

  it('a pronoun is not a body (“2022年，我局认真…”)', () => {
    const { report } = run(
      '2022年，我局认真贯彻落实《条例》。\n一、总体情况\n无。\n二、主动公开政府信息情况\n',
    );
    expect(report!.agency).toBeNull();
  });
});

describe('10. format variants', () => {
  it('a 2021 report keeping the 2019 single （六）其他处理 row: the other rows read, its figures not put in 2021’s rows', () => {
    const six = jtj.slice(jtj.indexOf('（六）其他处理'), jtj.indexOf('（七）总计'));
    for (const v of ['（六）其他处理 0 0 0 0 0 0 0 ', '(六)其他处理 0 0 0 0 0 0 0 ']) {
      const { report, diagnostics } = run(jtj.replace(six, v));
      // The row's figures are named, not dropped without a word.
      expect(
        diagnostics.some(
          (d) => d.ruleId === 'extract/unknown-row' && String(d.data.label).includes('其他处理'),
        ),
      ).toBe(true);
      const s = scoreAgainstTruth(report, truth);
      const wrong = s.wrong.filter((w) => !w.startsWith('requests.otherHandling.'));
      expect(wrong).toEqual([]);
      expect(
        Object.values(report!.requests.otherHandling as Record<string, Record<string, number | null>>)
          .flatMap((r) => Object.values(r))
          .every((v) => v === null),
      ).toBe(true);
    }
  });

  it('signed changes of the 2019 本年增/减 column, spaced or glued (“+2”, “0+11”)', () => {
    const report2019 = [
      '某局2020年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '第二十条第（五）项 信息内容 上一年项目数量 本年增/减 处理决定数量 行政许可 10 +2 12 其他对外管理服务事项 0+11 5',
      '三、收到和处理政府信息公开申请情况',
    ].join('\n');
    const { report } = run(report2019);
    expect(report!.proactive.licensing).toEqual({ previousItems: 10, change: 2, decisions: 12 });
    expect(report!.proactive.otherAdminServices).toEqual({ previousItems: 0, change: 11, decisions: 5 });
  });
});

describe('cut-off excerpts: a table cut out of a page, without its section headings', () => {
  const cut = (a: string, b: string) => jtj.slice(jtj.indexOf(a), jtj.indexOf(b));
  const title = '平潭综合实验区交通与建设局2022年度政府信息公开工作年度报告\n';
  const read = (x: object) => (JSON.stringify(x).match(/\d+/g) ?? []).length;
  it.each([
    ['表二 from its second row', cut('行政规范性文件 4 0 16', '三、收到和处理'), 7, 0, 0],
    ['表二 whole', cut('第二十条第（一）项', '三、收到和处理'), 10, 0, 0],
    [
      '表三 without its header',
      cut('一、本年新收政府信息公开申请数量', '四、政府信息公开行政复议'),
      0,
      175,
      0,
    ],
    ['表三 and 表四', cut('申请人情况', '五、存在的主要问题'), 0, 175, 15],
  ])('%s', (_name, excerpt, t2, t3, t4) => {
    const { report } = run(title + excerpt);
    expect([read(report!.proactive), read(report!.requests), read(report!.reviewLitigation)]).toEqual([
      t2,
      t3,
      t4,
    ]);
    expect(scoreAgainstTruth(report, truth).wrong).toEqual([]);
  });
});

describe('6. a row label whose glyphs come out missing or in another order (a PDF text layer)', () => {
  it('reads the row by its label with a quarter of its characters off, and every other cell as before', () => {
    const file = 'examples/reports/002_3f168525c89639f9.txt';
    const expected = JSON.parse(readFileSync('test/fixtures/expected/002_3f168525c89639f9.json', 'utf8'));
    const text = edit(
      edit(readFileSync(file, 'utf8'), '2.其他法律行政法规禁止公开', '2.其他法律行政止公开'),
      '3.补正后申请内容仍不明确',
      '3.补后申请内容仍明不确',
    );
    const { report, diagnostics } = run(text);
    expect(report!.requests).toEqual(expected.requests);
    expect(diagnostics.filter((d) => d.ruleId === 'extract/missing-row')).toEqual([]);
  });
});

describe('9. a spreadsheet whose agency and year stand only in a title cell', () => {
  it('reads them from the title cell, without the sheet name after it', () => {
    expect(parseTitle('××局2022年政府信息公开工作年度报告 — 二、主动公开政府信息情况')).toEqual({
      agency: '××局',
      year: 2022,
    });
    const cell = (text: string, col: number) => ({
      text,
      col,
      colSpan: 1,
      rowSpan: 1,
      source: { kind: 'xlsx' as const, sheet: '表二', cell: `${'ABCD'[col]}1` },
    });
    const { report } = extract({
      kind: 'xlsx',
      diagnostics: [],
      blocks: [
        {
          kind: 'table',
          layout: 'grid',
          source: { kind: 'xlsx', sheet: '表二', cell: 'A1' },
          rows: [
            {
              cells: [
                cell('某县审计局2022年政府信息公开工作年度报告 — 二、主动公开政府信息情况', 0),
                cell('', 1),
              ],
              source: { kind: 'xlsx', sheet: '表二', cell: 'A1' },
            },
            {
              cells: [cell('行政许可', 0), cell('3', 1)],
              source: { kind: 'xlsx', sheet: '表二', cell: 'A2' },
            },
          ],
        },
      ],
    });
    expect([report?.agency, report?.year]).toEqual(['某县审计局', 2022]);
  });
});
