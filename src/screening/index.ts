// Partner screening: the Seven Sons, institution-level restrictions and external sanctions datasets.
export { createScreener, ListScreener, MATCH_THRESHOLD, POSSIBLE_THRESHOLD, type ScreenerOptions } from './screener.js';
export {
  loadDataset,
  detectFormat,
  DatasetError,
  DATASET_FORMATS,
  type DatasetFormat,
  type DatasetSpec,
  type LoadedDataset,
} from './datasets.js';
export { screeningConfigSchema, datasetSpecsFromConfig, type ScreeningConfig } from './config.js';
export { readSevenSons, readRestrictions, DEFAULT_SEVEN_SONS_FILE, DEFAULT_RESTRICTIONS_FILE } from './reference-files.js';
export type { ScreeningEntity, ListRef } from './entity.js';
export { openSanctionsSources, datasetsDir, type OpenSanctionsSource } from './config.js';
export { startLiveScreener, type LiveScreener, type LiveEvent, type ScreeningStatus } from './live.js';
export { updateDataset, type UpdateOutcome } from './download.js';
export { readChineseMilitary, CHINESE_MILITARY_LIST, type MilitaryList } from './military-list.js';
export { YenteClient, YenteScreener, mergeRemote, yenteFromConfig, type YenteOptions } from './yente.js';
