// File names that are not UTF-8: a zip made on Windows in China and unpacked on Linux leaves its names in GBK bytes,
// which Node turns into U+FFFD when it reads a folder as text — the file then "does not exist" (ENOENT). A folder
// is walked by its names' bytes instead: a name that is not UTF-8 is shown decoded as GB18030 (GBK's superset),
// and opened by its own bytes, kept here by the shown path.
import iconv from 'iconv-lite';

/** The bytes of each path shown decoded (absolute), for the paths whose names are not UTF-8. */
const RAW = new Map<string, Uint8Array>();

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A name's bytes as text: UTF-8 when they are, else GB18030; and whether it was decoded from GB18030. */
export function nameOf(bytes: Uint8Array): { name: string; gbk: boolean } {
  try {
    return { name: utf8.decode(bytes), gbk: false };
  } catch {
    return { name: iconv.decode(Buffer.from(bytes), 'gb18030'), gbk: true };
  }
}

/** Remembers that the absolute path `shown` is opened by the bytes `raw`. */
export function rememberRaw(shown: string, raw: Uint8Array): void {
  RAW.set(shown, raw);
}

/** What to give the file system for an absolute path: its own bytes when the path was shown decoded. */
export function fsPath(absolute: string): string | Buffer {
  const raw = RAW.get(absolute);
  return raw ? Buffer.from(raw) : absolute;
}

/** The bytes of a shown path, when it has them (a batch's worker thread is given them with its task). */
export function rawOf(absolute: string): Uint8Array | undefined {
  return RAW.get(absolute);
}
