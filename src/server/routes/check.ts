// POST /api/check: a report checked without storing anything — a file in multipart, or a report's JSON as body.
import { checkFile } from '../../pipeline.ts';
import { renderJson } from '../../render/report/json.ts';
import type { Report } from '../../model/report.ts';
import type { Api, RouteContext } from '../app.ts';
import { unreadable } from '../batches.ts';
import { ApiError } from '../errors.ts';
import { countsOf, withIds } from '../findings.ts';
import { CsrfHeaders, CheckedSchema, ErrorSchema, ERRORS } from '../schemas.ts';
import { formDataName, safeName, tooLarge } from '../uploads.ts';

/** The check route. */
export function checkRoutes(app: Api, { lang, ocr, limits, reader }: RouteContext): void {
  app.post(
    '/api/check',
    {
      schema: {
        summary: 'Check a report without storing it: one file (multipart field `file`) or a report JSON body',
        description:
          'A JSON body is read as nianbao reads a .json file: a report of report-json.md, an extract entry ' +
          "{ file, report, diagnostics }, or a list of one; it is validated by the model's ReportSchema.",
        consumes: ['multipart/form-data', 'application/json'],
        headers: CsrfHeaders,
        response: { 200: CheckedSchema, 413: ErrorSchema, 415: ErrorSchema, ...ERRORS },
      },
    },
    async (request) => {
      let name: string;
      let bytes: Uint8Array;
      if (request.isMultipart()) {
        const part = await request.file();
        if (!part || part.fieldname !== 'file')
          throw new ApiError(
            400,
            'bad-request',
            'no file: send the report in a multipart field named "file"',
          );
        name = safeName(formDataName(part.filename), 'file');
        const buffer = await part.toBuffer();
        if (part.file.truncated) throw new ApiError(413, 'too-large', tooLarge(name, null, limits.fileSize));
        bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } else if (request.body !== undefined && request.body !== null && typeof request.body === 'object') {
        name = 'report.json';
        bytes = new TextEncoder().encode(JSON.stringify(request.body));
      } else
        throw new ApiError(
          415,
          'unsupported',
          'POST /api/check takes a file (multipart/form-data, field "file") or a report as application/json',
        );
      // Read on the server's worker thread under its limits (small text in process); a file stopped by one is
      // unreadable with its finding (read/timeout, read/too-large), and the server goes on answering.
      const checked = checkFile(await reader.extract(name, bytes, { lang, ocr }), { lang });
      if (!checked.report) {
        const why = unreadable(name, checked.diagnostics);
        throw new ApiError(why.code === 'unsupported' ? 415 : 400, why.code, why.message);
      }
      return {
        file: name,
        kind: checked.kind ?? null,
        report: JSON.parse(renderJson(checked.report)) as Report,
        counts: countsOf(checked.diagnostics),
        diagnostics: withIds(checked.diagnostics),
      };
    },
  );
}
