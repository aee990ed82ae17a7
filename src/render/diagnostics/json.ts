// Diagnostics as JSON: the array `[{ file, report, diagnostics }, …]` of `nianbao extract --format json`, streamable.
import type { CheckedFile } from './types.ts';

/**
 * The pieces of the JSON array, so that a batch can be written entry by entry in constant memory:
 * `open`, then `entry(result, i)` for each file in order, then `close(count)`.
 */
export const jsonChunks = {
  open: '[',
  entry: (result: CheckedFile, index: number): string => (index > 0 ? ',\n' : '\n') + JSON.stringify(result),
  close: (count: number): string => (count ? '\n]\n' : ']\n'),
};

/** The whole JSON array at once, one entry per line. */
export function formatJson(results: readonly CheckedFile[]): string {
  return jsonChunks.open + results.map(jsonChunks.entry).join('') + jsonChunks.close(results.length);
}
