// A stored report: its three tables in the official layout with the findings marked (the full review page — source
// beside, findings panel, edits, verdicts, exports — is being built on this).
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { Report } from '../../../src/model/report.ts';
import { api, type ReportDetail } from '../api.ts';
import { OfficialTables, type Mark } from '../components/OfficialTables.tsx';

const RANK: Record<Mark, number> = { error: 3, warning: 2, info: 1 };

export function ReportPage() {
  const { id } = useParams();
  const detail = useQuery({ queryKey: ['report', id], queryFn: () => api<ReportDetail>(`/reports/${id}`) });
  if (detail.isPending) return <p className="empty">…</p>;
  if (detail.error) return <p className="bad">{detail.error.message}</p>;
  const d = detail.data;
  const marks = new Map<string, Mark>();
  for (const f of d.diagnostics) {
    if (!f.path) continue;
    const key = f.path.join('.');
    const had = marks.get(key);
    if (!had || RANK[f.severity] > RANK[had]) marks.set(key, f.severity);
  }
  const report = { ...d.report, provenance: d.provenance } as unknown as Report;
  return (
    <div>
      <h1>
        {d.report.agency} {d.report.year}
      </h1>
      <OfficialTables report={report} marks={marks} />
    </div>
  );
}
