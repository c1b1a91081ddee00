/**
 * The example catalog credstack ships (`rules/` in the package: Riverbend University's
 * courses, micro-credentials, badges, certificates and degrees), as data: no file system, so it
 * works in a bundler, a browser or a consumer project alike.
 * @module credstack/catalog
 */
import type { CatalogSource } from './catalog/load-catalog.js';
import catalog from '../rules/catalog.json' with { type: 'json' };
import courses from '../rules/credentials/courses.json' with { type: 'json' };
import industryAndPriorLearning from '../rules/credentials/industry-and-prior-learning.json' with { type: 'json' };
import microCredentials from '../rules/credentials/micro-credentials.json' with { type: 'json' };
import creditRules from '../rules/credit-rules/credit-rules.json' with { type: 'json' };
import certificates from '../rules/programs/certificates.json' with { type: 'json' };
import degrees from '../rules/programs/degrees.json' with { type: 'json' };
import digitalSkillsBadges from '../rules/programs/digital-skills-badges.json' with { type: 'json' };

/**
 * The files of the shipped example catalog, in the order `readCatalog('rules')` reads them
 * (sorted by their path in `rules/`), ready for `loadCatalog`.
 *
 * @example
 * ```ts
 * import { audit, loadCatalog } from 'credstack';
 * import { exampleCatalog } from 'credstack/catalog';
 *
 * const catalog = loadCatalog(exampleCatalog);
 * if (catalog.ok) console.log(catalog.value.programs.map((p) => p.id));
 * ```
 */
export const exampleCatalog: readonly CatalogSource[] = [
  { file: 'rules/catalog.json', json: catalog },
  { file: 'rules/credentials/courses.json', json: courses },
  { file: 'rules/credentials/industry-and-prior-learning.json', json: industryAndPriorLearning },
  { file: 'rules/credentials/micro-credentials.json', json: microCredentials },
  { file: 'rules/credit-rules/credit-rules.json', json: creditRules },
  { file: 'rules/programs/certificates.json', json: certificates },
  { file: 'rules/programs/degrees.json', json: degrees },
  { file: 'rules/programs/digital-skills-badges.json', json: digitalSkillsBadges },
];
