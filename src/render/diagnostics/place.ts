// Naming the model place a finding points at, as a reviewer reads it: 表三（依申请公开）“（一）予以公开”行“自然人”列.
import type { Lang, ModelPath } from '../../model/diagnostic.ts';
import { formatOf } from '../../model/formats/index.ts';
import type { Report } from '../../model/report.ts';
import { locate, nameOf } from '../../model/cells.ts';

/**
 * The name of the table, row or cell a model path points at, in `lang`; '' when the path is not in a table
 * (metadata, sections) or there is no report to take the format version from.
 */
export function placeOf(report: Report | null, path: ModelPath | undefined, lang: Lang = 'zh'): string {
  if (!report || !path?.length) return '';
  const format = formatOf(report.formatVersion);
  return locate(format, path).table ? nameOf(format, path, lang) : '';
}
