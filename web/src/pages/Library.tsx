// The library: every stored report (current versions) filtered by year, region, kind, status and text, with its
// counts of errors and warnings; the coverage of the region for the year (who has not reported); the upload.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  createColumnHelper,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, query, type AgenciesAnswer, type Listed, type ReportPage } from '../api.ts';
import { Upload } from '../components/Upload.tsx';
import { TableView } from '../components/TableView.tsx';
import { useT, type Messages } from '../i18n.tsx';

const messages: Messages<
  | 'title'
  | 'year'
  | 'region'
  | 'kind'
  | 'status'
  | 'q'
  | 'all'
  | 'errors'
  | 'warnings'
  | 'clean'
  | 'agency'
  | 'format'
  | 'file'
  | 'version'
  | 'stored'
  | 'total'
  | 'prev'
  | 'next'
  | 'none'
  | 'coverage'
  | 'coverageLine'
  | 'missingList'
  | 'loading'
  | 'edited'
  | 'errorsCol'
  | 'warningsCol'
> = {
  zh: {
    title: '文库',
    year: '年度',
    region: '地区',
    kind: '文件类型',
    status: '状态',
    q: '搜索机关或文件名',
    all: '全部',
    errors: '有错误',
    warnings: '有警告',
    clean: '无问题',
    agency: '机关',
    format: '格式',
    file: '文件',
    version: '版本',
    stored: '入库时间',
    total: '共 {total} 份，第 {page}/{pages} 页',
    prev: '上一页',
    next: '下一页',
    none: '文库中没有符合条件的年报。把文件拖到上方即可导入。',
    coverage: '报送情况',
    coverageLine: '{year} 年度：已报送 {reported}，未报送 {missing}，从未报送 {noReports}',
    missingList: '未报送：',
    loading: '加载中…',
    edited: '已修改',
    errorsCol: '错误',
    warningsCol: '警告',
  },
  en: {
    title: 'Library',
    year: 'Year',
    region: 'Region',
    kind: 'File kind',
    status: 'Status',
    q: 'Search agency or file name',
    all: 'all',
    errors: 'with errors',
    warnings: 'with warnings',
    clean: 'clean',
    agency: 'Agency',
    format: 'Format',
    file: 'File',
    version: 'Version',
    stored: 'Stored',
    total: '{total} reports, page {page}/{pages}',
    prev: 'Previous',
    next: 'Next',
    none: 'No report in the library matches. Drop files above to import them.',
    coverage: 'Coverage',
    coverageLine: '{year}: {reported} reported, {missing} missing, {noReports} never reported',
    missingList: 'Not reported:',
    loading: 'Loading…',
    edited: 'edited',
    errorsCol: 'Errors',
    warningsCol: 'Warnings',
  },
};

const KINDS = ['text', 'html', 'docx', 'doc', 'pdf', 'xlsx', 'json'] as const;
const column = createColumnHelper<Listed>();

function Coverage({ year, region }: { year: string; region: string }) {
  const t = useT(messages);
  const agencies = useQuery({
    queryKey: ['agencies', year, region],
    queryFn: () => api<AgenciesAnswer>(`/agencies${query({ year, region })}`),
  });
  const a = agencies.data;
  if (!a || a.year === null) return null;
  const missing = a.agencies.filter((x) => x.status !== 'reported');
  return (
    <section className="coverage" data-testid="coverage">
      <h2>{t('coverage')}</h2>
      <p>{t('coverageLine', { year: a.year, ...a.counts })}</p>
      {missing.length > 0 && (
        <p className="missing">
          {t('missingList')} {missing.map((m) => m.name).join('、')}
        </p>
      )}
    </section>
  );
}

export function LibraryPage() {
  const t = useT(messages);
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? '';
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const page = Number(get('page') || '1');
  const filters = {
    year: get('year'),
    region: get('region'),
    kind: get('kind'),
    status: get('status'),
    q: get('q'),
  };
  const years = useQuery({ queryKey: ['years'], queryFn: () => api<AgenciesAnswer>('/agencies') });
  const list = useQuery({
    queryKey: ['reports', filters, page],
    queryFn: () => api<ReportPage>(`/reports${query({ ...filters, page, pageSize: 50 })}`),
    placeholderData: keepPreviousData,
  });
  const allYears = useMemo(() => {
    const ys = new Set<number>();
    for (const a of years.data?.agencies ?? []) for (const y of a.years) ys.add(y);
    for (const r of list.data?.items ?? []) if (r.year !== null) ys.add(r.year);
    return [...ys].sort((a, b) => b - a);
  }, [years.data, list.data]);

  const columns = useMemo(
    () => [
      column.accessor('agency', {
        header: () => t('agency'),
        cell: (c) => (
          <Link to={`/reports/${c.row.original.id}`}>{c.getValue() ?? c.row.original.fileName}</Link>
        ),
      }),
      column.accessor('year', { header: () => t('year') }),
      column.accessor('region', { header: () => t('region'), cell: (c) => c.getValue() ?? '' }),
      column.accessor('formatVersion', { header: () => t('format') }),
      column.accessor('errors', {
        header: () => t('errorsCol'),
        cell: (c) => <span className={c.getValue() ? 'n-err' : 'n-ok'}>{c.getValue()}</span>,
      }),
      column.accessor('warnings', {
        header: () => t('warningsCol'),
        cell: (c) => <span className={c.getValue() ? 'n-warn' : 'n-ok'}>{c.getValue()}</span>,
      }),
      column.accessor('fileName', {
        header: () => t('file'),
        cell: (c) => (
          <span className="file" title={c.getValue()}>
            <span className={`kind k-${c.row.original.kind}`}>{c.row.original.kind}</span> {c.getValue()}
          </span>
        ),
      }),
      column.accessor('version', {
        header: () => t('version'),
        cell: (c) => (
          <>
            v{c.getValue()}
            {c.row.original.origin === 'edit' && <span className="tag"> {t('edited')}</span>}
          </>
        ),
      }),
    ],
    [t],
  );
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data: list.data?.items ?? [],
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <div className="library">
      <Upload />
      <section className="filters">
        <label>
          {t('year')}
          <select value={filters.year} onChange={(e) => set('year', e.target.value)} data-testid="f-year">
            <option value="">{t('all')}</option>
            {allYears.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('region')}
          <input
            value={filters.region}
            onChange={(e) => set('region', e.target.value)}
            placeholder="河南省/…"
          />
        </label>
        <label>
          {t('kind')}
          <select value={filters.kind} onChange={(e) => set('kind', e.target.value)}>
            <option value="">{t('all')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('status')}
          <select value={filters.status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('all')}</option>
            <option value="errors">{t('errors')}</option>
            <option value="warnings">{t('warnings')}</option>
            <option value="clean">{t('clean')}</option>
          </select>
        </label>
        <label className="grow">
          <input
            type="search"
            value={filters.q}
            onChange={(e) => set('q', e.target.value)}
            placeholder={t('q')}
            aria-label={t('q')}
          />
        </label>
      </section>
      <Coverage year={filters.year} region={filters.region} />
      {list.isPending ? (
        <p className="empty">{t('loading')}</p>
      ) : list.error ? (
        <p className="bad">{list.error.message}</p>
      ) : list.data.total === 0 ? (
        <p className="empty">{t('none')}</p>
      ) : (
        <>
          <TableView table={table} className="grid" testId="reports" />
          <div className="pager">
            <button type="button" disabled={page <= 1} onClick={() => set('page', String(page - 1))}>
              {t('prev')}
            </button>
            <span>{t('total', { total: list.data.total, page, pages })}</span>
            <button type="button" disabled={page >= pages} onClick={() => set('page', String(page + 1))}>
              {t('next')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
