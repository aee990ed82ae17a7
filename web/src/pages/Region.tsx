// Placeholder of the Region page, replaced in this step of issue 14.
export function RegionPage() {
  return <p className="empty">Region</p>;
}
