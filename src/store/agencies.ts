// Agencies: found by name or alias in a region (created, with merges proposed, when new), and listed.
import {
  describeAgencyName,
  matchKey,
  normalizeAgencyName,
  normalizeRegionPath,
  placePrefix,
  proposeMerges,
  type KnownAgency,
} from './agency-names.ts';
import type { Agency, Db, Trx } from './types.ts';

/** An agencies row as an Agency. */
export function toAgency(a: {
  id: number;
  name: string;
  normalised_name: string;
  match_key: string;
  region_path: string;
  level: Agency['level'];
  kind: Agency['kind'];
}): Agency {
  return {
    id: a.id,
    name: a.name,
    normalisedName: a.normalised_name,
    matchKey: a.match_key,
    regionPath: a.region_path,
    level: a.level,
    kind: a.kind,
  };
}

/** A text with LIKE's wildcards escaped, to match it literally. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

// region_path = R or under R: the prefix index (text_pattern_ops) serves the LIKE.
export function inRegion(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  eb: any,
  region: string,
) {
  return eb.or([eb('a.region_path', '=', region), eb('a.region_path', 'like', `${escapeLike(region)}/%`)]);
}

/** The agency a name in a region is stored under (by name or alias); a new one, with merges proposed, if none. */
export async function findOrCreateAgency(
  trx: Trx,
  name: string,
  region: string,
): Promise<{ agencyId: number; proposalIds: number[] }> {
  const d = describeAgencyName(name, region);
  const found = await trx
    .selectFrom('agencies')
    .select('id')
    .where('region_path', '=', region)
    .where('normalised_name', '=', d.normalised)
    .unionAll(
      trx
        .selectFrom('agency_aliases')
        .select('agency_id as id')
        .where('region_path', '=', region)
        .where('normalised_name', '=', d.normalised),
    )
    .executeTakeFirst();
  if (found) return { agencyId: found.id, proposalIds: [] };
  // The same qualified name in the same region, both names naming their place, is the same body whichever form a
  // year's report wrote (牧野区人民政府办公室, 新乡市牧野区人民政府办公室 under 河南省/新乡市): the name becomes its alias.
  // A name without a place (民政局) stays a proposal for a person to confirm.
  const same = !placePrefix(d.normalised)
    ? undefined
    : (
        await trx
          .selectFrom('agencies')
          .select(['id', 'name'])
          .where('region_path', '=', region)
          .where('match_key', '=', d.key)
          .orderBy('id')
          .execute()
      ).find(
        (a) => placePrefix(a.name) !== null && describeAgencyName(a.name, region).qualified === d.qualified,
      );
  if (same) {
    await trx
      .insertInto('agency_aliases')
      .values({ agency_id: same.id, region_path: region, normalised_name: d.normalised })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return { agencyId: same.id, proposalIds: [] };
  }
  const created = await trx
    .insertInto('agencies')
    .values({
      name: d.normalised,
      normalised_name: d.normalised,
      match_key: d.key,
      region_path: region,
      level: d.level,
      kind: d.kind,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const known = await trx.selectFrom('agencies').selectAll().where('match_key', '=', d.key).execute();
  const asKnown = (a: typeof created): KnownAgency => ({
    id: a.id,
    name: a.name,
    normalisedName: a.normalised_name,
    matchKey: a.match_key,
    regionPath: a.region_path,
  });
  const proposals = proposeMerges(asKnown(created), known.map(asKnown));
  const proposalIds: number[] = [];
  for (const p of proposals) {
    const row = await trx
      .insertInto('agency_merges')
      .values({
        agency_id: created.id,
        agency_name: created.name,
        agency_region: created.region_path,
        target_agency_id: p.targetId,
        proposed_name: p.proposedName,
        reason: p.reason,
        status: 'proposed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    proposalIds.push(row.id);
  }
  return { agencyId: created.id, proposalIds };
}

/** Agencies whose name (normalised, or its match key) is the one given, optionally inside a region. */
export async function findAgencies(db: Db, name: string, region?: string | null): Promise<Agency[]> {
  const n = normalizeAgencyName(name);
  const r = normalizeRegionPath(region);
  let q = db
    .selectFrom('agencies as a')
    .selectAll('a')
    .where((eb) =>
      eb.or([
        eb('a.normalised_name', '=', n),
        eb('a.match_key', '=', matchKey(n)),
        eb(
          'a.id',
          'in',
          eb.selectFrom('agency_aliases').select('agency_id').where('normalised_name', '=', n),
        ),
      ]),
    );
  if (r) q = q.where((eb) => inRegion(eb, r));
  return (await q.orderBy('a.id').execute()).map(toAgency);
}

/** Every agency of a region and below (all when none is given). */
export async function agencies(db: Db, region?: string | null): Promise<Agency[]> {
  let q = db.selectFrom('agencies as a').selectAll('a');
  const r = normalizeRegionPath(region);
  if (r) q = q.where((eb) => inRegion(eb, r));
  return (await q.orderBy('a.region_path').orderBy('a.name').execute()).map(toAgency);
}
