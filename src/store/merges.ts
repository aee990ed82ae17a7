// Merge proposals: listed, confirmed (a rename, or a merge moving an agency's reports to another) or rejected.
import { toAgency } from './agencies.ts';
import { describeAgencyName } from './agency-names.ts';
import { StoreError, type Db, type MergeProposal, type Trx } from './types.ts';

/** Merge proposals, open ones by default. */
export async function proposals(
  db: Db,
  status: MergeProposal['status'] | 'all' = 'proposed',
): Promise<MergeProposal[]> {
  let q = db.selectFrom('agency_merges').select('id');
  if (status !== 'all') q = q.where('status', '=', status);
  const ids = (await q.orderBy('id').execute()).map((r) => r.id);
  return proposalsWhere(db, ids);
}

/**
 * Confirms a proposal: a rename gives the agency the proposed name; a merge moves the agency's reports to the
 * target (where both have a current report for a year, the later one stays current) and deletes it. Either
 * way the old name stays an alias, so later reports under it find the agency.
 */
export async function confirmProposal(db: Db, id: number, by: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const p = await openProposal(trx, id);
    if (p.agency_id === null) throw new StoreError(`merge proposal ${id} has no agency any more`);
    const agency = await trx
      .selectFrom('agencies')
      .selectAll()
      .where('id', '=', p.agency_id)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('agency_merges')
      .set({ status: 'confirmed', decided_at: new Date(), decided_by: by })
      .where('id', '=', id)
      .execute();
    // Other open proposals for the same agency are moot once one is taken.
    await trx
      .deleteFrom('agency_merges')
      .where('agency_id', '=', agency.id)
      .where('status', '=', 'proposed')
      .execute();
    if (p.target_agency_id !== null) return mergeAgency(trx, agency, p.target_agency_id);
    const d = describeAgencyName(p.proposed_name, agency.region_path);
    const clash = await trx
      .selectFrom('agencies')
      .select('id')
      .where('region_path', '=', agency.region_path)
      .where('normalised_name', '=', d.normalised)
      .executeTakeFirst();
    if (clash)
      throw new StoreError(`agency ${clash.id} already has the name ${p.proposed_name}: merge instead`);
    await trx
      .insertInto('agency_aliases')
      .values({
        agency_id: agency.id,
        region_path: agency.region_path,
        normalised_name: agency.normalised_name,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await trx
      .updateTable('agencies')
      .set({
        name: d.normalised,
        normalised_name: d.normalised,
        match_key: d.key,
        level: d.level,
        kind: d.kind,
      })
      .where('id', '=', agency.id)
      .execute();
  });
}

/** Rejects a proposal; the same proposal is not made again. */
export async function rejectProposal(db: Db, id: number, by: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await openProposal(trx, id);
    await trx
      .updateTable('agency_merges')
      .set({ status: 'rejected', decided_at: new Date(), decided_by: by })
      .where('id', '=', id)
      .execute();
  });
}

async function openProposal(trx: Trx, id: number) {
  const p = await trx.selectFrom('agency_merges').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw new StoreError(`no merge proposal ${id}`);
  if (p.status !== 'proposed') throw new StoreError(`merge proposal ${id} was already ${p.status}`);
  return p;
}

/** The merge proposals of these ids, with their agencies. */
export async function proposalsWhere(trx: Trx, ids: readonly number[]): Promise<MergeProposal[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('agency_merges')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  const agencyIds = [
    ...new Set(rows.flatMap((r) => [r.agency_id, r.target_agency_id].filter((x): x is number => x !== null))),
  ];
  const agencies = new Map(
    (await trx.selectFrom('agencies').selectAll().where('id', 'in', agencyIds).execute()).map((a) => [
      a.id,
      toAgency(a),
    ]),
  );
  return rows.map((r) => ({
    id: r.id,
    agency: r.agency_id === null ? null : (agencies.get(r.agency_id) ?? null),
    agencyName: r.agency_name,
    agencyRegion: r.agency_region,
    target: r.target_agency_id === null ? null : (agencies.get(r.target_agency_id) ?? null),
    proposedName: r.proposed_name,
    reason: r.reason,
    status: r.status,
    decidedBy: r.decided_by,
  }));
}

// Moves everything of agency `from` to `into` and deletes `from`; for a year both have a current report, the
// later version stays current (the other is kept as a version), and versions are renumbered in time order.
async function mergeAgency(
  trx: Trx,
  from: { id: number; region_path: string; normalised_name: string },
  into: number,
): Promise<void> {
  const years = await trx
    .selectFrom('reports')
    .select('year')
    .distinct()
    .where('agency_id', '=', from.id)
    .execute();
  // Clear first: the two agencies may both have a current report for a year (one current per agency and year).
  await trx.updateTable('reports').set({ is_current: false }).where('agency_id', '=', from.id).execute();
  await trx.updateTable('reports').set({ agency_id: into }).where('agency_id', '=', from.id).execute();
  for (const { year } of years) {
    if (year === null) continue;
    const versions = await trx
      .selectFrom('reports')
      .select('id')
      .where('agency_id', '=', into)
      .where('year', '=', year)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const [i, r] of versions.entries())
      await trx
        .updateTable('reports')
        .set({ version: i + 1, is_current: i === versions.length - 1 })
        .where('id', '=', r.id)
        .execute();
  }
  await trx.updateTable('agency_aliases').set({ agency_id: into }).where('agency_id', '=', from.id).execute();
  await trx
    .insertInto('agency_aliases')
    .values({ agency_id: into, region_path: from.region_path, normalised_name: from.normalised_name })
    .onConflict((oc) => oc.doNothing())
    .execute();
  // Proposals to merge into the deleted agency go with it; decided ones about it keep its name (agency_id null).
  await trx.deleteFrom('agencies').where('id', '=', from.id).execute();
}
