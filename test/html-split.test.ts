// Word-pasted pages (issue 10, patterns 4 and 11): label and header cells broken into <p>/<span> pieces with &nbsp;
// runs still make one data table read cell for cell, and a clean table's figures carry no inferred flag.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';
import type { Table } from '../src/model/document.ts';
import { readHtml } from '../src/read/html.ts';

const root = join(import.meta.dirname, '..');
const dir = join(root, 'test/fixtures/html');
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const TABLES = ['proactive', 'requests', 'reviewLitigation'] as const;

/** Leaves of an object by dotted path. */
function flat(o: unknown, prefix: string, out = new Map<string, unknown>()): Map<string, unknown> {
  if (o !== null && typeof o === 'object')
    for (const [k, v] of Object.entries(o)) flat(v, `${prefix}.${k}`, out);
  else out.set(prefix, o);
  return out;
}

const cells = (r: Record<string, unknown>) => {
  const out = new Map<string, unknown>();
  for (const k of TABLES) flat(r[k], k, out);
  return out;
};

/** The truth each fixture was made from: a sample's hand transcription, or the 2021 report of 2021-official. */
const sample003 = readdirSync(join(root, 'test/fixtures/expected')).find((f) => f.startsWith('003'))!;
const fixtures: { name: string; truth: Record<string, unknown> }[] = [
  { name: 'word-split-003', truth: json(join(root, 'test/fixtures/expected', sample003)) },
  {
    name: 'word-split-2021',
    truth: json(join(dir, '2021-official.json')).truth as Record<string, unknown>,
  },
];

const read = (html: string) => readHtml(new TextEncoder().encode(html), { path: 'x.html' });
const page = (body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`;

describe.each(fixtures)('$name', ({ name, truth }) => {
  const bytes = readFileSync(join(dir, `${name}.html`));
  const html = new TextDecoder(name.endsWith('003') ? 'gb18030' : 'utf-8').decode(bytes);
  const doc = readHtml(bytes, { path: `${name}.html` });
  const { report, diagnostics } = extract(doc);

  it('was made from its truth and splits labels and headers the way Word-pasted pages do', () => {
    expect(cells(json(join(dir, `${name}.json`)).truth as Record<string, unknown>)).toEqual(cells(truth));
    // The cells the issue quotes, as written in the page ("三、本</p><p>年<span>度办</span>…", "商业</p><p>企业",
    // "社会 &nbsp;… 公益 &nbsp;… 组织").
    const written = {
      results:
        /三、本<\/span>[\s\S]{0,300}?<\/p>\s*<p[^>]*>\s*<span[^>]*>年<\/span>\s*<span[^>]*>度办<\/span>/.test(
          html,
        ),
      commercial: />商业<\/span>[\s\S]{0,300}?<\/p>\s*<p[^>]*>\s*<span[^>]*>企业</.test(html),
      publicInterest:
        />社会<\/span>\s*<span\s+style=["']mso-spacerun:yes["']>(?:&nbsp;)+ <\/span>\s*<span[^>]*>公益</.test(
          html,
        ),
    };
    expect(written).toEqual({ results: true, commercial: true, publicInterest: true });
    expect(html.includes('<o:p></o:p>')).toBe(true);
  });

  it('keeps the three tables as tables, each broken label read whole', () => {
    expect(doc.diagnostics).toEqual([]);
    const tables = doc.blocks.filter((b): b is Table => b.kind === 'table');
    expect(tables).toHaveLength(3);
    const texts = tables[1]!.rows.flatMap((r) => r.cells.map((c) => c.text.replace(/\s/g, '')));
    expect(texts).toEqual(expect.arrayContaining(['三、本年度办理结果', '商业企业', '社会公益组织']));
  });

  it('reads every cell as the truth has it, and the metadata', () => {
    expect(report).not.toBeNull();
    expect([report!.formatVersion, report!.agency, report!.year]).toEqual([
      truth.formatVersion,
      truth.agency,
      truth.year,
    ]);
    const want = cells(truth);
    const got = cells(report as unknown as Record<string, unknown>);
    expect(got.size).toBe(want.size);
    for (const [path, value] of want) expect({ path, value: got.get(path) }).toEqual({ path, value });
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('marks no cell of its clean tables as inferred', () => {
    const inferred = Object.entries(report!.provenance!)
      .filter(([, p]) => p.inferred !== undefined)
      .map(([path, p]) => `${path}: ${p.inferred}`);
    expect(inferred).toEqual([]);
  });
});

describe('Word-split cells in the reader', () => {
  const piece = (t: string) => `<p class="MsoNormal"><span>${t}<o:p></o:p></span></p>`;
  const split = (...ps: string[]) => `<td>${ps.map(piece).join('')}</td>`;

  it('a cell of several short paragraphs is a label cell, not a container: the table stays a table', () => {
    const doc = read(
      page(
        '<table>' +
          `<tr><td>项目</td>${split('商业', '企业')}${split('社会&nbsp;&nbsp;', '&nbsp;公益', '组织')}${split('法律', '服务', '机构')}<td>总计</td></tr>` +
          `<tr>${split('三、本', '年<span>度办</span>', '理结果')}<td>1</td><td>0</td><td>0</td><td>1</td></tr>` +
          '<tr><td>（七）总计</td><td>1</td><td>0</td><td>0</td><td>1</td></tr>' +
          '</table>',
      ),
    );
    const tables = doc.blocks.filter((b): b is Table => b.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.rows.map((r) => r.cells[0]!.text)).toEqual([
      '项目',
      '三、本\n年度办\n理结果',
      '（七）总计',
    ]);
    expect(tables[0]!.rows[0]!.cells[2]!.text).toBe('社会\n公益\n组织');
  });

  it('a table whose cells hold paragraphs of running text is still a layout table', () => {
    const sentence = '本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。';
    const prose = `<td><p>一、总体情况</p><p>${sentence}</p><p>${sentence}</p></td>`;
    const doc = read(page(`<table><tr><td><a href="/1">公开指南</a></td>${prose}</tr></table>`));
    expect(doc.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toContain('一、总体情况');
  });
});

describe('provenance of a plain HTML table', () => {
  it('a row written on one line (spans of neighbouring cells touch) is not inferred', () => {
    const head =
      '<tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>';
    const doc = read(
      page(
        `<p>二、主动公开政府信息情况</p><table>${head}<tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr><tr><td>规范性文件</td><td>4</td><td>5</td><td>9</td></tr></table>`,
      ),
    );
    const { report } = extract(doc);
    expect(report!.proactive.regulations).toEqual({ newlyMade: 1, newlyPublished: 2, totalPublished: 3 });
    expect(report!.proactive.normativeDocuments).toEqual({
      newlyMade: 4,
      newlyPublished: 5,
      totalPublished: 9,
    });
    for (const path of [
      'proactive.regulations.newlyMade',
      'proactive.regulations.newlyPublished',
      'proactive.normativeDocuments.totalPublished',
    ])
      expect(report!.provenance![path], path).not.toHaveProperty('inferred');
    // The neighbouring cells' spans do touch: where one <td> ends the next begins.
    const a = report!.provenance!['proactive.regulations.newlyMade']!.source as { endColumn: number };
    const b = report!.provenance!['proactive.regulations.newlyPublished']!.source as { column: number };
    expect(a.endColumn).toBe(b.column);
  });

  it('figures run together in one cell and split by the row total are still inferred', () => {
    const doc = read(
      page(
        '<p>三、收到和处理政府信息公开申请情况</p><table><tr><td>申请人情况</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>' +
          '<tr><td>一、本年新收政府信息公开申请数量7000007</td></tr></table>',
      ),
    );
    const { report } = extract(doc);
    expect(report!.requests.newlyReceived).toMatchObject({ naturalPerson: 7, commercial: 0, total: 7 });
    expect(report!.provenance!['requests.newlyReceived.naturalPerson']).toMatchObject({ inferred: 'split' });
  });
});
