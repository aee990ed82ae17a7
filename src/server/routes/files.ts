// Uploads: POST /api/files (multipart, a `file` field per file, or a zip of many) starts a batch read, checked and
// stored in the background; GET /api/batches/:id and its event stream tell each file's outcome.
import { z } from 'zod';
import type { Api, RouteContext } from '../app.ts';
import { ownsBatch, uploadScope, userOf } from '../auth.ts';
import { ApiError, type ErrorCode } from '../errors.ts';
import { CsrfHeaders, BatchSchema, ErrorSchema, ERRORS } from '../schemas.ts';
import { expandArchive, formDataName, isArchive, safeName, tooLarge, type UploadItem } from '../uploads.ts';

const STATUS: Partial<Record<ErrorCode, number>> = { 'too-large': 413, unsupported: 415 };

/** The upload and batch routes. */
export function fileRoutes(app: Api, { batches, limits, store }: RouteContext): void {
  app.post(
    '/api/files',
    {
      schema: {
        summary: 'Upload report files (multipart field `file`, repeatable; or a zip of many)',
        description:
          'Each file is read (its kind told by its bytes), checked and stored in the background, one at a time in ' +
          'order. A file over the size limit, a zip with too many entries or unpacking to too much are refused by ' +
          'name. Answers 202 with the batch id; when every file is refused, answers the error instead.',
        consumes: ['multipart/form-data'],
        headers: CsrfHeaders,
        querystring: z.object({
          region: z.string().max(200).optional().describe('the region of the files, e.g. 河南省/三门峡市'),
        }),
        response: {
          202: z.object({ batchId: z.string(), files: z.number().int() }),
          413: ErrorSchema,
          415: ErrorSchema,
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new ApiError(
          415,
          'unsupported',
          'POST /api/files takes multipart/form-data with one or more fields named "file"',
        );
      const scope = uploadScope(request, store, request.query.region?.trim() || null);
      const items: UploadItem[] = [];
      let n = 0;
      for await (const part of request.parts()) {
        if (part.type !== 'file') continue;
        n++;
        const name = safeName(formDataName(part.filename), `file-${n}`);
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        const buffer = await part.toBuffer();
        if (part.file.truncated) {
          items.push({
            refused: { name, code: 'too-large', message: tooLarge(name, null, limits.fileSize) },
          });
          continue;
        }
        const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        if (isArchive(bytes)) items.push(...expandArchive(name, bytes, limits));
        else items.push({ file: { name, bytes } });
      }
      if (items.length === 0)
        throw new ApiError(
          400,
          'bad-request',
          'no file: send one or more files in multipart fields named "file"',
        );
      const refused = items.flatMap((i) => ('refused' in i ? [i.refused] : []));
      // Nothing to read at all: the error itself, not a batch of refusals.
      if (refused.length === items.length) {
        const code = refused[0]!.code;
        throw new ApiError(STATUS[code] ?? 400, code, refused.map((r) => r.message).join('; '));
      }
      const batch = batches.start(items, scope.region, {
        owner: userOf(request)?.name,
        accept: scope.accept,
      });
      return reply.code(202).send({ batchId: batch.id, files: batch.files.length });
    },
  );

  const BatchParams = z.object({ id: z.string().uuid() });

  app.get(
    '/api/batches/:id',
    {
      schema: {
        summary: "A batch's files: status, report id, counts and findings of each, and whether all are done",
        params: BatchParams,
        response: { 200: BatchSchema, ...ERRORS },
      },
    },
    async (request) => {
      const batch = batches.get(request.params.id);
      if (!batch || !ownsBatch(request, batches.owner(batch.id)))
        throw new ApiError(404, 'not-found', `no batch ${request.params.id}`);
      return batch;
    },
  );

  app.get(
    '/api/batches/:id/events',
    {
      schema: {
        summary:
          'Server-sent events: `file` as each file is done (its result as data), then `done` (the batch)',
        produces: ['text/event-stream'],
        params: BatchParams,
      },
    },
    async (request, reply) => {
      const batch = batches.get(request.params.id);
      if (!batch || !ownsBatch(request, batches.owner(batch.id)))
        throw new ApiError(404, 'not-found', `no batch ${request.params.id}`);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      const send = (event: string, id: string, data: unknown) =>
        res.write(`event: ${event}\nid: ${id}\ndata: ${JSON.stringify(data)}\n\n`);
      // The files done before the stream opened, then each as it is done: no file is told twice or missed, as
      // both happen in this one turn of the event loop.
      for (const f of batch.files)
        if (f.status !== 'queued' && f.status !== 'reading') send('file', String(f.index), f);
      if (batch.done) {
        send('done', 'done', batch);
        res.end();
        return;
      }
      const stop = batches.listen(batch.id, (event) => {
        if (event.type === 'file') send('file', String(event.file.index), event.file);
        else {
          send('done', 'done', event.batch);
          stop();
          res.end();
        }
      });
      request.raw.on('close', stop);
    },
  );
}
