// Where the rule pages and their example files are, and how the examples are written: a report as the text an
// office publishes (the test writer's tab layout, a preamble after the title), or the bytes an example asks for.
import { fileURLToPath } from 'node:url';
import { docName } from '../../src/model/cells.ts';
import { FORMATS, formatOf, versionForYear } from '../../src/model/formats/index.ts';
import type { Report } from '../../src/model/report.ts';
import { baseReport, withFigures, type Example, type Kind } from '../../src/rules/docs/kit.ts';
import { writeReport } from '../../test/support/writer.ts';

/** The project root: commands run in it and paths in the pages are relative to it. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the pages are, relative to the root. */
export const DOCS_DIR = 'docs/rules';
/** Where the example reports are, relative to the root. */
export const EXAMPLES_DIR = 'docs/rules/examples';

/** The example file of a rule, relative to the root. */
export const examplePath = (id: string, kind: Kind): string => `${EXAMPLES_DIR}/${docName(id)}.${kind}.txt`;

/** A file an example needs besides itself (last year's report, a member report), relative to the root. */
export const extraPath = (id: string, name: string): string => `${EXAMPLES_DIR}/${docName(id)}.${name}.txt`;

/** The page of a rule, relative to the root. */
export const docPath = (id: string): string => `${DOCS_DIR}/${docName(id)}.md`;

/** The preamble most reports have (format-spec §3, practice): the basis, the statistics period, where to find it. */
function preamble(report: Report): string {
  // The notice of the format in force for the year (国办公开办函〔2021〕30号 from 2021), the oldest before it.
  const version = versionForYear(report.year ?? 2022);
  const notice = version ? formatOf(version).document : FORMATS[0]!.document;
  return (
    `本报告根据《中华人民共和国政府信息公开条例》和${notice}的要求编制。` +
    `本报告所列数据统计期限为${report.year}年1月1日至12月31日。` +
    `本报告电子版可在安平市人民政府门户网站“政府信息公开”专栏查阅或下载。如对本报告有疑问，请与${report.agency}办公室联系。`
  );
}

/** A report as plain text: the test writer's 'tab' layout (seed 1, "\n"), a preamble after the title. */
export function reportText(report: Report): string {
  const lines = writeReport(withFigures(report), 'tab', { seed: 1, eol: '\n' }).text.split('\n');
  const title = lines.findIndex((l) => l.endsWith('政府信息公开工作年度报告'));
  const at = lines[title + 1] === '' ? title + 2 : title + 1;
  lines.splice(at, 0, preamble(report));
  return lines.join('\n');
}

/** The example texts of a rule: the correct report and the one with the defect, as bytes. */
export function exampleFiles(example: Example): Record<Kind, Uint8Array> {
  const base = example.base?.() ?? baseReport();
  const correct = reportText(base);
  if (example.pdf) return { correct: new TextEncoder().encode(correct), incorrect: example.pdf() };
  if (example.missing) return { correct: new TextEncoder().encode(correct), incorrect: new Uint8Array() };
  let incorrect = reportText(example.report ? example.report(base) : base);
  if (example.text) incorrect = example.text(incorrect);
  let bytes = new TextEncoder().encode(incorrect);
  if (example.bytes) bytes = new Uint8Array(example.bytes(bytes));
  return { correct: new TextEncoder().encode(correct), incorrect: bytes };
}

/** The files an example needs besides itself, with the command-line arguments that pass them. */
export function extraFiles(
  id: string,
  example: Example,
): { files: Record<string, Uint8Array>; args: string[] } {
  const files: Record<string, Uint8Array> = {};
  const args: string[] = [];
  const encode = (r: Report) => new TextEncoder().encode(reportText(r));
  if (example.previous) {
    files[extraPath(id, 'previous')] = encode(example.previous());
    args.push('--previous', extraPath(id, 'previous'));
  }
  example.members?.().forEach((m, i) => {
    const path = extraPath(id, `member-${i + 1}`);
    files[path] = encode(m);
    args.push('--member', path);
  });
  return { files, args };
}

/** The command-line arguments of one example: the extra files, then its publication date. */
export function argsOf(example: Example, kind: Kind, extra: readonly string[]): string[] {
  return [...extra, ...(example.publishedAt ? ['--published-at', example.publishedAt[kind]] : [])];
}
