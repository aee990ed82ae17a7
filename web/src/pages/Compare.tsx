// Placeholder of the Compare page, replaced in this step of issue 14.
export function ComparePage() {
  return <p className="empty">Compare</p>;
}
