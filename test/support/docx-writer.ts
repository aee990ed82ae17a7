// A small DOCX writer for tests: a report in the official layout, merged cells as Word writes them (gridSpan, vMerge).
import { strToU8, zipSync } from 'fflate';
import { formatOf } from '../../src/model/formats/index.ts';
import { SECTION_KEYS, rowValues, type Report } from '../../src/model/report.ts';

/** A cell of the official layout: its text, columns spanned, and its part in a vertical merge. */
export interface C {
  text: string;
  span?: number;
  vmerge?: 'restart' | 'continue';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const p = (text: string) =>
  `<w:p>${text
    .split('\n')
    .map(
      (line, i) => `${i ? '<w:r><w:br/></w:r>' : ''}<w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r>`,
    )
    .join('')}</w:p>`;
const tc = (c: C) =>
  `<w:tc><w:tcPr>${c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ''}${
    c.vmerge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.vmerge === 'continue' ? '<w:vMerge/>' : ''
  }</w:tcPr>${p(c.vmerge === 'continue' ? '' : c.text)}</w:tc>`;
const tbl = (rows: C[][]) =>
  `<w:tbl>${rows.map((r) => `<w:tr>${r.map(tc).join('')}</w:tr>`).join('')}</w:tbl>`;
const fig = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** The report's three tables in the official layout, as rows of cells. */
export function officialRows(report: Report): Record<string, C[][]> {
  const f = formatOf(report.formatVersion);
  const out: Record<string, C[][]> = {};
  for (const t of f.tables) {
    const rows: C[][] = [];
    if (t.key === 'proactive') {
      let block = '';
      for (const r of t.rows) {
        if (r.group !== block) {
          block = r.group!;
          rows.push([{ text: block, span: 4 }]);
          rows.push([
            { text: '信息内容' },
            ...r.columns.map((c, i, a) => ({ text: c.label, span: i === a.length - 1 ? 4 - a.length : 1 })),
          ]);
        }
        const v = rowValues(report.proactive, r);
        rows.push([
          { text: r.label },
          ...r.columns.map((c, i, a) => ({
            text: fig(v[c.key]),
            span: i === a.length - 1 ? 4 - a.length : 1,
          })),
        ]);
      }
    } else if (t.key === 'requests') {
      rows.push([
        { text: t.note!, span: 3, vmerge: 'restart' },
        { text: '申请人情况', span: 7 },
      ]);
      rows.push([
        { text: '', span: 3, vmerge: 'continue' },
        { text: '自然人', vmerge: 'restart' },
        { text: '法人或其他组织', span: 5 },
        { text: '总计', vmerge: 'restart' },
      ]);
      rows.push([
        { text: '', span: 3, vmerge: 'continue' },
        { text: '', vmerge: 'continue' },
        ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((text) => ({ text })),
        { text: '', vmerge: 'continue' },
      ]);
      let outer = '';
      let inner = '';
      for (const r of t.rows) {
        const v = rowValues(report.requests, r);
        const values = r.columns.map((c) => ({ text: fig(v[c.key]) }));
        const labels: C[] = [];
        const parent = r.parentGroup ?? (r.group && !r.group.startsWith('（') ? r.group : undefined);
        if (parent) {
          labels.push({ text: parent, vmerge: parent === outer ? 'continue' : 'restart' });
          outer = parent;
          if (r.parentGroup) {
            labels.push({ text: r.group!, vmerge: r.group === inner ? 'continue' : 'restart' });
            inner = r.group!;
            labels.push({ text: r.label });
          } else {
            inner = '';
            labels.push({ text: r.label, span: 2 });
          }
        } else {
          outer = inner = '';
          labels.push({ text: r.label, span: 3 });
        }
        rows.push([...labels, ...values]);
      }
    } else {
      const outcomes = t.rows[0]!.columns.map((c) => c.label);
      rows.push([
        { text: '行政复议', span: 5 },
        { text: '行政诉讼', span: 10 },
      ]);
      rows.push([
        ...outcomes.map((text) => ({ text, vmerge: 'restart' as const })),
        { text: '未经复议直接起诉', span: 5 },
        { text: '复议后起诉', span: 5 },
      ]);
      rows.push([
        ...outcomes.map(() => ({ text: '', vmerge: 'continue' as const })),
        ...outcomes.map((text) => ({ text })),
        ...outcomes.map((text) => ({ text })),
      ]);
      rows.push(
        t.rows.flatMap((r) =>
          r.columns.map((c) => ({ text: fig(rowValues(report.reviewLitigation, r)[c.key]) })),
        ),
      );
    }
    out[t.key] = rows;
  }
  return out;
}

function tables(report: Report): Record<string, string> {
  return Object.fromEntries(Object.entries(officialRows(report)).map(([k, rows]) => [k, tbl(rows)]));
}

/** A DOCX file of the report: title, the six sections with their texts, the tables in sections 二, 三 and 四. */
export function writeDocx(report: Report): Uint8Array {
  const f = formatOf(report.formatVersion);
  const t = tables(report);
  let body = p(`${report.agency ?? ''}${report.year ?? ''}年政府信息公开工作年度报告`);
  for (const [i, key] of SECTION_KEYS.entries()) {
    body += p(f.sections[i]!.heading);
    for (const line of (report.sections[key] ?? '').split('\n')) body += p(line);
    if (key in t) body += t[key]!;
  }
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(doc),
  });
}
