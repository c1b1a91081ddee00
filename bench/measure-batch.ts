import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { MeasureOutput } from './compare-figures.js';
import { loadBuild } from './load-build.js';
import { Tally } from './tally.js';

/**
 * One build's batch figures, in a process of its own (`--baseline`), so the peak memory is the
 * batch's: the argument is a JSON `{ dist, rules, input, out, workers }`; prints a
 * {@link MeasureOutput} line. What `credstack batch --out` does, through the public API.
 */
const config = JSON.parse(process.argv[2]!) as {
  dist: string;
  rules: string;
  input: string;
  out: string;
  workers: number;
};
const { credstack, credstackNode } = await loadBuild(config.dist);
const output = await (async (): Promise<MeasureOutput> => {
  const catalog = credstackNode.readCatalog(config.rules);
  if (!catalog.ok)
    return {
      figures: {},
      results: {},
      failures: { batch: `the catalog does not load: ${credstack.issueText(catalog.issues[0]!)}` },
    };
  const source = credstackNode.ndjsonSource(createReadStream(config.input), config.input);
  const out = createWriteStream(config.out);
  const tally = new Tally();
  let records = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  for await (const record of credstackNode.auditBatchInParallel(
    catalog.value,
    source.inputs,
    { programs: ['bs-data-science'] },
    { workers: config.workers, csv: false },
  )) {
    // Older builds gave the line as a string, without its newline.
    const line: Uint8Array | string = record.ndjson;
    if (!out.write(typeof line === 'string' ? `${line}\n` : line)) await once(out, 'drain');
    if (record.ok) for (const status of record.statuses) tally.add(status);
    else tally.add('error');
    records++;
  }
  out.end();
  await once(out, 'close');
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const figures = {
    'batch-rate': records / seconds,
    'batch-cpu': records / ((used.user + used.system) / 1e6),
    'batch-peak': process.resourceUsage().maxRSS / 1024,
  };
  return { figures, results: { batch: `${records} records: ${tally}` }, failures: {} };
})();
process.stdout.write(`${JSON.stringify(output)}\n`);
