// Loads the reference content (content/*.yaml besides sections, flags, ui and lexicon) and validates it.
// Errors name the file, the path inside it and what is wrong (see yaml.ts).
import { join } from 'node:path';
import {
  contactPointsFileSchema,
  definitionsFileSchema,
  dutiesFileSchema,
  faqFileSchema,
  funderPoliciesFileSchema,
  linksFileSchema,
  measuresFileSchema,
  restrictionsFileSchema,
  riskCountriesFileSchema,
  sevenSonsFileSchema,
  techAreasFileSchema,
  trlSchema,
} from './schema/reference.js';
import type { ReferenceContent } from './types.js';
import { readYamlFile } from './yaml.js';

/** The files loadReference reads, relative to the content directory. */
export const REFERENCE_FILES = {
  riskCountries: 'risk-countries.yaml',
  restrictions: 'restrictions.yaml',
  sevenSons: 'lists/seven-sons.yaml',
  techAreas: 'tech-areas.yaml',
  measures: 'measures.yaml',
  duties: 'duties.yaml',
  contactPoints: 'contact-points.yaml',
  faq: 'faq.yaml',
  definitions: 'definitions.yaml',
  trl: 'trl.yaml',
  funderPolicies: 'funder-policies.yaml',
  links: 'links.yaml',
} as const satisfies Record<keyof ReferenceContent, string>;

export function loadReference(contentDir: string): ReferenceContent {
  const file = (key: keyof ReferenceContent): string => join(contentDir, REFERENCE_FILES[key]);
  return {
    riskCountries: readYamlFile(file('riskCountries'), riskCountriesFileSchema),
    restrictions: readYamlFile(file('restrictions'), restrictionsFileSchema),
    sevenSons: readYamlFile(file('sevenSons'), sevenSonsFileSchema),
    techAreas: readYamlFile(file('techAreas'), techAreasFileSchema),
    measures: readYamlFile(file('measures'), measuresFileSchema),
    duties: readYamlFile(file('duties'), dutiesFileSchema),
    contactPoints: readYamlFile(file('contactPoints'), contactPointsFileSchema),
    faq: readYamlFile(file('faq'), faqFileSchema),
    definitions: readYamlFile(file('definitions'), definitionsFileSchema),
    trl: readYamlFile(file('trl'), trlSchema),
    funderPolicies: readYamlFile(file('funderPolicies'), funderPoliciesFileSchema),
    links: readYamlFile(file('links'), linksFileSchema),
  };
}
