// nianbao's public library API: read, extract and the types of the report contract (design.md principle 8).
export { readText } from './read/text.ts';
export type { ReadTextOptions } from './read/text.ts';
export { extract } from './extract/index.ts';
export type { ExtractOptions, Extraction } from './extract/index.ts';
export { ReportSchema, blankReport } from './model/report.ts';
export type { Report, Cell, TableValues, Provenance } from './model/report.ts';
export type { Diagnostic, Severity } from './model/diagnostic.ts';
export type { Document, Block, Table, TableCell, Paragraph } from './model/document.ts';
export type { SourceSpan } from './model/source.ts';
export type { FormatVersion } from './model/format.ts';
export { FORMATS, formatOf } from './model/formats/index.ts';
export { read } from './read/index.ts';
export type { ReadOptions } from './read/index.ts';
export { check } from './check.ts';
export type { CheckOptions, RuleSetting } from './check.ts';
