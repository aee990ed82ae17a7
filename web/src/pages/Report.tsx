// A stored report, the reviewer's page: the header (agency, year, format, file, version and the versions, counts,
// scope, every export and the original); the three tables in the official layout with the findings marked, or the
// six sections with X-1 findings marked, or the audit trail; beside them a panel of the findings and, for the cell
// or finding selected, its message, verdict, repairs, the rule's documentation and the SOURCE with the origin marked.
// A cell is edited (double-click, or the button) into a new version, which the page then shows.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { nameOf as cellName } from '../../../src/model/cells.ts';
import type { SourceSpan } from '../../../src/model/source.ts';
import { formatOf } from '../../../src/model/formats/index.ts';
import type { Report } from '../../../src/model/report.ts';
import { officialLayout } from '../../../src/render/layout.ts';
import { api, ApiFailure, type ApiDiagnostic, type ReportDetail } from '../api.ts';
import { Audit } from '../components/Audit.tsx';
import { EditCell } from '../components/EditCell.tsx';
import { FindingDetail, FindingsList } from '../components/Findings.tsx';
import { OfficialTables, type Mark } from '../components/OfficialTables.tsx';
import { Sections } from '../components/Sections.tsx';
import { SourceView } from '../components/SourceView.tsx';
import { useLang, useT, type Messages } from '../i18n.tsx';

const messages: Messages<
  | 'format'
  | 'file'
  | 'version'
  | 'current'
  | 'edited'
  | 'errors'
  | 'warnings'
  | 'scope'
  | 'download'
  | 'original'
  | 'tables'
  | 'sections'
  | 'audit'
  | 'notCurrent'
  | 'toCurrent'
  | 'findings'
  | 'pick'
  | 'value'
  | 'blank'
  | 'asWritten'
  | 'edit'
  | 'source'
  | 'others'
  | 'noFinding'
  | 'downloading'
  | 'library'
  | 'inferred'
> = {
  zh: {
    format: '{v} 年格式',
    file: '文件',
    version: '版本',
    current: '当前',
    edited: '修改',
    errors: '错误 {n}',
    warnings: '警告 {n}',
    scope: '范围：{s}',
    download: '下载',
    original: '原文件',
    tables: '统计表',
    sections: '正文',
    audit: '修改记录',
    notCurrent: '这是旧版本（第 {v} 版），只能查看。',
    toCurrent: '打开当前版本',
    findings: '发现的问题',
    pick: '点击单元格或问题，查看说明和原文出处；双击单元格可修改。',
    value: '数值',
    blank: '空白（未填写）',
    asWritten: '原文写作',
    edit: '修改…',
    source: '原文出处',
    others: '此单元格的其他问题',
    noFinding: '此单元格没有问题。',
    downloading: '正在生成 {to}…',
    library: '文库',
    inferred: '由推断放置：{how}',
  },
  en: {
    format: '{v} format',
    file: 'File',
    version: 'Version',
    current: 'current',
    edited: 'edit',
    errors: '{n} errors',
    warnings: '{n} warnings',
    scope: 'scope: {s}',
    download: 'Download',
    original: 'Original',
    tables: 'Tables',
    sections: 'Sections',
    audit: 'Edits',
    notCurrent: 'This is an older version (version {v}): it can only be read.',
    toCurrent: 'Open the current version',
    findings: 'Findings',
    pick: 'Click a cell or a finding for its explanation and its source; double-click a cell to edit it.',
    value: 'Figure',
    blank: 'blank (not filled in)',
    asWritten: 'As written',
    edit: 'Edit…',
    source: 'Source',
    others: 'Other findings on this cell',
    noFinding: 'No finding on this cell.',
    downloading: 'Making the {to}…',
    library: 'Library',
    inferred: 'placed by inference: {how}',
  },
};

const RANK: Record<Mark, number> = { error: 3, warning: 2, info: 1 };
const EXPORTS = ['docx', 'pdf', 'html', 'xlsx', 'csv', 'json', 'md'] as const;

/** A figure's provenance entry. */
interface Provenance {
  text?: string;
  source?: SourceSpan;
  inferred?: string;
}

/** The file name of an attachment (RFC 5987 filename* first). */
function attachmentName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) return decodeURIComponent(star[1]!);
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain ? plain[1]! : fallback;
}

/** An export or the original downloaded through fetch, so that a refusal (PDF without Chromium: 503) is shown. */
async function download(url: string, fallback: string): Promise<void> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { error?: { message?: string } };
      if (body.error?.message) message = body.error.message;
    } catch {
      // not JSON
    }
    throw new Error(message);
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = attachmentName(response.headers.get('content-disposition'), fallback);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

function Downloads({ id }: { id: number }) {
  const t = useT(messages);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const get = (what: string, url: string) => {
    setBusy(what);
    setProblem(null);
    download(url, `report-${id}.${what}`)
      .catch((e: unknown) => setProblem(`${what.toUpperCase()}: ${e instanceof Error ? e.message : e}`))
      .finally(() => setBusy(null));
  };
  return (
    <div className="downloads" data-testid="downloads">
      <span className="muted">{t('download')}</span>
      {EXPORTS.map((to) => (
        <button
          key={to}
          type="button"
          disabled={busy !== null}
          onClick={() => get(to, `/api/reports/${id}/export?to=${to}`)}
          data-testid={`export-${to}`}
        >
          {to.toUpperCase()}
        </button>
      ))}
      <button
        type="button"
        disabled={busy !== null}
        onClick={() => get('source', `/api/reports/${id}/source`)}
        data-testid="export-source"
      >
        {t('original')}
      </button>
      {busy && <span className="muted">{t('downloading', { to: busy.toUpperCase() })}</span>}
      {problem && (
        <span className="bad" role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

type Tab = 'tables' | 'sections' | 'audit';

function ReportView({ d }: { d: ReportDetail }) {
  const t = useT(messages);
  const { lang } = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [tab, setTab] = useState<Tab>('tables');
  const [path, setPath] = useState<string | null>(null);
  const [findingId, setFindingId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ path: string; value?: number } | null>(null);

  const report = useMemo(() => ({ ...d.report, provenance: d.provenance }) as unknown as Report, [d]);
  const format = formatOf(report.formatVersion);
  const nameOf = (p: string[]) => {
    try {
      return cellName(format, p, lang);
    } catch {
      return p.join('.');
    }
  };
  /** Every figure cell by path, with its value. */
  const cells = useMemo(() => {
    const map = new Map<string, number | null>();
    for (const table of officialLayout(report))
      for (const c of table.cells) if (c.role === 'figure' && c.path) map.set(c.path, c.value ?? null);
    return map;
  }, [report]);
  const marks = useMemo(() => {
    const m = new Map<string, Mark>();
    for (const f of d.diagnostics) {
      if (!f.path || f.verdict?.status === 'dismissed') continue;
      const key = f.path.join('.');
      const had = m.get(key);
      if (!had || RANK[f.severity] > RANK[had]) m.set(key, f.severity);
    }
    return m;
  }, [d.diagnostics]);
  const onCell = (p: string) => d.diagnostics.filter((f) => f.path?.join('.') === p);
  const counts = {
    errors: d.diagnostics.filter((f) => f.severity === 'error').length,
    warnings: d.diagnostics.filter((f) => f.severity === 'warning').length,
  };

  const selectCell = (p: string) => {
    setPath(p);
    const here = onCell(p).sort((a, b) => RANK[b.severity] - RANK[a.severity]);
    setFindingId(here[0]?.id ?? null);
    setEditing(null);
  };
  const selectFinding = (f: ApiDiagnostic) => {
    setFindingId(f.id);
    setPath(f.path ? f.path.join('.') : null);
    setEditing(null);
  };
  const openEdit = (p: string, value?: number) => {
    if (!d.isCurrent || !cells.has(p)) return;
    setPath(p);
    setEditing(value === undefined ? { path: p } : { path: p, value });
  };

  const finding = d.diagnostics.find((f) => f.id === findingId) ?? null;
  const isCell = path !== null && cells.has(path);
  const prov = path ? (d.provenance[path] as Provenance | undefined) : undefined;
  const span: SourceSpan | undefined = finding?.source ?? prov?.source;
  const current = d.versions.find((v) => v.isCurrent);

  return (
    <div className="report-page">
      <header className="report-head">
        <div className="title-row">
          <h1>
            <Link to="/" className="crumb">
              {t('library')}
            </Link>{' '}
            / {d.report.agency ?? d.agency?.name ?? '—'} {d.report.year ?? ''}
          </h1>
          <span className="kind">{t('format', { v: d.report.formatVersion })}</span>
          <span className="file" title={d.file.name}>
            <span className="kind">{d.file.kind}</span> {d.file.name}
          </span>
          <label className="versions">
            {t('version')}{' '}
            <select
              value={d.id}
              onChange={(e) => navigate(`/reports/${e.target.value}`)}
              data-testid="versions"
            >
              {d.versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {`v${v.version}${v.origin === 'edit' ? ` (${t('edited')})` : ''}${v.isCurrent ? ` · ${t('current')}` : ''} · ${t('errors', { n: v.errors })} · ${t('warnings', { n: v.warnings })}`}
                </option>
              ))}
            </select>
          </label>
          <span className="counts" data-testid="counts">
            <span className={counts.errors ? 'n-err' : 'n-ok'}>{t('errors', { n: counts.errors })}</span>{' '}
            <span className={counts.warnings ? 'n-warn' : 'n-ok'}>
              {t('warnings', { n: counts.warnings })}
            </span>
          </span>
          {d.scope && (
            <span className="muted" title={d.scope.evidence ?? d.scope.basis}>
              {t('scope', { s: d.scope.scope })}
            </span>
          )}
        </div>
        <Downloads id={d.id} />
        {!d.isCurrent && (
          <p className="not-current" role="status">
            {t('notCurrent', { v: d.version })}{' '}
            {current && <Link to={`/reports/${current.id}`}>{t('toCurrent')}</Link>}
          </p>
        )}
      </header>
      <div className="report-body">
        <div className="report-main">
          <div className="tabs" role="tablist">
            {(['tables', 'sections', 'audit'] as const).map((k) => (
              <button
                key={k}
                type="button"
                role="tab"
                aria-selected={tab === k}
                className={tab === k ? 'active' : ''}
                onClick={() => setTab(k)}
              >
                {t(k)}
              </button>
            ))}
          </div>
          <div className="tab-panel">
            {tab === 'tables' && (
              <OfficialTables
                report={report}
                marks={marks}
                selected={path}
                onSelect={selectCell}
                onOpen={(p) => openEdit(p)}
              />
            )}
            {tab === 'sections' && (
              <Sections
                format={format}
                sections={d.report.sections}
                diagnostics={d.diagnostics}
                onSelect={selectFinding}
              />
            )}
            {tab === 'audit' && <Audit reportId={d.id} nameOf={nameOf} />}
          </div>
        </div>
        <aside className="report-side">
          <div className="side-detail" data-testid="detail">
            {path === null && finding === null && <p className="muted">{t('pick')}</p>}
            {isCell && (
              <div className="cell-head">
                <h3>{nameOf(path.split('.'))}</h3>
                <p>
                  {t('value')}:{' '}
                  <strong data-testid="cell-value">
                    {cells.get(path) === null ? t('blank') : cells.get(path)}
                  </strong>
                  {prov?.text ? (
                    <span className="muted">
                      {' '}
                      · {t('asWritten')} “{prov.text}”
                    </span>
                  ) : null}
                  {prov?.inferred && (
                    <span className="muted"> · {t('inferred', { how: prov.inferred })}</span>
                  )}{' '}
                  {d.isCurrent && !editing && (
                    <button type="button" onClick={() => openEdit(path)} data-testid="edit-cell">
                      {t('edit')}
                    </button>
                  )}
                </p>
              </div>
            )}
            {editing && (
              <EditCell
                key={`${editing.path}:${editing.value}`}
                reportId={d.id}
                path={editing.path}
                name={nameOf(editing.path.split('.'))}
                current={cells.get(editing.path) ?? null}
                {...(editing.value !== undefined ? { initial: editing.value } : {})}
                onCancel={() => setEditing(null)}
                onDone={(next) => {
                  client.setQueryData(['report', String(next.id)], next);
                  void client.invalidateQueries({ queryKey: ['audit'] });
                  setEditing(null);
                  navigate(`/reports/${next.id}`);
                }}
              />
            )}
            {finding && (
              <FindingDetail
                key={finding.id}
                reportId={d.id}
                finding={finding}
                nameOf={nameOf}
                canJudge={d.isCurrent}
                onApply={(p, value) => openEdit(p, value)}
              />
            )}
            {isCell && !finding && <p className="muted">{t('noFinding')}</p>}
            {isCell && onCell(path).length > 1 && (
              <div className="others">
                <span className="muted">{t('others')}:</span>{' '}
                {onCell(path)
                  .filter((f) => f.id !== findingId)
                  .map((f) => (
                    <button
                      key={f.id}
                      type="button"
                      className={`chip s-${f.severity}`}
                      onClick={() => selectFinding(f)}
                    >
                      {f.ruleId}
                    </button>
                  ))}
              </div>
            )}
            {(path !== null || finding) && (
              <div className="source-block">
                <h3>{t('source')}</h3>
                <SourceView reportId={d.id} span={span} />
              </div>
            )}
          </div>
          <div className={path !== null || finding ? 'side-findings compact' : 'side-findings'}>
            <h2>
              {t('findings')} <span className="count">{d.diagnostics.length}</span>
            </h2>
            <FindingsList
              diagnostics={d.diagnostics}
              selected={findingId}
              onSelect={selectFinding}
              nameOf={nameOf}
            />
          </div>
        </aside>
      </div>
    </div>
  );
}

export function ReportPage() {
  const { id } = useParams();
  const detail = useQuery({
    queryKey: ['report', id],
    queryFn: () => api<ReportDetail>(`/reports/${id}`),
    retry: (n, e) => !(e instanceof ApiFailure && e.status < 500) && n < 2,
  });
  if (detail.isPending) return <p className="empty">…</p>;
  if (detail.error) return <p className="bad">{detail.error.message}</p>;
  return <ReportView key={detail.data.id} d={detail.data} />;
}
