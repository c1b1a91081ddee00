import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { audit } from './src/audit/audit.js';
import { readCatalog } from './src/io/read-catalog.js';
import { transcriptOf } from './test/audit/transcript-arbitraries.js';
const cat = readCatalog('rules'); if (!cat.ok) throw 1;
for (const f of ['ada-bs-complete', 'carmen-greedy-trap', 'farid-transfer-units']) {
  const t = JSON.parse(readFileSync(`fixtures/${f}.json`,'utf8'));
  let s = performance.now(); for (let i=0;i<300;i++) audit(cat.value, t, {programs:['bs-data-science']}); console.log(f, 'per audit ms', ((performance.now()-s)/300).toFixed(3));
}
const samples = fc.sample(transcriptOf(cat.value), { seed: 42, numRuns: 300 });
let worst = 0, sum = 0;
for (const t of samples) { const s = performance.now(); const r = audit(cat.value, t, {programs:['bs-data-science']}); const ms = performance.now()-s; sum += ms; worst = Math.max(worst, ms); if (r.ok && !r.value.audits[0].optimal) console.log('not optimal'); }
console.log('random: mean', (sum/300).toFixed(3), 'worst', worst.toFixed(2));
