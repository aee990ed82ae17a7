// The parsed page: its tree, the elements dropped from it as chrome, and what the reader asks of the tree (an
// element's plain text, a table's rows and cells).
import type { AnyNode, Element, Text } from 'domhandler';

/** Element nodes (scripts and styles are elements too). */
export const isElement = (n: AnyNode): n is Element =>
  n.type === 'tag' || n.type === 'script' || n.type === 'style';
export const isText = (n: AnyNode): n is Text => n.type === 'text';
export const childrenOf = (n: AnyNode): readonly AnyNode[] => ('children' in n ? n.children : []);

/** Elements that start and end a paragraph; text inside other elements (span, font, b, a…) runs on. */
export const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'ol',
  'p',
  'plaintext',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
]);

/** A page's tree and the elements dropped from it (page chrome, hidden elements): they are never read. */
export class PageTree {
  readonly dropped = new Set<Element>();

  constructor(readonly root: AnyNode) {}

  /** An element's text, links included, white space collapsed (for short elements only). */
  plainText(n: AnyNode): string {
    let out = '';
    const visit = (m: AnyNode) => {
      if (isText(m)) out += m.data;
      else if (isElement(m) && this.dropped.has(m)) return;
      else for (const k of childrenOf(m)) visit(k);
      if (isElement(m) && (m.name === 'br' || BLOCK.has(m.name))) out += ' ';
    };
    visit(n);
    return out.replace(/[\s\u00a0]+/g, ' ').trim();
  }

  find(n: AnyNode, test: (e: Element) => boolean): Element | null {
    for (const k of childrenOf(n)) {
      if (!isElement(k)) continue;
      if (test(k)) return k;
      const f = this.find(k, test);
      if (f) return f;
    }
    return null;
  }

  findAll(n: AnyNode, test: (e: Element) => boolean, out: Element[] = []): Element[] {
    for (const k of childrenOf(n)) {
      if (!isElement(k) || this.dropped.has(k)) continue;
      if (test(k)) out.push(k);
      this.findAll(k, test, out);
    }
    return out;
  }

  /** The rows of a table (its own, not those of tables inside it), thead first and tfoot last as browsers draw them. */
  rowsOf(table: Element): Element[] {
    const head: Element[] = [];
    const body: Element[] = [];
    const foot: Element[] = [];
    for (const k of table.children) {
      if (!isElement(k) || this.dropped.has(k)) continue;
      if (k.name === 'tr') body.push(k);
      else if (k.name === 'thead' || k.name === 'tbody' || k.name === 'tfoot') {
        const into = k.name === 'thead' ? head : k.name === 'tfoot' ? foot : body;
        for (const r of k.children) if (isElement(r) && r.name === 'tr' && !this.dropped.has(r)) into.push(r);
      }
    }
    return [...head, ...body, ...foot];
  }

  cellsOf(tr: Element): Element[] {
    return tr.children.filter(
      (c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th') && !this.dropped.has(c),
    );
  }
}
