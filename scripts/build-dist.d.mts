// Types of scripts/build-dist.mjs (plain JavaScript, so that the command's start-up check needs no transform).

/** The project root. */
export const ROOT: string;
/** The build record's name inside the output folder. */
export const STAMP: string;
/** The inputs of a build under `root`, relative and sorted: every file of src/ but the tests, and the recipe. */
export function inputs(root?: string): string[];
/** Why the build in `out` is not that of the sources under `root` now, or null when it is. */
export function staleReason(root?: string, out?: string): string | null;
/** What to run for a module of src/ ('cli/main'): its compiled file when dist/ is current, else its source. */
export function entry(
  module: string,
  root?: string,
  env?: Record<string, string | undefined>,
): { from: 'dist' | 'src'; url: string; reason: string | null };
/** Builds src/ under `root` into `out` (dist/ by default) from scratch, with its build record. */
export function buildDist(root?: string, out?: string): Promise<{ modules: number; ms: number }>;
/** Builds dist/ when it is stale (or always with `force`); returns what was done. */
export function ensureDist(options?: { force?: boolean; root?: string }): Promise<string>;
