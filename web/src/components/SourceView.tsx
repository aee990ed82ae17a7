// A figure's origin in its source, as the reader saw it (GET /api/reports/:id/view): a window of text lines with
// the span marked, a PDF page image with the box drawn, a DOCX paragraph or table cell marked, a sheet's cell.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode, type Ref } from 'react';
import type { z } from 'zod';
import type { SourceSpan } from '../../../src/model/source.ts';
import type { SourceViewSchema } from '../../../src/server/source-schemas.ts';
import { api } from '../api.ts';
import { useT, type Messages } from '../i18n.tsx';

export type SourceView = z.infer<typeof SourceViewSchema>;
type PdfPage = Extract<SourceView, { kind: 'pdf' }>['pages'][number];

const messages: Messages<
  'none' | 'loading' | 'page' | 'line' | 'paragraph' | 'tableCell' | 'truncated' | 'beyond' | 'sheet'
> = {
  zh: {
    none: '此处没有原文位置。',
    loading: '正在读取原文…',
    page: '第 {n} 页',
    line: '第 {n} 行',
    paragraph: '第 {n} 段',
    tableCell: '表格 {t} 第 {r} 行第 {c} 格',
    truncated: '原文过大，仅显示部分：{note}',
    beyond: '该位置超出了可显示的部分。',
    sheet: '工作表 {name} 单元格 {cell}',
  },
  en: {
    none: 'No place in the source.',
    loading: 'Reading the source…',
    page: 'page {n}',
    line: 'line {n}',
    paragraph: 'paragraph {n}',
    tableCell: 'table {t}, row {r}, cell {c}',
    truncated: 'The source is large; part of it is shown: {note}',
    beyond: 'The place is beyond the part that can be shown.',
    sheet: 'sheet {name}, cell {cell}',
  },
};

/** The view of a report's source (one request a report version; it never changes). */
export function useSourceView(reportId: number) {
  return useQuery({
    queryKey: ['view', reportId],
    queryFn: () => api<SourceView>(`/reports/${reportId}/view`),
    staleTime: Infinity,
    retry: false,
  });
}

/** Scrolls `el` to the middle of its own source window only (the panels around it stay where they are). */
function centre(el: HTMLElement | null) {
  const box = el?.closest<HTMLElement>('.src-lines, .page-window, .src-grid');
  if (!el || !box) return;
  const e = el.getBoundingClientRect();
  const b = box.getBoundingClientRect();
  box.scrollTop += e.top - b.top - (b.height - e.height) / 2;
  box.scrollLeft += e.left - b.left - (b.width - e.width) / 2;
}

/** Centres the marked element in its window when it changes. */
function useMarked<T extends HTMLElement>(key: string) {
  const ref = useRef<T>(null);
  useEffect(() => centre(ref.current), [key]);
  return ref;
}

/** The most characters of a long line shown around a span (a minified page is one line). */
const AROUND = 160;

function LinesSource({ lines, span }: { lines: string[]; span: Extract<SourceSpan, { line: number }> }) {
  const t = useT(messages);
  const ref = useMarked<HTMLElement>(`${span.line}:${span.column}-${span.endLine}:${span.endColumn}`);
  if (span.line > lines.length) return <p className="muted">{t('beyond')}</p>;
  const from = Math.max(1, span.line - 6);
  const to = Math.min(lines.length, span.endLine + 6);
  const rows: ReactNode[] = [];
  for (let n = from; n <= to; n++) {
    const text = lines[n - 1] ?? '';
    const inSpan = n >= span.line && n <= span.endLine;
    let start = n === span.line ? span.column - 1 : 0;
    let end = n === span.endLine ? span.endColumn - 1 : text.length;
    if (!inSpan) {
      start = end = -1;
    } else {
      // The figure is marked, not the blanks a span may take in around it.
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
    }
    // A long line is cut around the span.
    let cutFrom = 0;
    let cutTo = text.length;
    if (text.length > AROUND * 2) {
      const centre = inSpan ? start : 0;
      cutFrom = Math.max(0, centre - AROUND);
      cutTo = Math.min(text.length, Math.max(end, centre) + AROUND);
    }
    const before = inSpan ? text.slice(cutFrom, start) : text.slice(cutFrom, cutTo);
    rows.push(
      <div key={n} className={inSpan ? 'ln hit' : 'ln'}>
        <span className="no">{n}</span>
        <code>
          {cutFrom > 0 && '…'}
          {before}
          {inSpan && (
            <mark ref={n === span.line ? ref : undefined} data-testid="source-mark">
              {text.slice(start, end)}
            </mark>
          )}
          {inSpan && text.slice(end, cutTo)}
          {cutTo < text.length && '…'}
        </code>
      </div>,
    );
  }
  return (
    <div className="src-lines">
      <p className="where">{t('line', { n: span.line })}</p>
      {rows}
    </div>
  );
}

/** A PDF box [x0, y0, x1, y1] in user space (y up) as percents of the page as seen (y down). */
export function boxOnPage(page: PdfPage, box: readonly [number, number, number, number]) {
  const [a, b, c, d, e, f] = page.transform;
  const at = (x: number, y: number) => [a * x + c * y + e, b * x + d * y + f] as const;
  const [p, q] = [at(box[0], box[1]), at(box[2], box[3])];
  const left = Math.min(p[0], q[0]);
  const top = Math.min(p[1], q[1]);
  return {
    left: (left / page.width) * 100,
    top: (top / page.height) * 100,
    width: (Math.abs(q[0] - p[0]) / page.width) * 100,
    height: (Math.abs(q[1] - p[1]) / page.height) * 100,
  };
}

function PdfSource({
  reportId,
  pages,
  span,
}: {
  reportId: number;
  pages: PdfPage[];
  span: Extract<SourceSpan, { kind: 'pdf' }>;
}) {
  const t = useT(messages);
  const ref = useMarked<HTMLDivElement>(`${span.page}:${span.box.join(',')}`);
  const page = pages.find((p) => p.n === span.page);
  if (!page) return <p className="muted">{t('beyond')}</p>;
  const b = boxOnPage(page, span.box);
  return (
    <div className="src-pdf">
      <p className="where">
        {t('page', { n: span.page })}
        {span.ocr !== undefined && <span className="conf"> OCR {span.ocr}</span>}
      </p>
      <div className="page-window">
        <div className="page" data-testid="source-page">
          <img
            src={`/api/reports/${reportId}/pages/${span.page}.png`}
            alt={t('page', { n: span.page })}
            data-testid="source-image"
            onLoad={() => centre(ref.current)}
          />
          <div
            ref={ref}
            className="box"
            data-testid="source-box"
            style={{ left: `${b.left}%`, top: `${b.top}%`, width: `${b.width}%`, height: `${b.height}%` }}
          />
        </div>
      </div>
    </div>
  );
}

/** A cell of a table shown from the source: the figure's own cell marked (and scrolled to). */
function GridCell({ hit, text, markRef }: { hit: boolean; text: string; markRef: Ref<HTMLElement> }) {
  return (
    <td className={hit ? 'hit' : undefined}>
      {hit ? (
        <mark ref={markRef} data-testid="source-mark">
          {text}
        </mark>
      ) : (
        text
      )}
    </td>
  );
}

function DocxSource({
  view,
  span,
}: {
  view: Extract<SourceView, { kind: 'docx' }>;
  span: Extract<SourceSpan, { kind: 'docx' }>;
}) {
  const t = useT(messages);
  const ref = useMarked<HTMLElement>(`${span.table}:${span.row}:${span.cell}:${span.paragraph}`);
  if (span.table !== undefined) {
    const table = view.tables[span.table];
    if (!table) return <p className="muted">{t('beyond')}</p>;
    const row = span.row ?? 0;
    const from = Math.max(0, row - 5);
    const to = Math.min(table.length, row + 6);
    return (
      <div className="src-grid">
        <p className="where">{t('tableCell', { t: span.table + 1, r: row + 1, c: (span.cell ?? 0) + 1 })}</p>
        <table>
          <tbody>
            {table.slice(from, to).map((cells, i) => (
              <tr key={from + i}>
                {cells.map((text, j) => {
                  const hit = from + i === row && j === span.cell;
                  return <GridCell key={j} hit={hit} text={text} markRef={ref} />;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  const n = span.paragraph ?? 0;
  const from = Math.max(0, n - 2);
  return (
    <div className="src-lines">
      <p className="where">{t('paragraph', { n: n + 1 })}</p>
      {view.paragraphs.slice(from, n + 3).map((text, i) => (
        <p key={from + i} className={from + i === n ? 'para hit' : 'para'}>
          {from + i === n ? (
            <mark ref={ref} data-testid="source-mark">
              {text}
            </mark>
          ) : (
            text
          )}
        </p>
      ))}
    </div>
  );
}

/** "C12" → [row 11, column 2] (0-based). */
export function a1(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, col - 1];
}

const columnName = (n: number): string =>
  (n >= 26 ? columnName(Math.floor(n / 26) - 1) : '') + String.fromCharCode(65 + (n % 26));

function XlsxSource({
  view,
  span,
}: {
  view: Extract<SourceView, { kind: 'xlsx' }>;
  span: Extract<SourceSpan, { kind: 'xlsx' }>;
}) {
  const t = useT(messages);
  const ref = useMarked<HTMLElement>(`${span.sheet}!${span.cell}`);
  const sheet = view.sheets.find((s) => s.name === span.sheet);
  const at = a1(span.cell);
  if (!sheet || !at || at[0] >= sheet.rows.length) return <p className="muted">{t('beyond')}</p>;
  const [row, col] = at;
  const from = Math.max(0, row - 6);
  const to = Math.min(sheet.rows.length, row + 7);
  const width = Math.max(col + 1, ...sheet.rows.slice(from, to).map((r) => r.length));
  return (
    <div className="src-grid">
      <p className="where">{t('sheet', { name: span.sheet, cell: span.cell })}</p>
      <table>
        <thead>
          <tr>
            <th />
            {Array.from({ length: width }, (_, j) => (
              <th key={j}>{columnName(j)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.slice(from, to).map((cells, i) => (
            <tr key={from + i}>
              <th>{from + i + 1}</th>
              {Array.from({ length: width }, (_, j) => {
                const hit = from + i === row && j === col;
                const text = cells[j] ?? '';
                return <GridCell key={j} hit={hit} text={text} markRef={ref} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The source of a report version with `span` marked. */
export function SourceView({ reportId, span }: { reportId: number; span: SourceSpan | undefined }) {
  const t = useT(messages);
  const view = useSourceView(reportId);
  if (!span) return <p className="muted">{t('none')}</p>;
  if (view.isPending) return <p className="muted">{t('loading')}</p>;
  if (view.error) return <p className="bad">{view.error.message}</p>;
  const v = view.data;
  const truncated = 'truncated' in v && v.truncated ? v.truncated : undefined;
  let body: ReactNode = <p className="muted">{t('none')}</p>;
  if ((v.kind === 'text' || v.kind === 'html' || v.kind === 'doc') && 'line' in span)
    body = <LinesSource lines={v.lines} span={span} />;
  else if (v.kind === 'pdf' && span.kind === 'pdf')
    body = <PdfSource reportId={reportId} pages={v.pages} span={span} />;
  else if (v.kind === 'docx' && span.kind === 'docx') body = <DocxSource view={v} span={span} />;
  else if (v.kind === 'xlsx' && span.kind === 'xlsx') body = <XlsxSource view={v} span={span} />;
  return (
    <div className="source-view" data-testid="source">
      {truncated && <p className="muted">{t('truncated', { note: truncated.note })}</p>}
      {body}
    </div>
  );
}
