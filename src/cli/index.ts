// Entry points of the command-line layer, for the bin script and for tests.
export { main, EXIT, processIo } from './main.ts';
export type { Io } from './main.ts';
export { processFile, processBytes } from './process.ts';
export type { ReportFile } from '../model/file.ts';
