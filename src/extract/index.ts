// Extraction: Document → Report with per-cell provenance, never throwing on a bad document (design.md).
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Document, DocumentImage } from '../model/document.ts';
import type { SourceSpan } from '../model/source.ts';
import type { FormatDef, FormatVersion, SectionKey, TableKey } from '../model/format.ts';
import { FORMATS, formatOf, fromFormats, versionForYear } from '../model/formats/index.ts';
import { SECTION_KEYS, TABLE_KEYS, type Report, type Sections } from '../model/report.ts';
import type { Extraction } from './types.ts';
import { itemsOf, streamRows, type Item } from './items.ts';
import { normalizeLabel } from './labels.ts';
import { finding } from '../findings/index.ts';
import { extractMetadata } from './metadata.ts';
import { assignSections, sectionTexts } from './sections.ts';
import { extractTables, type ExtractedTables } from './tables.ts';
import { splitEmbeddedHeadings } from './stream/headings.ts';
import { preferStream } from './stream/choose.ts';
import { compareRestated } from './restated.ts';

export type { Extraction } from './types.ts';

/** Options of extraction. */
export interface ExtractOptions {
  /** Read the tables as this format version instead of detecting it. */
  formatVersion?: FormatVersion;
}

const TABLE_SECTIONS = new Set<SectionKey>(['proactive', 'requests', 'reviewLitigation']);

/** Extracts the report of a document: metadata, sections, the three tables with provenance, and diagnostics. */
export function extract(doc: Document, options: ExtractOptions = {}): Extraction {
  // A report given as JSON is taken as it is: nothing to extract.
  if (doc.report) return { report: doc.report, diagnostics: [] };
  try {
    return extractUnsafe(doc, options);
  } catch (e) {
    // Principle 4: only programmer mistakes throw; a document never makes extraction fail.
    return {
      report: null,
      diagnostics: [
        finding('extract/internal', 'internal', { error: e instanceof Error ? e.message : String(e) }),
      ],
    };
  }
}

function extractUnsafe(doc: Document, options: ExtractOptions): Extraction {
  const diagnostics: Diagnostic[] = [];
  const sectionDefs = FORMATS[0]!.sections;
  let items = itemsOf(doc);
  let outline = assignSections(items, sectionDefs);
  // Headings inside running text (a page's textContent on one line) are looked for only where lines lack some.
  if (outline.length < sectionDefs.length) {
    const split = splitEmbeddedHeadings(itemsOf(doc), sectionDefs);
    const found = assignSections(split, sectionDefs);
    if (found.length > outline.length) [items, outline] = [split, found];
  }
  const sectioned = items;
  items = withStreamRows(items);

  const meta = extractMetadata(items);
  const detected = options.formatVersion ? { version: options.formatVersion, hits: 1 } : detectVersion(items);
  const byYear = meta.year !== null ? versionForYear(meta.year) : null;
  let version: FormatVersion;
  let tables: ExtractedTables;
  if (detected.hits > 0) {
    version = detected.version;
    tables = extractTables(items, formatOf(version));
  } else {
    // No version vocabulary: read with every format and keep the one that finds most rows, the year's on a tie.
    const tries = FORMATS.map((f) => ({ f, t: extractTables(items, f) }));
    const score = (x: (typeof tries)[number]) => TABLE_KEYS.reduce((s, k) => s + x.t.matched[k], 0);
    tries.sort(
      (a, b) => score(b) - score(a) || (b.f.version === byYear ? 1 : 0) - (a.f.version === byYear ? 1 : 0),
    );
    version = tries[0]!.f.version;
    tables = tries[0]!.t;
    if (score(tries[0]!) > 0)
      diagnostics.push(
        finding('extract/format-version-unknown', 'versionUnknown', { version }, { path: ['formatVersion'] }),
      );
  }
  if (byYear && detected.hits > 0 && byYear !== version && meta.year !== null)
    diagnostics.push(
      finding(
        'extract/format-version-mismatch',
        'versionMismatch',
        { year: meta.year, expected: byYear, actual: version },
        { path: ['formatVersion'] },
      ),
    );

  // Where the structure read short or contradicts itself, the tables read as one stream of tokens may do better.
  tables = preferStream(sectioned, formatOf(version), tables);
  const found = TABLE_KEYS.filter((k) => tables.matched[k] > 0);
  if (found.length === 0 && outline.length === 0) {
    return {
      report: null,
      diagnostics: [
        ...diagnostics,
        finding('extract/no-report', 'noReport', {
          chars: items.reduce((n, it) => n + (it.kind === 'para' ? it.text.length : 0), 0),
        }),
      ],
    };
  }
  const format = formatOf(version);
  for (const k of TABLE_KEYS)
    if (tables.matched[k] === 0)
      diagnostics.push(missingTable(format, k, imagesIn(items, doc.images ?? [], k)));

  const texts = sectionTexts(items);
  const sections = Object.fromEntries(SECTION_KEYS.map((k) => [k, texts[k] ?? null])) as Sections;
  const report: Report = {
    formatVersion: version,
    agency: meta.agency,
    year: meta.year,
    sections,
    proactive: tables.tables.proactive,
    requests: tables.tables.requests,
    reviewLitigation: tables.tables.reviewLitigation,
    // Added to, not spread: copying a 200-key object was most of extraction's time in profiles.
    provenance: Object.assign(tables.provenance, meta.provenance),
    outline,
  };
  // A workbook's flat data sheet states the figures a second time: where it is not the layout, say so.
  const restated = doc.restated ? compareRestated(report, doc.restated) : [];
  return { report, diagnostics: [...meta.diagnostics, ...diagnostics, ...tables.diagnostics, ...restated] };
}

function missingTable(format: FormatDef, key: TableKey, images: readonly DocumentImage[]): Diagnostic {
  const t = format.tables.find((x) => x.key === key)!;
  if (images.length > 0)
    return finding(
      'extract/missing-table',
      'missingTableImage',
      { table: t.title, count: images.length, images: images.map((i) => i.alt || i.src).join('、') },
      { path: [key], source: images[0]!.source },
    );
  return finding('extract/missing-table', 'missingTable', { table: t.title }, { path: [key] });
}

/** Line and column of a span that has them (text, web page, .doc), for ordering images among items. */
const lineColumn = (s: SourceSpan): [number, number] | null =>
  s.kind === 'text' || s.kind === 'html' || s.kind === 'doc' ? [s.line, s.column] : null;

/**
 * The images in the section of a table (after its heading, before the next section's): where a table should be
 * and only a picture is, the table is most likely that picture.
 */
function imagesIn(items: readonly Item[], images: readonly DocumentImage[], key: TableKey): DocumentImage[] {
  return images.filter((img) => {
    const at = lineColumn(img.source);
    if (!at) return false;
    let section: SectionKey | null = null;
    for (const it of items) {
      const p = lineColumn(it.source);
      if (!p || p[0] > at[0] || (p[0] === at[0] && p[1] > at[1])) break;
      section = it.section;
    }
    return section === key;
  });
}

/**
 * Where a table section has no table rows, its paragraphs may be the table with its cells run together (a web
 * page's textContent): cut rows out of the paragraphs that end in figures or carry a table's header words.
 */
function withStreamRows(items: Item[]): Item[] {
  const hasRows = new Set<SectionKey | null>();
  for (const it of items) if (it.kind === 'row') hasRows.add(it.section);
  const anyRows = items.some((it) => it.kind === 'row');
  const vocabulary = tableVocabulary();
  const out: Item[] = [];
  items.forEach((it, i) => {
    const candidate =
      it.kind === 'para' &&
      !it.heading &&
      /\d/.test(it.text) &&
      // A line that ends in figures and has no sentence in it is a table row whatever the layout around it;
      // a paragraph with a table's header words is a whole table run together, where no other table is.
      ((it.text.length < 400 &&
        /\d\s*$/.test(it.text) &&
        !/[。；;！？]/.test(it.text) &&
        // "…部分公开答复 0 件，不予公开答复 2" is a sentence, not a row.
        !/\d\s*[件条项个次]\s*[，,、]/.test(it.text) &&
        /[\u4e00-\u9fff)）”"]\s*[\d,.\s+\-−]*\d\s*$/.test(it.text)) ||
        (it.section === 'reviewLitigation' && !hasRows.has(it.section) && /^[\d,.\s]+$/.test(it.text)) ||
        ((it.section === null ? !anyRows : TABLE_SECTIONS.has(it.section) && !hasRows.has(it.section)) &&
          !/[。；;！？]/.test(it.text) &&
          vocabulary.some((v) => normalizeLabel(it.text).includes(v))));
    if (!candidate) {
      out.push(it);
      return;
    }
    const rows = streamRows(it.text, it.source, 100_000 + i, it.section);
    if (rows.length === 0) out.push(it);
    else out.push(...rows);
  });
  return out;
}

/** The format version whose table vocabulary the document uses most (format-spec §2, "Version detection"). */
function detectVersion(items: readonly Item[]): { version: FormatVersion; hits: number } {
  const { words, pattern } = versionVocabulary();
  const texts: string[] = [];
  for (const it of items) {
    if (it.kind === 'row') for (const c of it.cells) texts.push(c.text);
    else if (it.section && TABLE_SECTIONS.has(it.section)) texts.push(it.text);
  }
  // One pass of one alternation over the tables' text finds every version word present.
  const found = new Set<string>();
  for (const m of normalizeLabel(texts.join('\n')).matchAll(pattern)) found.add(m[0]);
  let best: { version: FormatVersion; hits: number } = {
    version: FORMATS[FORMATS.length - 1]!.version,
    hits: 0,
  };
  for (const f of FORMATS) {
    const hits = words.filter((v) => v.version === f.version && found.has(v.word)).length;
    if (hits > best.hits) best = { version: f.version, hits };
  }
  return best;
}

/** Every format's table vocabulary, normalised once (again when a version is registered). */
const tableVocabulary = fromFormats((formats) =>
  formats.flatMap((f) => f.tables.flatMap((t) => t.vocabulary)).map(normalizeLabel),
);

/** Every format's version words, normalised once, and one pattern that finds any of them. */
const versionVocabulary = fromFormats((formats) => {
  const words = formats.flatMap((f) =>
    f.vocabulary.map((w) => ({ version: f.version, word: normalizeLabel(w) })),
  );
  const escaped = [...new Set(words.map((w) => w.word))]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return { words, pattern: new RegExp(escaped.join('|'), 'g') };
});
