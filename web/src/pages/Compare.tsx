// An agency's two years side by side: the later year's tables in the official layout with every changed cell showing
// the earlier figure and the change (GET /api/compare), the cross-year findings — the carry-over check T3-6 and the
// copied text X-5 — at the top (GET /api/compare/findings), the indicators and the sections' text similarity.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { SECTIONS } from '../../../src/model/formats/common.ts';
import type { Report } from '../../../src/model/report.ts';
import type { CompareFindingsSchema } from '../../../src/server/routes/dashboard.ts';
import { api, query, type AgenciesAnswer, type ReportDetail } from '../api.ts';
import { OfficialTables } from '../components/OfficialTables.tsx';
import { useLang, useNumber, useT, type Messages } from '../i18n.tsx';

type CrossYear = z.infer<typeof CompareFindingsSchema>;

interface Side {
  agency: string | null;
  year: number | null;
  formatVersion: string;
  file: string;
  reportId: number;
  version: number;
}
/** A cell that differs (src/aggregate/compare.ts CellDifference). */
interface CellDifference {
  path: string;
  label: string;
  a: number | null;
  b: number | null;
  delta: number | null;
}

/** GET /api/compare: the two sides and compareReports' result (src/region.ts comparisonObject). */
interface Compared {
  a: Side;
  b: Side;
  comparable: Record<'proactive' | 'requests' | 'reviewLitigation', boolean>;
  cells: CellDifference[];
  indicators: { key: keyof typeof INDICATORS; a: number | null; b: number | null; delta: number | null }[];
  sections: { section: string; lengthA: number; lengthB: number; similarity: number | null }[];
}

const INDICATORS = {
  applications: { zh: '新收申请数', en: 'Applications received', kind: 'count' },
  handled: { zh: '办理总数（（七）总计）', en: 'Handled ((7) total)', kind: 'count' },
  'shares.granted': { zh: '予以公开占比', en: 'Share granted', kind: 'share' },
  'shares.partiallyGranted': { zh: '部分公开占比', en: 'Share partially granted', kind: 'share' },
  'shares.denied': { zh: '不予公开占比', en: 'Share denied', kind: 'share' },
  'shares.unableToProvide': { zh: '无法提供占比', en: 'Share unable to provide', kind: 'share' },
  'shares.notProcessed': { zh: '不予处理占比', en: 'Share not processed', kind: 'share' },
  'shares.otherHandling': { zh: '其他处理占比', en: 'Share other handling', kind: 'share' },
  reviewCorrectionRate: { zh: '行政复议纠正率', en: 'Review correction rate', kind: 'share' },
  litigationCorrectionRate: { zh: '行政诉讼纠正率', en: 'Litigation correction rate', kind: 'share' },
} as const;

const messages: Messages<
  | 'agency'
  | 'pick'
  | 'years'
  | 'loading'
  | 'needAgency'
  | 'needYears'
  | 'title'
  | 'crossYear'
  | 'crossYearNone'
  | 'crossYearRules'
  | 'legend'
  | 'notComparable'
  | 'indicators'
  | 'indicator'
  | 'delta'
  | 'cells'
  | 'cellsNone'
  | 'cell'
  | 'sections'
  | 'section'
  | 'similarity'
  | 'copied'
  | 'noText'
> = {
  zh: {
    agency: '机关',
    pick: '输入或选择机关',
    years: '年度',
    loading: '加载中…',
    needAgency: '选择一个机关，再选两个年度。',
    needYears: '{agency} 在文库中只有 {years} 年度的年报，需要两个年度。',
    title: '{agency}：{a} 年度与 {b} 年度对比',
    crossYear: '跨年度核对',
    crossYearNone: '没有发现问题：上年结转（T3-6）相符，各部分文字没有照抄上一年度（X-5）。',
    crossYearRules: '按 {rules} 规则以 {a} 年度报告核对 {b} 年度报告',
    legend: '下表为 {b} 年度；有变化的单元格标出 {a} 年度数和增减。',
    notComparable: '两年格式不同，表二未逐格比较（格式说明 §4.3）。',
    indicators: '指标',
    indicator: '指标',
    delta: '增减',
    cells: '有变化的单元格（{n}）',
    cellsNone: '两年各单元格数字相同。',
    cell: '单元格',
    sections: '各部分文字相似度',
    section: '部分',
    similarity: '相似度',
    copied: '疑似照抄',
    noText: '缺少文字',
  },
  en: {
    agency: 'Agency',
    pick: 'type or pick an agency',
    years: 'Years',
    loading: 'Loading…',
    needAgency: 'Pick an agency, then two years.',
    needYears: '{agency} has reports for {years} only in the library; two years are needed.',
    title: '{agency}: {a} against {b}',
    crossYear: 'Cross-year checks',
    crossYearNone: 'No finding: the carry-over matches (T3-6) and no section copies the year before (X-5).',
    crossYearRules: "{b}'s report checked against {a}'s by the rules {rules}",
    legend: 'The tables of {b}; a changed cell shows the figure of {a} and the change.',
    notComparable: 'The formats differ: table 2 is not compared cell by cell (format-spec §4.3).',
    indicators: 'Indicators',
    indicator: 'Indicator',
    delta: 'Change',
    cells: 'Cells that changed ({n})',
    cellsNone: 'Every cell has the same figure in both years.',
    cell: 'Cell',
    sections: 'Text similarity of the sections',
    section: 'Section',
    similarity: 'Similarity',
    copied: 'copied?',
    noText: 'no text',
  },
};

/** A change with its sign; blank when not known. */
function signed(n: (v: number | null) => string, v: number | null): string {
  if (v === null) return '';
  return v > 0 ? `+${n(v)}` : n(v);
}

function Tables({ data }: { data: Compared }) {
  const t = useT(messages);
  const b = useQuery({
    queryKey: ['report', String(data.b.reportId)],
    queryFn: () => api<ReportDetail>(`/reports/${data.b.reportId}`),
  });
  const changed = useMemo(() => new Map(data.cells.map((c) => [c.path, c])), [data.cells]);
  if (b.isPending) return <p className="empty">{t('loading')}</p>;
  if (b.error) return <p className="bad">{b.error.message}</p>;
  const report = b.data.report as unknown as Report;
  return (
    <div className="compare-tables">
      <p className="tag">{t('legend', { a: data.a.year ?? '', b: data.b.year ?? '' })}</p>
      {!data.comparable.proactive && <p className="warn-line">{t('notComparable')}</p>}
      <OfficialTables
        report={report}
        cellClass={(path) => {
          const c = changed.get(path);
          if (!c) return undefined;
          return c.delta === null ? 'changed' : c.delta > 0 ? 'changed up' : 'changed down';
        }}
        renderInput={(path, _value, cell) => {
          const c: CellDifference | undefined = changed.get(path);
          if (!c) return cell.text;
          return (
            <span className="two" title={c.label}>
              <span className="now">{cell.text}</span>
              <span className="was">
                {c.a === null ? '—' : String(c.a)}
                {c.delta !== null && <b> · {c.delta > 0 ? `+${c.delta}` : String(c.delta)}</b>}
              </span>
            </span>
          );
        }}
      />
    </div>
  );
}

function Side({
  data,
  cross,
  n,
}: {
  data: Compared;
  cross: CrossYear | undefined;
  n: (v: number | null) => string;
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const copied = new Set(
    (cross?.diagnostics ?? []).filter((d) => d.ruleId === 'X-5').map((d) => d.path?.[1] as string),
  );
  const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);
  return (
    <aside className="compare-side">
      <h2>{t('indicators')}</h2>
      <table className="grid figures" data-testid="indicators">
        <thead>
          <tr>
            <th>{t('indicator')}</th>
            <th>{data.a.year}</th>
            <th>{data.b.year}</th>
            <th>{t('delta')}</th>
          </tr>
        </thead>
        <tbody>
          {data.indicators.map((i) => {
            const def = INDICATORS[i.key];
            const show = def.kind === 'share' ? pct : n;
            const delta =
              i.delta === null
                ? ''
                : def.kind === 'share'
                  ? `${i.delta > 0 ? '+' : ''}${(i.delta * 100).toFixed(1)} pp`
                  : signed(n, i.delta);
            return (
              <tr key={i.key}>
                <td>{def[lang]}</td>
                <td>{show(i.a)}</td>
                <td>{show(i.b)}</td>
                <td className={i.delta ? (i.delta > 0 ? 'up' : 'down') : undefined}>{delta}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t('sections')}</h2>
      <table className="grid figures" data-testid="sections">
        <thead>
          <tr>
            <th>{t('section')}</th>
            <th>{t('similarity')}</th>
          </tr>
        </thead>
        <tbody>
          {data.sections.map((s) => {
            const def = SECTIONS.find((x) => x.key === s.section);
            return (
              <tr key={s.section} className={copied.has(s.section) ? 'copied' : undefined}>
                <td>{lang === 'zh' ? def?.heading : def?.headingEn}</td>
                <td>
                  {s.similarity === null ? t('noText') : pct(s.similarity)}
                  {copied.has(s.section) && <span className="flag"> {t('copied')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t('cells', { n: data.cells.length })}</h2>
      {data.cells.length === 0 ? (
        <p className="tag">{t('cellsNone')}</p>
      ) : (
        <table className="grid figures" data-testid="cells">
          <thead>
            <tr>
              <th>{t('cell')}</th>
              <th>{data.a.year}</th>
              <th>{data.b.year}</th>
              <th>{t('delta')}</th>
            </tr>
          </thead>
          <tbody>
            {data.cells.map((c) => (
              <tr key={c.path}>
                <td>{c.label}</td>
                <td>{n(c.a)}</td>
                <td>{n(c.b)}</td>
                <td className={c.delta ? (c.delta > 0 ? 'up' : 'down') : undefined}>{signed(n, c.delta)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}

function Comparing({ agency, years }: { agency: string; years: [number, number] }) {
  const t = useT(messages);
  const n = useNumber();
  const q = query({ agency, years: years.join(',') });
  const compared = useQuery({
    queryKey: ['compare', agency, years],
    queryFn: () => api<Compared>(`/compare${q}`),
  });
  const cross = useQuery({
    queryKey: ['compare-findings', agency, years],
    queryFn: () => api<CrossYear>(`/compare/findings${q}`),
  });
  if (compared.isPending) return <p className="empty">{t('loading')}</p>;
  if (compared.error) return <p className="bad">{compared.error.message}</p>;
  const d = compared.data;
  return (
    <div className="comparing">
      <h1>
        {t('title', { agency: d.b.agency ?? agency, a: d.a.year ?? '', b: d.b.year ?? '' })}{' '}
        <span className="tag">
          <Link to={`/reports/${d.a.reportId}`}>
            {d.a.year} · {d.a.formatVersion} · {d.a.file}
          </Link>{' '}
          ·{' '}
          <Link to={`/reports/${d.b.reportId}`}>
            {d.b.year} · {d.b.formatVersion} · {d.b.file}
          </Link>
        </span>
      </h1>
      <section className="cross-year" data-testid="cross-year">
        <h2>{t('crossYear')}</h2>
        {cross.isPending ? (
          <p className="tag">{t('loading')}</p>
        ) : cross.error ? (
          <p className="bad">{cross.error.message}</p>
        ) : cross.data.diagnostics.length === 0 ? (
          <p className="ok-line">{t('crossYearNone')}</p>
        ) : (
          <ul>
            {cross.data.diagnostics.map((f, i) => (
              <li key={i} className={`sev-${f.severity}`}>
                <code>{f.ruleId}</code> {f.message}
              </li>
            ))}
          </ul>
        )}
        {cross.data && (
          <p className="tag">
            {t('crossYearRules', {
              rules: cross.data.rules.join('、'),
              a: d.a.year ?? '',
              b: d.b.year ?? '',
            })}
          </p>
        )}
      </section>
      <div className="compare-body">
        <Tables data={d} />
        <Side data={d} cross={cross.data} n={n} />
      </div>
    </div>
  );
}

export function ComparePage() {
  const t = useT(messages);
  const [params, setParams] = useSearchParams();
  const agency = params.get('agency') ?? '';
  const [draft, setDraft] = useState(agency);
  const library = useQuery({ queryKey: ['years'], queryFn: () => api<AgenciesAnswer>('/agencies') });
  const names = useMemo(
    () => [...new Set((library.data?.agencies ?? []).map((a) => a.name))].sort(),
    [library.data],
  );
  const available = useMemo(() => {
    const ys = new Set<number>();
    for (const a of library.data?.agencies ?? []) if (a.name === agency) for (const y of a.years) ys.add(y);
    return [...ys].sort((a, b) => a - b);
  }, [library.data, agency]);
  const asked = (params.get('years') ?? '')
    .split(/[,，]/)
    .map(Number)
    .filter((y) => available.includes(y));
  const years: [number, number] | null =
    asked.length === 2
      ? [asked[0]!, asked[1]!]
      : available.length >= 2
        ? [available.at(-2)!, available.at(-1)!]
        : null;
  const update = (next: { agency?: string; years?: [number, number] | null }) => {
    const p = new URLSearchParams(params);
    const a = next.agency ?? agency;
    if (a) p.set('agency', a);
    else p.delete('agency');
    if (next.years) p.set('years', next.years.join(','));
    else if (next.agency !== undefined) p.delete('years');
    setParams(p, { replace: true });
  };
  const take = (name: string) => {
    if (name.trim() !== agency) update({ agency: name.trim(), years: null });
  };

  return (
    <div className="compare-page">
      <section className="filters">
        <label>
          {t('agency')}
          <input
            list="agency-options"
            value={draft}
            placeholder={t('pick')}
            data-testid="agency"
            onChange={(e) => {
              setDraft(e.target.value);
              if (names.includes(e.target.value)) take(e.target.value);
            }}
            onBlur={() => take(draft)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') take(draft);
            }}
          />
          <datalist id="agency-options">
            {names.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        {years && (
          <label>
            {t('years')}
            {[0, 1].map((i) => (
              <select
                key={i}
                value={years[i]}
                data-testid={`year-${i}`}
                onChange={(e) => {
                  const next: [number, number] = [...years];
                  next[i] = Number(e.target.value);
                  update({ years: next });
                }}
              >
                {available.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            ))}
          </label>
        )}
      </section>
      {!agency ? (
        <p className="empty">{t('needAgency')}</p>
      ) : library.isPending ? (
        <p className="empty">{t('loading')}</p>
      ) : !years ? (
        <p className="empty">{t('needYears', { agency, years: available.join('、') || '—' })}</p>
      ) : (
        <Comparing agency={agency} years={years} />
      )}
    </div>
  );
}
