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
