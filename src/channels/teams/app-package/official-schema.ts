// Validation against Microsoft's own JSON schemas for the app manifest and its localization files, vendored in
// manifest/teams/schema/ (see SOURCE.md there): the package is checked offline, exactly as the schema says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';

// ajv-draft-04 is CommonJS: its class is the default export's default.
const Ajv = AjvModule.default;

export interface OfficialSchemas {
  /** The manifest version the vendored schema describes (its manifestVersion const). */
  manifestVersion: string;
  manifest: ValidateFunction;
  localization: ValidateFunction;
}

export function loadOfficialSchemas(schemaDir: string): OfficialSchemas {
  // The schemas use formats and keywords of later drafts here and there; they are checked as Teams' tools do, by structure.
  // Some of its patterns are not valid in unicode mode (a bare ']'), as JavaScript's RegExp reads them without it.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const manifestSchema = JSON.parse(readFileSync(join(schemaDir, 'MicrosoftTeams.schema.json'), 'utf8')) as {
    properties: { manifestVersion: { const?: string; enum?: string[] } };
  };
  const localizationSchema = JSON.parse(readFileSync(join(schemaDir, 'MicrosoftTeams.Localization.schema.json'), 'utf8')) as object;
  const version = manifestSchema.properties.manifestVersion.const ?? manifestSchema.properties.manifestVersion.enum?.[0] ?? 'unknown';
  return { manifestVersion: version, manifest: ajv.compile(manifestSchema), localization: ajv.compile(localizationSchema) };
}

/** "bots/0/commandLists/1: must NOT have more than 10 items" lines for an admin. */
export function describeSchemaErrors(file: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(top)' : e.instancePath.slice(1);
    const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
    return `${file} ${where}: ${e.message ?? e.keyword}${extra} [official schema]`;
  });
}
