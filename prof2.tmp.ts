import { readFileSync } from 'node:fs';
import { audit } from './src/audit/audit.js';
import { readCatalog } from './src/io/read-catalog.js';
const cat = readCatalog('rules'); if (!cat.ok) throw 1;
const t = JSON.parse(readFileSync('fixtures/ada-bs-complete.json','utf8'));
let s = performance.now(); for (let i=0;i<20000;i++) audit(cat.value, t, {programs:['bs-data-science']}); console.log('per audit ms', (performance.now()-s)/20000);
