// Limits of reading an Office file (DOCX, XLSX: zip packages), checked before anything is inflated or handed to a
// parsing library: a zip bomb (738 KB unpacking to 200 MB), a sheet-wide merge (exceljs makes every covered cell),
// a cell at XFD1048576 (a grid of 1.7·10¹⁰ positions). Report workbooks and documents are far inside them: the
// largest fixture unpacks to under 1 MB, its largest merge covers tens of cells, its sheets under 100×30.
import { strFromU8, unzipSync } from 'fflate';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { InputKind } from '../model/document.ts';
import { finding } from '../findings/index.ts';

/** The limits (documented with read/too-large). */
export const OFFICE_LIMITS = {
  /** Declared unpacked size of all the package's parts, MB. */
  unpackedMb: 100,
  /** Cells one merged range may cover. */
  mergeCells: 100_000,
  /** Rows × columns of the extent of a sheet's cells. */
  sheetCells: 2_000_000,
} as const;

/** The declared unpacked size of a zip's entries, in bytes (read from its directory: nothing is inflated). */
function declaredSize(bytes: Uint8Array): number | null {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        return false;
      },
    });
  } catch {
    return null; // not a zip its reader can open: the reader says so
  }
  return total;
}

/** read/too-large when a package unpacks beyond the limit, else null. */
export function packageTooLarge(kind: InputKind, file: string, bytes: Uint8Array): Diagnostic | null {
  const size = declaredSize(bytes);
  if (size === null || size <= OFFICE_LIMITS.unpackedMb * 1024 * 1024) return null;
  return finding('read/too-large', 'unpacked', {
    file,
    kind,
    size: Math.round(size / 1024 / 1024),
    limit: OFFICE_LIMITS.unpackedMb,
  });
}

/** The column number of letters (A 1, XFD 16384). */
const colOf = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The sheet names of a workbook's parts, by part path (xl/worksheets/sheet1.xml → its name), best effort. */
function sheetNames(files: Record<string, Uint8Array>): Map<string, string> {
  const names = new Map<string, string>();
  const wb = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (!wb || !rels) return names;
  const targets = new Map<string, string>();
  for (const m of strFromU8(rels).matchAll(/<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\bTarget="([^"]+)"/g))
    targets.set(m[1]!, `xl/${m[2]!.replace(/^\/?xl\//, '').replace(/^\//, '')}`);
  for (const m of strFromU8(wb).matchAll(/<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]+)"/g)) {
    const part = targets.get(m[2]!);
    if (part) names.set(part, m[1]!);
  }
  return names;
}

/**
 * read/too-large for a workbook's sheet beyond the limits — a merged range covering too many cells, cells spread
 * too far — found in the sheets' XML before exceljs sees them; null when every sheet is inside them.
 */
export function workbookTooLarge(file: string, files: Record<string, Uint8Array>): Diagnostic | null {
  const names = sheetNames(files);
  for (const [part, data] of Object.entries(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(part)) continue;
    const xml = strFromU8(data);
    const sheet = names.get(part) ?? part;
    for (const m of xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
      const cells = (Math.abs(Number(m[4]) - Number(m[2])) + 1) * (Math.abs(colOf(m[3]!) - colOf(m[1]!)) + 1);
      if (cells > OFFICE_LIMITS.mergeCells)
        return finding('read/too-large', 'merge', {
          file,
          sheet,
          range: `${m[1]}${m[2]}:${m[3]}${m[4]}`,
          cells,
          limit: OFFICE_LIMITS.mergeCells,
        });
    }
    let rows = 0;
    let cols = 0;
    let far = '';
    for (const m of xml.matchAll(/<c\b[^>]*?\br="([A-Z]+)(\d+)"/g)) {
      const r = Number(m[2]);
      const c = colOf(m[1]!);
      if (r > rows || c > cols) far = `${m[1]}${m[2]}`;
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    }
    if (rows * cols > OFFICE_LIMITS.sheetCells)
      return finding('read/too-large', 'extent', {
        file,
        sheet,
        cell: far,
        rows,
        cols,
        limit: OFFICE_LIMITS.sheetCells,
      });
  }
  return null;
}
