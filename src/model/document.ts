// The Document: what every reader produces and extraction consumes — paragraphs and table grids with source spans.
import type { Diagnostic } from './diagnostic.ts';
import type { Report } from './report.ts';
import type { SourceSpan } from './source.ts';

/**
 * The mark a reader puts after a word it could not read with confidence (OCR): U+FFFD, the replacement character.
 * Extraction never takes a figure so marked; the cell stays blank with a diagnostic.
 */
export const UNSURE_MARK = '\ufffd';

/** A paragraph (or heading, or a line of text that is not in a recognised table). */
export interface Paragraph {
  readonly kind: 'paragraph';
  readonly text: string;
  readonly source: SourceSpan;
}

/** One cell of a table grid. */
export interface TableCell {
  /** The cell's text, line breaks inside the cell kept as "\n". */
  readonly text: string;
  /** 0-based grid column of the cell's left edge (the index in the row where the layout gives no grid). */
  readonly col: number;
  readonly colSpan: number;
  readonly rowSpan: number;
  /**
   * Horizontal position of the cell (character column in aligned text, x in PDF points), when the layout has
   * one; extraction uses it to put figures under their headers when cells are missing.
   */
  readonly x?: number;
  readonly xEnd?: number;
  readonly source: SourceSpan;
}

/** One physical row of a table. */
export interface TableRow {
  readonly cells: readonly TableCell[];
  readonly source: SourceSpan;
}

/** How a table was laid out in its source; extraction uses it to decide how far to trust the grid. */
export type TableLayout = 'cell-per-line' | 'tab' | 'pipe' | 'aligned' | 'grid';

/** A table. */
export interface Table {
  readonly kind: 'table';
  readonly layout: TableLayout;
  readonly rows: readonly TableRow[];
  readonly source: SourceSpan;
}

/** An image in the document's body (a web page's <img>): where it is, so that extraction can say a table is one. */
export interface DocumentImage {
  /** The image's address as written (src), and its alternative text. */
  readonly src: string;
  readonly alt: string;
  /** Where it is in the source: blocks before it start earlier, blocks after it later. */
  readonly source: SourceSpan;
}

/**
 * A figure a workbook states a second time, outside its layout: a row of nianbao's flat `data` sheet (`render --to
 * xlsx`), keyed by the dotted model path its `table`, `row` and `column` columns name. The layout sheets are what is
 * read; extraction compares these with what it read there and says where they disagree.
 */
export interface RestatedFigure {
  /** The dotted model path, e.g. "requests.newlyReceived.total" (as written: it may name no cell). */
  readonly path: string;
  /** The value cell's text ('' for a blank). */
  readonly text: string;
  readonly source: SourceSpan;
}

/** A block of the document body. */
export type Block = Paragraph | Table;

/**
 * A block with every source span (its own, its rows', its cells') passed through `map`: how a reader that parses text
 * it made from its input (a DOCX's tab paragraphs, a web page's text flow) points the spans back into that input.
 */
export function mapSources(b: Block, map: (s: SourceSpan) => SourceSpan): Block {
  if (b.kind === 'paragraph') return { ...b, source: map(b.source) };
  return {
    ...b,
    source: map(b.source),
    rows: b.rows.map((r) => ({
      source: map(r.source),
      cells: r.cells.map((c) => ({ ...c, source: map(c.source) })),
    })),
  };
}

/** The kinds of input nianbao reads. */
export type InputKind = 'text' | 'html' | 'docx' | 'doc' | 'pdf' | 'xlsx' | 'json';

/** A read document. */
export interface Document {
  readonly kind: InputKind;
  /** The character encoding the bytes were decoded from, for text-based inputs. */
  readonly encoding?: string;
  readonly blocks: readonly Block[];
  /** Problems met while reading (encoding, layout). */
  readonly diagnostics: readonly Diagnostic[];
  /** The images of the document's body, in source order (web pages only, so far). */
  readonly images?: readonly DocumentImage[];
  /** A report given as JSON (report-json.md): the document is the report, and extraction passes it on. */
  readonly report?: Report;
  /** Figures stated a second time beside the layout (an XLSX's flat data sheet), to be compared with it. */
  readonly restated?: readonly RestatedFigure[];
}
