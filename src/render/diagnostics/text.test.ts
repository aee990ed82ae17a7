// The text formatter: a header per file, aligned finding lines naming the cell, suggestions, the summary line.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../model/diagnostic.ts';
import { blankReport } from '../../model/report.ts';
import { displayWidth } from '../width.ts';
import { placeOf } from './place.ts';
import { formatText, textFile, textSummary } from './text.ts';

const report = { ...blankReport('2019'), agency: '某某市人民政府办公室', year: 2020 };
const cellError: Diagnostic = {
  ruleId: 'T3-2',
  severity: 'error',
  messageId: 'rowSum',
  message: '表三“（一）予以公开”行：总计 0 不等于自然人、法人或其他组织各列之和 5',
  data: {},
  path: ['requests', 'granted', 'total'],
  source: { kind: 'text', line: 145, column: 2, endLine: 145, endColumn: 4 },
  suggestions: [
    {
      path: ['requests', 'granted', 'naturalPerson'],
      value: 0,
      satisfies: ['T3-2'],
      message: '建议：将表三（依申请公开）“（一）予以公开”行“自然人”列改为 0，即可同时满足 T3-2',
    },
  ],
};
const rowWarning: Diagnostic = {
  ruleId: 'extract/missing-cells',
  severity: 'warning',
  messageId: 'missingCellsPlaced',
  message: '一行的数字少于栏数',
  data: {},
  path: ['requests', 'carriedForward'],
  source: { kind: 'text', line: 9, column: 1, endLine: 9, endColumn: 20 },
};
const metaInfo: Diagnostic = {
  ruleId: 'extract/year-missing',
  severity: 'info',
  messageId: 'yearMissing',
  message: '未找到报告年度',
  data: {},
  path: ['year'],
};

describe('textFile', () => {
  const text = textFile({ file: 'a/报告.txt', report, diagnostics: [cellError, rowWarning, metaInfo] });
  const lines = text.trimEnd().split('\n');

  it('starts with the file, agency, year, format and figures read', () => {
    expect(lines[0]).toBe(
      'a/报告.txt  某某市人民政府办公室 · 2020年度 · 2019 格式（国办公开办函〔2019〕60号） · 读出数字 0/198',
    );
  });

  it('writes line:col, severity, message and rule id, aligned by display width', () => {
    expect(lines[1]).toMatch(/^ {2}145:2 {2}错误 {2}.+ {2}T3-2$/);
    expect(lines[3]).toMatch(/^ {2}9:1 {4}警告 {2}.+ {2}extract\/missing-cells$/);
    expect(lines[4]).toBe('  -      提示  未找到报告年度  extract/year-missing'); // no source: "-"; no table: no name
  });

  it('names the cell or row in front of a message that does not name it, and only then', () => {
    expect(lines[1]).toContain(
      '错误  【表三（依申请公开）“（一）予以公开”行“总计”列】表三“（一）予以公开”行：总计 0 不等于',
    );
    expect(lines[3]).toContain('警告  【表三（依申请公开）“四、结转下年度继续办理”行】一行的数字少于栏数');
    const named = { ...cellError, message: '表三（依申请公开）“（一）予以公开”行“总计”列为空' };
    expect(textFile({ file: 'f', report, diagnostics: [named] })).toContain(
      '错误  表三（依申请公开）“（一）予以公开”行“总计”列为空  T3-2',
    );
    const en = textFile({ file: 'f', report, diagnostics: [rowWarning] }, { lang: 'en' });
    expect(en).toContain('warning  [table 3 (requests), row "四、结转下年度继续办理"] 一行的数字少于栏数');
  });

  it('puts each suggestion on an indented line after its finding, under the message', () => {
    expect(lines[2]).toBe(
      ' '.repeat(15) + '建议：将表三（依申请公开）“（一）予以公开”行“自然人”列改为 0，即可同时满足 T3-2',
    );
    expect(displayWidth(lines[2]!.slice(0, 15))).toBe(
      displayWidth(lines[1]!.slice(0, lines[1]!.indexOf('【'))),
    );
  });

  it('says so when a file gave no report', () => {
    const none = textFile({ file: 'x.txt', report: null, diagnostics: [] }, { lang: 'en' });
    expect(none).toBe('x.txt  (no report could be read)\n');
  });

  it('colours severities only when asked, and the text is otherwise the same', () => {
    const coloured = textFile({ file: 'a/报告.txt', report, diagnostics: [cellError] }, { color: true });
    expect(coloured).toContain('\x1b[31m错误\x1b[39m');
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(
      textFile({ file: 'a/报告.txt', report, diagnostics: [cellError] }),
    );
  });
});

describe('textSummary and formatText', () => {
  it('counts in Chinese and English', () => {
    const counts = { error: 1, warning: 2, info: 0 };
    expect(textSummary(3, counts)).toBe('3 个文件：错误 1，警告 2，提示 0\n');
    expect(textSummary(1, counts, { lang: 'en' })).toBe('1 file: 1 error, 2 warnings, 0 infos\n');
    expect(textSummary(2, counts, { unreadable: 1 })).toBe(
      '2 个文件（1 个未能读出）：错误 1，警告 2，提示 0\n',
    );
  });

  it('joins files with blank lines and ends with the summary', () => {
    const out = formatText([
      { file: 'a.txt', report, diagnostics: [rowWarning] },
      { file: 'b.txt', report: null, diagnostics: [] },
    ]);
    expect(out.split('\n\n')).toHaveLength(3);
    expect(out.endsWith('2 个文件（1 个未能读出）：错误 0，警告 1，提示 0\n')).toBe(true);
  });
});

describe('placeOf', () => {
  it('names tables, rows and cells, in either language, and nothing else', () => {
    expect(placeOf(report, ['reviewLitigation'])).toBe('表四（复议诉讼）');
    expect(placeOf(report, ['requests', 'granted', 'naturalPerson'], 'en')).toBe(
      'table 3 (requests), row "（一）予以公开", column "自然人"',
    );
    expect(placeOf(report, ['agency'])).toBe('');
    expect(placeOf(null, ['requests'])).toBe('');
  });
});
