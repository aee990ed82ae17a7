// The audit trail of a report's versions (GET /api/reports/:id/audit): every edit, who, when, old, new, why.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, type Edit } from '../api.ts';
import { useLang, useT, type Messages } from '../i18n.tsx';

const messages: Messages<'none' | 'at' | 'by' | 'cell' | 'old' | 'new' | 'why' | 'version' | 'blank'> = {
  zh: {
    none: '尚无修改记录。',
    at: '时间',
    by: '修改人',
    cell: '单元格',
    old: '原值',
    new: '新值',
    why: '理由',
    version: '版本',
    blank: '空白',
  },
  en: {
    none: 'No edits yet.',
    at: 'When',
    by: 'Who',
    cell: 'Cell',
    old: 'Old',
    new: 'New',
    why: 'Why',
    version: 'Version',
    blank: 'blank',
  },
};

export function Audit({ reportId, nameOf }: { reportId: number; nameOf: (path: string[]) => string }) {
  const t = useT(messages);
  const { lang } = useLang();
  const audit = useQuery({
    queryKey: ['audit', reportId],
    queryFn: () => api<{ edits: Edit[] }>(`/reports/${reportId}/audit`),
  });
  if (audit.isPending) return <p className="muted">…</p>;
  if (audit.error) return <p className="bad">{audit.error.message}</p>;
  const edits = audit.data.edits;
  if (edits.length === 0) return <p className="muted">{t('none')}</p>;
  const figure = (n: number | null) => (n === null ? <span className="muted">{t('blank')}</span> : n);
  return (
    <table className="grid audit" data-testid="audit">
      <thead>
        <tr>
          <th>{t('at')}</th>
          <th>{t('by')}</th>
          <th>{t('cell')}</th>
          <th>{t('old')}</th>
          <th>{t('new')}</th>
          <th>{t('why')}</th>
          <th>{t('version')}</th>
        </tr>
      </thead>
      <tbody>
        {edits.map((e) => (
          <tr key={e.id}>
            <td>{new Date(e.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB')}</td>
            <td>{e.by}</td>
            <td title={e.path}>{nameOf(e.path.split('.'))}</td>
            <td>{figure(e.oldValue)}</td>
            <td>{figure(e.newValue)}</td>
            <td className="why">{e.why}</td>
            <td>
              <Link to={`/reports/${e.reportId}`}>#{e.reportId}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
