import { audit } from './src/audit/audit.js';
import { readCatalog } from './src/io/read-catalog.js';
import { syntheticTranscript } from './bench/synthetic.js';
const c = readCatalog('rules'); if (!c.ok) throw 1;
for (const length of [10, 30, 50, 100, 200]) {
  const ts = Array.from({ length: 100 }, (_, i) => syntheticTranscript(c.value, i + 1, length));
  let worst = 0, total = 0, notOpt = 0;
  for (const t of ts) { const s = performance.now(); const r = audit(c.value, t, { programs: ['bs-data-science'] }); const ms = performance.now() - s; total += ms; worst = Math.max(worst, ms); if (r.ok && !r.value.audits[0].optimal) notOpt++; }
  console.log(length, 'avg ms', (total / 100).toFixed(2), 'worst', worst.toFixed(1), 'notOptimal', notOpt);
}
