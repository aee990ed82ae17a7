// A report's source as the reader saw it — the lines, paragraphs, cells or pages its SourceSpans point into — and
// the images of a PDF's pages, for showing a figure's origin beside it. The readers' own decoding gives the text.
import { z } from 'zod';
import { docLines } from '../../read/doc.ts';
import { docxText } from '../../read/docx.ts';
import { htmlSourceLines } from '../../read/html.ts';
import { textLines } from '../../read/text.ts';
import { xlsxSheets } from '../../read/xlsx.ts';
import { decodeText } from '../../read/decode.ts';
import type { Store } from '../../store/index.ts';
import type { Api, RouteContext } from '../app.ts';
import { ApiError } from '../errors.ts';
import { PageImages, type PageLimits, type PdfSource } from '../pages.ts';
import { ErrorSchema, ERRORS, IdParams } from '../schemas.ts';
import { PageParams, PageQuery, SourceViewSchema, type SourceView } from '../source-schemas.ts';

/** The most bytes (UTF-8) of text a view answers with; a larger source is cut, and says so. */
export const VIEW_TEXT_BYTES = 5 * 1024 * 1024;
/** The cells of a sheet a view gives: rows and columns from A1. */
export const VIEW_SHEET_ROWS = 200;
export const VIEW_SHEET_COLUMNS = 60;

/** A report version's stored file (without its bytes). */
interface FileOf {
  id: number;
  fileId: number;
  fileName: string;
  kind: string;
  sha256: string;
  size: number;
}

/**
 * The stored file of a report version, by report id: 404 when the report or its file is missing. A version's file
 * never changes, so the last 1,000 are kept (reading a report to learn its file takes most of a cached page's time).
 */
class Files {
  private readonly map = new Map<number, FileOf>();
  constructor(private readonly store: Store) {}

  async of(id: number): Promise<FileOf> {
    const hit = this.map.get(id);
    if (hit) return hit;
    const r = await this.store.report(id);
    if (!r) throw new ApiError(404, 'not-found', `no report ${id}`);
    const info = await this.store.sourceFileInfo(r.sourceFileId);
    if (!info) throw new ApiError(404, 'not-found', `report ${id} has no source file`);
    const file = { id, fileId: r.sourceFileId, ...info };
    this.map.set(id, file);
    if (this.map.size > 1000) this.map.delete(this.map.keys().next().value!);
    return file;
  }
}

/** Strings cut to `max` bytes of UTF-8 in all; how many were given whole and whether any was cut. */
function bounded(strings: readonly string[], max: number): { kept: string[]; cut: boolean } {
  let total = 0;
  const kept: string[] = [];
  for (const s of strings) {
    const size = Buffer.byteLength(s, 'utf8') + 4;
    if (total + size > max) {
      // The string that crosses the bound is kept in part, so that one huge line (a minified page) still shows.
      const room = Math.max(0, max - total);
      if (room > 0) kept.push(s.slice(0, Math.floor(room / 3)));
      return { kept, cut: true };
    }
    total += size;
    kept.push(s);
  }
  return { kept, cut: false };
}

function linesView(kind: 'text' | 'html' | 'doc', lines: string[], encoding?: string): SourceView {
  const { kept, cut } = bounded(lines, VIEW_TEXT_BYTES);
  return {
    kind,
    lines: kept,
    ...(encoding ? { encoding } : {}),
    ...(cut
      ? {
          truncated: {
            at: kept.length,
            total: lines.length,
            note: `the source is over ${VIEW_TEXT_BYTES / 1024 / 1024} MB: cut in line ${kept.length} of ${lines.length}; GET /api/reports/:id/source gives it whole`,
          },
        }
      : {}),
  };
}

/** A reader's helper failing on a stored file: 422, naming the file. */
function unreadable(fileName: string, e: unknown): ApiError {
  return new ApiError(
    422,
    'unreadable',
    `${fileName}: the source cannot be shown (${e instanceof Error ? e.message : String(e)})`,
  );
}

/** The source routes: the view of a report's source, and its PDF pages as images. */
export function sourceRoutes(
  app: Api,
  { store, version }: RouteContext,
  limits: Partial<PageLimits> = {},
): void {
  const pages = new PageImages(limits);
  const files = new Files(store);
  app.addHook('onClose', async () => pages.close());
  const pdfSource = (file: { fileName: string; sha256: string; fileId: number }): PdfSource => ({
    fileName: file.fileName,
    sha256: file.sha256,
    bytes: async () => {
      const f = await store.sourceFile(file.fileId);
      if (!f) throw new ApiError(404, 'not-found', `${file.fileName} is no longer stored`);
      return f.bytes;
    },
  });

  app.get(
    '/api/reports/:id/view',
    {
      schema: {
        summary:
          "A report's source as the reader saw it, for marking a figure's SourceSpan: lines, paragraphs and cells, or pages",
        params: IdParams,
        response: { 200: SourceViewSchema, 422: ErrorSchema, ...ERRORS },
      },
    },
    async (request, reply): Promise<SourceView> => {
      const file = await files.of(request.params.id);
      void reply.header('cache-control', 'private, max-age=3600');
      if (file.kind === 'pdf') return { kind: 'pdf', pages: await pages.pages(pdfSource(file)) };
      const stored = await store.sourceFile(file.fileId);
      if (!stored) throw new ApiError(404, 'not-found', `report ${file.id} has no source file`);
      const { bytes } = stored;
      try {
        switch (file.kind) {
          case 'text':
            return linesView('text', textLines(bytes), decodeText(bytes).encoding);
          case 'html':
            return linesView('html', htmlSourceLines(bytes));
          case 'doc':
            return linesView('doc', await docLines(bytes));
          case 'docx': {
            const { paragraphs, tables } = docxText(bytes);
            const cut = bounded([...paragraphs, ...tables.flat(2)], VIEW_TEXT_BYTES).cut;
            if (cut) throw new Error(`its text is over ${VIEW_TEXT_BYTES / 1024 / 1024} MB`);
            return { kind: 'docx', paragraphs, tables };
          }
          case 'xlsx': {
            const sheets = await xlsxSheets(bytes, VIEW_SHEET_ROWS, VIEW_SHEET_COLUMNS);
            const over = sheets.filter(
              (s) => s.rowCount > VIEW_SHEET_ROWS || s.columnCount > VIEW_SHEET_COLUMNS,
            );
            return {
              kind: 'xlsx',
              sheets,
              ...(over.length
                ? {
                    truncated: {
                      at: VIEW_SHEET_ROWS,
                      total: Math.max(...over.map((s) => s.rowCount)),
                      note: `a sheet is given to row ${VIEW_SHEET_ROWS} and column ${VIEW_SHEET_COLUMNS} at most: ${over.map((s) => `${s.name} (${s.rowCount}×${s.columnCount})`).join(', ')}`,
                    },
                  }
                : {}),
            };
          }
        }
      } catch (e) {
        throw unreadable(file.fileName, e);
      }
      throw new ApiError(
        404,
        'not-found',
        `report ${file.id} was read from ${file.fileName}, a ${file.kind === 'json' ? "report's JSON" : file.kind} file: it has no source to show`,
      );
    },
  );

  app.get(
    '/api/reports/:id/pages/:n.png',
    {
      schema: {
        summary:
          "A page of a report's PDF drawn as a PNG (pdf.js), 1,200 pixels wide unless a scale is asked for",
        params: PageParams,
        querystring: PageQuery,
        response: { 304: z.null().describe('not modified (If-None-Match)'), 422: ErrorSchema, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { id, n } = request.params;
      const file = await files.of(id);
      if (file.kind !== 'pdf')
        throw new ApiError(
          404,
          'not-found',
          `report ${id} was read from ${file.fileName}, not a PDF: no pages`,
        );
      const source = pdfSource(file);
      const scale = await pages.scaleOf(source, n, request.query.scale);
      const etag = `"${file.sha256}-${n}-${scale}-${version}"`;
      void reply
        .header('etag', etag)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff');
      const asked = request.headers['if-none-match'];
      if (asked && asked.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))
        return reply.code(304).send(null);
      const image = await pages.image(source, n, scale);
      return reply
        .header('content-type', 'image/png')
        .header('x-page-scale', String(image.scale))
        .send(image.png as never);
    },
  );
}
