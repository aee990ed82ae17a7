// Placeholder of the Write page, replaced in this step of issue 14.
export function WritePage() {
  return <p className="empty">Write</p>;
}
