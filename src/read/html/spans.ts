// Source spans of a page: 1-based line and column of an offset, the span of an element, and the source offsets of
// each character of a text node's data (entities and CR LF walked beside the decoded text).
import type { AnyNode } from 'domhandler';
import type { TextSpan } from '../../model/source.ts';
import { childrenOf } from './tree.ts';

/** The source of a page, for spans: where its lines start. */
export class SourceText {
  private readonly lineStarts: number[];

  constructor(private readonly html: string) {
    this.lineStarts = [0];
    for (let i = 0; i < html.length; i++) {
      const c = html.charCodeAt(i);
      if (c === 10 || (c === 13 && html.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
  }

  /** 1-based line and column of a source offset. */
  private position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  spanOf(start: number, end: number): TextSpan {
    const a = this.position(start);
    const b = this.position(end);
    return { kind: 'html', line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  elementSpan(e: AnyNode): TextSpan {
    const loc = e.sourceCodeLocation;
    if (loc) return this.spanOf(loc.startOffset, loc.endOffset);
    // An element the parser implied (tbody): the span of its children.
    const kids = childrenOf(e).filter((k) => k.sourceCodeLocation);
    if (kids.length > 0)
      return this.spanOf(
        kids[0]!.sourceCodeLocation!.startOffset,
        kids.at(-1)!.sourceCodeLocation!.endOffset,
      );
    return { kind: 'html', line: 1, column: 1, endLine: 1, endColumn: 1 };
  }

  /**
   * The source offsets of each character of a text node's data: the raw source is walked beside the decoded
   * text, an entity (&nbsp;, &#12288;) giving its one character the entity's whole span, CR LF one LF.
   */
  sourceMap(data: string, from: number, to: number): { starts: number[]; ends: number[] } {
    const raw = this.html;
    const starts: number[] = new Array<number>(data.length);
    const ends: number[] = new Array<number>(data.length);
    let p = from;
    for (let i = 0; i < data.length; i++) {
      if (p >= to) {
        starts[i] = ends[i] = to;
        continue;
      }
      const rc = raw.charCodeAt(p);
      // A line break the parser dropped (the one right after <pre>, which parse5 sometimes keeps in the span).
      if ((rc === 10 || rc === 13) && data.charCodeAt(i) !== 10 && raw.length - p > data.length - i) {
        p++;
        i--;
        continue;
      }
      if (rc === 13 && data.charCodeAt(i) === 10) {
        starts[i] = p;
        p += raw.charCodeAt(p + 1) === 10 ? 2 : 1;
        ends[i] = p;
        continue;
      }
      if (rc === 38 /* & */ && data[i] !== '&') {
        const m = /^&(?:#[xX][0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);?/.exec(
          raw.slice(p, Math.min(to, p + 40)),
        );
        starts[i] = p;
        p += m ? m[0].length : 1;
        ends[i] = p;
        // An entity for a character outside the BMP decodes to two UTF-16 units.
        const code = data.codePointAt(i)!;
        if (code > 0xffff && i + 1 < data.length) {
          starts[i + 1] = starts[i]!;
          ends[i + 1] = p;
          i++;
        }
        continue;
      }
      starts[i] = p;
      p++;
      ends[i] = p;
    }
    return { starts, ends };
  }
}
