// A multipart/form-data body for fastify.inject: file parts (and text fields) in order.
import { randomBytes } from 'node:crypto';

/** One part: a file (name and bytes) or a text field. */
export type Part =
  { field?: string; name: string; bytes: Uint8Array | string } | { field: string; value: string };

/** The body and content-type header of a multipart request; file parts go in field `file` unless told. */
export function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----nianbao${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in p) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.field}"\r\n\r\n${p.value}\r\n`));
      continue;
    }
    // The name as a browser sends it: quotes and line breaks escaped, everything else as UTF-8.
    const name = p.name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    chunks.push(
      Buffer.from(
        `Content-Disposition: form-data; name="${p.field ?? 'file'}"; filename="${name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
    );
    chunks.push(typeof p.bytes === 'string' ? Buffer.from(p.bytes) : Buffer.from(p.bytes));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-nianbao': '1' },
  };
}
