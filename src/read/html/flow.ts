// The text flow of a web page's article: text nodes into lines as a browser shows them (white space collapsed, each
// character mapped to its source), lines through the text layouts, tables read as grids where they stand.
import { load } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import { mapSources, type Block, type DocumentImage } from '../../model/document.ts';
import type { SourceSpan, TextSpan } from '../../model/source.ts';
import { parseTextBlocks } from '../layout.ts';
import { ArticleFinder, CHROME_LINE } from './article.ts';
import { SourceText } from './spans.ts';
import { readTable, type TableReader } from './table.ts';
import { BLOCK, childrenOf, isElement, isText, PageTree } from './tree.ts';

/** A line of running text being built, each character with the span of the source it came from. */
interface Line {
  text: string;
  /** Source offset of each character's start and end. */
  starts: number[];
  ends: number[];
  /** Whether the last character came from collapsible white space. */
  collapsible: boolean;
  /** The block element that opened this line, while nothing else has broken it. */
  openedBy: Element | null;
  /** Set when the line is the whole text of one block element: that element's span. */
  span?: TextSpan;
}

const newLine = (openedBy: Element | null): Line => ({
  text: '',
  starts: [],
  ends: [],
  collapsible: false,
  openedBy,
});

/** One reading of a page: the tree, what is dropped, the article, and the blocks built from it. */
export class PageReader implements TableReader {
  readonly source: SourceText;
  readonly tree: PageTree;
  private readonly article: ArticleFinder;
  readonly blocks: Block[] = [];
  /** The article's images, in source order. */
  readonly images: DocumentImage[] = [];
  private pending: Line[] = [];
  private line: Line = newLine(null);

  constructor(html: string) {
    this.source = new SourceText(html);
    this.tree = new PageTree(load(html, { sourceCodeLocationInfo: true }).root()[0]!);
    this.article = new ArticleFinder(this.tree, this.source);
  }

  read(): Block[] {
    this.article.prepare();
    const body = this.tree.find(this.tree.root, (e) => e.name === 'body') ?? this.tree.root;
    const article = this.article.chooseArticle(body);
    this.walk(article);
    this.endLine();
    this.flushFlow();
    this.article.addTitle(article, this.blocks);
    return this.blocks.filter(
      (b) => b.kind === 'table' || !CHROME_LINE.test(b.text.replace(/[\s【】[\]]/g, '')),
    );
  }

  /** Reads the tables nested in a row's cells as the page's flow, after the rows above them. */
  readNested(tables: readonly Element[]): void {
    for (const inner of tables) this.walk(inner);
    this.endLine();
    this.flushFlow();
  }

  // -- Walking the article

  private walk(n: AnyNode): void {
    if (isText(n)) {
      this.addText(n);
      return;
    }
    if (!isElement(n)) {
      for (const k of childrenOf(n)) this.walk(k);
      return;
    }
    const name = n.name;
    // Images are not text (dropped with the other non-text elements) but are kept as images: a table published as
    // a picture is a finding of its own (extract/missing-table).
    if (name === 'img') {
      this.images.push({
        src: n.attribs.src ?? '',
        alt: n.attribs.alt ?? '',
        source: this.source.elementSpan(n),
      });
      return;
    }
    if (this.tree.dropped.has(n)) return;
    if (name === 'br') {
      this.endLine();
      return;
    }
    if (name === 'table' && !this.article.isLayoutTable(n)) {
      this.endLine();
      this.flushFlow();
      readTable(n, this);
      return;
    }
    if (name === 'pre' || name === 'xmp' || name === 'listing' || name === 'plaintext') {
      this.endLine();
      this.flushFlow();
      this.preformatted(n);
      return;
    }
    if (!BLOCK.has(name)) {
      for (const k of n.children) this.walk(k);
      return;
    }
    this.endLine();
    this.line.openedBy = n;
    for (const k of n.children) this.walk(k);
    this.endLine(n);
  }

  /** Appends a text node to the current line, white space collapsed as a browser shows it, each character mapped to its source. */
  private addText(t: Text): void {
    const data = t.data;
    const loc = t.sourceCodeLocation;
    const map = loc ? this.source.sourceMap(data, loc.startOffset, loc.endOffset) : null;
    const line = this.line;
    let i = 0;
    while (i < data.length) {
      const c = data.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) {
        let j = i;
        let newline = false;
        let tab = false;
        while (j < data.length) {
          const d = data.charCodeAt(j);
          if (d === 0x0a || d === 0x0d) newline = true;
          else if (d === 0x09) tab = true;
          else if (d !== 0x20 && d !== 0x0c) break;
          j++;
        }
        // A run of white space shows as one space; TABs typed inside a line (a table copied as text) are kept.
        const ch = tab && !newline ? '\t' : ' ';
        if (line.text !== '' && !(line.collapsible && ch === ' ')) {
          this.push(line, ch, map ? map.starts[i]! : -1, map ? map.ends[j - 1]! : -1);
          line.collapsible = true;
        }
        i = j;
        continue;
      }
      if (c === 0x200b || c === 0xfeff || c === 0xad) {
        i++;
        continue;
      }
      // &nbsp; is a space that does not collapse (runs of it align text tables).
      this.push(line, c === 0xa0 ? ' ' : data[i]!, map ? map.starts[i]! : -1, map ? map.ends[i]! : -1);
      line.collapsible = false;
      i++;
    }
  }

  private push(line: Line, ch: string, start: number, end: number): void {
    line.text += ch;
    line.starts.push(start);
    line.ends.push(end);
  }

  /** Ends the current line; `closing` is the block element whose end ends it. */
  private endLine(closing?: Element): void {
    const line = this.line;
    // Leading spaces that survive here are &nbsp; (collapsible ones never start a line): they align text tables.
    let b = line.text.length;
    while (b > 0 && /\s/.test(line.text[b - 1]!)) b--;
    if (line.text.trim() !== '') {
      const trimmed: Line = {
        text: line.text.slice(0, b),
        starts: line.starts.slice(0, b),
        ends: line.ends.slice(0, b),
        collapsible: false,
        openedBy: null,
      };
      if (closing && line.openedBy === closing) trimmed.span = this.source.elementSpan(closing);
      this.pending.push(trimmed);
    }
    this.line = newLine(null);
  }

  /** The running text since the last table: through the text layouts, which find tables typed as text. */
  private flushFlow(): void {
    const lines = this.pending;
    if (lines.length === 0) return;
    this.pending = [];
    this.emitTextBlocks(lines);
  }

  /** Runs lines through `parseTextBlocks` and maps every span back to the page source. */
  private emitTextBlocks(lines: readonly Line[]): void {
    const blocks = parseTextBlocks(lines.map((l) => l.text).join('\n'), 'html');
    const at = (lineNo: number, column: number, end: boolean): number => {
      const l = lines[lineNo - 1];
      if (!l || l.starts.length === 0) return 0;
      if (end) {
        const k = Math.min(Math.max(column - 2, 0), l.ends.length - 1);
        return l.ends[k]!;
      }
      const k = Math.min(Math.max(column - 1, 0), l.starts.length - 1);
      return l.starts[k]!;
    };
    const map = (s: SourceSpan): TextSpan => {
      if (s.kind !== 'html') return s as TextSpan;
      const l = lines[s.line - 1];
      // A paragraph that is the whole text of one element keeps that element's span.
      if (
        l?.span &&
        s.line === s.endLine &&
        s.column === l.text.length - l.text.trimStart().length + 1 &&
        s.endColumn === l.text.length + 1
      )
        return l.span;
      const start = at(s.line, s.column, false);
      const end = s.endColumn > s.column || s.endLine > s.line ? at(s.endLine, s.endColumn, true) : start;
      if (start < 0 || end < 0)
        return l?.span ?? { kind: 'html', line: 1, column: 1, endLine: 1, endColumn: 1 };
      return this.source.spanOf(start, Math.max(start, end));
    };
    for (const b of blocks) this.blocks.push(mapSources(b, map));
  }

  /** <pre>: the text as typed, line breaks and runs of spaces kept, through the text layouts. */
  private preformatted(pre: Element): void {
    const lines: Line[] = [];
    let line = newLine(null);
    const visit = (n: AnyNode) => {
      if (isText(n)) {
        const loc = n.sourceCodeLocation;
        const map = loc ? this.source.sourceMap(n.data, loc.startOffset, loc.endOffset) : null;
        for (let i = 0; i < n.data.length; i++) {
          const ch = n.data[i]!;
          if (ch === '\n') {
            lines.push(line);
            line = newLine(null);
          } else if (ch !== '\r')
            this.push(line, ch === '\u00a0' ? ' ' : ch, map ? map.starts[i]! : -1, map ? map.ends[i]! : -1);
        }
      } else if (isElement(n)) {
        if (this.tree.dropped.has(n)) return;
        if (n.name === 'br') {
          lines.push(line);
          line = newLine(null);
          return;
        }
        for (const k of n.children) visit(k);
      }
    };
    for (const k of pre.children) visit(k);
    lines.push(line);
    this.emitTextBlocks(lines);
  }
}
