import { audit } from './src/audit/audit.js';
import { readCatalog } from './src/io/read-catalog.js';
import { syntheticBatch } from './bench/synthetic.js';
const c = readCatalog('rules'); if (!c.ok) throw 1;
const lines = [...syntheticBatch(c.value, 3000)];
const s = performance.now();
for (const l of lines) audit(c.value, JSON.parse(l), { programs: ['bs-data-science'] });
console.log('per audit ms', ((performance.now() - s) / lines.length).toFixed(3));
