#!/usr/bin/env node
// bench_compromise.mjs — the comparison for `lectern bench`: the same corpus through compromise
// (npm, already in package.json), timing people / places / organisations and quotations.
//
//   node tools/bench_compromise.mjs                 seeds/*.txt and tests/devset/*.txt
//   node tools/bench_compromise.mjs a.txt --mb 2 --seconds 5
//
// Like the C++ benchmark, the articles are repeated (each copy a separate document) up to about
// --mb megabytes, then analysed in rounds until --seconds have passed (at least three rounds).
// Prints MB/s and the process's peak resident memory.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const nlp = require('compromise');

let files = [];
let targetMb = 1;
let seconds = 3;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--mb') targetMb = Number(args[++i]);
  else if (args[i] === '--seconds') seconds = Number(args[++i]);
  else files.push(args[i]);
}
if (!(targetMb > 0) || !(seconds > 0)) {
  console.error('usage: bench_compromise.mjs [FILES...] [--mb N] [--seconds S]');
  process.exit(2);
}
if (files.length === 0) {
  for (const dir of ['seeds', 'tests/devset']) {
    const d = path.join(root, dir);
    for (const f of fs.readdirSync(d).sort()) if (f.endsWith('.txt')) files.push(path.join(d, f));
  }
}
const docs = files.map((f) => fs.readFileSync(f, 'utf8'));
const corpus = [];
let bytes = 0;
while (bytes < targetMb * 1024 * 1024) {
  for (const d of docs) {
    corpus.push(d);
    bytes += Buffer.byteLength(d);
  }
}

function analyse(text) {
  const doc = nlp(text);
  return doc.people().out('array').length + doc.places().out('array').length +
         doc.organizations().out('array').length + doc.quotations().out('array').length;
}

for (const d of docs) analyse(d);  // warm-up (lexicon, JIT)
let rounds = 0;
let found = 0;
const start = process.hrtime.bigint();
let elapsed = 0;
while (rounds < 3 || elapsed < seconds) {
  for (const text of corpus) found += analyse(text);
  ++rounds;
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
}
const mb = (bytes * rounds) / (1024 * 1024);
console.log(`corpus      ${corpus.length} articles (${docs.length} distinct), ${(bytes / 1048576).toFixed(2)} MB`);
console.log(`rounds      ${rounds} in ${elapsed.toFixed(2)} s (${Math.round(found / rounds)} names and quotes per round)`);
console.log(`throughput  ${(mb / elapsed).toFixed(2)} MB/s (compromise ${nlp.version})`);
console.log(`peak memory ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB (node process)`);
