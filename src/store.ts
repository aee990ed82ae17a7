// nianbao's library API with a database (`nianbao/store`): kept apart from the I/O-free entry point (design.md).
export { openStore, storeLocation, StoreError } from './store/index.ts';
export type { Store, ImportResult, StoredReport, AgencyYearStatus, MergeProposal } from './store/index.ts';
export { importReport, editReport } from './library.ts';
