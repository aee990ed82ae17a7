// fast-check arbitraries of valid reports (every identity of format-spec §8 holds) for the property tests.
import fc from 'fast-check';
import type { FormatVersion, RowDef, TableDef, TableKey } from '../../src/model/format.ts';
import { FORMATS, formatOf } from '../../src/model/formats/index.ts';
import {
  blankReport,
  blankTable,
  cellsOf,
  rowValues,
  SECTION_KEYS,
  type Report,
  type Sections,
  type TableValues,
} from '../../src/model/report.ts';

/** The years a format version is used for (format-spec §2); a format in force has no end, we stop 4 years on (2025). */
export function yearsOf(version: FormatVersion): readonly [number, number] {
  const [from, to] = formatOf(version).years;
  return [from, to ?? from + 4];
}

/**
 * The rows of table 3's 勾稽关系 (format-spec §8.1 T3-1: 一 + 二 = 三（七）+ 四). The format data only carries it
 * as the header note, so the keys are named here.
 */
export const T3_1 = {
  newlyReceived: 'newlyReceived',
  carriedOver: 'carriedOver',
  totalHandled: 'totalHandled',
  carriedForward: 'carriedForward',
} as const;
const T3_1_ROWS = new Set<string>(Object.values(T3_1));

// ---------------------------------------------------------------------------------------------------------------
// Figures

/** How big a report's figures are: most reports are all zeros or small, a few (whole provinces) are huge. */
type Scale = 'zero' | 'small' | 'medium' | 'large';

const arbScale: fc.Arbitrary<Scale> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Scale>('zero') },
  { weight: 4, arbitrary: fc.constant<Scale>('small') },
  { weight: 3, arbitrary: fc.constant<Scale>('medium') },
  { weight: 2, arbitrary: fc.constant<Scale>('large') },
);

/** A count (integer ≥ 0) of a report of the given scale; zeros dominate, as in real reports. */
function arbCount(scale: Scale): fc.Arbitrary<number> {
  const zero = fc.constant(0);
  switch (scale) {
    case 'zero':
      return zero;
    case 'small':
      return fc.oneof(
        { weight: 6, arbitrary: zero },
        { weight: 4, arbitrary: fc.integer({ min: 1, max: 9 }) },
        { weight: 1, arbitrary: fc.integer({ min: 10, max: 99 }) },
      );
    case 'medium':
      return fc.oneof(
        { weight: 4, arbitrary: zero },
        { weight: 4, arbitrary: fc.integer({ min: 1, max: 99 }) },
        { weight: 2, arbitrary: fc.integer({ min: 100, max: 9_999 }) },
      );
    case 'large':
      return fc.oneof(
        { weight: 3, arbitrary: zero },
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 999 }) },
        { weight: 2, arbitrary: fc.integer({ min: 1_000, max: 1_000_000 }) },
      );
  }
}

/** 本年增/减: "减用负值表示，如-8" (format-spec §4.1); never -0, which would not equal a parsed "0". */
function arbSigned(scale: Scale): fc.Arbitrary<number> {
  return fc.tuple(arbCount(scale), fc.boolean()).map(([n, neg]) => (neg && n !== 0 ? -n : n));
}

/**
 * An amount in 万元 with up to 4 decimals (e.g. 1655.0887), or an integer. Built from its decimal text so that
 * the number is exactly what parsing the written figure gives back.
 */
function arbAmount(scale: Scale): fc.Arbitrary<number> {
  if (scale === 'zero') return fc.constant(0);
  const max = scale === 'small' ? 99 : scale === 'medium' ? 9_999 : 999_999;
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max }) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max }), fc.integer({ min: 1, max: 4 }), fc.nat())
        .map(([i, d, f]) => Number(`${i}.${String(f % 10 ** d).padStart(d, '0')}`)),
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

function rowByKey(table: TableDef, key: string): RowDef {
  const row = table.rows.find((r) => r.path.join('.') === key);
  if (!row) throw new Error(`no row ${key} in table ${table.key}`);
  return row;
}

function identity(table: TableDef) {
  const id = table.rowIdentities[0];
  if (!id) throw new Error(`table ${table.key} has no row identity`);
  return id;
}

/** Table 2: no identities, each cell drawn by its column kind (count, signed 本年增/减, amount in 万元). */
function arbProactive(table: TableDef, scale: Scale): fc.Arbitrary<TableValues> {
  const cells = table.rows.flatMap((row) => row.columns.map((column) => ({ row, column })));
  const arbs = cells.map(({ column }) =>
    column.kind === 'amount'
      ? arbAmount(scale)
      : column.kind === 'signed'
        ? arbSigned(scale)
        : arbCount(scale),
  );
  return fc.tuple(...arbs).map((values) => {
    const t = blankTable(table);
    cells.forEach(({ row, column }, i) => (rowValues(t, row)[column.key] = values[i]!));
    return t;
  });
}

/**
 * Table 3 with every identity holding: each row's 总计 = the six applicant columns (T3-2); （七）总计 = the sum of
 * the outcome rows (T3-3); 一 + 二 = （七）+ 四 per column (T3-1), with 二 and 四 drawn and 一 derived (≥ 0).
 */
function arbRequests(table: TableDef, scale: Scale): fc.Arbitrary<TableValues> {
  const { total, parts } = identity(table);
  const outcomes = table.rows.filter((r) => !T3_1_ROWS.has(r.path.join('.')));
  const n = outcomes.length * parts.length;
  const count = arbCount(scale);
  const vector = (len: number) => fc.array(count, { minLength: len, maxLength: len });
  return fc.tuple(vector(n), vector(parts.length), vector(parts.length)).map(([cells, forward, over]) => {
    const t = blankTable(table);
    const row = (key: string) => rowValues(t, rowByKey(table, key));
    parts.forEach((column, j) => {
      let handled = 0;
      outcomes.forEach((r, i) => {
        const v = cells[i * parts.length + j]!;
        rowValues(t, r)[column] = v;
        handled += v;
      });
      const carriedForward = forward[j]!;
      // 上年结转 can be at most what was handled plus carried forward, or 本年新收 would be negative.
      const carriedOver = over[j]! % (handled + carriedForward + 1);
      row(T3_1.totalHandled)[column] = handled;
      row(T3_1.carriedForward)[column] = carriedForward;
      row(T3_1.carriedOver)[column] = carriedOver;
      row(T3_1.newlyReceived)[column] = handled + carriedForward - carriedOver;
    });
    for (const r of table.rows) {
      const v = rowValues(t, r);
      v[total] = parts.reduce((s, p) => s + v[p]!, 0);
    }
    return t;
  });
}

/** Table 4: each block's 总计 = 维持 + 纠正 + 其他 + 尚未审结 (T4-1). */
function arbReviewLitigation(table: TableDef, scale: Scale): fc.Arbitrary<TableValues> {
  const { total, parts } = identity(table);
  // Cases are rarer than applications: one step smaller than the report's scale.
  const smaller: Scale = scale === 'large' ? 'medium' : scale === 'medium' ? 'small' : scale;
  const n = table.rows.length * parts.length;
  return fc.array(arbCount(smaller), { minLength: n, maxLength: n }).map((cells) => {
    const t = blankTable(table);
    table.rows.forEach((r, i) => {
      const v = rowValues(t, r);
      parts.forEach((p, j) => (v[p] = cells[i * parts.length + j]!));
      v[total] = parts.reduce((s, p) => s + v[p]!, 0);
    });
    return t;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Metadata and sections

const PROVINCES = [
  '河南省',
  '湖北省',
  '浙江省',
  '江苏省',
  '广东省',
  '四川省',
  '山东省',
  '湖南省',
  '安徽省',
  '福建省',
];
const REGIONS = ['广西壮族自治区', '内蒙古自治区', '宁夏回族自治区', '新疆维吾尔自治区', '西藏自治区'];
const MUNICIPALITIES = ['北京市', '上海市', '天津市', '重庆市'];
const CITIES = [
  '郑州市',
  '洛阳市',
  '三门峡市',
  '新乡市',
  '武汉市',
  '咸宁市',
  '杭州市',
  '衢州市',
  '南京市',
  '苏州市',
  '深圳市',
  '广州市',
  '成都市',
  '绵阳市',
  '济南市',
  '长沙市',
  '合肥市',
  '福州市',
];
const COUNTIES = [
  '牧野区',
  '龙岗区',
  '番禺区',
  '西湖区',
  '渑池县',
  '卢氏县',
  '义马市',
  '漳平市',
  '宁国市',
  '桐庐县',
];
const TOWNS = ['城关镇', '青龙镇', '柳林乡', '东风街道办事处', '南湖街道办事处'];
/** Departments of a city or county government (局 level). */
const BUREAUS = [
  '民政局',
  '审计局',
  '财政局',
  '教育局',
  '生态环境局',
  '自然资源和规划局',
  '住房和城乡建设局',
  '交通运输局',
  '卫生健康委员会',
  '市场监督管理局',
  '机关事务管理局',
  '统计局',
  '司法局',
  '人力资源和社会保障局',
  '应急管理局',
  '农业农村局',
  '水利局',
  '文化广电和旅游局',
  '商务局',
  '退役军人事务局',
  '医疗保障局',
  '发展和改革委员会',
  '工业和信息化局',
];
/** Departments of a provincial government (厅 level). */
const DEPARTMENTS = [
  '民政厅',
  '审计厅',
  '财政厅',
  '教育厅',
  '生态环境厅',
  '交通运输厅',
  '司法厅',
  '机关事务管理局',
];

/** A realistic name of the reporting body: a government office, a department, a township. */
export const arbAgency: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...PROVINCES, ...REGIONS), fc.constantFrom('人民政府办公厅', ...DEPARTMENTS))
    .map((p) => p.join('')),
  fc
    .tuple(
      fc.constantFrom(...MUNICIPALITIES, ...CITIES),
      fc.constantFrom('人民政府', '人民政府办公室', ...BUREAUS),
    )
    .map((p) => p.join('')),
  fc
    .tuple(
      fc.constantFrom(...CITIES),
      fc.constantFrom(...COUNTIES),
      fc.constantFrom('人民政府办公室', ...BUREAUS),
    )
    .map((p) => p.join('')),
  fc.tuple(fc.constantFrom(...COUNTIES), fc.constantFrom('人民政府', ...BUREAUS)).map((p) => p.join('')),
  fc
    .tuple(fc.constantFrom(...COUNTIES), fc.constantFrom(...TOWNS))
    .map(([c, t]) => (t.endsWith('办事处') ? c + t : `${c}${t}人民政府`)),
);

// Section text is built from sentences that contain no word of any table's labels or vocabulary, so that no
// line of it can be taken for a table row (writer.test.ts checks this against the format data).
const SENTENCES: Readonly<Record<keyof Sections, readonly string[]>> = {
  overview: [
    '本年度，本机关坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》。',
    '我们进一步健全工作机制，明确分管领导和具体工作人员，确保各项工作有序推进。',
    '围绕群众关注关切，及时发布政策解读和工作动态，不断提升工作透明度。',
    '通过门户网站、政务新媒体等渠道发布政务信息{n}条。',
    '严格落实保密审查制度，做到先审查、后发布。',
    '加强政务公开专栏建设，优化栏目设置，方便群众查阅。',
    '组织开展业务培训{n}次，参训人员{n}人次。',
    '将政务公开工作纳入年度目标考核，压实工作责任。',
  ],
  proactive: [
    '本年度，本机关依法做好主动公开工作，各类信息均按规定时限发布。',
    '重点围绕财政预决算、重大建设、公共资源配置等领域加大公开力度。',
    '全年发布政策解读材料{n}篇，回应社会关切{n}次。',
    '具体数据见下表。',
  ],
  requests: [
    '本年度，本机关严格按照法定程序和时限办理群众提出的信息公开申请。',
    '所有申请均在法定期限内答复，答复内容规范，告知事项完整。',
    '进一步完善登记、审核、答复、归档等环节的工作流程。',
    '具体办理情况如下表所示。',
  ],
  reviewLitigation: [
    '本年度，本机关未发生因政府信息公开工作引发的复议或诉讼案件。',
    '相关案件均依法妥善应对，积极配合复议机关和人民法院开展工作。',
    '具体情况见下表。',
  ],
  problems: [
    '一是公开内容的深度和广度还有待进一步拓展。',
    '二是工作人员业务能力还需进一步提高。',
    '三是政策解读的形式还不够丰富。',
    '下一步，我们将加强业务培训，提升工作人员的业务水平。',
    '针对上一年度报告提出的问题，已逐项整改到位。',
  ],
  other: [
    '本年度未收取信息处理费。',
    '本机关依据《政府信息公开信息处理费管理办法》规定，本年度实际收取信息处理费{n}元。',
    '本年度人大代表建议和政协提案办理结果已全部按要求公开。',
  ],
};

/** Sub-headings many reports give section 一 (format-spec §3.1: the five topics). */
const OVERVIEW_TOPICS = [
  '（一）主动公开情况',
  '（二）依申请公开情况',
  '（三）政府信息管理情况',
  '（四）平台建设情况',
  '（五）监督保障情况',
];

function arbSentence(section: keyof Sections): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...SENTENCES[section]),
      fc.integer({ min: 1, max: 9_999 }),
      fc.integer({ min: 1, max: 99 }),
    )
    .map(([s, a, b]) => s.replace('{n}', String(a)).replace('{n}', String(b)));
}

function arbParagraph(section: keyof Sections): fc.Arbitrary<string> {
  return fc.array(arbSentence(section), { minLength: 1, maxLength: 3 }).map((s) => s.join(''));
}

function paragraphs(section: keyof Sections): fc.Arbitrary<string> {
  return fc.array(arbParagraph(section), { minLength: 1, maxLength: 2 }).map((ps) => ps.join('\n'));
}

/** The six sections' text: one to three paragraphs each, joined by "\n"; section 一 sometimes has sub-headings. */
export const arbSections: fc.Arbitrary<Sections> = fc.record(
  Object.fromEntries(
    SECTION_KEYS.map((k) => [
      k,
      k === 'overview'
        ? fc
            .array(fc.tuple(fc.boolean(), arbParagraph(k)), { minLength: 1, maxLength: 3 })
            .map((ps) => ps.flatMap(([topic, p], i) => (topic ? [OVERVIEW_TOPICS[i]!, p] : [p])).join('\n'))
        : k === 'other'
          ? // Many reports say just "无" here.
            fc.oneof(fc.constant('无'), paragraphs(k))
          : paragraphs(k),
    ]),
  ) as Record<keyof Sections, fc.Arbitrary<string>>,
);

// ---------------------------------------------------------------------------------------------------------------
// Reports

function arbReportOf(version: FormatVersion): fc.Arbitrary<Report> {
  const f = formatOf(version);
  const table = (k: TableKey) => f.tables.find((t) => t.key === k)!;
  const [from, to] = yearsOf(version);
  return fc
    .record({
      agency: arbAgency,
      year: fc.integer({ min: from, max: to }),
      sections: arbSections,
      proactive: arbScale.chain((s) => arbProactive(table('proactive'), s)),
      requests: arbScale.chain((s) => arbRequests(table('requests'), s)),
      reviewLitigation: arbScale.chain((s) => arbReviewLitigation(table('reviewLitigation'), s)),
    })
    .map((parts) => ({ ...blankReport(version), ...parts }));
}

/** Random valid reports of one format version (or either): every cell filled, every identity holding. */
export function arbReport(version?: FormatVersion): fc.Arbitrary<Report> {
  return version ? arbReportOf(version) : fc.oneof(...FORMATS.map((f) => arbReportOf(f.version)));
}

/**
 * Reports with some cells blank (null): a few random cells, and sometimes the zeros of whole rows or tables left
 * blank, as reports often do. Identities hold where the blanks stood for zeros, not where figures were dropped.
 */
export function arbBlankyReport(version?: FormatVersion): fc.Arbitrary<Report> {
  const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 8 });
  const zeroRows = fc.oneof(fc.constant<number[]>([]), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }));
  return fc
    .tuple(arbReport(version), picks, zeroRows, fc.boolean())
    .map(([report, cells, rows, wholeTable]) => {
      const out = structuredClone(report);
      const all = [...cellsOf(formatOf(out.formatVersion))];
      const valuesOf = (c: (typeof all)[number]) => rowValues(out[c.table.key], c.row);
      for (const i of cells) {
        const c = all[i % all.length]!;
        valuesOf(c)[c.column.key] = null;
      }
      // Zeros written as blanks, row by row or (3 in 4 tables with it on) the whole of table 3.
      const rowKeys = [...new Set(all.map((c) => `${c.table.key}.${c.row.path.join('.')}`))];
      const blankRows = new Set(rows.map((i) => rowKeys[i % rowKeys.length]!));
      for (const c of all) {
        const key = `${c.table.key}.${c.row.path.join('.')}`;
        const blankZeros = blankRows.has(key) || (wholeTable && c.table.key === 'requests');
        if (blankZeros && valuesOf(c)[c.column.key] === 0) valuesOf(c)[c.column.key] = null;
      }
      return out;
    });
}

/** Every cell of a report with its dotted model path, in format order. */
export function reportCells(report: Report): { path: string; value: number | null; rowPath: string }[] {
  return [...cellsOf(formatOf(report.formatVersion))].map((c) => ({
    path: c.path.join('.'),
    rowPath: [c.table.key, ...c.row.path].join('.'),
    value: rowValues(report[c.table.key], c.row)[c.column.key] ?? null,
  }));
}

/** Whether a report has no blank cell. */
export function isComplete(report: Report): boolean {
  return reportCells(report).every((c) => c.value !== null);
}
