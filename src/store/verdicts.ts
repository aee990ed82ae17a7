// Reviewers' verdicts on the findings of a report version: one per finding id, the latest kept.
import type { Db } from './types.ts';

/** A reviewer's verdict on one finding. */
export interface FindingVerdict {
  reportId: number;
  findingId: string;
  status: 'confirmed' | 'dismissed' | 'open';
  note: string;
  by: string;
  at: Date;
}

/** Sets (or replaces) the verdict on a finding of a report version. */
export async function setVerdict(db: Db, v: Omit<FindingVerdict, 'at'>): Promise<FindingVerdict> {
  const row = await db
    .insertInto('finding_verdicts')
    .values({ report_id: v.reportId, finding_id: v.findingId, status: v.status, note: v.note, by: v.by })
    .onConflict((oc) =>
      oc
        .columns(['report_id', 'finding_id'])
        .doUpdateSet({ status: v.status, note: v.note, by: v.by, at: new Date() }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toVerdict(row);
}

/** The verdicts on a report version's findings. */
export async function verdicts(db: Db, reportId: number): Promise<FindingVerdict[]> {
  const rows = await db
    .selectFrom('finding_verdicts')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('finding_id')
    .execute();
  return rows.map(toVerdict);
}

function toVerdict(r: {
  report_id: number;
  finding_id: string;
  status: FindingVerdict['status'];
  note: string;
  by: string;
  at: Date;
}): FindingVerdict {
  return {
    reportId: r.report_id,
    findingId: r.finding_id,
    status: r.status,
    note: r.note,
    by: r.by,
    at: r.at,
  };
}
