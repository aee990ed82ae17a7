// Placing a figure in its cell (blanks, unreadable figures, amounts in 元) and reporting how a row was placed.
import type { Diagnostic } from '../../model/diagnostic.ts';
import { UNSURE_MARK } from '../../model/document.ts';
import type { ColumnDef } from '../../model/format.ts';
import type { Provenance } from '../../model/report.ts';
import type { SourceSpan } from '../../model/source.ts';
import { finding, type FindingKey } from '../../findings/index.ts';
import { yuanToWanyuan } from '../numbers.ts';
import type { Resolution, Token } from '../resolve.ts';

/** Where placed cells and problems go: the provenance of every cell, the diagnostics. */
export interface Sink {
  readonly provenance: Record<string, Provenance>;
  readonly diagnostics: Diagnostic[];
}

/** Stores a token in its cell with its provenance; a blank or placeholder leaves the cell null. */
export function place(
  out: Sink,
  target: Record<string, number | null>,
  col: ColumnDef,
  token: Token | null,
  key: string,
  inferred: Resolution['inferred'],
  unitOfHeader?: '元' | '万元',
) {
  if (!token) return;
  const f = token.figure;
  if (f.kind !== 'number') {
    // A blank or a placeholder: the cell stays null; where it was is kept (figure cells are never text, since
    // they follow the row's last label cell).
    if (token.source) out.provenance[key] = { source: token.source, text: token.text };
    if (f.kind === 'blank' && f.unreadable)
      out.diagnostics.push(
        finding(
          'extract/unreadable-figure',
          'unreadableFigure',
          { text: token.text.split(UNSURE_MARK).join('').trim() },
          { path: key.split('.'), ...(token.source ? { source: token.source } : {}) },
        ),
      );
    return;
  }
  let value = f.value;
  const prov: Provenance = { text: token.text, ...(token.source ? { source: token.source } : {}) };
  if (inferred) prov.inferred = inferred;
  if (col.kind === 'amount') {
    const u = f.unit ?? unitOfHeader;
    if (u === '元') value = toWanyuan(out, value, token.text, prov, key.split('.'), token.source);
  }
  target[col.key] = value;
  out.provenance[key] = prov;
}

/** The finding of each problem a row's figures can have (`placed`: fewer figures, placed by the column grid). */
const PROBLEMS = {
  extra: { ruleId: 'extract/extra-cells', messageId: 'extraCells' },
  placed: { ruleId: 'extract/missing-cells', messageId: 'missingCellsPlaced' },
  missing: { ruleId: 'extract/unplaced-cells', messageId: 'missingCells' },
  ambiguous: { ruleId: 'extract/ambiguous-cells', messageId: 'ambiguousCells' },
  split: { ruleId: 'extract/split-digits', messageId: 'splitDigits' },
  unsplittable: { ruleId: 'extract/ambiguous-cells', messageId: 'unsplittable' },
} as const satisfies Record<NonNullable<Resolution['problem']> | 'placed', FindingKey>;

export function report(out: Sink, res: Resolution, path: string[], label: string, source: SourceSpan) {
  if (!res.problem) return;
  const data: Record<string, unknown> = { row: label };
  if (res.dropped) data.dropped = res.dropped.map((t) => t.text).join(' ');
  const { ruleId, messageId } = PROBLEMS[res.inferred && res.problem === 'missing' ? 'placed' : res.problem];
  out.diagnostics.push(finding(ruleId, messageId, data, { path, source }));
}

/**
 * An amount written in 元 converted to the 万元 the contract stores (report-json.md), the provenance and an
 * `extract/unit-converted` finding saying so; both readings (structured and stream) convert through here.
 */
export function toWanyuan(
  out: Sink,
  value: number,
  text: string,
  prov: Provenance,
  path: readonly string[],
  source: SourceSpan | undefined,
): number {
  const converted = yuanToWanyuan(value);
  prov.unitFrom = '元';
  out.diagnostics.push(
    finding(
      'extract/unit-converted',
      'unitConverted',
      { text, value: converted },
      { path: [...path], ...(source ? { source } : {}) },
    ),
  );
  return converted;
}
