// The edit of one figure: a new value or a blank, and the reason (required) → PATCH /api/reports/:id, which answers
// the new version, checked again. A version that is no longer the current one (409) says so.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiFailure, type ReportDetail } from '../api.ts';
import { useT, type Messages } from '../i18n.tsx';

const messages: Messages<
  | 'title'
  | 'now'
  | 'value'
  | 'blank'
  | 'reason'
  | 'save'
  | 'cancel'
  | 'notCurrent'
  | 'needReason'
  | 'blankNow'
> = {
  zh: {
    title: '修改单元格',
    now: '现为',
    value: '新数值',
    blank: '空白（未填写）',
    reason: '修改理由（必填）',
    save: '保存为新版本',
    cancel: '取消',
    notCurrent: '此版本已不是当前版本，不能在它上面修改：请打开当前版本再改。',
    needReason: '请填写修改理由。',
    blankNow: '空白',
  },
  en: {
    title: 'Edit the cell',
    now: 'now',
    value: 'New figure',
    blank: 'blank (not filled in)',
    reason: 'Reason (required)',
    save: 'Save as a new version',
    cancel: 'Cancel',
    notCurrent: 'This version is no longer the current one and cannot be edited: open the current version.',
    needReason: 'Give the reason of the change.',
    blankNow: 'blank',
  },
};

export interface EditCellProps {
  reportId: number;
  path: string;
  /** The cell's name. */
  name: string;
  current: number | null;
  /** The figure to start with (a suggestion's), else the current one. */
  initial?: number | null;
  onDone: (next: ReportDetail) => void;
  onCancel: () => void;
}

export function EditCell({ reportId, path, name, current, initial, onDone, onCancel }: EditCellProps) {
  const t = useT(messages);
  const start = initial === undefined ? current : initial;
  const [blank, setBlank] = useState(start === null);
  const [value, setValue] = useState(start === null ? '' : String(start));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: { path: string; value: number | null; reason: string }) =>
      api<ReportDetail>(`/reports/${reportId}`, { method: 'PATCH', body }),
    onSuccess: onDone,
    onError: (e) =>
      setProblem(
        e instanceof ApiFailure && e.status === 409 ? `${t('notCurrent')} (${e.message})` : e.message,
      ),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setProblem(t('needReason'));
    const n = blank ? null : Number(value);
    if (n !== null && (!Number.isFinite(n) || n < 0 || value.trim() === '')) return setProblem(t('value'));
    setProblem(null);
    save.mutate({ path, value: n, reason: reason.trim() });
  };
  return (
    <form className="edit-cell" onSubmit={submit} data-testid="edit-form">
      <h3>
        {t('title')}: {name}
      </h3>
      <p className="muted">
        <code>{path}</code> · {t('now')} {current === null ? t('blankNow') : current}
      </p>
      <div className="row">
        <label>
          {t('value')}{' '}
          <input
            type="number"
            min={0}
            step="any"
            value={value}
            disabled={blank}
            onChange={(e) => setValue(e.target.value)}
            name="value"
            autoFocus
          />
        </label>
        <label>
          <input type="checkbox" checked={blank} onChange={(e) => setBlank(e.target.checked)} /> {t('blank')}
        </label>
      </div>
      <label className="reason">
        {t('reason')}
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} name="reason" />
      </label>
      {problem && (
        <p className="bad" role="alert">
          {problem}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
