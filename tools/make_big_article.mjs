// make_big_article.mjs — writes a ~1 MB article for the frame-time benchmark and stress tests.
//
//   node tools/make_big_article.mjs OUT_FILE [--bytes 1048576] SOURCE.txt...
//
// The article is the sources' paragraphs repeated in a fixed order (deterministic: the same
// inputs give the same bytes), under one headline, in the seed format (line 1 the headline,
// blank lines between paragraphs), so it exercises layout, highlights and analysis at scale
// with real news text rather than lorem ipsum.
import fs from 'node:fs';

const args = process.argv.slice(2);
const out = args.shift();
let target = 1 << 20;
const sources = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--bytes') target = Number(args[++i]);
  else sources.push(args[i]);
}
if (!out || sources.length === 0 || !(target > 0)) {
  console.error('usage: node tools/make_big_article.mjs OUT_FILE [--bytes N] SOURCE.txt...');
  process.exit(2);
}

const paragraphs = [];
for (const file of sources.sort()) {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const blocks = text.split(/\n[ \t]*\n/).map((p) => p.trim()).filter(Boolean);
  paragraphs.push(...blocks.slice(1));  // drop each source's headline
}
const parts = ['Lectern stress test: one megabyte of wire copy, read end to end'];
let size = Buffer.byteLength(parts[0]);
for (let i = 0; size < target; i++) {
  const p = paragraphs[i % paragraphs.length];
  parts.push(p);
  size += Buffer.byteLength(p) + 2;
}
fs.writeFileSync(out, parts.join('\n\n') + '\n');
console.log(`${out}: ${parts.length - 1} paragraphs, ${fs.statSync(out).size} bytes`);
