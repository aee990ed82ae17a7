// Table-driven tests of label variants, odd rows, units, placeholders and metadata.
import { describe, expect, it } from 'vitest';
import { FORMAT_2019, FORMAT_2021 } from '../model/formats/index.ts';
import { parseTextBlocks } from '../read/layout.ts';
import { extract } from './index.ts';
import { parseTitle } from './metadata.ts';
import { compileMatch, matchPosition, normalizeLabel } from './labels.ts';
import { matchRowLabel } from './tables.ts';
import { APPLICANT_COLUMNS } from '../model/formats/common.ts';

const doc = (text: string) => ({ kind: 'text' as const, blocks: parseTextBlocks(text), diagnostics: [] });
const run = (text: string) => extract(doc(text));

describe('label variants', () => {
  const cases: ['2019' | '2021', 'proactive' | 'requests' | 'reviewLitigation', string, string | null][] = [
    ['2019', 'requests', '(一) 予以公开', 'granted'],
    ['2019', 'requests', '（二）部分公开', 'partiallyGranted'],
    ['2019', 'requests', '(二) 部分公开(区分处理的,只计这一情形, 不计其他情形)', 'partiallyGranted'],
    ['2019', 'requests', '（二）部分公开（区分处理的，只计这一情形，\n不计其他情形）', 'partiallyGranted'],
    ['2019', 'requests', '2.其他法律法规禁止公开', 'denied.prohibitedByLaw'],
    ['2019', 'requests', '2.其他法律行政法规禁止公开', 'denied.prohibitedByLaw'],
    ['2019', 'requests', '3.危及“三安全一稳定”', 'denied.threeSafetiesOneStability'],
    ['2019', 'requests', '3.危及"三安全一稳定"', 'denied.threeSafetiesOneStability'],
    ['2019', 'requests', '3．危及三安全一稳定', 'denied.threeSafetiesOneStability'],
    ['2019', 'requests', '1. 本机关不掌握相关\n政府信息', 'unableToProvide.notHeld'],
    ['2019', 'requests', '（四）无法提供 1.本机关不掌握相关政府信息', 'unableToProvide.notHeld'],
    ['2019', 'requests', '三、本年度办理结果（一）予以公开', 'granted'],
    ['2019', 'requests', '（三）不予公开 1.属于国家秘密', 'denied.stateSecret'],
    ['2019', 'requests', '5.要求行政机关确认或重新出具已获取信息', 'notProcessed.confirmations'],
    ['2019', 'requests', '（六）其他处理', 'otherHandling'],
    ['2019', 'requests', '(六) 其他处理', 'otherHandling'],
    ['2019', 'requests', '（七）总计', 'totalHandled'],
    ['2019', 'requests', '（七） 总 计', 'totalHandled'],
    ['2019', 'requests', '四、结转下年度继续办理', 'carriedForward'],
    ['2019', 'requests', '一、本年新收政府信息公开申请数量', 'newlyReceived'],
    ['2019', 'requests', '二、上年结转政府信息公开申请数量', 'carriedOver'],
    ['2019', 'requests', '法人或其他组织', null],
    ['2019', 'requests', '三、本年度办理结果', null],
    ['2019', 'requests', '（三）不予公开', null],
    ['2021', 'requests', '3.其他', 'otherHandling.other'],
    ['2021', 'requests', '（六）其他处理 3.其他', 'otherHandling.other'],
    [
      '2021',
      'requests',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      'otherHandling.overdueCorrection',
    ],
    [
      '2021',
      'requests',
      '1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请',
      'otherHandling.overdueCorrection',
    ],
    [
      '2021',
      'requests',
      '（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      'otherHandling.overdueCorrection',
    ],
    [
      '2021',
      'requests',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      'otherHandling.overdueFee',
    ],
    ['2021', 'requests', '（六）其他处理', null],
    ['2019', 'proactive', '规章', 'regulations'],
    ['2019', 'proactive', '规章（设区的市、自治州人民政府应提供相关数据）', 'regulations'],
    ['2019', 'proactive', '规范性文件', 'normativeDocuments'],
    ['2019', 'proactive', '其他对外管理服务事项', 'otherAdminServices'],
    ['2019', 'proactive', '政府集中采购', 'procurement'],
    ['2019', 'proactive', '其他主动公开文件', null],
    ['2021', 'proactive', '行政规范性文件', 'normativeDocuments'],
    ['2021', 'proactive', '行政事业性收费', 'fees'],
    ['2021', 'reviewLitigation', '未经复议直接起诉', 'litigationDirect'],
    ['2021', 'reviewLitigation', '复议后起诉', 'litigationAfterReview'],
    ['2021', 'reviewLitigation', '行政复议', 'review'],
  ];
  it.each(cases)('%s %s “%s” → %s', (version, table, label, path) => {
    const format = version === '2019' ? FORMAT_2019 : FORMAT_2021;
    expect(matchRowLabel(format, table, label)?.path.join('.') ?? null).toBe(path);
  });

  it('every official column label names exactly its own column (header rows are read by these keys)', () => {
    for (const f of [FORMAT_2019, FORMAT_2021])
      for (const t of f.tables) {
        const columns = new Map(t.rows.flatMap((r) => r.columns.map((c) => [c.key, c] as const)));
        for (const c of columns.values()) {
          const label = normalizeLabel(c.label);
          const matching = [...columns.values()].filter(
            (o) => matchPosition(label, compileMatch(o.match)) >= 0,
          );
          expect(
            matching.map((o) => o.key),
            `${f.version} ${t.key} ${c.label}`,
          ).toEqual([c.key]);
        }
      }
  });

  it('no two rows of a table share a matching key', () => {
    for (const f of [FORMAT_2019, FORMAT_2021])
      for (const t of f.tables)
        for (const r of t.rows) {
          const m = matchRowLabel(f, t.key, r.label);
          expect(m?.path, `${f.version} ${r.label}`).toEqual(r.path);
          for (const v of r.variants ?? []) expect(matchRowLabel(f, t.key, v)?.path, v).toEqual(r.path);
        }
  });
});

const HEADER3 = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况',
  '\t自然人\t法人或其他组织\t\t\t\t\t总计',
  '\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
].join('\n');

describe('odd rows', () => {
  const table3 = (rows: string) => `三、收到和处理政府信息公开申请情况\n${HEADER3}\n${rows}\n`;
  const cases: {
    name: string;
    text: string;
    path: string[];
    values: (number | null)[];
    rule?: string;
    inferred?: string;
  }[] = [
    {
      name: 'exactly seven cells',
      text: table3('一、本年新收政府信息公开申请数量\t5\t1\t0\t0\t0\t0\t6'),
      path: ['newlyReceived'],
      values: [5, 1, 0, 0, 0, 0, 6],
    },
    {
      name: 'eight figures, the extra one found by the row total',
      text: table3('（七）总计\t15\t0\t0\t0\t0\t0\t0\t15'),
      path: ['totalHandled'],
      values: [15, 0, 0, 0, 0, 0, 15],
      rule: 'extract/extra-cells',
      inferred: 'arithmetic',
    },
    {
      name: 'eight figures that no total can explain stay blank',
      text: table3('（七）总计\t15\t2\t0\t0\t0\t0\t9\t15'),
      path: ['totalHandled'],
      values: [null, null, null, null, null, null, null],
      rule: 'extract/ambiguous-cells',
    },
    {
      name: 'figures run together, one split fits',
      text: table3('一、本年新收政府信息公开申请数量7000007'),
      path: ['newlyReceived'],
      values: [7, 0, 0, 0, 0, 0, 7],
      rule: 'extract/split-digits',
      inferred: 'split',
    },
    {
      name: 'figures run together, big numbers',
      text: table3('一、本年新收政府信息公开申请数量25181230265'),
      path: ['newlyReceived'],
      values: [251, 8, 1, 2, 3, 0, 265],
      rule: 'extract/split-digits',
      inferred: 'split',
    },
    {
      name: 'figures run together with blanks lost cannot be split',
      text: table3('（七）总计5'),
      path: ['totalHandled'],
      values: [null, null, null, null, null, null, null],
      rule: 'extract/unplaced-cells',
    },
    {
      name: 'placeholders are blanks',
      text: table3('二、上年结转政府信息公开申请数量\t/\t-\t—\t无\t0\t \t0'),
      path: ['carriedOver'],
      values: [null, null, null, null, 0, null, 0],
    },
    {
      name: 'full-width digits and spaces',
      text: table3('二、上年结转政府信息公开申请数量\t\u3000１\t\u00a00\t0\t0\t0\t0\t１'),
      path: ['carriedOver'],
      values: [1, 0, 0, 0, 0, 0, 1],
    },
    {
      name: 'markdown pipes',
      text: `三、收到和处理政府信息公开申请情况\n| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n| 一、本年新收政府信息公开申请数量 | 3 | | 1 | 0 | 0 | 0 | 4 |\n`,
      path: ['newlyReceived'],
      values: [3, null, 1, 0, 0, 0, 4],
    },
    {
      name: 'space-aligned with a blank cell placed under its header',
      text: [
        '三、收到和处理政府信息公开申请情况',
        '                                    自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计',
        '一、本年新收政府信息公开申请数量        10         2         0             0             0     0    12',
        '二、上年结转政府信息公开申请数量         1                   0             0             0     0     1',
      ].join('\n'),
      path: ['carriedOver'],
      values: [1, null, 0, 0, 0, 0, 1],
      rule: 'extract/missing-cells',
      inferred: 'grid',
    },
  ];
  it.each(cases)('$name', ({ text, path, values, rule, inferred }) => {
    const { report, diagnostics } = run(text);
    const keys = APPLICANT_COLUMNS.map((c) => c.key);
    let node: unknown = report!.requests;
    for (const k of path) node = (node as Record<string, unknown>)[k];
    expect(keys.map((k) => (node as Record<string, number | null>)[k])).toEqual(values);
    if (rule) expect(diagnostics.map((d) => d.ruleId)).toContain(rule);
    if (rule) expect(diagnostics.find((d) => d.ruleId === rule)!.path).toEqual(['requests', ...path]);
    if (inferred)
      expect(report!.provenance![['requests', ...path, 'naturalPerson'].join('.')]!.inferred).toBe(inferred);
  });
});

describe('table 2 figures', () => {
  const t2 = (rows: string) => `二、主动公开政府信息情况\n第二十条第（九）项\t\t\n${rows}\n`;
  it('reads 采购总金额 written in 元 as 万元, exactly', () => {
    const { report, diagnostics } = run(t2('信息内容\t采购项目数量\t采购总金额\n政府集中采购\t3\t251000元'));
    expect(report!.proactive.procurement).toEqual({ projects: 3, amount: 25.1 });
    expect(report!.provenance!['proactive.procurement.amount']!.unitFrom).toBe('元');
    expect(diagnostics.map((d) => d.ruleId)).toContain('extract/unit-converted');
  });
  it('takes the unit from the header', () => {
    const { report } = run(t2('信息内容\t采购项目数量\t采购总金额（单位：元）\n政府集中采购\t3\t1655088.7'));
    expect(report!.proactive.procurement).toEqual({ projects: 3, amount: 165.50887 });
  });
  it('keeps 万元 with four decimals', () => {
    const { report } = run(
      t2('信息内容\t采购项目数量\t采购总金额（单位：万元，保留4位小数）\n政府集中采购\t21\t1655.0887'),
    );
    expect(report!.proactive.procurement).toEqual({ projects: 21, amount: 1655.0887 });
  });
  it('reads signed 本年增/减 and columns in the header order', () => {
    const { report } = run(
      `二、主动公开政府信息情况\n第二十条第（五）项\n信息内容\t本年增/减\t上一年项目数量\t处理决定数量\n行政许可\t-8\t39\t1,200\n`,
    );
    expect(report!.proactive.licensing).toEqual({ previousItems: 39, change: -8, decisions: 1200 });
  });
  it('keeps a local extra row out and reports it', () => {
    const { report, diagnostics } = run(
      t2(
        '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n其他主动公开文件\t5\t5\t5\n规章\t0\t0\t0',
      ),
    );
    expect(report!.proactive.regulations).toEqual({ newlyMade: 0, newlyPublished: 0, totalPublished: 0 });
    const d = diagnostics.find((x) => x.ruleId === 'extract/unknown-row');
    expect(d?.data.label).toBe('其他主动公开文件');
  });
  it('leaves an ambiguous run of digits without a total blank', () => {
    const { report, diagnostics } = run(
      '二、主动公开政府信息情况\n第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规范性文件1212\n',
    );
    expect(report!.proactive.normativeDocuments).toEqual({
      newlyMade: null,
      newlyPublished: null,
      totalPublished: null,
    });
    expect(diagnostics.some((d) => d.ruleId === 'extract/ambiguous-cells')).toBe(true);
  });
});

describe('metadata', () => {
  it.each([
    ['义马市人民政府办公室2019年政府信息公开工作年度报告', '义马市人民政府办公室', 2019],
    ['市民政局政府信息公开工作2019年度报告', '市民政局', 2019],
    ['2021年上饶市民政局政府信息公开工作年度报告', '上饶市民政局', 2021],
    ['北京市人民政府2022年政府信息公开工作年度报告', '北京市人民政府', 2022],
    ['义马市审计局二〇二一年政府信息公开工作年度报告', '义马市审计局', 2021],
    ['关于２０２３年度政府信息公开工作的年度报告', null, 2023],
    ['某某县（区）应急管理局2024年度政务公开工作报告', '某某县（区）应急管理局', 2024],
  ])('%s', (title, agency, year) => {
    expect(parseTitle(title)).toEqual({ agency, year });
  });

  it('finds the title after a metadata box (索引号, 发布机构) set as a table', () => {
    const { report } = run(
      '索引号：\t00123/2020-00012\n河南省机关事务管理局2019年政府信息公开工作年度报告\n一、总体情况\n',
    );
    expect([report!.agency, report!.year]).toEqual(['河南省机关事务管理局', 2019]);
  });

  it('reads the title and headings of a Markdown document without their "#" marks ("#1号楼" stays text)', () => {
    const { report } = run(
      '# 长沙市民政局2024年政府信息公开工作年度报告\n\n## 一、总体情况 ##\n\n#1号楼已完工。\n\n## 五、存在的主要问题及改进情况\n\n无\n',
    );
    expect([report!.agency, report!.year]).toEqual(['长沙市民政局', 2024]);
    expect(report!.outline!.map((h) => [h.section, h.text])).toEqual([
      ['overview', '一、总体情况'],
      ['problems', '五、存在的主要问题及改进情况'],
    ]);
    expect([report!.sections.overview, report!.sections.problems]).toEqual(['#1号楼已完工。', '无']);
  });

  it('prefers the title naming agency and year over a running header above it', () => {
    const { report } = run(
      '长沙市民政局政府信息公开工作年度报告\n长沙市民政局2024年政府信息公开工作年度报告\n一、总体情况\n',
    );
    expect([report!.agency, report!.year]).toEqual(['长沙市民政局', 2024]);
  });

  it('places a short row under the headers of its own table-2 block, not a later one', () => {
    const { report } = run(
      [
        '某局2019年政府信息公开工作年度报告',
        '二、主动公开政府信息情况',
        '第二十条第（五）项',
        '信息内容          上一年项目数量     本年增/减     处理决定数量',
        '行政许可             39         3',
        '第二十条第（八）项',
        '信息内容                  上一年项目数量         本年增/减',
        '行政事业性收费                  0              0',
      ].join('\n'),
    );
    expect(report!.proactive.licensing).toEqual({ previousItems: 39, change: 3, decisions: null });
  });

  it('joins a label wrapped below its figures, not the header above, in aligned text', () => {
    const { report } = run(
      [
        '三、收到和处理政府信息公开申请情况',
        '                                 自然人  商业企业  科研机构  社会公益组织  法律服务机构  其他  总计',
        '一、本年新收政府信息公开申请数量      4        0         0           0             0      0     4',
        '8.属于行政查询事                      4        0         0           0             0      0     4',
        '项',
      ].join('\n'),
    );
    expect(report!.requests.totalHandled).toEqual(
      Object.fromEntries(Object.keys(report!.requests.totalHandled!).map((k) => [k, null])),
    );
    expect((report!.requests.denied as Record<string, unknown>).queryMatters).toMatchObject({
      naturalPerson: 4,
      total: 4,
    });
  });

  it('reads each table-4 cell once: a block given as its own row keeps those figures, the wide row the rest', () => {
    const { report, diagnostics } = run(
      [
        '四、政府信息公开行政复议、行政诉讼情况',
        '行政复议\t1\t0\t0\t0\t1',
        '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉',
        '\t0\t0\t0\t0\t0\t2\t0\t0\t0\t2\t0\t0\t0\t3\t3',
      ].join('\n'),
    );
    expect(report!.reviewLitigation.review).toEqual({
      upheld: 1,
      corrected: 0,
      other: 0,
      pending: 0,
      total: 1,
    });
    expect(report!.reviewLitigation.litigationDirect).toMatchObject({ upheld: 2, total: 2 });
    expect(report!.provenance!['reviewLitigation.review.upheld']).toMatchObject({
      text: '1',
      source: { line: 2 },
    });
    expect(diagnostics.find((d) => d.ruleId === 'extract/duplicate-row')?.path).toEqual([
      'reviewLitigation',
      'review',
    ]);
  });

  it('reports a 2019-format table in a 2021 report', () => {
    const { report, diagnostics } = run(
      '某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n',
    );
    expect(report!.formatVersion).toBe('2019');
    expect(diagnostics.map((d) => d.ruleId)).toContain('extract/format-version-mismatch');
  });

  it('returns no report for a text that is not one', () => {
    const r = run('这是一段与年度报告无关的文字。\n第二段。');
    expect(r.report).toBeNull();
    expect(r.diagnostics[0]!.ruleId).toBe('extract/no-report');
  });
});

describe('section texts', () => {
  const head = '某局2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n本机关依法主动公开。\n';
  const table = '信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n';

  it('leaves out a table’s official title printed right above the table (a caption, as DOCX writers set it)', () => {
    const { report } = run(`${head}主动公开政府信息情况\n${table}`);
    expect(report!.sections.proactive).toBe('本机关依法主动公开。');
    expect(report!.proactive.regulations).toEqual({ issued: 0, repealed: 0, inForce: 0 });
  });

  it('keeps the same words as text where no table follows them', () => {
    const { report } = run(`${head}主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n`);
    expect(report!.sections.proactive).toBe('本机关依法主动公开。\n主动公开政府信息情况');
  });
});
