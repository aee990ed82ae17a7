// The Write page (authors): a new report from the official template of the year's format, last year's 结转 carried
// from the library, the tables as a form in the official layout and the six sections as text, checked as you type
// in the browser by the same rule code as `nianbao check` (no round trip), kept as a draft in localStorage, and
// exported in the official layout (DOCX, PDF, XLSX, JSON), checked on the server or saved into the library.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Diagnostic } from '../../../src/model/diagnostic.ts';
import type { SectionKey, TableKey } from '../../../src/model/format.ts';
import { FORMATS, formatOf, latestFormat, versionForYear } from '../../../src/model/formats/index.ts';
import { SECTION_KEYS, type Cell, type Report } from '../../../src/model/report.ts';
import { figureText, type LayoutCell } from '../../../src/render/layout.ts';
import { api, ApiFailure, type AgenciesAnswer, type Checked as ServerChecked } from '../api.ts';
import { OfficialTables, type Mark } from '../components/OfficialTables.tsx';
import { useLang, useT, type Messages } from '../i18n.tsx';
import {
  checkOnServer,
  download,
  EXPORTS,
  fetchTemplate,
  fileName,
  renderTo,
  saveToLibrary,
  type ExportFormat,
  type Template,
} from '../write/actions.ts';
import { bySeverity, runChecks, type Checked } from '../write/checks.ts';
import { clearDraft, loadDraft, parseFigure, saveDraft, withCell, type Draft } from '../write/form.ts';

type Key =
  | 'title'
  | 'year'
  | 'agency'
  | 'agencyHint'
  | 'region'
  | 'regionHint'
  | 'start'
  | 'format'
  | 'choose'
  | 'loading'
  | 'carried'
  | 'carriedTitle'
  | 'noPrevious'
  | 'ambiguous'
  | 'restored'
  | 'restoredAt'
  | 'clear'
  | 'clearConfirm'
  | 'findings'
  | 'none'
  | 'counts'
  | 'took'
  | 'checking'
  | 'export'
  | 'server'
  | 'serverCheck'
  | 'serverSame'
  | 'serverDiffers'
  | 'save'
  | 'saved'
  | 'savedFailed'
  | 'working'
  | 'count'
  | 'signed'
  | 'amount'
  | 'sectionPlaceholder'
  | 'notSaved'
  | 'error'
  | 'warning'
  | 'info';

const messages: Messages<Key> = {
  zh: {
    title: '编写年报',
    year: '年度',
    agency: '机关名称',
    agencyHint: '例如 上饶市信州区审计局',
    region: '地区',
    regionHint: '例如 河南省/三门峡市（可不填）',
    start: '开始编写',
    format: '{version} 年版格式',
    choose:
      '选择年度并填写机关名称：按该年度施行的格式生成空白报告，并从文库中的上一年度报告结转“上年结转”。',
    loading: '正在生成空白报告…',
    carried: '已从上一年度报告 #{id}（{agency}{year}年）结转 {n} 个数字到“二、上年结转政府信息公开申请数量”',
    carriedTitle: '从上一年度报告 #{id} 结转',
    noPrevious: '文库中没有该机关 {year} 年度的报告：没有可结转的数字',
    ambiguous: '文库中有多个同名机关（{regions}）：请填写地区后重新开始，以结转上一年度数字',
    restored: '已恢复本机保存的草稿',
    restoredAt: '已恢复本机保存的草稿（{at}）',
    clear: '清空草稿',
    clearConfirm: '清空草稿？已填写的数字和文字将被删除，重新生成空白报告。',
    findings: '检查结果',
    none: '没有发现问题',
    counts: '{errors} 个错误，{warnings} 个警告',
    took: '浏览器内检查用时 {ms} 毫秒',
    checking: '检查中…',
    export: '导出（官方格式）',
    server: '服务器',
    serverCheck: '在服务器上检查',
    serverSame: '服务器检查：{errors} 个错误，{warnings} 个警告，与浏览器内检查一致',
    serverDiffers: '服务器检查：{errors} 个错误，{warnings} 个警告，与浏览器内检查不同',
    save: '保存到文库',
    saved: '已保存到文库：报告 #{id}',
    savedFailed: '未能保存：{why}',
    working: '处理中…',
    count: '应为不小于 0 的整数',
    signed: '应为整数（减少用负数）',
    amount: '应为不小于 0 的数（万元，可有小数）',
    sectionPlaceholder: '本部分内容',
    notSaved: '浏览器拒绝保存草稿（隐私模式或存储已满）：刷新页面将丢失内容',
    error: '错误',
    warning: '警告',
    info: '提示',
  },
  en: {
    title: 'Write a report',
    year: 'Year',
    agency: 'Agency',
    agencyHint: 'e.g. 上饶市信州区审计局',
    region: 'Region',
    regionHint: 'e.g. 河南省/三门峡市 (optional)',
    start: 'Start',
    format: '{version} format',
    choose:
      "Choose the year and name the agency: a blank report of the format in force that year, with last year's carry-over taken from the library.",
    loading: 'Making the blank report…',
    carried:
      '{n} figures carried from last year’s report #{id} ({agency}, {year}) into 上年结转 (row 2 of table 3)',
    carriedTitle: 'carried from last year’s report #{id}',
    noPrevious: 'The library has no report of this agency for {year}: nothing to carry over',
    ambiguous:
      'Several agencies of that name are in the library ({regions}): give the region and start again to carry last year’s figures',
    restored: 'The draft kept in this browser was restored',
    restoredAt: 'The draft kept in this browser was restored ({at})',
    clear: 'Clear the draft',
    clearConfirm: 'Clear the draft? The figures and text typed are deleted and a blank report is made again.',
    findings: 'Findings',
    none: 'No findings',
    counts: '{errors} errors, {warnings} warnings',
    took: 'checked in the browser in {ms} ms',
    checking: 'checking…',
    export: 'Export (official layout)',
    server: 'Server',
    serverCheck: 'Check on the server',
    serverSame: 'Server check: {errors} errors, {warnings} warnings, the same as in the browser',
    serverDiffers: 'Server check: {errors} errors, {warnings} warnings, not the same as in the browser',
    save: 'Save to the library',
    saved: 'Saved to the library: report #{id}',
    savedFailed: 'Not saved: {why}',
    working: 'working…',
    count: 'a whole number ≥ 0',
    signed: 'a whole number (negative for a decrease)',
    amount: 'a number ≥ 0 (万元, decimals allowed)',
    sectionPlaceholder: 'The text of this section',
    notSaved: 'The browser refuses to keep the draft (private mode or storage full): a reload loses it',
    error: 'error',
    warning: 'warning',
    info: 'info',
  },
};

/** The years a report can be written for: from the first format's first year to next year's report. */
function yearChoices(): number[] {
  const first = FORMATS[0]!.years[0];
  const last = Math.max(new Date().getFullYear(), latestFormat().years[0]);
  return Array.from({ length: last - first + 1 }, (_, i) => last - i);
}

/** The section each table is printed in. */
const TABLE_OF: Partial<Record<SectionKey, TableKey>> = {
  proactive: 'proactive',
  requests: 'requests',
  reviewLitigation: 'reviewLitigation',
};

/** The key of a finding (rule and place) to compare the browser's findings with the server's. */
const findingKey = (d: { ruleId: string; path?: readonly string[] | undefined }) =>
  `${d.ruleId}@${d.path?.join('.') ?? ''}`;

function sameFindings(a: readonly Diagnostic[], b: readonly { ruleId: string; path?: string[] }[]): boolean {
  const x = a.map(findingKey).sort();
  const y = b.map(findingKey).sort();
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

export function WritePage() {
  const t = useT(messages);
  const [params, setParams] = useSearchParams();
  const agency = params.get('agency')?.trim() ?? '';
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && versionForYear(yearParam) ? yearParam : null;
  const region = params.get('region')?.trim() || null;
  return (
    <div className="write">
      <Chooser
        key={`${agency}|${year}|${region}`}
        agency={agency}
        year={year}
        region={region}
        onStart={(a, y, r) =>
          setParams(r ? { agency: a, year: String(y), region: r } : { agency: a, year: String(y) })
        }
      />
      {agency && year !== null ? (
        <Editor key={`${agency}|${year}`} agency={agency} year={year} region={region} />
      ) : (
        <p className="empty">{t('choose')}</p>
      )}
    </div>
  );
}

/** The year, agency and region of the report to write. */
function Chooser(props: {
  agency: string;
  year: number | null;
  region: string | null;
  onStart: (agency: string, year: number, region: string | null) => void;
}) {
  const t = useT(messages);
  const [year, setYear] = useState(props.year ?? new Date().getFullYear() - 1);
  const [agency, setAgency] = useState(props.agency);
  const [region, setRegion] = useState(props.region ?? '');
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => api<AgenciesAnswer>('/agencies') });
  const version = versionForYear(year);
  const pick = (name: string) => {
    setAgency(name);
    const found = agencies.data?.agencies.filter((a) => a.name === name) ?? [];
    if (found.length === 1) setRegion(found[0]!.region);
  };
  return (
    <form
      className="write-choose"
      onSubmit={(e) => {
        e.preventDefault();
        if (agency.trim()) props.onStart(agency.trim(), year, region.trim() || null);
      }}
    >
      <h1>{t('title')}</h1>
      <label>
        {t('year')}{' '}
        <select value={year} onChange={(e) => setYear(Number(e.target.value))} data-testid="write-year">
          {yearChoices().map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {version && <span className="tag">{t('format', { version })}</span>}
      <label>
        {t('agency')}{' '}
        <input
          data-testid="write-agency"
          list="write-agencies"
          value={agency}
          placeholder={t('agencyHint')}
          maxLength={200}
          size={26}
          onChange={(e) => pick(e.target.value)}
        />
      </label>
      <datalist id="write-agencies">
        {agencies.data?.agencies.map((a) => (
          <option key={a.id} value={a.name}>
            {a.region}
          </option>
        ))}
      </datalist>
      <label>
        {t('region')}{' '}
        <input
          value={region}
          placeholder={t('regionHint')}
          maxLength={200}
          size={18}
          onChange={(e) => setRegion(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={!agency.trim()} data-testid="write-start">
        {t('start')}
      </button>
    </form>
  );
}

/** The report being written: its draft, restored from localStorage or made from the template. */
function Editor({ agency, year, region }: { agency: string; year: number; region: string | null }) {
  const t = useT(messages);
  const [restored] = useState(() => loadDraft(agency, year));
  const [draft, setDraft] = useState<Draft | null>(restored);
  const [template, setTemplate] = useState<Template | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [fresh, setFresh] = useState(0);

  useEffect(() => {
    if (restored && fresh === 0) return;
    let live = true;
    fetchTemplate(agency, year, region).then(
      (answer) => {
        if (!live) return;
        setTemplate(answer);
        setDraft({
          report: answer.report as Report,
          carried: answer.carried,
          previous: answer.previous,
          texts: {},
        });
      },
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [agency, year, region, restored, fresh]);

  if (failed) return <p className="bad">{failed}</p>;
  if (!draft) return <p className="empty">{t('loading')}</p>;
  return (
    <Form
      agency={agency}
      year={year}
      region={region ?? draft.previous?.region ?? null}
      draft={draft}
      setDraft={setDraft}
      template={template}
      restoredAt={fresh === 0 && restored ? (restored.savedAt ?? '') : null}
      onClear={() => {
        clearDraft(agency, year);
        setDraft(null);
        setTemplate(null);
        setFresh((n) => n + 1);
      }}
    />
  );
}

/** A value that follows another after it has stayed unchanged for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function Form(props: {
  agency: string;
  year: number;
  region: string | null;
  draft: Draft;
  setDraft: (update: (d: Draft | null) => Draft | null) => void;
  template: Template | null;
  restoredAt: string | null;
  onClear: () => void;
}) {
  const { draft, setDraft, agency, year } = props;
  const t = useT(messages);
  const { lang } = useLang();
  const report = draft.report;
  const format = formatOf(report.formatVersion);
  const [kept, setKept] = useState(true);

  // Every change is kept at once: a reload loses nothing.
  useEffect(() => setKept(saveDraft(agency, year, draft)), [agency, year, draft]);

  // Checks as you type: the same engine as `nianbao check`, ~150 ms after the last keystroke.
  const settled = useDebounced(report, 150);
  const checked: Checked = useMemo(() => runChecks(settled, lang), [settled, lang]);
  const pending = settled !== report;

  // A cell whose typed text is not a figure of its column's kind is marked as an error of its own.
  const invalid = useMemo(() => {
    const out = new Map<string, 'count' | 'signed' | 'amount'>();
    for (const [path, text] of Object.entries(draft.texts)) {
      const kind = kindOf(report, path);
      const parsed = kind ? parseFigure(text, kind) : null;
      if (parsed && !parsed.ok) out.set(path, parsed.reason);
    }
    return out;
  }, [draft.texts, report]);
  const marks = useMemo(() => {
    const m = new Map<string, Mark>(checked.marks);
    for (const path of invalid.keys()) m.set(path, 'error');
    return m;
  }, [checked.marks, invalid]);

  const carried = useMemo(() => new Set(draft.carried), [draft.carried]);

  const setFigure = useCallback(
    (path: string, text: string, kind: LayoutCell['kind']) => {
      const parsed = parseFigure(text, kind ?? 'count');
      setDraft((d) => {
        if (!d) return d;
        const texts = { ...d.texts };
        let next: Report;
        if (parsed.ok) {
          next = withCell(d.report, path, parsed.value);
          if (text.trim() === figureText(parsed.value)) delete texts[path];
          else texts[path] = text;
        } else {
          next = withCell(d.report, path, null);
          texts[path] = text;
        }
        return { ...d, report: next, texts };
      });
    },
    [setDraft],
  );

  const setSection = (key: SectionKey, text: string) =>
    setDraft((d) =>
      d
        ? {
            ...d,
            report: { ...d.report, sections: { ...d.report.sections, [key]: text === '' ? null : text } },
          }
        : d,
    );

  const renderInput = (path: string, value: Cell, cell: LayoutCell): ReactNode => {
    const reason = invalid.get(path);
    const from = carried.has(path) ? draft.previous : null;
    return (
      <input
        aria-label={path}
        className={from ? 'carried' : undefined}
        value={draft.texts[path] ?? figureText(value)}
        inputMode={cell.kind === 'amount' ? 'decimal' : cell.kind === 'signed' ? 'text' : 'numeric'}
        title={reason ? t(reason) : from ? t('carriedTitle', { id: from.id }) : undefined}
        aria-invalid={reason ? true : undefined}
        onChange={(e) => setFigure(path, e.target.value, cell.kind)}
      />
    );
  };

  const sectionMarks = (key: SectionKey) => checked.marks.get(`sections.${key}`);

  return (
    <div className="write-body">
      <div className="write-main">
        <Notes {...props} kept={kept} />
        {SECTION_KEYS.map((key) => {
          const def = format.sections.find((s) => s.key === key)!;
          const table = TABLE_OF[key];
          const mark = sectionMarks(key);
          return (
            <section key={key} className="write-section" data-section={key}>
              <h2>{def.heading}</h2>
              <textarea
                aria-label={def.heading}
                className={mark ? `m-${mark}` : undefined}
                rows={key === 'overview' ? 5 : 3}
                value={report.sections[key] ?? ''}
                placeholder={t('sectionPlaceholder')}
                onChange={(e) => setSection(key, e.target.value)}
              />
              {table && (
                <OfficialTables report={report} marks={marks} renderInput={renderInput} tables={[table]} />
              )}
            </section>
          );
        })}
      </div>
      <aside className="write-side">
        <Findings checked={checked} pending={pending} invalid={invalid} />
        <Actions report={report} region={props.region} checked={checked} onClear={props.onClear} />
      </aside>
    </div>
  );
}

/** The column kind of a dotted figure path in the report's format. */
function kindOf(report: Report, path: string): LayoutCell['kind'] | undefined {
  const [table, ...rest] = path.split('.');
  const column = rest.pop();
  const def = formatOf(report.formatVersion).tables.find((x) => x.key === table);
  return def?.rows.find((r) => r.path.join('.') === rest.join('.'))?.columns.find((c) => c.key === column)
    ?.kind;
}

/** What the template did (carried figures, warnings) and whether the draft was restored. */
function Notes(props: {
  draft: Draft;
  template: Template | null;
  restoredAt: string | null;
  kept: boolean;
  year: number;
}) {
  const t = useT(messages);
  const { draft, template } = props;
  const p = draft.previous;
  return (
    <div className="write-notes">
      <span className="tag">{t('format', { version: draft.report.formatVersion })}</span>
      {p ? (
        <span className="carried-note" data-testid="carried-note">
          {t('carried', { id: p.id, agency: p.agency, year: p.year ?? '?', n: draft.carried.length })}
        </span>
      ) : template?.ambiguous.length ? (
        <span className="n-warn">
          {t('ambiguous', { regions: template.ambiguous.map((a) => a.region).join('、') })}
        </span>
      ) : (
        <span className="muted">{t('noPrevious', { year: props.year - 1 })}</span>
      )}
      {template?.warnings.map((w) => (
        <span key={w.ruleId} className="n-warn">
          {w.message}
        </span>
      ))}
      {props.restoredAt !== null && (
        <span className="muted" data-testid="restored">
          {props.restoredAt
            ? t('restoredAt', { at: new Date(props.restoredAt).toLocaleString() })
            : t('restored')}
        </span>
      )}
      {!props.kept && <span className="bad">{t('notSaved')}</span>}
    </div>
  );
}

/** Brings the cell or section a finding is on into view and focuses it. */
function focusPath(path: readonly string[] | undefined) {
  if (!path) return;
  const dotted = path.join('.');
  const target =
    [...document.querySelectorAll<HTMLElement>('td[data-path]')]
      .find((e) => e.dataset.path === dotted)
      ?.querySelector('input') ??
    (path[0] === 'sections'
      ? document.querySelector<HTMLElement>(
          `section[data-section="${path[1]?.replace(/[^A-Za-z]/g, '')}"] textarea`,
        )
      : null);
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

function Findings({
  checked,
  pending,
  invalid,
}: {
  checked: Checked;
  pending: boolean;
  invalid: Map<string, 'count' | 'signed' | 'amount'>;
}) {
  const t = useT(messages);
  const errors = checked.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = checked.diagnostics.filter((d) => d.severity === 'warning').length;
  return (
    <div className="write-findings" data-testid="write-findings" data-check-ms={checked.ms.toFixed(2)}>
      <h2>
        {t('findings')}{' '}
        <small className={errors ? 'n-err' : warnings ? 'n-warn' : 'n-ok'}>
          {t('counts', { errors, warnings })}
        </small>
      </h2>
      <p className="muted small" data-testid="check-time">
        {pending ? t('checking') : t('took', { ms: checked.ms.toFixed(1) })}
      </p>
      <ul>
        {[...invalid].map(([path, reason]) => (
          <li key={`input:${path}`} className="f-error" data-rule="input" data-path={path}>
            <button type="button" onClick={() => focusPath(path.split('.'))}>
              <span className="sev">{t('error')}</span> <code>{path}</code> {t(reason)}
            </button>
          </li>
        ))}
        {bySeverity(checked.diagnostics).map((d, i) => (
          <li key={i} className={`f-${d.severity}`} data-rule={d.ruleId} data-path={d.path?.join('.') ?? ''}>
            <button type="button" onClick={() => focusPath(d.path)}>
              <span className="sev">{t(d.severity)}</span> <code>{d.ruleId}</code> {d.message}
            </button>
          </li>
        ))}
      </ul>
      {checked.diagnostics.length === 0 && invalid.size === 0 && <p className="n-ok">{t('none')}</p>}
    </div>
  );
}

function Actions(props: { report: Report; region: string | null; checked: Checked; onClear: () => void }) {
  const t = useT(messages);
  const { report } = props;
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState<{ text: string; bad?: boolean; link?: string } | null>(null);
  const run = async (what: string, job: () => Promise<void>) => {
    setBusy(what);
    setNote(null);
    try {
      await job();
    } catch (e) {
      setNote({ text: e instanceof ApiFailure || e instanceof Error ? e.message : String(e), bad: true });
    } finally {
      setBusy(null);
    }
  };
  const exportAs = (to: ExportFormat) =>
    run(to, async () => download(await renderTo(report, to), fileName(report, to)));
  const serverCheck = () =>
    run('check', async () => {
      const answer: ServerChecked = await checkOnServer(report);
      const same = sameFindings(props.checked.diagnostics, answer.diagnostics);
      setNote({ text: t(same ? 'serverSame' : 'serverDiffers', answer.counts), bad: !same });
    });
  const save = () =>
    run('save', async () => {
      const result = await saveToLibrary(report, props.region);
      if (result.reportId !== null && !result.error)
        setNote({ text: t('saved', { id: result.reportId }), link: `/reports/${result.reportId}` });
      else setNote({ text: t('savedFailed', { why: result.error?.message ?? result.status }), bad: true });
    });
  return (
    <div className="write-actions">
      <h2>{t('export')}</h2>
      <div className="buttons">
        {EXPORTS.map((to) => (
          <button
            key={to}
            type="button"
            disabled={busy !== null}
            onClick={() => void exportAs(to)}
            data-testid={`export-${to}`}
          >
            {to.toUpperCase()}
          </button>
        ))}
      </div>
      <h2>{t('server')}</h2>
      <div className="buttons">
        <button
          type="button"
          disabled={busy !== null}
          onClick={() => void serverCheck()}
          data-testid="server-check"
        >
          {t('serverCheck')}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void save()} data-testid="save">
          {t('save')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={busy !== null}
          onClick={() => window.confirm(t('clearConfirm')) && props.onClear()}
          data-testid="clear"
        >
          {t('clear')}
        </button>
      </div>
      {busy && <p className="muted">{t('working')}</p>}
      {note && (
        <p className={note.bad ? 'bad' : 'n-ok'} data-testid="action-note">
          {note.link ? <Link to={note.link}>{note.text}</Link> : note.text}
        </p>
      )}
    </div>
  );
}
