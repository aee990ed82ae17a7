// Downloads: safe content types by input kind and output format, an RFC 6266/5987 Content-Disposition, and a
// report's export sent (sendExport).
import type { FastifyReply } from 'fastify';
import type { Report } from '../model/report.ts';
import { decodeText } from '../read/decode.ts';
import { findChromium } from '../render/report/pdf.ts';
import { renderReport, type OutputFormat } from '../render/report/index.ts';
import { ApiError } from './errors.ts';

const BINARY: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
};

/**
 * The content type an uploaded file is served with: its own for PDF and Office files; text/plain with the
 * charset its bytes decode in for text, HTML and JSON — an uploaded page is never served as a page.
 */
export function sourceContentType(kind: string, bytes: Uint8Array): string {
  const binary = BINARY[kind];
  if (binary) return binary;
  if (kind === 'text' || kind === 'html' || kind === 'json')
    return `text/plain; charset=${decodeText(bytes).encoding}`;
  return 'application/octet-stream';
}

/** The content type of an export. */
export function exportContentType(to: string): string {
  return (
    BINARY[to] ??
    {
      html: 'text/html; charset=utf-8',
      md: 'text/markdown; charset=utf-8',
      csv: 'text/csv; charset=utf-8',
      json: 'application/json; charset=utf-8',
    }[to] ??
    'application/octet-stream'
  );
}

/**
 * `attachment; filename="…"; filename*=UTF-8''…`: the ASCII fallback with everything outside safe ASCII as "_",
 * the real name percent-encoded (RFC 5987). Only the name's last path component is kept.
 */
export function attachment(name: string): string {
  const base = name.split(/[\\/]/).filter(Boolean).at(-1) || 'download';
  const ascii = base.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(base).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * A report written out by renderReport and sent as a download named `name`. PDF needs Chromium: without one, or with
 * one that does not start, the answer is 503 `unavailable` with the reason.
 */
export async function sendExport(
  reply: FastifyReply,
  report: Report,
  to: OutputFormat,
  name: string,
  options?: Parameters<typeof renderReport>[2],
): Promise<FastifyReply> {
  const unavailable = (e: unknown, prefix = '') =>
    new ApiError(503, 'unavailable', `${prefix}${e instanceof Error ? e.message : String(e)}`);
  if (to === 'pdf')
    try {
      await findChromium();
    } catch (e) {
      throw unavailable(e);
    }
  let body: string | Uint8Array;
  try {
    body = await renderReport(report, to, options);
  } catch (e) {
    // The browser found but not starting is the same want of Chromium.
    if (to === 'pdf') throw unavailable(e, 'PDF output failed: ');
    throw e;
  }
  return reply
    .header('content-type', exportContentType(to))
    .header('content-disposition', attachment(name))
    .header('x-content-type-options', 'nosniff')
    .send(
      (typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength)) as never,
    );
}
