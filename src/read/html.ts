// HTML reader: a web page's bytes → Document; charset from BOM, <meta> or sniffing, the article found among the page's chrome, tables as grids.
import { load } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import { renderMessage, type Diagnostic, type Severity } from '../model/diagnostic.ts';
import type {
  Block,
  Document,
  DocumentImage,
  Paragraph,
  Table,
  TableCell,
  TableRow,
} from '../model/document.ts';
import type { SourceSpan, TextSpan } from '../model/source.ts';
import { decodeText, type TextEncodingName } from './decode.ts';
import { parseTextBlocks } from './layout.ts';
import { READ_MESSAGES, readDiagnostic } from './messages.ts';

/** Options of the HTML reader. */
export interface ReadHtmlOptions {
  /** The file name, used in messages only. */
  path?: string;
}

/** Messages of the diagnostics only the HTML reader gives (rule id read/charset), in Chinese and English. */

function htmlDiagnostic(
  ruleId: string,
  messageId: string,
  severity: Severity,
  data: Record<string, unknown>,
): Diagnostic {
  return { ruleId, severity, messageId, message: renderMessage(READ_MESSAGES[messageId]!.zh, data), data };
}

/**
 * Reads the bytes of a web page (a report published as HTML, or a DOCX/DOC saved as HTML) into a Document: the
 * report's paragraphs and tables in document order, navigation and other page chrome left out; never throws.
 */
export function readHtml(bytes: Uint8Array, options: ReadHtmlOptions = {}): Document {
  const file = options.path ?? '';
  const diagnostics: Diagnostic[] = [];
  let encoding: string | undefined;
  try {
    const decoded = decodeHtml(bytes, file, diagnostics);
    encoding = decoded.encoding;
    if (decoded.text.trim() === '') {
      diagnostics.push(readDiagnostic('read/empty', 'empty', 'error', { file }));
      return { kind: 'html', encoding, blocks: [], diagnostics };
    }
    const reader = new PageReader(decoded.text);
    const blocks = reader.read();
    if (!blocks.some((b) => b.kind === 'table' || b.text !== ''))
      diagnostics.push(readDiagnostic('read/empty', 'empty', 'error', { file }));
    const { images } = reader;
    return { kind: 'html', encoding, blocks, diagnostics, ...(images.length > 0 ? { images } : {}) };
  } catch (e) {
    // Defensive: parse5 accepts any string, so only a bug here can throw; the batch goes on with a diagnostic.
    diagnostics.push(
      readDiagnostic('read/broken', 'broken', 'error', {
        file,
        kind: 'html',
        reason: e instanceof Error ? e.message : String(e),
      }),
    );
    return { kind: 'html', ...(encoding ? { encoding } : {}), blocks: [], diagnostics };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Charset

/** The charset a page declares in its first 4 KiB (<meta charset>, <meta http-equiv>, or an XML prolog). */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  if (meta) return meta[1]!.toLowerCase();
  const xml = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return xml ? xml[1]!.toLowerCase() : null;
}

/** The decoder for a declared charset label: GB2312 and GBK are decoded as their superset GB18030. */
function decoderFor(label: string): TextEncodingName | null {
  if (/^(?:utf-?8|unicode-1-1-utf-8)$/.test(label)) return 'utf-8';
  if (
    /^(?:gb2312|gb_2312(?:-80)?|gbk|x-gbk|gb18030|cp936|ms936|windows-936|euc-cn|csgb2312|chinese|iso-ir-58)$/.test(
      label,
    )
  )
    return 'gb18030';
  if (/^(?:big5|big5-hkscs|x-x-big5|cn-big5|csbig5)$/.test(label)) return 'big5';
  return null;
}

const countReplaced = (s: string) => {
  let n = 0;
  for (let i = s.indexOf('\uFFFD'); i !== -1; i = s.indexOf('\uFFFD', i + 1)) n++;
  return n;
};

/**
 * Decodes a page: a BOM decides; else the declared charset, unless the bytes say otherwise (pages lie: a page
 * declaring gb2312 whose bytes are valid UTF-8 is UTF-8; a page declaring UTF-8 that does not decode as UTF-8
 * is sniffed); else the bytes are sniffed like plain text.
 */
function decodeHtml(
  bytes: Uint8Array,
  file: string,
  diagnostics: Diagnostic[],
): { text: string; encoding: string } {
  const bom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = bom ? null : declaredCharset(bytes);
  const label = declared ? decoderFor(declared) : null;
  let text: string;
  let encoding: string;
  let replaced: number;
  if (declared && label) {
    text = new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
    encoding = label;
    replaced = countReplaced(text);
    let nonAscii = false;
    for (let i = 0; i < bytes.length && !nonAscii; i++) nonAscii = bytes[i]! >= 0x80;
    if (nonAscii) {
      const sniffed = decodeText(bytes);
      // Valid UTF-8 is strong evidence against a declared legacy charset; a declared charset that leaves
      // undecodable bytes loses to a sniffed one that leaves fewer.
      const lies =
        sniffed.encoding !== label &&
        ((sniffed.encoding === 'utf-8' && sniffed.replaced === 0 && label !== 'utf-8') ||
          (replaced > 0 && sniffed.replaced * 2 < replaced));
      if (lies) {
        diagnostics.push(
          htmlDiagnostic('read/charset', 'charsetMismatch', 'warning', {
            file,
            declared,
            encoding: sniffed.encoding,
          }),
        );
        text = sniffed.text;
        encoding = sniffed.encoding;
        replaced = sniffed.replaced;
      }
    }
  } else {
    const sniffed = decodeText(bytes);
    text = sniffed.text;
    encoding = sniffed.encoding;
    replaced = sniffed.replaced;
    // A declared Latin charset (iso-8859-1, windows-1252…) over Chinese bytes is a lie too; ASCII agrees with any.
    if (declared && !/^(?:us-)?ascii$/.test(declared) && /[\u0080-\uffff]/.test(text))
      diagnostics.push(
        htmlDiagnostic('read/charset', 'charsetMismatch', 'warning', { file, declared, encoding }),
      );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (replaced > 0)
    diagnostics.push(
      readDiagnostic('read/encoding', 'undecodable', 'warning', { file, count: replaced, encoding }),
    );
  return { text, encoding };
}

// ---------------------------------------------------------------------------------------------------------------
// The tree

const isElement = (n: AnyNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const isText = (n: AnyNode): n is Text => n.type === 'text';
const childrenOf = (n: AnyNode): readonly AnyNode[] => ('children' in n ? n.children : []);

/** Elements that are never part of a report's text. */
const NEVER = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'footer',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'map',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'img',
]);

/** Elements that start and end a paragraph; text inside other elements (span, font, b, a…) runs on. */
const BLOCK = new Set([
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

const HEADING_TAG = /^h[1-6]$/;
/** Ids and classes of page chrome: menus, breadcrumbs, share and print bars, footers, sidebars. */
const CHROME_NAME =
  /^(?:nav|navs|navbar|nav-?bar|menu|menus|topnav|top-?menu|subnav|breadcrumbs?|crumbs?|bread|position|location|dqwz|weizhi|share|bshare|bdshare|bdsharebuttonbox|print|footer|foot|copyright|banner|sidebar|side-?bar|sidenav|left-?nav|xglj|related|toolbar|search|login|header|top)$/i;
/** Ids and classes of the article in CMSs used by government sites (TRS, 大汉, 拓尔思, Word HTML). */
const CONTENT_NAME =
  /^(?:content|contents|article|article-?content|art-?content|trs_editor|zoom|custom_unionstyle|detail|details|main|main-?content|text|wz|wzy|news_content|newscontent|con|cont|pages_content|view|bt_content|zw|zwgk_content|xxgk_content|info_content|wordsection\d*)$/i;
/** Breadcrumbs: "当前位置：首页 > 政务公开 > 年度报告". */
const BREADCRUMB =
  /^\s*(?:当前位置|您的位置|你的位置|您现在的位置|你现在的位置|您当前的位置|所在位置|位置)\s*[:：]|首页\s*(?:>|»|›|＞|→|>>|\/)/;
/** A line of chrome inside an article: print, close, font size, share, previous / next, related links. */
const CHROME_LINE =
  /^(?:(?:打印本页|打印此页|打印文章|打印|关闭本页|关闭窗口|关闭|返回顶部|返回|收藏本页|加入收藏|收藏|我要纠错|纠错|保存本页|字号[:：]?[大中小默认]*|字体[:：]?[大中小默认]*|【?[大中小]】?|分享到[:：]?.*|分享[:：].*|扫一扫.*|上一篇[:：].*|下一篇[:：].*|相关链接[:：]?|相关文章[:：]?|相关阅读[:：]?|相关信息[:：]?|浏览次数[:：]?\d*|访问量[:：]?\d*|阅读次数[:：]?\d*)[、,，|｜/]?)+$/;
/** A section heading of a report: "一、…", numbered with a Chinese numeral (a generic outline mark, no wording). */
const HEAD_MARK = /^[\s\u3000\u00a0]*[一二三四五六七八九十]{1,3}\s*[、.．]/;
/**
 * The labels of the metadata box a 政府信息公开 platform prints above a document (索引号, 发布机构, 成文日期…):
 * page chrome that names the report without being its title.
 */
const METADATA_LABEL =
  /(索引号|信息索引|主题分类|体裁分类|发布机构|发文机关|发文机构|公开主体|生成日期|发布日期|成文日期|公开日期|发文日期|文号|发文字号|公开方式|公开范围|公开时限|有效性|主题词|信息来源)\s*[:：]/g;
const metadataLabels = (text: string) => new Set(Array.from(text.matchAll(METADATA_LABEL), (m) => m[1])).size;
/** A figure alone in a cell: digits with separators, a sign, a decimal part. */
const FIGURE = /^[+\-−]?\d[\d,，]*(?:\.\d+)?$/;
/**
 * The most ideographs a label or header cell of the statistics tables holds, with room for variants: the longest
 * official one, table 3's corner note (本列数据的勾稽关系为…, format-spec §5.1), has 29.
 */
const LABEL_TEXT_MAX = 60;
/** A report title: names a year and a report, short. */
const TITLE = /(?:报告|年报)/;
const YEARISH = /(?:19|20)\d{2}|[〇零○一二][〇零○一二三四五六七八九]{3}/;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const cjkCount = (s: string) => {
  CJK.lastIndex = 0;
  let n = 0;
  while (CJK.exec(s)) n++;
  return n;
};

/** What the choice of the article needs to know of an element's subtree. */
interface Stats {
  /** Ideographs outside links. */
  own: number;
  /** Ideographs inside links. */
  link: number;
  /** Number of links. */
  links: number;
  /** Data tables inside (or this one). */
  tables: number;
  /** Lines outside links that start like a section heading ("一、"). */
  heads: number;
  /** Any tables inside (or this one), layout tables included. */
  anyTables: number;
  /** Headings (h1–h6) and paragraphs (p, li) inside. */
  paras: number;
  headings: number;
}

const ZERO: Stats = { own: 0, link: 0, links: 0, tables: 0, heads: 0, anyTables: 0, paras: 0, headings: 0 };

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
class PageReader {
  private readonly html: string;
  private readonly lineStarts: number[];
  private readonly root: AnyNode;
  private readonly dropped = new Set<Element>();
  private readonly stats = new Map<Element, Stats>();
  private readonly layoutTables = new Map<Element, boolean>();
  private readonly blocks: Block[] = [];
  /** The article's images, in source order. */
  readonly images: DocumentImage[] = [];
  private pending: Line[] = [];
  private line: Line = newLine(null);

  constructor(html: string) {
    this.html = html;
    this.lineStarts = [0];
    for (let i = 0; i < html.length; i++) {
      const c = html.charCodeAt(i);
      if (c === 10 || (c === 13 && html.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
    }
    this.root = load(html, { sourceCodeLocationInfo: true }).root()[0]!;
  }

  read(): Block[] {
    this.dropChrome(this.root, false);
    this.statsOf(this.root);
    this.dropLinkLists(this.root);
    // Counted again without the link lists: a menu laid out as a table is no data table to keep.
    this.stats.clear();
    this.layoutTables.clear();
    this.statsOf(this.root);
    const body = this.find(this.root, (e) => e.name === 'body') ?? this.root;
    const article = this.chooseArticle(body);
    this.walk(article);
    this.endLine();
    this.flushFlow();
    this.addTitle(article);
    return this.blocks.filter(
      (b) => b.kind === 'table' || !CHROME_LINE.test(b.text.replace(/[\s【】[\]]/g, '')),
    );
  }

  // -- Spans

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

  private spanOf(start: number, end: number): TextSpan {
    const a = this.position(start);
    const b = this.position(end);
    return { kind: 'html', line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  private elementSpan(e: AnyNode): TextSpan {
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

  // -- Dropping chrome

  /** Marks elements that never hold report text (scripts, forms, menus, footers) and hidden ones. */
  private dropChrome(n: AnyNode, inArticle: boolean): void {
    for (const k of childrenOf(n)) {
      if (!isElement(k)) continue;
      const name = k.name;
      const attrs = k.attribs;
      const hidden =
        'hidden' in attrs ||
        /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attrs.style ?? '') ||
        (name === 'input' && attrs.type === 'hidden');
      // <header> is page chrome, except inside an article or where it holds the report's title.
      const chromeHeader = name === 'header' && !inArticle && !this.holdsTitle(k);
      if (NEVER.has(name) || hidden || chromeHeader) {
        this.dropped.add(k);
        continue;
      }
      this.dropChrome(k, inArticle || name === 'article' || name === 'main');
    }
  }

  private statsOf(n: AnyNode): Stats {
    if (isText(n)) return ZERO;
    if (isElement(n) && this.dropped.has(n)) return ZERO;
    const s: Stats = { ...ZERO };
    const inLink = isElement(n) && n.name === 'a';
    for (const k of childrenOf(n)) {
      if (isText(k)) {
        const c = cjkCount(k.data);
        if (inLink) s.link += c;
        else {
          s.own += c;
          if (HEAD_MARK.test(k.data)) s.heads++;
        }
        continue;
      }
      const ks = this.statsOf(k);
      if (inLink) {
        s.link += ks.own + ks.link;
      } else {
        s.own += ks.own;
        s.link += ks.link;
        s.heads += ks.heads;
      }
      s.links += ks.links;
      s.tables += ks.tables;
      s.anyTables += ks.anyTables;
      s.paras += ks.paras;
      s.headings += ks.headings;
    }
    if (isElement(n)) {
      if (inLink) s.links++;
      if (n.name === 'p' || n.name === 'li') s.paras++;
      if (HEADING_TAG.test(n.name)) s.headings++;
      if (n.name === 'table') {
        s.anyTables++;
        if (!this.isLayoutTable(n) && this.hasFigures(n)) s.tables++;
      }
      this.stats.set(n, s);
    }
    return s;
  }

  private stat(e: Element): Stats {
    return this.stats.get(e) ?? ZERO;
  }

  /** Whether a table has figures in at least two of its own cells (a metadata box or a menu has none). */
  private hasFigures(table: Element): boolean {
    let n = 0;
    for (const r of this.rowsOf(table))
      for (const c of this.cellsOf(r)) if (FIGURE.test(this.plainText(c)) && ++n >= 2) return true;
    return false;
  }

  /**
   * Drops link lists (menus, sidebars, "相关链接"), breadcrumbs, CMS metadata boxes (索引号, 发布机构…) and chrome
   * named by id or class; a table only when it is a menu or a metadata box.
   */
  private dropLinkLists(n: AnyNode): void {
    for (const k of childrenOf(n)) {
      if (!isElement(k) || this.dropped.has(k)) continue;
      const s = this.stat(k);
      if (k.name !== 'body' && k.name !== 'html') {
        const all = s.own + s.link;
        // A table may be a menu (links in cells), never one with text of its own.
        const linkList =
          s.links >= 2 && s.link * 3 >= all * 2 && s.heads === 0 && s.own < (s.anyTables === 0 ? 300 : 50);
        const named = this.chromeNamed(k) && s.own < 200 && s.heads === 0 && s.anyTables === 0;
        const crumb = all < 200 && s.anyTables === 0 && BREADCRUMB.test(this.plainText(k));
        const box = all < 400 && s.tables === 0 && s.heads === 0 && metadataLabels(this.plainText(k)) >= 2;
        if (linkList || named || crumb || box) {
          this.dropped.add(k);
          continue;
        }
      }
      this.dropLinkLists(k);
    }
  }

  private holdsTitle(e: Element): boolean {
    const text = this.plainText(e);
    return text.length < 300 && TITLE.test(text) && YEARISH.test(text);
  }

  private chromeNamed(e: Element): boolean {
    const names = `${e.attribs.id ?? ''} ${e.attribs.class ?? ''}`.split(/\s+/);
    return names.some((x) => x !== '' && CHROME_NAME.test(x));
  }

  private contentNamed(e: Element): boolean {
    const names = `${e.attribs.id ?? ''} ${e.attribs.class ?? ''}`.split(/\s+/);
    return names.some((x) => x !== '' && CONTENT_NAME.test(x));
  }

  /** An element's text, links included, white space collapsed (for short elements only). */
  private plainText(n: AnyNode): string {
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

  private find(n: AnyNode, test: (e: Element) => boolean): Element | null {
    for (const k of childrenOf(n)) {
      if (!isElement(k)) continue;
      if (test(k)) return k;
      const f = this.find(k, test);
      if (f) return f;
    }
    return null;
  }

  // -- Tables: layout or data

  /** The rows of a table (its own, not those of tables inside it), thead first and tfoot last as browsers draw them. */
  private rowsOf(table: Element): Element[] {
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

  private cellsOf(tr: Element): Element[] {
    return tr.children.filter(
      (c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th') && !this.dropped.has(c),
    );
  }

  /**
   * A layout table (one that places parts of the page rather than holding figures) is unwrapped: one with a
   * single cell, or whose cells hold tables, headings or paragraphs of text, unless it is a grid of three or
   * more rows of three or more cells where one cell holds a table (a nested table, read as a table of its own).
   * Paragraphs make a container only when they hold more text than a label: Word-pasted cells break one label
   * or header into several <p> ("三、本</p><p>年度办</p><p>理结果"), which is still one cell of a data table.
   */
  private isLayoutTable(table: Element): boolean {
    const known = this.layoutTables.get(table);
    if (known !== undefined) return known;
    const rows = this.rowsOf(table);
    let cells = 0;
    let gridRows = 0;
    let containers = 0;
    for (const r of rows) {
      const cs = this.cellsOf(r);
      cells += cs.length;
      if (cs.length >= 3) gridRows++;
      for (const c of cs) {
        const s = this.stats.get(c) ?? this.statsOf(c);
        if (s.anyTables > 0 || s.headings > 0 || s.own >= 200 || (s.paras >= 3 && s.own > LABEL_TEXT_MAX))
          containers++;
      }
    }
    const layout = cells <= 1 || (containers > 0 && (gridRows < 3 || containers > 2));
    this.layoutTables.set(table, layout);
    return layout;
  }

  // -- The article

  /**
   * The element holding the report: from the body (or a CMS article container holding every table and
   * heading), go down into the child that holds every data table and every heading line and nearly all the
   * text; stop where the text is spread over several children. Keeping more is safer than keeping less.
   */
  private chooseArticle(body: Element | AnyNode): AnyNode {
    if (!isElement(body)) return body;
    const total = this.stat(body);
    let at: Element = body;
    const named = this.findAll(body, (e) => this.contentNamed(e) && !this.dropped.has(e));
    for (const e of named) {
      const s = this.stat(e);
      if (s.tables === total.tables && s.heads === total.heads && s.own * 2 >= total.own && s.own > 0) {
        at = e;
        break;
      }
    }
    for (;;) {
      if (at.name === 'table' && !this.isLayoutTable(at)) break;
      const here = this.stat(at);
      let best: Element | null = null;
      for (const k of at.children)
        if (isElement(k) && !this.dropped.has(k) && (!best || this.stat(k).own > this.stat(best).own))
          best = k;
      if (!best) break;
      const s = this.stat(best);
      if (best.name === 'table' && !this.isLayoutTable(best)) break;
      const rest = here.own - s.own;
      if (s.tables < here.tables || s.heads < here.heads || s.own === 0) break;
      if (rest > here.own * 0.3) break;
      at = best;
    }
    return at;
  }

  private findAll(n: AnyNode, test: (e: Element) => boolean, out: Element[] = []): Element[] {
    for (const k of childrenOf(n)) {
      if (!isElement(k) || this.dropped.has(k)) continue;
      if (test(k)) out.push(k);
      this.findAll(k, test, out);
    }
    return out;
  }

  /**
   * The report's title, when the article does not start with one: CMS pages print it above the article
   * container, so the nearest short text before the article naming a year and a report; else the <title>.
   */
  private addTitle(article: AnyNode): void {
    const firstHead = this.blocks.findIndex(
      (b) => b.kind === 'table' || HEAD_MARK.test(b.text) || /^\d+\s*[、.．]\s*总体情况/.test(b.text),
    );
    const before = this.blocks.slice(0, firstHead < 0 ? 6 : Math.min(firstHead, 6));
    if (before.some((b) => b.kind === 'paragraph' && b.text.length <= 80 && TITLE.test(b.text))) return;
    const start = article.sourceCodeLocation?.startOffset;
    let title: Paragraph | null = null;
    if (start !== undefined) {
      const visit = (n: AnyNode): boolean => {
        for (const k of childrenOf(n)) {
          if (k.sourceCodeLocation && k.sourceCodeLocation.startOffset >= start) return true;
          if (!isElement(k) || this.dropped.has(k) || k.name === 'a') continue;
          if ((BLOCK.has(k.name) || k.name === 'span' || k.name === 'font') && this.stat(k).anyTables === 0) {
            const s = this.stat(k);
            if (s.own > 0 && s.own <= 80) {
              const text = this.plainText(k);
              if (text.length <= 80 && TITLE.test(text) && YEARISH.test(text) && !BREADCRUMB.test(text))
                title = { kind: 'paragraph', text, source: this.elementSpan(k) };
            }
          }
          if (visit(k)) return true;
        }
        return false;
      };
      visit(this.root);
    }
    if (!title) {
      const t = this.findTitleElement(this.root);
      if (t) {
        const text = t.children
          .map((c) => (isText(c) ? c.data : ''))
          .join('')
          .replace(/[\s\u00a0]+/g, ' ')
          .trim();
        const part = text.split(/\s*[_|｜\-—–]+\s*/).find((p) => TITLE.test(p) && YEARISH.test(p));
        if (part && part.length <= 80) title = { kind: 'paragraph', text: part, source: this.elementSpan(t) };
      }
    }
    if (title) this.blocks.unshift(title);
  }

  private findTitleElement(n: AnyNode): Element | null {
    for (const k of childrenOf(n)) {
      if (!isElement(k)) continue;
      if (k.name === 'title') return k;
      if (k.name === 'body') continue;
      const f = this.findTitleElement(k);
      if (f) return f;
    }
    return null;
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
      this.images.push({ src: n.attribs.src ?? '', alt: n.attribs.alt ?? '', source: this.elementSpan(n) });
      return;
    }
    if (this.dropped.has(n)) return;
    if (name === 'br') {
      this.endLine();
      return;
    }
    if (name === 'table' && !this.isLayoutTable(n)) {
      this.endLine();
      this.flushFlow();
      this.table(n);
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
    const map = loc ? this.sourceMap(data, loc.startOffset, loc.endOffset) : null;
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

  /**
   * The source offsets of each character of a text node's data: the raw source is walked beside the decoded
   * text, an entity (&nbsp;, &#12288;) giving its one character the entity's whole span, CR LF one LF.
   */
  private sourceMap(data: string, from: number, to: number): { starts: number[]; ends: number[] } {
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
      if (closing && line.openedBy === closing) trimmed.span = this.elementSpan(closing);
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
      return this.spanOf(start, Math.max(start, end));
    };
    for (const b of blocks) {
      if (b.kind === 'paragraph') this.blocks.push({ ...b, source: map(b.source) });
      else
        this.blocks.push({
          ...b,
          source: map(b.source),
          rows: b.rows.map((r) => ({
            source: map(r.source),
            cells: r.cells.map((c) => ({ ...c, source: map(c.source) })),
          })),
        });
    }
  }

  /** <pre>: the text as typed, line breaks and runs of spaces kept, through the text layouts. */
  private preformatted(pre: Element): void {
    const lines: Line[] = [];
    let line = newLine(null);
    const visit = (n: AnyNode) => {
      if (isText(n)) {
        const loc = n.sourceCodeLocation;
        const map = loc ? this.sourceMap(n.data, loc.startOffset, loc.endOffset) : null;
        for (let i = 0; i < n.data.length; i++) {
          const ch = n.data[i]!;
          if (ch === '\n') {
            lines.push(line);
            line = newLine(null);
          } else if (ch !== '\r')
            this.push(line, ch === '\u00a0' ? ' ' : ch, map ? map.starts[i]! : -1, map ? map.ends[i]! : -1);
        }
      } else if (isElement(n)) {
        if (this.dropped.has(n)) return;
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

  // -- Data tables

  /**
   * A table as a grid: rowspan and colspan resolved, each cell at its grid column; positions covered by a
   * cell above get no cell. A table inside a cell is read as a table of its own, after the row holding it.
   */
  private table(table: Element): void {
    const rows = this.rowsOf(table);
    const caption = table.children.find((c): c is Element => isElement(c) && c.name === 'caption');
    if (caption && !this.dropped.has(caption)) {
      const text = this.cellText(caption, []);
      if (text !== '')
        this.blocks.push({
          kind: 'paragraph',
          text: text.replace(/\n/g, ' '),
          source: this.elementSpan(caption),
        });
    }
    // covered[r] = the columns of row r taken by cells from rows above.
    const covered: Set<number>[] = rows.map(() => new Set<number>());
    const built: { row: TableRow; nested: Element[]; cells: (TableCell & { end: number })[] }[] = [];
    rows.forEach((tr, r) => {
      const cells: (TableCell & { end: number })[] = [];
      const nested: Element[] = [];
      let col = 0;
      for (const td of this.cellsOf(tr)) {
        while (covered[r]!.has(col)) col++;
        const colSpan = spanAttr(td.attribs.colspan, 1000);
        let rowSpan = spanAttr(td.attribs.rowspan, 65534, true);
        // rowspan="0" and rowspans past the table's end stop at its last row.
        if (rowSpan === 0 || r + rowSpan > rows.length) rowSpan = rows.length - r;
        for (let dr = 1; dr < rowSpan; dr++)
          for (let dc = 0; dc < colSpan; dc++) covered[r + dr]!.add(col + dc);
        const text = this.cellText(td, nested);
        cells.push({ text, col, colSpan, rowSpan, source: this.elementSpan(td), end: r + rowSpan });
        col += colSpan;
      }
      built.push({ row: { cells, source: this.elementSpan(tr) }, nested, cells });
    });
    // Split where a row holds nested tables; spans reaching past a split are cut at it.
    let segment: typeof built = [];
    const emit = () => {
      const kept = segment.filter((b) => b.cells.length > 0);
      if (kept.length === 0) {
        segment = [];
        return;
      }
      const first = built.indexOf(segment[0]!);
      const last = first + segment.length;
      const out: TableRow[] = kept.map((b) => ({
        source: b.row.source,
        cells: b.cells.map(({ end, ...c }) => (end > last ? { ...c, rowSpan: last - built.indexOf(b) } : c)),
      }));
      const t: Table = {
        kind: 'table',
        layout: 'grid',
        rows: out,
        source: built.length === segment.length ? this.elementSpan(table) : this.spanOfRows(out),
      };
      this.blocks.push(t);
      segment = [];
    };
    for (const b of built) {
      segment.push(b);
      if (b.nested.length > 0) {
        emit();
        for (const inner of b.nested) this.walk(inner);
        this.endLine();
        this.flushFlow();
      }
    }
    emit();
  }

  private spanOfRows(rows: readonly TableRow[]): TextSpan {
    const a = rows[0]!.source as TextSpan;
    const b = rows.at(-1)!.source as TextSpan;
    return { kind: 'html', line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
  }

  /** A cell's text: line breaks and block boundaries as "\n", white space collapsed, nested tables left out. */
  private cellText(cell: Element, nested: Element[]): string {
    // Source line breaks are white space; only <br> and block boundaries (marked \u0000 here) break lines.
    let out = '';
    const visit = (n: AnyNode) => {
      if (isText(n)) {
        out += n.data.replace(/[\r\n]+/g, ' ');
        return;
      }
      if (!isElement(n) || this.dropped.has(n)) return;
      if (n.name === 'table') {
        nested.push(n);
        return;
      }
      if (n.name === 'br') {
        out += '\u0000';
        return;
      }
      const block = BLOCK.has(n.name);
      if (block) out += '\u0000';
      for (const k of n.children) visit(k);
      if (block) out += '\u0000';
    };
    for (const k of cell.children) visit(k);
    return out
      .split('\u0000')
      .map((l) =>
        l
          .replace(/[\u200b\ufeff\u00ad]/g, '')
          .replace(/[ \t\r\f\u00a0]+/g, ' ')
          .trim(),
      )
      .filter((l) => l !== '')
      .join('\n');
  }
}

/** A colspan or rowspan attribute as browsers read it: digits at the start, 1 when absent or invalid, capped. */
function spanAttr(value: string | undefined, max: number, zeroAllowed = false): number {
  const m = /^\s*(\d+)/.exec(value ?? '');
  if (!m) return 1;
  const n = Number(m[1]);
  if (n === 0) return zeroAllowed ? 0 : 1;
  return Math.min(n, max);
}
