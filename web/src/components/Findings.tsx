// The findings of a report version: the list grouped by severity (message, rule id, cell), and one finding's detail
// — its message, the reviewer's verdict (confirm, dismiss, reopen, with a note), the suggested repairs (each opens
// the edit form prefilled) and the rule's documentation (GET /api/rules/:id).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Severity } from '../../../src/model/diagnostic.ts';
import type { z } from 'zod';
import type { RuleDocSchema } from '../../../src/server/routes/rules.ts';
import { api, type ApiDiagnostic } from '../api.ts';
import { useLang, useT, type Messages } from '../i18n.tsx';
import { Markdown } from './Markdown.tsx';

export type RuleDoc = z.infer<typeof RuleDocSchema>;

const messages: Messages<
  | 'error'
  | 'warning'
  | 'info'
  | 'none'
  | 'confirmed'
  | 'dismissed'
  | 'open'
  | 'confirm'
  | 'dismiss'
  | 'reopen'
  | 'note'
  | 'by'
  | 'suggestion'
  | 'apply'
  | 'doc'
  | 'rule'
  | 'cell'
  | 'noCell'
> = {
  zh: {
    error: '错误',
    warning: '警告',
    info: '提示',
    none: '没有发现问题。',
    confirmed: '已确认',
    dismissed: '已驳回',
    open: '待处理',
    confirm: '确认',
    dismiss: '驳回',
    reopen: '重新打开',
    note: '备注（可选）',
    by: '{by} 于 {at}',
    suggestion: '建议修改',
    apply: '应用…',
    doc: '规则说明',
    rule: '规则',
    cell: '单元格',
    noCell: '（不指向单元格）',
  },
  en: {
    error: 'Errors',
    warning: 'Warnings',
    info: 'Notes',
    none: 'No findings.',
    confirmed: 'confirmed',
    dismissed: 'dismissed',
    open: 'open',
    confirm: 'Confirm',
    dismiss: 'Dismiss',
    reopen: 'Reopen',
    note: 'Note (optional)',
    by: '{by} at {at}',
    suggestion: 'Suggested repair',
    apply: 'Apply…',
    doc: "The rule's documentation",
    rule: 'Rule',
    cell: 'Cell',
    noCell: '(no cell)',
  },
};

const ORDER: Severity[] = ['error', 'warning', 'info'];

export interface FindingsListProps {
  diagnostics: ApiDiagnostic[];
  selected: string | null;
  onSelect: (d: ApiDiagnostic) => void;
  /** A cell's name in the current language. */
  nameOf: (path: string[]) => string;
}

/** The findings grouped by severity. */
export function FindingsList({ diagnostics, selected, onSelect, nameOf }: FindingsListProps) {
  const t = useT(messages);
  if (diagnostics.length === 0) return <p className="muted">{t('none')}</p>;
  return (
    <div className="findings" data-testid="findings">
      {ORDER.map((sev) => {
        const list = diagnostics.filter((d) => d.severity === sev);
        if (list.length === 0) return null;
        return (
          <section key={sev} className={`group g-${sev}`}>
            <h3>
              {t(sev)} <span className="count">{list.length}</span>
            </h3>
            <ul>
              {list.map((d) => (
                <li key={d.id}>
                  <button
                    type="button"
                    className={[
                      'finding',
                      `s-${d.severity}`,
                      d.id === selected ? 'selected' : '',
                      d.verdict ? `v-${d.verdict.status}` : '',
                    ].join(' ')}
                    data-testid="finding"
                    data-rule={d.ruleId}
                    data-path={d.path?.join('.') ?? ''}
                    onClick={() => onSelect(d)}
                  >
                    <span className="msg">{d.message}</span>
                    <span className="meta">
                      <code>{d.ruleId}</code>
                      {d.path && <span className="cell-name">{nameOf(d.path)}</span>}
                      {d.verdict && d.verdict.status !== 'open' && (
                        <span className={`verdict ${d.verdict.status}`}>{t(d.verdict.status)}</span>
                      )}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/** A rule's documentation page. */
function RuleDocView({ ruleId }: { ruleId: string }) {
  const doc = useQuery({
    queryKey: ['rule', ruleId],
    queryFn: () => api<RuleDoc>(`/rules/${encodeURIComponent(ruleId)}`),
    staleTime: Infinity,
    retry: false,
  });
  if (doc.isPending) return <p className="muted">…</p>;
  if (doc.error) return <p className="bad">{doc.error.message}</p>;
  return <Markdown text={doc.data.doc} />;
}

export interface FindingDetailProps {
  reportId: number;
  finding: ApiDiagnostic;
  nameOf: (path: string[]) => string;
  /** A suggested repair applied: the edit form opened with its figure. */
  onApply: (path: string, value: number) => void;
  /** Verdicts may be given (the current version). */
  canJudge: boolean;
}

/** One finding: message, cell, verdict, suggestions, the rule's documentation. */
export function FindingDetail({ reportId, finding, nameOf, onApply, canJudge }: FindingDetailProps) {
  const t = useT(messages);
  const { lang } = useLang();
  const client = useQueryClient();
  const [note, setNote] = useState(finding.verdict?.note ?? '');
  const verdict = useMutation({
    mutationFn: (status: 'confirmed' | 'dismissed' | 'open') =>
      api<ApiDiagnostic>(`/reports/${reportId}/findings/${encodeURIComponent(finding.id)}`, {
        method: 'POST',
        body: { status, note },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['report', String(reportId)] }),
  });
  const status = finding.verdict?.status ?? 'open';
  const at = finding.verdict
    ? new Date(finding.verdict.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')
    : '';
  return (
    <div className={`finding-detail s-${finding.severity}`} data-testid="finding-detail">
      <p className="message">{finding.message}</p>
      <dl>
        <dt>{t('rule')}</dt>
        <dd>
          <code>{finding.ruleId}</code>
        </dd>
        <dt>{t('cell')}</dt>
        <dd>{finding.path ? nameOf(finding.path) : t('noCell')}</dd>
      </dl>
      {finding.suggestions?.map((s, i) => (
        <div key={i} className="suggestion" data-testid="suggestion">
          <span title={t('suggestion')}>{s.message}</span>{' '}
          {canJudge && (
            <button type="button" onClick={() => onApply(s.path.join('.'), s.value)}>
              {t('apply')}
            </button>
          )}
        </div>
      ))}
      <div className="verdict-form">
        <span className={`verdict ${status}`} data-testid="verdict">
          {t(status)}
          {finding.verdict && ` · ${t('by', { by: finding.verdict.by, at })}`}
        </span>
        {finding.verdict?.note && <q>{finding.verdict.note}</q>}
        {canJudge && (
          <>
            <input
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('note')}
              aria-label={t('note')}
              maxLength={2000}
            />
            {status !== 'confirmed' && (
              <button type="button" disabled={verdict.isPending} onClick={() => verdict.mutate('confirmed')}>
                {t('confirm')}
              </button>
            )}
            {status !== 'dismissed' && (
              <button type="button" disabled={verdict.isPending} onClick={() => verdict.mutate('dismissed')}>
                {t('dismiss')}
              </button>
            )}
            {status !== 'open' && (
              <button type="button" disabled={verdict.isPending} onClick={() => verdict.mutate('open')}>
                {t('reopen')}
              </button>
            )}
          </>
        )}
        {verdict.error && <p className="bad">{verdict.error.message}</p>}
      </div>
      <details className="rule-doc">
        <summary>{t('doc')}</summary>
        <RuleDocView ruleId={finding.ruleId} />
      </details>
    </div>
  );
}
