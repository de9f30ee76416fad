// Partner screening: the Seven Sons, institution-level restrictions and external sanctions datasets.
export { createScreener, ListScreener, type ScreenerOptions } from './screener.js';
export {
  loadDataset,
  detectFormat,
  DatasetError,
  type DatasetFormat,
  type DatasetSpec,
  type LoadedDataset,
} from './datasets.js';
export { screeningConfigSchema, datasetSpecsFromConfig, type ScreeningConfig } from './config.js';
export { readSevenSons, readRestrictions } from './reference-files.js';
export type { ScreeningEntity, ListRef } from './entity.js';
export type { OpenSanctionsSource } from './config.js';
export { startLiveScreener, type LiveScreener, type LiveEvent, type ScreeningStatus } from './live.js';
export type { UpdateOutcome } from './download.js';
export type { MilitaryList } from './military-list.js';
export { YenteClient, YenteScreener, yenteFromConfig, type YenteOptions } from './yente.js';
