// Unit cases of the text layouts of src/read/layout.ts: tables without TABs, pipe rows without a leading bar, and
// rows of aligned text whose label wraps around its figure line.
import { describe, expect, it } from 'vitest';
import type { Block, Table } from '../model/document.ts';
import { parseTextBlocks } from './layout.ts';

const tables = (blocks: Block[]) => blocks.filter((b): b is Table => b.kind === 'table');
const texts = (t: Table) => t.rows.map((r) => r.cells.map((c) => c.text));

describe('one cell per line without TABs', () => {
  it('reads rows separated by blank lines, a blank line more being an empty cell', () => {
    const text = [
      '二、主动公开政府信息情况',
      '信息内容',
      '本年新制作数量',
      '',
      '规章',
      '0',
      '',
      '3',
      '',
      '规范性文件',
      '1',
      '1',
      '1',
      '',
    ].join('\n');
    const [t] = tables(parseTextBlocks(text));
    expect(t!.layout).toBe('cell-per-line');
    expect(texts(t!)).toEqual([
      ['信息内容', '本年新制作数量'],
      ['规章', '0', '', '3'],
      ['规范性文件', '1', '1', '1'],
    ]);
    // The section heading stays a paragraph.
    expect(parseTextBlocks(text)[0]).toMatchObject({ kind: 'paragraph', text: '二、主动公开政府信息情况' });
  });

  it('reads cells separated by blank lines, figures indented, rows found from labels after figures', () => {
    const text = [
      '第二十条第（一）项',
      '',
      '信息内容',
      '',
      '规章',
      '',
      '  0',
      '',
      '  2',
      '',
      '规范性文件',
      '',
      '  5',
      '',
      '  6',
      '',
    ].join('\n');
    const [t] = tables(parseTextBlocks(text));
    expect(texts(t!)).toEqual([
      ['第二十条第（一）项', '信息内容'],
      ['规章', '0', '2'],
      ['规范性文件', '5', '6'],
    ]);
    expect(t!.rows[1]!.cells[1]!.source).toMatchObject({ line: 7, column: 3, endColumn: 4 });
  });

  it('keeps a wide run of figures a row of its own, its headers another', () => {
    const cells = [
      '行政复议',
      '行政诉讼',
      '结果维持',
      '总计',
      ...Array.from({ length: 15 }, (_, i) => `  ${i}`),
    ];
    const [t] = tables(parseTextBlocks(cells.join('\n\n')));
    expect(t!.rows.map((r) => r.cells.length)).toEqual([4, 15]);
  });

  it('reads cells each closed by a line holding only "|", an empty line before a bar being an empty cell', () => {
    const text = [
      '规章',
      '|',
      '0',
      '|',
      '',
      '|',
      '1',
      '|',
      '规范性文件',
      '|',
      '2',
      '|',
      '3',
      '|',
      '4',
      '|',
    ].join('\n');
    const [t] = tables(parseTextBlocks(text));
    expect(texts(t!)).toEqual([
      ['规章', '0', '', '1'],
      ['规范性文件', '2', '3', '4'],
    ]);
  });

  it('leaves prose with short lines and a few numbers as paragraphs', () => {
    const blocks = parseTextBlocks(['联系电话', '12345', '邮编', '472000', '全年办结。'].join('\n'));
    expect(tables(blocks)).toEqual([]);
  });
});

describe('pipe rows', () => {
  it('reads rows without a leading bar, with fillers and a one-cell row', () => {
    const text = [
      '第二十条第（一）项 |',
      '信息内容 | 本年新制作数量 | 本年新公开数量 |',
      '规章 | 0 | 0 |',
      '规范性文件|1|2|||',
    ].join('\n');
    const [t] = tables(parseTextBlocks(text));
    expect(t!.layout).toBe('pipe');
    expect(texts(t!)).toEqual([
      ['第二十条第（一）项'],
      ['信息内容', '本年新制作数量', '本年新公开数量'],
      ['规章', '0', '0'],
      ['规范性文件', '1', '2', '', ''],
    ]);
  });
});

describe('aligned text with narrow label columns', () => {
  it('joins a label wrapped around its figure line, split where the next numbered label starts', () => {
    const text = [
      '                     自然人     商业企业     总计',
      '          3.要求提供公开出          0         0         0',
      '          版物',
      '          4.无正当理由大量反',
      '                                   16         0        16',
      '          复申请',
      '          5.要求行政机关确认',
      '          或重新出具已获取信        1         0         1',
      '          息',
    ].join('\n');
    const [t] = tables(parseTextBlocks(text));
    expect(texts(t!).slice(1)).toEqual([
      ['3.要求提供公开出版物', '0', '0', '0'],
      ['4.无正当理由大量反复申请', '16', '0', '16'],
      ['5.要求行政机关确认或重新出具已获取信息', '1', '0', '1'],
    ]);
  });

  it('keeps the words of a group label in a cell of their own', () => {
    const text = [
      '                             自然人   总计',
      '        4.保护第三方合法',
      '                              2      2',
      '    （三） 权益',
      '    不予公 5.属于三类内部事',
      '                              0      0',
      '     开  务信息',
    ].join('\n');
    const [t] = tables(parseTextBlocks(text));
    expect(texts(t!).slice(1)).toEqual([
      ['（三）', '4.保护第三方合法权益', '2', '2'],
      ['不予公开', '5.属于三类内部事务信息', '0', '0'],
    ]);
  });
});
