// The Document of a file its reader cannot parse (the readers of DOC and XLSX, whose libraries throw on one), and the
// finding that says why in words a person can act on.
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Document, InputKind } from '../model/document.ts';
import { finding } from '../findings/index.ts';

/**
 * Whether an error is a parsing library tripping over a damaged file's structure rather than saying what is wrong
 * ("Cannot read properties of undefined (reading 'storageDirId')", "Invalid array length"): a TypeError or
 * RangeError — what a library throws when data it assumed is not there.
 */
function isLibraryFault(error: unknown): boolean {
  return error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError;
}

/**
 * read/broken for a file its reader cannot parse: the library's own reason when it gives one; when it only tripped
 * (a TypeError deep inside it), that the file's structure is damaged, the library's words kept in `data.detail`.
 */
export function brokenFinding(kind: InputKind, file: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return isLibraryFault(error)
    ? finding('read/broken', 'structure', { file, kind, detail: reason })
    : finding('read/broken', 'broken', { file, kind, reason });
}

/** The Document of a file its reader cannot parse: no blocks, one read/broken error naming the file and why. */
export function brokenDocument(kind: InputKind, file: string, error: unknown): Document {
  return { kind, blocks: [], diagnostics: [brokenFinding(kind, file, error)] };
}
