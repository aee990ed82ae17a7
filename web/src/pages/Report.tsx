// Placeholder of the Report page, replaced in this step of issue 14.
export function ReportPage() {
  return <p className="empty">Report</p>;
}
