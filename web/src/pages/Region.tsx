// A region: its sum for a year in the official tables (GET /api/aggregate) with what was summed, what was left out
// and the findings of the sum; and its dashboards over the years (GET /api/dashboard): applications received by
// agency and year, outcome shares, correction rates of 行政复议 and 行政诉讼, findings by rule, the units with the
// most errors — each chart with its figures a click away. Loaded lazily: only this page pulls in ECharts.
import { useQuery } from '@tanstack/react-query';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import type { Report } from '../../../src/model/report.ts';
import type { AggregateMember, CoveredReport, MisfiledReport, RegionReport } from '../../../src/region.ts';
import type { DashboardSchema } from '../../../src/server/routes/dashboard.ts';
import { api, query, type AgenciesAnswer } from '../api.ts';
import { Chart, type FigureColumn, type FigureRow } from '../components/Chart.tsx';
import { OfficialTables, type Mark } from '../components/OfficialTables.tsx';
import { useNumber, useT, type Messages } from '../i18n.tsx';

type Dashboard = z.infer<typeof DashboardSchema>;

/** A report of the aggregate's listing, any of its kinds (src/region.ts, the listing's own types). */
type Member = AggregateMember & Partial<CoveredReport & RegionReport & MisfiledReport>;

interface AggregateAnswer {
  report: Report;
  members: Member[];
  covered: Member[];
  regionReports: Member[];
  misfiled: Member[];
  missing: { agency: string; region: string | null; years: number[] }[];
  diagnostics: Diagnostic[];
}

const OUTCOMES = [
  'granted',
  'partiallyGranted',
  'denied',
  'unableToProvide',
  'notProcessed',
  'otherHandling',
] as const;

const messages: Messages<
  | 'title'
  | 'region'
  | 'regionAll'
  | 'year'
  | 'download'
  | 'loading'
  | 'noYears'
  | 'sum'
  | 'sumLine'
  | 'members'
  | 'covered'
  | 'coveredBy'
  | 'regionReports'
  | 'differences'
  | 'noDifferences'
  | 'misfiled'
  | 'misfiledPlace'
  | 'missing'
  | 'missingYears'
  | 'findings'
  | 'noFindings'
  | 'dashboards'
  | 'received'
  | 'receivedNote'
  | 'agency'
  | 'outcomes'
  | 'outcomesNote'
  | 'outcome'
  | 'share'
  | OutcomeKey
  | 'correction'
  | 'correctionNote'
  | 'review'
  | 'litigation'
  | 'litigationDirect'
  | 'litigationAfterReview'
  | 'kind'
  | 'upheld'
  | 'corrected'
  | 'other'
  | 'pending'
  | 'total'
  | 'rate'
  | 'byRule'
  | 'byRuleNote'
  | 'rule'
  | 'severity'
  | 'count'
  | 'reports'
  | 'error'
  | 'warning'
  | 'info'
  | 'worst'
  | 'worstNote'
  | 'errors'
  | 'warnings'
> = {
  zh: {
    title: '地区汇总',
    region: '地区',
    regionAll: '全部地区',
    year: '年度',
    download: '下载汇总表',
    loading: '加载中…',
    noYears: '文库中还没有年报。先在文库页导入。',
    sum: '{region} {year} 年度汇总',
    sumLine: '汇总 {members} 份年报；由全地区年报代表的 {covered} 份未重复计入；未报送 {missing} 个机关',
    members: '计入汇总的年报',
    covered: '由全地区年报代表（未重复计入）',
    coveredBy: '由 #{id} 代表',
    regionReports: '本地区自身的全地区年报（与汇总比较）',
    differences: '与各成员之和不符 {n} 处',
    noDifferences: '与各成员之和相符',
    misfiled: '归错地区（按名称属于他处，未计入）',
    misfiledPlace: '名称属于 {place}',
    missing: '未报送',
    missingYears: '曾报送：{years}',
    findings: '汇总的问题',
    noFindings: '汇总没有问题。',
    dashboards: '图表（{years}）',
    received: '新收申请数（按机关、年度）',
    receivedNote: '表三“一、本年新收政府信息公开申请数量”总计列；空白表示未填写，不是 0',
    agency: '机关',
    outcomes: '{year} 年度办理结果构成',
    outcomesNote: '各项 ÷ 表三“（七）总计”，地区汇总',
    outcome: '办理结果',
    share: '占比',
    granted: '予以公开',
    partiallyGranted: '部分公开',
    denied: '不予公开',
    unableToProvide: '无法提供',
    notProcessed: '不予处理',
    otherHandling: '其他处理',
    correction: '行政复议、行政诉讼纠正率',
    correctionNote:
      '纠正率 = 结果纠正 ÷（结果维持 + 结果纠正 + 其他结果）；尚未审结的不计入分母。行政诉讼为两类合计。',
    review: '行政复议',
    litigation: '行政诉讼',
    litigationDirect: '行政诉讼·未经复议直接起诉',
    litigationAfterReview: '行政诉讼·复议后起诉',
    kind: '类别',
    upheld: '结果维持',
    corrected: '结果纠正',
    other: '其他结果',
    pending: '尚未审结',
    total: '总计',
    rate: '纠正率',
    byRule: '{year} 年度问题（按规则）',
    byRuleNote: '地区内各机关当前年报的问题条数',
    rule: '规则',
    severity: '级别',
    count: '条数',
    reports: '涉及年报',
    error: '错误',
    warning: '警告',
    info: '提示',
    worst: '{year} 年度错误最多的机关',
    worstNote: '前 10 名',
    errors: '错误',
    warnings: '警告',
  },
  en: {
    title: 'Region',
    region: 'Region',
    regionAll: 'all regions',
    year: 'Year',
    download: 'Download the sum',
    loading: 'Loading…',
    noYears: 'The library holds no report yet. Import some on the Library page.',
    sum: '{region} — sum of {year}',
    sumLine:
      '{members} reports summed; {covered} stood for by a whole-region report (not counted twice); {missing} agencies missing',
    members: 'Reports summed',
    covered: 'Stood for by a whole-region report (not counted twice)',
    coveredBy: 'by #{id}',
    regionReports: "The region's own whole-region reports (compared with the sum)",
    differences: '{n} cells differ from the members’ sum',
    noDifferences: 'equal to the members’ sum',
    misfiled: 'Filed under the wrong region (named for a place elsewhere; not summed)',
    misfiledPlace: 'named for {place}',
    missing: 'Not reported',
    missingYears: 'reported for {years}',
    findings: 'Findings of the sum',
    noFindings: 'The sum has no findings.',
    dashboards: 'Charts ({years})',
    received: 'Applications received, by agency and year',
    receivedNote: 'Table 3 “1. newly received”, total column; blank means not filled in, not 0',
    agency: 'Agency',
    outcomes: 'Outcomes of {year}',
    outcomesNote: 'each ÷ table 3 “(7) total”, of the region’s sum',
    outcome: 'Outcome',
    share: 'Share',
    granted: 'granted',
    partiallyGranted: 'partially granted',
    denied: 'denied',
    unableToProvide: 'unable to provide',
    notProcessed: 'not processed',
    otherHandling: 'other handling',
    correction: 'Correction rate of administrative review and litigation',
    correctionNote:
      'rate = corrected ÷ (upheld + corrected + other); pending cases are left out. Litigation: both kinds together.',
    review: 'Review',
    litigation: 'Litigation',
    litigationDirect: 'Litigation, direct',
    litigationAfterReview: 'Litigation after review',
    kind: 'Kind',
    upheld: 'upheld',
    corrected: 'corrected',
    other: 'other',
    pending: 'pending',
    total: 'total',
    rate: 'rate',
    byRule: 'Findings of {year} by rule',
    byRuleNote: "findings of the region's current reports",
    rule: 'Rule',
    severity: 'Severity',
    count: 'Findings',
    reports: 'Reports',
    error: 'error',
    warning: 'warning',
    info: 'info',
    worst: 'Agencies with the most errors in {year}',
    worstNote: 'top 10',
    errors: 'Errors',
    warnings: 'Warnings',
  },
};

type OutcomeKey = (typeof OUTCOMES)[number];

const RANK: Record<Mark, number> = { error: 3, warning: 2, info: 1 };
const COLORS = ['#9b1c1c', '#d9822b', '#0b57a4', '#1a7f37', '#6b4fa0', '#5c6670', '#c2185b', '#00838f'];

/** A share or rate as a percentage (blank when not known). */
const percent = (v: string | number | null) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : '');

/** The region paths of the library and every region above them, for the suggestions. */
function regionsOf(answer: AgenciesAnswer | undefined): string[] {
  const out = new Set<string>();
  for (const a of answer?.agencies ?? []) {
    const parts = a.region.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('/'));
  }
  return [...out].sort();
}

function MemberLink({ m }: { m: Member }) {
  return (
    <Link to={`/reports/${m.reportId}`} title={m.file}>
      {m.agency ?? m.file}
    </Link>
  );
}

function Listing({ data }: { data: AggregateAnswer }) {
  const t = useT(messages);
  return (
    <div className="listing">
      <h2>
        {t('members')} ({data.members.length})
      </h2>
      <ul data-testid="members">
        {data.members.map((m) => (
          <li key={m.reportId}>
            <MemberLink m={m} /> <span className="tag">{m.region ?? ''}</span>
          </li>
        ))}
      </ul>
      {data.covered.length > 0 && (
        <>
          <h2>
            {t('covered')} ({data.covered.length})
          </h2>
          <ul>
            {data.covered.map((m) => (
              <li key={m.reportId}>
                <MemberLink m={m} /> <span className="tag">{t('coveredBy', { id: m.coveredBy ?? '' })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {data.regionReports.length > 0 && (
        <>
          <h2>{t('regionReports')}</h2>
          <ul>
            {data.regionReports.map((m) => (
              <li key={m.reportId}>
                <MemberLink m={m} />{' '}
                {m.differences && m.differences.length > 0 ? (
                  <details>
                    <summary className="n-err">{t('differences', { n: m.differences.length })}</summary>
                    <ul>
                      {m.differences.map((d, i) => (
                        <li key={i}>{d.message}</li>
                      ))}
                    </ul>
                  </details>
                ) : (
                  <span className="tag">{t('noDifferences')}</span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {data.misfiled.length > 0 && (
        <>
          <h2>{t('misfiled')}</h2>
          <ul>
            {data.misfiled.map((m) => (
              <li key={m.reportId}>
                <MemberLink m={m} />{' '}
                <span className="tag">{t('misfiledPlace', { place: m.place ?? '' })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {data.missing.length > 0 && (
        <>
          <h2>
            {t('missing')} ({data.missing.length})
          </h2>
          <ul className="missing" data-testid="missing">
            {data.missing.map((m) => (
              <li key={`${m.region}/${m.agency}`}>
                {m.agency} <span className="tag">{t('missingYears', { years: m.years.join('、') })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('findings')}</h2>
      {data.diagnostics.length === 0 ? (
        <p className="tag">{t('noFindings')}</p>
      ) : (
        <ul className="findings" data-testid="sum-findings">
          {data.diagnostics.map((d, i) => (
            <li key={i} className={`sev-${d.severity}`}>
              <code>{d.ruleId}</code> {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Sum({ year, region }: { year: number; region: string }) {
  const t = useT(messages);
  const agg = useQuery({
    queryKey: ['aggregate', year, region],
    queryFn: () => api<AggregateAnswer>(`/aggregate${query({ year, region })}`),
  });
  const marks = useMemo(() => {
    const m = new Map<string, Mark>();
    for (const d of agg.data?.diagnostics ?? []) {
      if (!d.path) continue;
      const key = d.path.join('.');
      const had = m.get(key);
      if (!had || RANK[d.severity] > RANK[had]) m.set(key, d.severity);
    }
    return m;
  }, [agg.data]);
  if (agg.isPending) return <p className="empty">{t('loading')}</p>;
  if (agg.error) return <p className="bad">{agg.error.message}</p>;
  const d = agg.data;
  return (
    <section className="sum" data-testid="sum">
      <div className="sum-head">
        <h1>{t('sum', { region: region || t('regionAll'), year })}</h1>
        <span className="downloads">
          {t('download')}{' '}
          {(['xlsx', 'docx'] as const).map((to) => (
            <a
              key={to}
              className="button"
              href={`/api${`/aggregate${query({ year, region, to })}`}`}
              download
            >
              {to.toUpperCase()}
            </a>
          ))}
        </span>
      </div>
      <p className="tag">
        {t('sumLine', { members: d.members.length, covered: d.covered.length, missing: d.missing.length })}
      </p>
      <div className="sum-body">
        <div className="sum-tables">
          <OfficialTables report={d.report} marks={marks} />
        </div>
        <Listing data={d} />
      </div>
    </section>
  );
}

function Dashboards({ year, region, years }: { year: number; region: string; years: number[] }) {
  const t = useT(messages);
  const n = useNumber();
  const board = useQuery({
    queryKey: ['dashboard', region, years],
    queryFn: () => api<Dashboard>(`/dashboard${query({ region, years: years.join(',') })}`),
  });
  const charts = useMemo(() => {
    const d = board.data;
    if (!d) return null;
    const sum = d.sums.find((s) => s.year === year);

    // Applications received, by agency (rows) and year (series).
    const agencies: { key: string; name: string; region: string }[] = [];
    const byAgency = new Map<string, FigureRow>();
    for (const r of d.reports) {
      const key = r.agencyId === null ? `#${r.reportId}` : String(r.agencyId);
      if (!byAgency.has(key)) {
        agencies.push({ key, name: r.agency ?? `#${r.reportId}`, region: r.region });
        byAgency.set(key, { agency: r.agency ?? `#${r.reportId}`, region: r.region });
      }
      byAgency.get(key)![String(r.year)] = r.received;
    }
    const receivedRows = agencies.map((a) => byAgency.get(a.key)!);
    const received: EChartsCoreOption = {
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: agencies.map((a) => a.name),
        axisLabel: { width: 170, overflow: 'truncate' },
      },
      series: d.years.map((y, i) => ({
        type: 'bar',
        barMaxWidth: 24,
        name: String(y),
        data: receivedRows.map((r) => r[String(y)] ?? null),
        itemStyle: { color: COLORS[i % COLORS.length] },
      })),
    };
    const receivedColumns: FigureColumn[] = [
      { key: 'agency', header: t('agency') },
      { key: 'region', header: t('region') },
      ...d.years.map((y) => ({ key: String(y), header: String(y), format: n })),
    ] as FigureColumn[];

    // Outcome shares of the year's sum.
    const shareRows: FigureRow[] = sum
      ? OUTCOMES.map((k) => ({ outcome: t(k), share: sum.indicators.shares[k] }))
      : [];
    const outcomes: EChartsCoreOption = {
      legend: { orient: 'vertical', left: 0, top: 'middle' },
      series: [
        {
          type: 'pie',
          radius: ['26%', '52%'],
          center: ['60%', '52%'],
          label: { formatter: '{d}%', overflow: 'none' },
          labelLine: { length: 8, length2: 6 },
          data: shareRows
            .filter((r) => typeof r.share === 'number')
            .map((r, i) => ({
              name: r.outcome,
              value: r.share,
              itemStyle: { color: COLORS[i % COLORS.length] },
            })),
        },
      ],
    };

    // Correction rates per year.
    const blockRow = (y: number, kind: string, b: Record<string, number | null>, rate: number | null) => ({
      year: y,
      kind,
      upheld: b.upheld ?? null,
      corrected: b.corrected ?? null,
      other: b.other ?? null,
      pending: b.pending ?? null,
      total: b.total ?? null,
      rate,
    });
    const correctionRows: FigureRow[] = d.sums.flatMap((s) => [
      blockRow(s.year, t('review'), s.review, s.indicators.reviewCorrectionRate),
      blockRow(s.year, t('litigationDirect'), s.litigationDirect, s.indicators.litigationCorrectionRate),
      blockRow(
        s.year,
        t('litigationAfterReview'),
        s.litigationAfterReview,
        s.indicators.litigationCorrectionRate,
      ),
    ]);
    const correction: EChartsCoreOption = {
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: d.sums.map((s) => String(s.year)) },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${v * 100}%` } },
      series: [
        {
          type: 'line',
          name: t('review'),
          connectNulls: false,
          data: d.sums.map((s) => s.indicators.reviewCorrectionRate),
          itemStyle: { color: COLORS[0] },
        },
        {
          type: 'line',
          name: t('litigation'),
          connectNulls: false,
          data: d.sums.map((s) => s.indicators.litigationCorrectionRate),
          itemStyle: { color: COLORS[2] },
        },
      ],
    };
    const correctionColumns: FigureColumn[] = [
      { key: 'year', header: t('year') },
      { key: 'kind', header: t('kind') },
      ...(['upheld', 'corrected', 'other', 'pending', 'total'] as const).map((k) => ({
        key: k,
        header: t(k),
        format: n,
      })),
      { key: 'rate', header: t('rate'), format: percent },
    ] as FigureColumn[];

    // Findings by rule, this year.
    const ruleRows: FigureRow[] = d.rules
      .filter((r) => r.year === year)
      .map((r) => ({ rule: r.rule, severity: r.severity, count: r.count, reports: r.reports }));
    const ruleNames = [...new Set(ruleRows.map((r) => String(r.rule)))];
    const bySeverity = (s: string) =>
      ruleNames.map((name) => ruleRows.find((r) => r.rule === name && r.severity === s)?.count ?? null);
    const byRule: EChartsCoreOption = {
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: ruleNames },
      series: (['error', 'warning', 'info'] as const).map((s) => ({
        type: 'bar',
        barMaxWidth: 24,
        stack: 'n',
        name: t(s),
        data: bySeverity(s),
        itemStyle: { color: s === 'error' ? '#b3261e' : s === 'warning' ? '#e0a100' : '#8c959f' },
      })),
    };

    // The units with the most errors this year (the API lists them most errors first).
    const worstRows: FigureRow[] = d.reports
      .filter((r) => r.year === year && r.errors > 0)
      .slice(0, 10)
      .map((r) => ({
        agency: r.agency ?? `#${r.reportId}`,
        reportId: r.reportId,
        errors: r.errors,
        warnings: r.warnings,
      }));
    const worst: EChartsCoreOption = {
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: worstRows.map((r) => r.agency),
        axisLabel: { width: 170, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 24,
          stack: 'n',
          name: t('errors'),
          data: worstRows.map((r) => r.errors),
          itemStyle: { color: '#b3261e' },
        },
        {
          type: 'bar',
          barMaxWidth: 24,
          stack: 'n',
          name: t('warnings'),
          data: worstRows.map((r) => r.warnings),
          itemStyle: { color: '#e0a100' },
        },
      ],
    };
    return {
      received,
      receivedRows,
      receivedColumns,
      receivedHeight: Math.max(200, 60 + agencies.length * 14 * Math.max(1, d.years.length)),
      outcomes,
      shareRows,
      correction,
      correctionRows,
      correctionColumns,
      byRule,
      ruleRows,
      ruleHeight: Math.max(200, 50 + ruleNames.length * 22),
      worst,
      worstRows,
    };
  }, [board.data, year, t, n]);

  if (board.isPending) return <p className="empty">{t('loading')}</p>;
  if (board.error) return <p className="bad">{board.error.message}</p>;
  if (!charts) return null;
  return (
    <section className="dashboards">
      <h2>{t('dashboards', { years: board.data.years.join('、') })}</h2>
      <div className="charts">
        <Chart
          testId="chart-received"
          title={t('received')}
          note={t('receivedNote')}
          option={charts.received}
          columns={charts.receivedColumns}
          rows={charts.receivedRows}
          height={charts.receivedHeight}
        />
        <Chart
          testId="chart-outcomes"
          title={t('outcomes', { year })}
          note={t('outcomesNote')}
          option={charts.outcomes}
          columns={[
            { key: 'outcome', header: t('outcome') },
            { key: 'share', header: t('share'), format: percent },
          ]}
          rows={charts.shareRows.some((r) => r.share !== null) ? charts.shareRows : []}
        />
        <Chart
          testId="chart-correction"
          title={t('correction')}
          note={t('correctionNote')}
          option={charts.correction}
          columns={charts.correctionColumns}
          rows={charts.correctionRows}
        />
        <Chart
          testId="chart-rules"
          title={t('byRule', { year })}
          note={t('byRuleNote')}
          option={charts.byRule}
          columns={[
            { key: 'rule', header: t('rule') },
            {
              key: 'severity',
              header: t('severity'),
              format: (v) => t((v as 'error' | 'warning' | 'info') ?? 'info'),
            },
            { key: 'count', header: t('count') },
            { key: 'reports', header: t('reports') },
          ]}
          rows={charts.ruleRows}
          height={charts.ruleHeight}
        />
        <Chart
          testId="chart-worst"
          title={t('worst', { year })}
          note={t('worstNote')}
          option={charts.worst}
          columns={[
            {
              key: 'agency',
              header: t('agency'),
              format: (v, row) => <Link to={`/reports/${row.reportId}`}>{v}</Link>,
            },
            { key: 'errors', header: t('errors') },
            { key: 'warnings', header: t('warnings') },
          ]}
          rows={charts.worstRows}
        />
      </div>
    </section>
  );
}

export function RegionPage() {
  const t = useT(messages);
  const [params, setParams] = useSearchParams();
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const library = useQuery({ queryKey: ['years'], queryFn: () => api<AgenciesAnswer>('/agencies') });
  const years = useMemo(() => {
    const ys = new Set<number>();
    for (const a of library.data?.agencies ?? []) for (const y of a.years) ys.add(y);
    return [...ys].sort((a, b) => a - b);
  }, [library.data]);
  const regions = useMemo(() => regionsOf(library.data), [library.data]);
  const region = params.get('region') ?? '';
  const [draft, setDraft] = useState(region);
  const asked = Number(params.get('year'));
  const year = years.includes(asked) ? asked : years.at(-1);

  return (
    <div className="region-page">
      <section className="filters">
        <label>
          {t('region')}
          <input
            list="region-options"
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              // A suggestion picked (or the field cleared) is taken at once; a region typed, on Enter or leaving.
              if (e.target.value === '' || regions.includes(e.target.value)) set('region', e.target.value);
            }}
            onBlur={() => set('region', draft.trim())}
            onKeyDown={(e) => {
              if (e.key === 'Enter') set('region', draft.trim());
            }}
            placeholder={t('regionAll')}
            data-testid="region"
          />
          <datalist id="region-options">
            {regions.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </label>
        <label>
          {t('year')}
          <select value={year ?? ''} onChange={(e) => set('year', e.target.value)} data-testid="year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      </section>
      {library.isPending ? (
        <p className="empty">{t('loading')}</p>
      ) : library.error ? (
        <p className="bad">{library.error.message}</p>
      ) : year === undefined ? (
        <p className="empty">{t('noYears')}</p>
      ) : (
        <>
          <Sum year={year} region={region.trim()} />
          <Dashboards year={year} region={region.trim()} years={years} />
        </>
      )}
    </div>
  );
}
