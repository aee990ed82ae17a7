// nianbao's library API with a database (`nianbao/store`): kept apart from the I/O-free entry point (design.md).
export {
  NoDatabaseError,
  openStore,
  storeLocation,
  StoreError,
  type OpenStoreOptions,
} from './store/index.ts';
export type { Store, ImportResult, StoredReport, AgencyYearStatus, MergeProposal } from './store/index.ts';
export { importReport, editReport } from './library.ts';
