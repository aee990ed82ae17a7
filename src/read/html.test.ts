// HTML reader: the fixture pages read back to the reports they were made from, cell for cell; charsets, grids, chrome.
import fc from 'fast-check';
import { load } from 'cheerio';
import iconv from 'iconv-lite';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../extract/index.ts';
import type { Block, Document, Paragraph, Table } from '../model/document.ts';
import { formatSpan, type TextSpan } from '../model/source.ts';
import { read as readAny } from './index.ts';
import { readHtml } from './html.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const page = (body: string, head = '<meta charset="utf-8">') =>
  `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const read = (html: string) => readHtml(utf8(html), { path: 'x.html' });
const texts = (doc: Document) => doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : 'TABLE'));
const tables = (doc: Document) => doc.blocks.filter((b): b is Table => b.kind === 'table');
const grid = (t: Table) => t.rows.map((r) => r.cells.map((c) => [c.text, c.col, c.colSpan, c.rowSpan]));
/** The source text a span starts at. */
const at = (html: string, s: TextSpan, length = 4) =>
  html.split(/\r\n|\r|\n/)[s.line - 1]!.slice(s.column - 1, s.column - 1 + length);

/** Leaves of a table object by dotted path. */
function flat(o: unknown, prefix: string, out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (o !== null && typeof o === 'object')
    for (const [k, v] of Object.entries(o)) flat(v, `${prefix}.${k}`, out);
  else out.set(prefix, o);
  return out;
}

const fixtures = new URL('../../test/fixtures/html/', import.meta.url);

describe('readHtml on the fixture pages', () => {
  // 2021-images.html has no figures to compare (its tables are images): tested on its own below.
  const names = readdirSync(fixtures).filter((n) => n.endsWith('.html') && n !== '2021-images.html');
  it('has the fixtures of every kind', () => {
    expect(names.length).toBeGreaterThanOrEqual(11);
  });
  for (const name of names) {
    it(`${name}: metadata and every table cell equal the report it was made from; figures point at their source`, () => {
      const bytes = readFileSync(new URL(name, fixtures));
      const { truth, figures } = JSON.parse(
        readFileSync(new URL(name.replace(/\.html$/, '.json'), fixtures), 'utf8'),
      ) as {
        truth: Record<string, unknown>;
        figures: Record<string, { line: number; column: number }>;
      };
      const doc = readHtml(bytes, { path: name });
      expect(doc.kind).toBe('html');
      expect(doc.diagnostics).toEqual([]);
      const { report, diagnostics } = extract(doc);
      expect(report).not.toBeNull();
      expect([report!.formatVersion, report!.agency, report!.year]).toEqual([
        truth.formatVersion,
        truth.agency,
        truth.year,
      ]);
      for (const key of ['proactive', 'requests', 'reviewLitigation'] as const)
        expect(flat(report![key], key)).toEqual(flat(truth[key], key));
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);

      // Provenance: each figure at the <td> (or, in text tables, the digits) it was written in.
      const html = new TextDecoder(doc.encoding).decode(bytes);
      const grid = !/pre/.test(name);
      let checked = 0;
      for (const [path, prov] of Object.entries(report!.provenance!)) {
        if (!/^(proactive|requests|reviewLitigation)\./.test(path) || prov.text === '') continue;
        const s = prov.source as TextSpan;
        expect(s.kind, path).toBe('html');
        const want = figures[path];
        if (want) expect({ path, line: s.line, column: s.column }).toEqual({ path, ...want });
        if (grid) expect(at(html, s, 3), path).toMatch(/^<t[dh]/);
        else expect(at(html, s, 1), path).toMatch(/^[\d\-/]/);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(Object.keys(figures).length);
    });
  }
});

describe('readHtml: charsets', () => {
  const chinese = '河南省机关事务管理局2019年政府信息公开工作年度报告，“三安全一稳定”';
  const body = (charsetMeta: string) => page(`<p>${chinese}</p>`, charsetMeta);
  const paragraphs = (doc: Document) => doc.blocks.map((b) => (b as Paragraph).text);

  it('decodes GB2312/GBK pages as GB18030, from <meta charset> or http-equiv', () => {
    for (const meta of [
      '<meta charset="gb2312">',
      '<meta http-equiv="Content-Type" content="text/html; charset=GBK">',
    ]) {
      const doc = readHtml(iconv.encode(body(meta), 'gbk'));
      expect(doc.encoding).toBe('gb18030');
      expect(paragraphs(doc)).toEqual([chinese]);
      expect(doc.diagnostics).toEqual([]);
    }
  });

  it('decodes Big5 and UTF-16 with a BOM', () => {
    const traditional = '臺北市政府資訊公開年度報告';
    const big5 = readHtml(iconv.encode(page(`<p>${traditional}</p>`, '<meta charset="big5">'), 'big5'));
    expect([big5.encoding, paragraphs(big5)]).toEqual(['big5', [traditional]]);
    const u16 = readHtml(iconv.encode(body(''), 'utf-16le', { addBOM: true }));
    expect([u16.encoding, paragraphs(u16)]).toEqual(['utf-16le', [chinese]]);
  });

  it('trusts the bytes over a lying <meta>, with a read/charset warning', () => {
    const utf8Declared = readHtml(utf8(body('<meta charset="gb2312">')), { path: 'a.html' });
    expect([utf8Declared.encoding, paragraphs(utf8Declared)]).toEqual(['utf-8', [chinese]]);
    expect(utf8Declared.diagnostics).toMatchObject([
      { ruleId: 'read/charset', severity: 'warning', data: { declared: 'gb2312', encoding: 'utf-8' } },
    ]);
    const gbkDeclaredUtf8 = readHtml(iconv.encode(body('<meta charset="utf-8">'), 'gbk'));
    expect([gbkDeclaredUtf8.encoding, paragraphs(gbkDeclaredUtf8)]).toEqual(['gb18030', [chinese]]);
    expect(gbkDeclaredUtf8.diagnostics.map((d) => d.ruleId)).toEqual(['read/charset']);
    const latin = readHtml(utf8(body('<meta charset="iso-8859-1">')));
    expect([latin.encoding, paragraphs(latin)]).toEqual(['utf-8', [chinese]]);
    expect(latin.diagnostics.map((d) => d.ruleId)).toEqual(['read/charset']);
  });

  it('sniffs pages that declare nothing; a BOM outranks <meta>', () => {
    const gbk = readHtml(iconv.encode(body(''), 'gbk'));
    expect([gbk.encoding, paragraphs(gbk)]).toEqual(['gb18030', [chinese]]);
    const bom = readHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body('<meta charset="gbk">'))]));
    expect([bom.encoding, paragraphs(bom), bom.diagnostics]).toEqual(['utf-8', [chinese], []]);
  });

  it('reports bytes no charset decodes, never silently', () => {
    const bytes = new Uint8Array([...utf8(body('<meta charset="utf-8">')), 0xff, 0xfe, 0xff]);
    expect(readHtml(bytes).diagnostics.map((d) => d.ruleId)).toContain('read/encoding');
  });
});

describe('readHtml: tables', () => {
  it('resolves rowspan and colspan into a grid; covered positions get no cell', () => {
    const html = page(`<table>
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，<br>等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业<br>企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td rowspan="9">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
<tr><td rowspan="0">（三）不予公开</td><td>1.属于国家秘密</td><td> 2 </td><td>&nbsp;</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td></tr>
<tr><td>2.其他法律行政法规禁止公开</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>`);
    const [t] = tables(read(html));
    expect(t!.layout).toBe('grid');
    expect(grid(t!)).toEqual([
      [
        ['（本列数据的勾稽关系为：第一项加第二项之和，\n等于第三项加第四项之和）', 0, 3, 3],
        ['申请人情况', 3, 7, 1],
      ],
      [
        ['自然人', 3, 1, 2],
        ['法人或其他组织', 4, 5, 1],
        ['总计', 9, 1, 2],
      ],
      [
        ['商业\n企业', 4, 1, 1],
        ['科研机构', 5, 1, 1],
        ['社会公益组织', 6, 1, 1],
        ['法律服务机构', 7, 1, 1],
        ['其他', 8, 1, 1],
      ],
      [
        ['三、本年度办理结果', 0, 1, 3], // rowspan 9 stops at the table's end
        ['（一）予以公开', 1, 2, 1],
        ...['1', '0', '0', '0', '0', '0', '1'].map((v, i) => [v, 3 + i, 1, 1]),
      ],
      [
        ['（三）不予公开', 1, 1, 2], // rowspan="0": to the end
        ['1.属于国家秘密', 2, 1, 1],
        ...['2', '', '0', '0', '0', '0', '2'].map((v, i) => [v, 3 + i, 1, 1]),
      ],
      [
        ['2.其他法律行政法规禁止公开', 2, 1, 1],
        ...['0', '0', '0', '0', '0', '0', '0'].map((v, i) => [v, 3 + i, 1, 1]),
      ],
    ]);
    // Spans: the <td> from its start to its end.
    const cell = t!.rows[4]!.cells[2]!.source as TextSpan;
    expect(at(html, cell, 10)).toBe('<td> 2 </t');
    expect(cell.endColumn - cell.column).toBe('<td> 2 </td>'.length);
    expect(at(html, t!.rows[1]!.source as TextSpan, 4)).toBe('<tr>');
    expect(at(html, t!.source as TextSpan, 7)).toBe('<table>');
  });

  it('reads cell text with breaks and paragraphs as line breaks, source white space collapsed', () => {
    const [t] = tables(
      read(
        page(
          '<table><tr><td><p class="MsoNormal"><span>法律</span><span>服务\n  机构</span><o:p></o:p></p></td><td><p>a</p><p>b</p></td><td>&nbsp;1,234&nbsp;</td><td>x<br/><br/>y</td></tr><tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></table>',
        ),
      ),
    );
    expect(t!.rows[0]!.cells.map((c) => c.text)).toEqual(['法律服务 机构', 'a\nb', '1,234', 'x\ny']);
  });

  it('puts thead first and tfoot last, as browsers draw them', () => {
    const [t] = tables(
      read(
        page(
          '<table><tfoot><tr><td>合计</td><td>3</td></tr></tfoot><tbody><tr><td>甲</td><td>1</td></tr></tbody><thead><tr><th>项目</th><th>数量</th></tr></thead></table>',
        ),
      ),
    );
    expect(t!.rows.map((r) => r.cells[0]!.text)).toEqual(['项目', '甲', '合计']);
  });

  it('reads a table inside a cell as its own table, after the outer row; the outer cell keeps its own text', () => {
    const doc = read(
      page(`<table>
<tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>备注<table><tr><td>附</td><td>1</td></tr><tr><td>注</td><td>2</td></tr></table></td></tr>
<tr><td>规范性文件</td><td>1</td><td>1</td><td>1</td></tr>
<tr><td>行政许可</td><td>2</td><td>2</td><td>2</td></tr>
</table>`),
    );
    expect(
      doc.blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.cells[0]!.text).join('|') : b.text)),
    ).toEqual(['信息内容|规章', '附|注', '规范性文件|行政许可']);
    expect(tables(doc)[0]!.rows[1]!.cells[3]!.text).toBe('备注');
  });

  it('cuts a rowspan at the split made by a nested table', () => {
    const doc = read(
      page(
        '<table><tr><td rowspan="3">组</td><td>a</td><td>1</td><td>x</td></tr><tr><td>b</td><td>2</td><td>y<table><tr><td>n</td><td>9</td></tr><tr><td>m</td><td>8</td></tr></table></td></tr><tr><td>c</td><td>3</td><td>z</td></tr><tr><td>组2</td><td>d</td><td>4</td><td>w</td></tr></table>',
      ),
    );
    const [outer1, inner, outer2] = tables(doc);
    expect(outer1!.rows[0]!.cells[0]).toMatchObject({ text: '组', rowSpan: 2 });
    expect(grid(inner!)).toEqual([
      [
        ['n', 0, 1, 1],
        ['9', 1, 1, 1],
      ],
      [
        ['m', 0, 1, 1],
        ['8', 1, 1, 1],
      ],
    ]);
    expect(outer2!.rows[0]!.cells.map((c) => [c.text, c.col])).toEqual([
      ['c', 1],
      ['3', 2],
      ['z', 3],
    ]);
  });

  it('unwraps layout tables: a page in one cell, columns as cells', () => {
    const doc = read(
      page(`<table width="100%"><tr><td>
<table><tr><td width="200"><a href="/1">公开指南</a><br><a href="/2">公开制度</a><br><a href="/3">公开年报</a></td>
<td><p>一、总体情况</p><p>本年度，本机关认真贯彻落实条例。</p>
<table><tr><td>行政处罚</td><td>0</td><td>0</td><td>0</td></tr><tr><td>行政强制</td><td>0</td><td>0</td><td>0</td></tr></table>
<p>六、其他需要报告的事项</p><p>无</p></td></tr></table>
</td></tr></table>`),
    );
    expect(texts(doc)).toEqual([
      '一、总体情况',
      '本年度，本机关认真贯彻落实条例。',
      'TABLE',
      '六、其他需要报告的事项',
      '无',
    ]);
  });

  it('keeps one statistics table split over consecutive <table>s as several tables', () => {
    const doc = read(
      page(
        '<p>三、收到和处理政府信息公开申请情况</p><table><tr><td>一、本年新收政府信息公开申请数量</td><td>1</td></tr></table><p>&nbsp;</p><table><tr><td>四、结转下年度继续办理</td><td>0</td></tr></table>',
      ),
    );
    expect(texts(doc)).toEqual(['三、收到和处理政府信息公开申请情况', 'TABLE', 'TABLE']);
  });
});

describe('readHtml: paragraphs', () => {
  it('joins inline runs, breaks paragraphs at <br> and blocks, reads &nbsp; as a space', () => {
    const html = page(
      '<div>标题文字<p><font face="宋体">2019</font><span>年</span><b>政府</b>信息&nbsp;公开<br>第二行</p><h3>二、主动公开政府信息情况</h3><ul><li>甲</li><li>乙</li></ul>尾</div>',
    );
    expect(texts(read(html))).toEqual([
      '标题文字',
      '2019年政府信息 公开',
      '第二行',
      '二、主动公开政府信息情况',
      '甲',
      '乙',
      '尾',
    ]);
  });

  it("gives a paragraph that is a whole element the element's span, else its text's", () => {
    const html = page('\n  <p>一、总体情况</p>\n  <p>第一行<br>第二行&nbsp;x</p>');
    const [h, a, b] = read(html).blocks as Paragraph[];
    expect(h!.source).toEqual({
      kind: 'html',
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 3 + '<p>一、总体情况</p>'.length,
    });
    expect(at(html, a!.source as TextSpan, 3)).toBe('第一行');
    expect(b!.source).toMatchObject({ line: 3, column: 13 });
    expect(at(html, b!.source as TextSpan, 3)).toBe('第二行');
    expect((b!.source as TextSpan).endColumn).toBe(13 + '第二行&nbsp;x'.length);
  });

  it('reads tables typed as text: in <pre>, and in a <p> of lines broken by <br>', () => {
    const pre = `<pre>
规章          0      0      0
规范性文件    1      1      1
</pre>`;
    const html = page(`<p>二、主动公开政府信息情况</p>\n${pre}`);
    const doc = read(html);
    const [t] = tables(doc);
    expect(t!.layout).toBe('aligned');
    expect(t!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['规章', '0', '0', '0'],
      ['规范性文件', '1', '1', '1'],
    ]);
    const one = t!.rows[1]!.cells[1]!.source as TextSpan;
    expect([one.line, at(html, one, 1)]).toEqual([4, '1']);

    const typed = page(
      '<p>行政复议 结果维持&nbsp;&nbsp;结果纠正&nbsp;&nbsp;总计<br>\n&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;1&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;2&nbsp;&nbsp;&nbsp;3</p>',
    );
    const [u] = tables(read(typed));
    expect(u!.layout).toBe('aligned');
    expect(u!.rows[1]!.cells.map((c) => [c.text, c.x])).toEqual([
      ['1', 14],
      ['2', 22],
      ['3', 26],
    ]);
  });
});

describe('readHtml: the article among the page chrome', () => {
  const chrome = (
    article: string,
    title = '<title>某市民政局2019年政府信息公开工作年度报告_某市人民政府</title>',
  ) =>
    page(
      `<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zw">政务公开</a></li><li><a href="/fw">政务服务</a></li></ul><script>var x = "一、总体情况";</script></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/nb">政府信息公开年报</a></div>
<div class="wrap"><div class="left"><ul><li><a href="/1">政府信息公开指南</a></li><li><a href="/2">政府信息公开制度</a></li><li><a href="/3">2018年政府信息公开工作年度报告</a></li></ul></div>
<div class="right">${article}<div class="dy">【<a href="#">打印本页</a>】【<a href="#">关闭窗口</a>】</div></div></div>
<div class="footer">版权所有：某市人民政府办公室\u3000网站标识码：1234567890\u3000地址：人民路1号</div><style>p{color:red}</style>`,
      `<meta charset="utf-8">${title}`,
    );
  const report = `<div id="zoom"><p>一、总体情况</p><p>本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开。</p><p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr><td>规范性文件</td><td>1</td><td>1</td><td>1</td></tr></table><p>六、其他需要报告的事项</p><p>无</p></div>`;
  const body = [
    '一、总体情况',
    '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开。',
    '二、主动公开政府信息情况',
    'TABLE',
    '六、其他需要报告的事项',
    '无',
  ];

  it('drops menus, breadcrumbs, sidebars, footers, scripts, print and close buttons; takes the title above the article', () => {
    const html = chrome(
      `<h1>某市民政局2019年政府信息公开工作年度报告</h1><div class="info">发布时间：2020-01-20</div>${report}`,
    );
    const doc = read(html);
    expect(texts(doc)).toEqual(['某市民政局2019年政府信息公开工作年度报告', ...body]);
    expect(at(html, doc.blocks[0]!.source as TextSpan, 4)).toBe('<h1>');
  });

  it("falls back to the page's <title> when no title is printed, and ignores a title-less <title>", () => {
    expect(texts(read(chrome(report)))).toEqual(['某市民政局2019年政府信息公开工作年度报告', ...body]);
    expect(texts(read(chrome(report, '<title>年度报告</title>')))).toEqual(body);
  });

  it('keeps a <header> that holds the title, drops one of menus', () => {
    const html = page(
      `<header><a href="/">首页</a><a href="/zw">政务公开</a><p>某市人民政府</p></header><div class="article"><header><h1>某县审计局2021年政府信息公开工作年度报告</h1></header>${report}</div>`,
    );
    expect(texts(read(html))).toEqual(['某县审计局2021年政府信息公开工作年度报告', ...body]);
    const outside = page(
      `<header class="title"><h2>某县审计局2021年政府信息公开工作年度报告</h2></header>${report}`,
    );
    expect(texts(read(outside))).toEqual(['某县审计局2021年政府信息公开工作年度报告', ...body]);
  });

  it("drops a 政府信息公开 platform's metadata box (索引号, 发布机构…), so the title is the first paragraph", () => {
    const box = `<table class="xxgk"><tr><td>索引号：</td><td>11410000MB1234567X/2020-00012</td><td>主题分类：</td><td>综合政务</td></tr>
<tr><td>发布机构：</td><td>某市民政局</td><td>生成日期：</td><td>2020-01-20</td></tr>
<tr><td>名称：</td><td colspan="3">某市民政局2019年政府信息公开工作年度报告</td></tr></table>`;
    const title = '<h1>某市民政局2019年政府信息公开工作年度报告</h1>';
    const want = ['某市民政局2019年政府信息公开工作年度报告', ...body];
    expect(texts(read(chrome(`${box}${title}${report}`)))).toEqual(want);
    expect(
      texts(read(page(`<div id="zoom">${box}${title}${report.slice('<div id="zoom">'.length)}`))),
    ).toEqual(want);
  });

  it('drops hidden elements', () => {
    expect(
      texts(read(page('<p>甲<span style="display: none">隐藏</span>乙</p><div hidden>不见</div><p>丙</p>'))),
    ).toEqual(['甲乙', '丙']);
  });
});

describe('readHtml: never throws', () => {
  it('gives read/empty for a page without text, and a document for any bytes', () => {
    expect(read('').diagnostics.map((d) => d.ruleId)).toEqual(['read/empty']);
    expect(read(page('<script>document.write("x")</script>')).diagnostics.map((d) => d.ruleId)).toEqual([
      'read/empty',
    ]);
    const fragment = fc.constantFrom(
      '<table>',
      '</table>',
      '<tr>',
      '<td rowspan="3">',
      '<td colspan="0">',
      '<td rowspan="-2" colspan="99999">',
      '</td>',
      '<th>',
      '<p>',
      '</p>',
      '<br>',
      '<pre>',
      '</pre>',
      '<div class="content">',
      '</div>',
      '<a href="#">',
      '</a>',
      '&nbsp;',
      '&#x1F600;',
      '&amp',
      '一、总体情况',
      '规章  0  0  0',
      '\t',
      '\r\n',
      '\n',
      '<!--',
      '<![if !x]>',
      '<meta charset="gbk">',
      '<script>',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 60 }), (parts) => {
        const doc = read(parts.join(''));
        expect(doc.kind).toBe('html');
        for (const b of doc.blocks as Block[])
          if (b.kind === 'table') for (const r of b.rows) expect(r.cells.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(readHtml(bytes).kind).toBe('html');
      }),
      { numRuns: 100 },
    );
  });
});

describe('readHtml: images', () => {
  it('keeps the images of the article with their address, text and place, and none of the page chrome', () => {
    const page = [
      '<html><body><div class="nav"><img src="/logo.png" alt="网站标识"><a href="/">首页</a> <a href="/a">机构</a></div>',
      '<div class="article"><h1>某市民政局2022年政府信息公开工作年度报告</h1>',
      '<p>一、总体情况</p><p>本机关认真贯彻落实《条例》，全年主动公开政府信息一千余条。</p>',
      '<p>三、收到和处理政府信息公开申请情况</p>',
      '<p><img src="t3.png" alt="表三"></p>',
      '</div></body></html>',
    ].join('\n');
    const doc = readHtml(new TextEncoder().encode(page), { path: 'p.html' });
    expect(doc.images).toEqual([
      { src: 't3.png', alt: '表三', source: { kind: 'html', line: 5, column: 4, endLine: 5, endColumn: 31 } },
    ]);
    // The image is no text: the paragraphs are as before.
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('|')).not.toContain('t3');
  });

  it('2021-images.html: the tables published as images name their section in extract/missing-table', () => {
    const doc = readHtml(new Uint8Array(readFileSync(new URL('2021-images.html', fixtures))), {
      path: '2021-images.html',
    });
    expect(doc.images!.map((i) => i.src)).toEqual([
      '/upload/2024/proactive.png',
      '/upload/2024/requests.png',
      '/upload/2024/review-litigation.png',
    ]);
    const { report, diagnostics } = extract(doc);
    expect([report!.agency, report!.year, report!.formatVersion]).toEqual(['清河市生态环境局', 2022, '2021']);
    const missing = diagnostics.filter((d) => d.ruleId === 'extract/missing-table');
    expect(missing.map((d) => [d.messageId, d.path, d.data.images])).toEqual([
      ['missingTableImage', ['proactive'], '/upload/2024/proactive.png'],
      ['missingTableImage', ['requests'], '/upload/2024/requests.png'],
      ['missingTableImage', ['reviewLitigation'], '/upload/2024/review-litigation.png'],
    ]);
    // The finding points at the image in the page.
    expect(missing[1]!.source).toMatchObject({ kind: 'html', line: 20 });
  });

  it('an image in another section does not explain a missing table', () => {
    const page = [
      '<html><body><div class="article"><h1>某市民政局2022年政府信息公开工作年度报告</h1>',
      '<p>一、总体情况</p><p><img src="photo.jpg" alt="会议照片"></p>',
      '<p>三、收到和处理政府信息公开申请情况</p><p>本年度未收到政府信息公开申请。</p>',
      '</div></body></html>',
    ].join('\n');
    const doc = readHtml(new TextEncoder().encode(page));
    const { diagnostics } = extract(doc);
    const missing = diagnostics.filter((d) => d.ruleId === 'extract/missing-table');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((d) => d.messageId === 'missingTable')).toBe(true);
  });
});

describe('where a web page table cell is, besides line and column', () => {
  it('names the page’s n-th <table>, the row and the cell of each figure, as the browser counts them', async () => {
    const file = new URL('../../test/fixtures/real/shuyang-fgj-2023.html', import.meta.url);
    const bytes = readFileSync(file);
    const report = extract(await readAny(bytes, { path: 'shuyang-fgj-2023.html' })).report!;
    // Independently of the reader: cheerio over the same page, tables in document order, rows in table order.
    const $ = load(new TextDecoder().decode(bytes));
    const tables = $('table').toArray();
    let checked = 0;
    for (const [path, p] of Object.entries(report.provenance ?? {})) {
      const s = p.source;
      if (s?.kind !== 'html' || s.table === undefined || s.row === undefined || s.cell === undefined)
        continue;
      const rows = $(tables[s.table]!)
        .find('tr')
        .toArray()
        .filter((tr) => $(tr).closest('table')[0] === tables[s.table!]);
      const cell = $(rows[s.row]!).children('td, th').eq(s.cell);
      expect(cell.text().replace(/\s+/g, ''), path).toContain(p.text ?? '');
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(formatSpan(report.provenance!['requests.newlyReceived.naturalPerson']!.source)).toMatch(
      /^\d+:\d+ table \d+ row \d+ cell \d+$/,
    );
  });
});
