// Shared ids and value types that content, store, screening, understanding and the engine all use.
export * from './ids.js';
export * from './lang.js';
export * from './screening.js';
export * from './schemas.js';
