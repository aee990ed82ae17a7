// A blank report to fill in (the authoring template), with last year's 结转下年度继续办理 carried into 上年结转.
import {
  renderMessage,
  type Diagnostic,
  type MessageCatalogue,
  type Severity,
} from '../../model/diagnostic.ts';
import type { FormatVersion } from '../../model/format.ts';
import { blankReport, rowValues, tableDef, type Report } from '../../model/report.ts';

/**
 * The rows of format-spec T3-6 (cross-year): this year's 二、上年结转政府信息公开申请数量 equals last year's
 * 四、结转下年度继续办理, column by column. Both format versions have both rows with the same seven columns, so a
 * 2020 report (2019 format) carries into a 2021 one (2021 format).
 */
const CARRIED_FROM = ['carriedForward'] as const;
const CARRIED_INTO = ['carriedOver'] as const;

/** Messages of the template's diagnostics (rule ids template/…), in Chinese and English. */
export const TEMPLATE_MESSAGES: MessageCatalogue = {
  previousYear: {
    zh: '上一年度报告是{previous}年度的，而新报告是{year}年度的：结转数字仍按该报告填入“二、上年结转政府信息公开申请数量”，请核对',
    en: 'The previous report is for {previous} and the new one for {year}: its carried-forward figures were still copied into 上年结转; please check',
  },
  previousYearUnknown: {
    zh: '上一年度报告或新报告的年度不明，无法核对二者是否相邻：结转数字仍已填入，请核对',
    en: 'The year of the previous or of the new report is unknown, so they cannot be checked to be consecutive; the figures were still carried; please check',
  },
  previousAgency: {
    zh: '上一年度报告的机关“{previous}”与新报告的机关“{agency}”不同：结转数字仍已填入，请核对',
    en: 'The previous report is by "{previous}", the new one by "{agency}"; the figures were still carried; please check',
  },
};

function diagnostic(messageId: string, severity: Severity, data: Record<string, unknown>): Diagnostic {
  const m = TEMPLATE_MESSAGES[messageId]!;
  const ruleId = messageId === 'previousAgency' ? 'template/previous-agency' : 'template/previous-year';
  return {
    ruleId,
    severity,
    messageId,
    message: renderMessage(m.zh, data),
    data,
    path: messageId === 'previousAgency' ? ['agency'] : ['year'],
  };
}

/**
 * A blank report of the given format version, agency and year: no section text, every cell blank (null). With
 * `previous` (last year's report, of either version), its 结转下年度继续办理 row is copied into this year's
 * 上年结转政府信息公开申请数量 row, every column (the six applicants and 总计, format-spec T3-6); `carried` lists the
 * model paths so filled. A blank in the previous report stays blank; nothing else is filled. A previous report of
 * another year than `year` − 1 (or of another agency) gives a warning, and its figures are carried all the same:
 * the author decides.
 */
export function newReport(options: {
  formatVersion: FormatVersion;
  agency: string | null;
  year: number | null;
  previous?: Report;
}): { report: Report; carried: string[]; diagnostics: Diagnostic[] } {
  const report: Report = {
    ...blankReport(options.formatVersion),
    agency: options.agency,
    year: options.year,
  };
  const carried: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const previous = options.previous;
  if (!previous) return { report, carried, diagnostics };

  if (previous.year === null || options.year === null)
    diagnostics.push(diagnostic('previousYearUnknown', 'warning', {}));
  else if (previous.year !== options.year - 1)
    diagnostics.push(diagnostic('previousYear', 'warning', { previous: previous.year, year: options.year }));
  if (previous.agency !== null && options.agency !== null && previous.agency !== options.agency)
    diagnostics.push(
      diagnostic('previousAgency', 'warning', { previous: previous.agency, agency: options.agency }),
    );

  const fromRow = tableDef(previous.formatVersion, 'requests').rows.find(
    (r) => r.path.join('.') === CARRIED_FROM.join('.'),
  )!;
  const intoRow = tableDef(options.formatVersion, 'requests').rows.find(
    (r) => r.path.join('.') === CARRIED_INTO.join('.'),
  )!;
  const from = rowValues(previous.requests, fromRow);
  const into = rowValues(report.requests, intoRow);
  for (const c of intoRow.columns) {
    const v = from[c.key];
    if (v === null || v === undefined) continue;
    into[c.key] = v;
    carried.push(['requests', ...intoRow.path, c.key].join('.'));
  }
  return { report, carried, diagnostics };
}
