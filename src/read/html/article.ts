// The article of a web page: page chrome dropped (scripts, menus, breadcrumbs, metadata boxes, footers), layout
// tables told from data tables, the element holding the report chosen, and the report's title found.
import type { AnyNode, Element } from 'domhandler';
import type { Block, Paragraph } from '../../model/document.ts';
import type { SourceText } from './spans.ts';
import { BLOCK, childrenOf, isElement, isText, type PageTree } from './tree.ts';

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
export const CHROME_LINE =
  /^(?:(?:打印本页|打印此页|打印文章|打印|关闭本页|关闭窗口|关闭|返回顶部|返回|收藏本页|加入收藏|收藏|我要纠错|纠错|保存本页|字号[:：]?[大中小默认]*|字体[:：]?[大中小默认]*|【?[大中小]】?|分享到[:：]?.*|分享[:：].*|扫一扫.*|上一篇[:：].*|下一篇[:：].*|相关链接[:：]?|相关文章[:：]?|相关阅读[:：]?|相关信息[:：]?|浏览次数[:：]?\d*|访问量[:：]?\d*|阅读次数[:：]?\d*)[、,，|｜/]?)+$/;
/** A section heading of a report: "一、…", numbered with a Chinese numeral (a generic outline mark, no wording). */
export const HEAD_MARK = /^[\s\u3000\u00a0]*[一二三四五六七八九十]{1,3}\s*[、.．]/;
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

/** The choice of a page's article: what each element holds, and which tables only lay the page out. */
export class ArticleFinder {
  private readonly stats = new Map<Element, Stats>();
  private readonly layoutTables = new Map<Element, boolean>();

  constructor(
    private readonly tree: PageTree,
    private readonly source: SourceText,
  ) {}

  /** Drops the page's chrome, then counts what each element holds (without the link lists dropped). */
  prepare(): void {
    this.dropChrome(this.tree.root, false);
    this.statsOf(this.tree.root);
    this.dropLinkLists(this.tree.root);
    // Counted again without the link lists: a menu laid out as a table is no data table to keep.
    this.stats.clear();
    this.layoutTables.clear();
    this.statsOf(this.tree.root);
  }

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
        this.tree.dropped.add(k);
        continue;
      }
      this.dropChrome(k, inArticle || name === 'article' || name === 'main');
    }
  }

  private statsOf(n: AnyNode): Stats {
    if (isText(n)) return ZERO;
    if (isElement(n) && this.tree.dropped.has(n)) return ZERO;
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
    for (const r of this.tree.rowsOf(table))
      for (const c of this.tree.cellsOf(r)) if (FIGURE.test(this.tree.plainText(c)) && ++n >= 2) return true;
    return false;
  }

  /**
   * Drops link lists (menus, sidebars, "相关链接"), breadcrumbs, CMS metadata boxes (索引号, 发布机构…) and chrome
   * named by id or class; a table only when it is a menu or a metadata box.
   */
  private dropLinkLists(n: AnyNode): void {
    for (const k of childrenOf(n)) {
      if (!isElement(k) || this.tree.dropped.has(k)) continue;
      const s = this.stat(k);
      if (k.name !== 'body' && k.name !== 'html') {
        const all = s.own + s.link;
        // A table may be a menu (links in cells), never one with text of its own.
        const linkList =
          s.links >= 2 && s.link * 3 >= all * 2 && s.heads === 0 && s.own < (s.anyTables === 0 ? 300 : 50);
        const named = this.chromeNamed(k) && s.own < 200 && s.heads === 0 && s.anyTables === 0;
        const crumb = all < 200 && s.anyTables === 0 && BREADCRUMB.test(this.tree.plainText(k));
        const box =
          all < 400 && s.tables === 0 && s.heads === 0 && metadataLabels(this.tree.plainText(k)) >= 2;
        if (linkList || named || crumb || box) {
          this.tree.dropped.add(k);
          continue;
        }
      }
      this.dropLinkLists(k);
    }
  }

  private holdsTitle(e: Element): boolean {
    const text = this.tree.plainText(e);
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
  /**
   * A layout table (one that places parts of the page rather than holding figures) is unwrapped: one with a
   * single cell, or whose cells hold tables, headings or paragraphs of text, unless it is a grid of three or
   * more rows of three or more cells where one cell holds a table (a nested table, read as a table of its own).
   * Paragraphs make a container only when they hold more text than a label: Word-pasted cells break one label
   * or header into several <p> ("三、本</p><p>年度办</p><p>理结果"), which is still one cell of a data table.
   */
  isLayoutTable(table: Element): boolean {
    const known = this.layoutTables.get(table);
    if (known !== undefined) return known;
    const rows = this.tree.rowsOf(table);
    let cells = 0;
    let gridRows = 0;
    let containers = 0;
    for (const r of rows) {
      const cs = this.tree.cellsOf(r);
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
  chooseArticle(body: Element | AnyNode): AnyNode {
    if (!isElement(body)) return body;
    const total = this.stat(body);
    let at: Element = body;
    const named = this.tree.findAll(body, (e) => this.contentNamed(e) && !this.tree.dropped.has(e));
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
        if (isElement(k) && !this.tree.dropped.has(k) && (!best || this.stat(k).own > this.stat(best).own))
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

  /**
   * The report's title, when the article does not start with one: CMS pages print it above the article
   * container, so the nearest short text before the article naming a year and a report; else the <title>.
   */
  addTitle(article: AnyNode, blocks: Block[]): void {
    const firstHead = blocks.findIndex(
      (b) => b.kind === 'table' || HEAD_MARK.test(b.text) || /^\d+\s*[、.．]\s*总体情况/.test(b.text),
    );
    const before = blocks.slice(0, firstHead < 0 ? 6 : Math.min(firstHead, 6));
    if (before.some((b) => b.kind === 'paragraph' && b.text.length <= 80 && TITLE.test(b.text))) return;
    const start = article.sourceCodeLocation?.startOffset;
    let title: Paragraph | null = null;
    if (start !== undefined) {
      const visit = (n: AnyNode): boolean => {
        for (const k of childrenOf(n)) {
          if (k.sourceCodeLocation && k.sourceCodeLocation.startOffset >= start) return true;
          if (!isElement(k) || this.tree.dropped.has(k) || k.name === 'a') continue;
          if ((BLOCK.has(k.name) || k.name === 'span' || k.name === 'font') && this.stat(k).anyTables === 0) {
            const s = this.stat(k);
            if (s.own > 0 && s.own <= 80) {
              const text = this.tree.plainText(k);
              if (text.length <= 80 && TITLE.test(text) && YEARISH.test(text) && !BREADCRUMB.test(text))
                title = { kind: 'paragraph', text, source: this.source.elementSpan(k) };
            }
          }
          if (visit(k)) return true;
        }
        return false;
      };
      visit(this.tree.root);
    }
    if (!title) {
      const t = this.findTitleElement(this.tree.root);
      if (t) {
        const text = t.children
          .map((c) => (isText(c) ? c.data : ''))
          .join('')
          .replace(/[\s\u00a0]+/g, ' ')
          .trim();
        const part = text.split(/\s*[_|｜\-—–]+\s*/).find((p) => TITLE.test(p) && YEARISH.test(p));
        if (part && part.length <= 80)
          title = { kind: 'paragraph', text: part, source: this.source.elementSpan(t) };
      }
    }
    if (title) blocks.unshift(title);
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
}
