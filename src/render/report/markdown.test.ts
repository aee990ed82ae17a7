// Markdown output: the samples and 200 generated reports read back through read + extract, cell for cell.
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arbBlankyReport, arbReport, isComplete } from '../../../test/support/arbitrary.ts';
import { contractDifferences } from '../../../test/support/compare.ts';
import { extract } from '../../extract/index.ts';
import type { Report } from '../../model/report.ts';
import { read } from '../../read/index.ts';
import { readText } from '../../read/text.ts';
import { renderMarkdown } from './markdown.ts';

const samples = new URL('../../../examples/reports/', import.meta.url);
const sampleNames = readdirSync(samples).filter((n) => n.endsWith('.txt'));
const sample = (name: string) => extract(readText(readFileSync(new URL(name, samples)))).report!;

async function readBack(md: string) {
  return extract(await read(new TextEncoder().encode(md), { path: 'x.md' }));
}

describe('renderMarkdown', () => {
  for (const name of sampleNames)
    it(`reads ${name} back identically: metadata, sections, every cell`, async () => {
      const truth = sample(name);
      const { report } = await readBack(renderMarkdown(truth));
      expect(contractDifferences(truth, report, { sections: true })).toEqual([]);
    });

  it('reads 200 generated reports of both versions back identically, blanks included', async () => {
    let blanks = 0;
    const versions = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(arbReport(), arbBlankyReport()), async (truth) => {
        const { report } = await readBack(renderMarkdown(truth));
        if (!isComplete(truth)) blanks++;
        versions.add(truth.formatVersion);
        expect(contractDifferences(truth, report, { sections: true })).toEqual([]);
      }),
      { numRuns: 200 },
    );
    expect([...versions].sort()).toEqual(['2019', '2021']);
    expect(blanks).toBeGreaterThan(20);
  }, 120_000);

  it('writes the title, the six headings and flat pipe tables, blank cells empty and zeros as 0', () => {
    const report: Report = { ...sample('003_b41a2553e1af1d3f.txt') };
    const md = renderMarkdown(report);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# 三门峡市人民政府办公室2019年政府信息公开工作年度报告');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## 一、总体情况',
      '## 二、主动公开政府信息情况',
      '## 三、收到和处理政府信息公开申请情况',
      '## 四、政府信息公开行政复议、行政诉讼情况',
      '## 五、存在的主要问题及改进情况',
      '## 六、其他需要报告的事项',
    ]);
    // Sample 003 leaves 结转下年度继续办理 / 自然人 blank and writes 0 in the other columns.
    expect(lines).toContain('| 四、结转下年度继续办理 |  | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(lines).toContain(
      '| 三、本年度办理结果 · （三）不予公开 · 4.保护第三方合法权益 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |',
    );
    // Table 4 is one row per block under the five outcome columns.
    expect(lines).toContain('|  | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |');
    expect(lines).toContain('| 行政诉讼 · 未经复议直接起诉 | 17 | 0 | 0 | 1 | 18 |');
    // Every table row has as many cells as its header.
    for (const block of md.split('\n\n').filter((b) => b.startsWith('|'))) {
      const widths = block.split('\n').map((l) => l.split(' | ').length);
      expect(new Set(widths).size).toBe(1);
    }
  });

  it('keeps a wrong total as written', async () => {
    const truth = sample('002_3f168525c89639f9.txt');
    (truth.requests.granted as Record<string, number | null>).naturalPerson = 5; // 总计 stays 0: wrong, kept
    const { report } = await readBack(renderMarkdown(truth));
    expect(contractDifferences(truth, report)).toEqual([]);
  });
});
