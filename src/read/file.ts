// The bytes of an input file, read only when it is a regular file within the input limit: a named pipe, a device
// (/dev/zero, also through a symlink) or a socket is refused from its stat before it is opened (opening a pipe waits
// for a writer, reading /dev/zero never ends), and so is a file over LIMITS.inputMb. A file that grows while it is
// read is cut at the limit and refused too.
import { open, stat } from 'node:fs/promises';
import type { Diagnostic } from '../model/diagnostic.ts';
import { finding } from '../findings/index.ts';
import { inputTooLarge, LIMITS } from './limits.ts';

/**
 * The bytes of the file at `path` (its name in messages: `file`), or the finding saying why it is not read
 * (read/unreadable: not a regular file; read/too-large: over the input limit). Errors of the file system (ENOENT,
 * EACCES, EISDIR for a directory) are thrown, for the caller's read/unreadable.
 */
export async function readInputFile(path: string | Buffer, file: string): Promise<Uint8Array | Diagnostic> {
  const st = await stat(path);
  if (st.isFIFO()) return finding('read/unreadable', 'pipe', { file });
  if (st.isCharacterDevice() || st.isBlockDevice()) return finding('read/unreadable', 'device', { file });
  if (st.isSocket()) return finding('read/unreadable', 'socket', { file });
  const tooLarge = inputTooLarge(file, st.size);
  if (tooLarge) return tooLarge;
  // A directory is opened and its read fails with EISDIR, which the caller words.
  const limit = LIMITS.inputMb * 1024 * 1024;
  const handle = await open(path, 'r');
  try {
    // At most the limit and one byte: a file that grew since its stat is refused, never read without end.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 0) + 65_536, limit + 1 - total));
      if (chunk.length === 0) break;
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return inputTooLarge(file, total)!;
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
