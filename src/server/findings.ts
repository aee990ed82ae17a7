// A finding's id within its report version: stable across re-checks of the same version (they find the same
// rule, message, cell and data), so that a reviewer's verdict on it is kept.
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { FindingVerdict } from '../store/index.ts';

/** A diagnostic as the API gives it: with its id, and the reviewer's verdict when there is one. */
export type ApiDiagnostic = Diagnostic & {
  id: string;
  verdict?: { status: FindingVerdict['status']; note: string; by: string; at: string };
};

/** The ids of a version's findings, in order: a hash of rule, message id, path and data; repeats get -2, -3, …. */
export function findingIds(diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const key = [d.ruleId, d.messageId, (d.path ?? []).join('.'), canonical(d.data ?? {})].join('\u0000');
    const base = createHash('sha256').update(key).digest('hex').slice(0, 16);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** The diagnostics with their ids and verdicts. */
export function withIds(
  diagnostics: readonly Diagnostic[],
  verdicts: readonly FindingVerdict[] = [],
): ApiDiagnostic[] {
  const ids = findingIds(diagnostics);
  const byId = new Map(verdicts.map((v) => [v.findingId, v]));
  return diagnostics.map((d, i) => {
    const v = byId.get(ids[i]!);
    return {
      ...d,
      id: ids[i]!,
      ...(v ? { verdict: { status: v.status, note: v.note, by: v.by, at: v.at.toISOString() } } : {}),
    };
  });
}

/** Counts of errors and warnings. */
export function countsOf(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}

/** JSON with object keys sorted: the same data gives the same text whatever the key order (jsonb reorders keys). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}
