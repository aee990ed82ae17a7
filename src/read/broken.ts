// The Document of a file its reader cannot parse (the readers of DOC and XLSX, whose libraries throw on one).
import type { Document, InputKind } from '../model/document.ts';
import { finding } from '../findings/index.ts';

/** The Document of a file its reader cannot parse: no blocks, one read/broken error naming the file and why. */
export function brokenDocument(kind: InputKind, file: string, error: unknown): Document {
  const reason = error instanceof Error ? error.message : String(error);
  return { kind, blocks: [], diagnostics: [finding('read/broken', 'broken', { file, kind, reason })] };
}
