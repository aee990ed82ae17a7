// The format's identities as equations over model paths, and the rules built on them (T3-1…T3-3, T4-1…T4-3).
import type { ModelPath } from '../model/diagnostic.ts';
import type { FormatDef, TableDef, TableKey } from '../model/format.ts';
import { evaluate } from '../model/cells.ts';
import type { Equation, Rule, RuleContext, RuleMeta } from './types.ts';

const tableOf = (format: FormatDef, key: TableKey): TableDef => format.tables.find((t) => t.key === key)!;

/** The equations of a row identity (e.g. T3-2) on every row of a table, or on one row. */
export function rowEquations(
  format: FormatDef,
  key: TableKey,
  identity: string,
  onlyRow?: string,
): Equation[] {
  const table = tableOf(format, key);
  const out: Equation[] = [];
  for (const id of table.rowIdentities.filter((x) => x.id === identity))
    for (const r of table.rows) {
      if (onlyRow && r.path.join('.') !== onlyRow) continue;
      if (!r.columns.some((c) => c.key === id.total)) continue;
      const at = (col: string): ModelPath => [key, ...r.path, col];
      out.push({ id: identity, lhs: [at(id.total)], rhs: id.parts.map(at) });
    }
  return out;
}

/** The equations of a column identity (e.g. T3-1) in every column, keyed by column. */
export function columnEquations(
  format: FormatDef,
  key: TableKey,
  identity: string,
): { column: string; eq: Equation }[] {
  const table = tableOf(format, key);
  const id = table.columnIdentities?.find((x) => x.id === identity);
  if (!id) return [];
  const byId = new Map(table.rows.map((r) => [r.path.join('.'), r]));
  const columns = byId.get(id.lhs[0]!)!.columns.map((c) => c.key);
  const at = (rowId: string, col: string): ModelPath => [key, ...byId.get(rowId)!.path, col];
  return columns.map((column) => ({
    column,
    eq: { id: identity, lhs: id.lhs.map((r) => at(r, column)), rhs: id.rhs.map((r) => at(r, column)) },
  }));
}

/** Extraction ids that mean a row's figures could not be read (so its blanks are not blanks). */
const UNREAD = new Set([
  'extract/ambiguous-cells',
  'extract/unplaced-cells',
  'extract/missing-row',
  'extract/missing-table',
  'extract/unreadable-figure', // a figure OCR could not read: null for want of reading, not blank
]);

/**
 * True when an equation touches a row extraction could not read: its cells are null for want of reading, not
 * blank in the report, so the sum says nothing (the extraction finding says what is wrong).
 */
export function touchesUnread(ctx: RuleContext, eq: Equation): boolean {
  const unread = ctx.extraction.filter((d) => UNREAD.has(d.ruleId) && d.path).map((d) => d.path!.join('.'));
  if (unread.length === 0) return false;
  return [...eq.lhs, ...eq.rhs].some((p) => {
    const key = p.join('.');
    return unread.some((u) => key === u || key.startsWith(u + '.'));
  });
}

/** Reports a failing "total = Σ parts" equation: path is the total, related the parts. */
export function reportSum(
  ctx: RuleContext,
  eq: Equation,
  messageId: string,
  data: Record<string, unknown>,
): void {
  const e = evaluate(ctx.report, eq);
  if (!e || e.ok || touchesUnread(ctx, eq)) return;
  ctx.add({
    messageId: e.blanks > 0 ? `${messageId}Blanks` : messageId,
    data: { ...data, actual: e.lhs, expected: e.rhs, blanks: e.blanks },
    path: [...eq.lhs[0]!],
    related: eq.rhs.map((p) => [...p]),
    actual: e.lhs,
    expected: e.rhs,
    equation: eq,
  });
}

/** A table-4 block rule (T4-1, T4-2, T4-3): 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 in one block. */
export function blockRule(id: string, block: string, basis: string): Rule {
  const meta: RuleMeta = {
    id,
    severity: 'error',
    title: {
      zh: `表四“${block === 'review' ? '行政复议' : block === 'litigationDirect' ? '未经复议直接起诉' : '复议后起诉'}”总计等于各结果之和`,
      en: `Table 4, ${block === 'review' ? 'administrative review' : block === 'litigationDirect' ? 'lawsuits without prior review' : 'lawsuits after review'}: the total is the sum of the outcomes`,
    },
    basis,
    messages: {
      blockSum: {
        zh: '表四“{block}”：总计 {actual} 不等于结果维持、结果纠正、其他结果、尚未审结之和 {expected}',
        en: 'Table 4, "{block}": the total {actual} is not the sum of upheld, corrected, other and pending, {expected}',
      },
      blockSumBlanks: {
        zh: '表四“{block}”：总计 {actual} 不等于结果维持、结果纠正、其他结果、尚未审结之和 {expected}（空白按 0 计，共 {blanks} 格）',
        en: 'Table 4, "{block}": the total {actual} is not the sum of upheld, corrected, other and pending, {expected} ({blanks} blank cells counted as 0)',
      },
    },
  };
  return {
    meta,
    check(ctx) {
      const table = tableOf(ctx.format, 'reviewLitigation');
      const row = table.rows.find((r) => r.path.join('.') === block)!;
      const label = row.group ? `${row.group}·${row.label}` : row.label;
      for (const eq of rowEquations(ctx.format, 'reviewLitigation', 'T4-1', block))
        reportSum(ctx, { ...eq, id }, 'blockSum', { block: label });
    },
  };
}
