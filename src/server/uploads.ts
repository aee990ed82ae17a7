// What an upload holds: each file part's bytes under its name as given (data only, never a path), a zip of many
// opened within limits on its entries and their total size; what is refused is named with the reason.
import { unzipSync } from 'fflate';
import { detectKind } from '../read/detect.ts';
import type { ErrorCode } from './errors.ts';

/** The limits of an upload. */
export interface UploadLimits {
  /** Bytes of one file, as uploaded or inside a zip (default 50 MB). */
  fileSize: number;
  /** Files in one request (default 1,000). */
  files: number;
  /** Entries of one zip (default 1,000). */
  zipEntries: number;
  /** Uncompressed bytes of one zip's entries together (default 500 MB). */
  zipTotal: number;
}

/** The default limits: 50 MB a file, 1,000 files a request and a zip, 500 MB unpacked a zip. */
export const DEFAULT_LIMITS: UploadLimits = {
  fileSize: 50 * 1024 * 1024,
  files: 1000,
  zipEntries: 1000,
  zipTotal: 500 * 1024 * 1024,
};

/** A file to read: its name as uploaded and its bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file not read, and why. */
export interface RefusedFile {
  name: string;
  code: ErrorCode;
  message: string;
}

/** Either a file to read or one refused, in upload order. */
export type UploadItem = { file: UploadedFile } | { refused: RefusedFile };

/** The longest file name kept (longer ones are cut, with "…"). */
const NAME_MAX = 255;

/**
 * A file name as data: the name given (a path's separators and all), without control characters, at most 255
 * characters. It is never used as a path: files live in the database under their sha256.
 */
export function safeName(name: string | undefined, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = (name ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  const out = cleaned || fallback;
  return out.length > NAME_MAX ? `${out.slice(0, NAME_MAX - 1)}…` : out;
}

/**
 * A multipart file name as a browser escapes it (WHATWG: `"` as %22, CR as %0D, LF as %0A) turned back into the
 * name; busboy leaves the escapes as they are.
 */
export function formDataName(name: string | undefined): string | undefined {
  return name?.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}

/** Whether the bytes are a zip archive that is not a DOCX or XLSX (those are reports, read whole). */
export function isArchive(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && detectKind(bytes) === 'unknown-binary';
}

/** Parts of a zip that are not files of their own: folders, macOS resource forks. */
function skipped(name: string): boolean {
  return name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\._[^/]*$/.test(name);
}

/**
 * The files of a zip archive, each named `archive/entry`. Its central directory is read first: more entries than
 * the limit, or more bytes unpacked in all than the limit (a zip bomb), refuse the whole archive before anything is
 * inflated; an entry bigger than a file may be is refused alone. The declared sizes bound what is inflated (fflate
 * writes no byte past an entry's declared size), so a lying header gives a truncated file, not a flood.
 */
export function expandArchive(name: string, bytes: Uint8Array, limits: UploadLimits): UploadItem[] {
  const entries: { name: string; size: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (!skipped(f.name)) entries.push({ name: f.name, size: f.originalSize });
        return false;
      },
    });
  } catch (e) {
    return [refuse(name, 'unreadable', `${name}: not a zip archive that can be read (${message(e)})`)];
  }
  if (entries.length > limits.zipEntries)
    return [
      refuse(
        name,
        'too-large',
        `${name}: the archive holds ${entries.length} files, more than the ${limits.zipEntries} allowed`,
      ),
    ];
  const total = entries.reduce((s, e) => s + e.size, 0);
  if (total > limits.zipTotal)
    return [
      refuse(
        name,
        'too-large',
        `${name}: refused as a zip bomb: its files unpack to ${total} bytes, more than the ${limits.zipTotal} allowed`,
      ),
    ];
  const items: UploadItem[] = [];
  const wanted = new Set<string>();
  for (const e of entries) {
    const full = safeName(`${name}/${e.name}`, name);
    if (e.size > limits.fileSize)
      items.push(refuse(full, 'too-large', tooLarge(full, e.size, limits.fileSize)));
    else wanted.add(e.name);
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  } catch (e) {
    return [refuse(name, 'unreadable', `${name}: the archive is broken (${message(e)})`)];
  }
  for (const e of entries)
    if (wanted.has(e.name) && files[e.name])
      items.push({ file: { name: safeName(`${name}/${e.name}`, name), bytes: files[e.name]! } });
  return items;
}

/** The message of a file over the size limit. */
export function tooLarge(name: string, size: number | null, limit: number): string {
  return `${name}: ${size === null ? 'larger' : `${size} bytes,`} more than the ${limit} bytes a file may have`;
}

function refuse(name: string, code: ErrorCode, msg: string): UploadItem {
  return { refused: { name, code, message: msg } };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
