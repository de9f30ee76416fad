// `npm run schemas`: writes the JSON Schemas of the YAML content to schemas/ (see json-schemas.ts).
// `npm run schemas -- --check`: fails when a schema is out of date or a YAML file does not name its schema.
import { main } from './json-schemas.js';

process.exitCode = main();
