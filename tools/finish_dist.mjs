// finish_dist.mjs — turns the app as built (plain names) into the folder that is deployed.
//
//   node tools/finish_dist.mjs OUT_DIR IN_DIR [IN_DIR...]
//
// Files are taken from the IN_DIRs; a file in a later one replaces the file of the same name
// in an earlier one (the test fixtures reuse the app with another data bundle this way). Then:
//   1. The app's code and data get content-hashed names: lectern.js -> lectern.<8 hex>.js,
//      lectern.wasm, lectern.data, lectern.data.js, world.bin, gazetteer.txt and the <face>.more.ttf fonts alike. A new build never reuses a name, so
//      these files can be cached forever, and a page can never pair a .js with another
//      build's .wasm (a LinkError): it names the exact files it was built with.
//   2. index.html gets that map (window.lecternAssets, read by asset() in shell.html) and the
//      build's version (window.lecternVersion), in place of the marker <!-- lectern:assets -->.
//   3. sw.js gets the version and the list of every file with its SHA-256 (its precache list),
//      in place of `/* lectern:build */ null`. The version is a hash over all of it, so any
//      change to any file is a new sw.js: that is how browsers learn of a new version.
//   4. Every compressible file (code, data, page, manifest, icon.svg) gets a brotli (quality 11)
//      and a gzip (level 9) copy beside it, <name>.br and <name>.gz, for servers that send
//      precompressed files (nginx brotli_static / gzip_static, tools/static_server.mjs): better
//      than a server's on-the-fly level, at no cost per request. They are not in the worker's
//      list: the browser asks for <name> and the server picks the encoding.
// The folder is written beside OUT_DIR and swapped in whole, so a server that is serving
// OUT_DIR never sees half of a build, and no file of an older build is left in it.
// Same inputs, same output, byte for byte. No dependencies beyond Node.js.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const MORE_FONTS = ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSerif-Regular', 'NotoSerif-Bold'].map((f) => `${f}.more.ttf`);
const HASHED = ['lectern.js', 'lectern.wasm', 'lectern.data', 'lectern.data.js', 'world.bin', 'gazetteer.txt', ...MORE_FONTS];  // the app's code and data
const REQUIRED = [...HASHED, 'index.html', 'sw.js', 'manifest.webmanifest'];
const ASSETS_MARKER = '<!-- lectern:assets -->';
const BUILD_MARKER = '/* lectern:build */ null';

export const PRECOMPRESSED = new Set(['.html', '.js', '.wasm', '.data', '.bin', '.txt', '.ttf', '.webmanifest', '.svg', '.json']);

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

// lectern.data.js -> lectern.data.<hash>.js: the hash goes before the last extension.
export function hashedName(name, hash) {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${hash.slice(0, 8)}${name.slice(dot)}`;
}

function die(message) {
  console.error(`finish_dist: ${message}`);
  process.exit(1);
}

// Relative path -> absolute source path, over all input folders (later ones win). Dot files
// (build stamps) are not part of the app.
function collect(inputs) {
  const files = new Map();
  const walk = (root, dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(root, full);
      else if (entry.isFile()) files.set(path.relative(root, full).split(path.sep).join('/'), full);
    }
  };
  for (const dir of inputs) {
    if (!fs.existsSync(dir)) die(`${dir} does not exist`);
    walk(dir, dir);
  }
  return files;
}

export function finishDist(out, inputs) {
  const sources = collect(inputs);
  for (const name of REQUIRED)
    if (!sources.has(name)) die(`${name} is missing from ${inputs.join(', ')} (did the build finish?)`);

  // name in the output -> bytes
  const output = new Map();
  const assets = {};
  for (const [name, file] of [...sources].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const bytes = fs.readFileSync(file);
    if (HASHED.includes(name)) {
      assets[name] = hashedName(name, sha256(bytes));
      output.set(assets[name], bytes);
    } else {
      output.set(name, bytes);
    }
  }

  // The version covers every file (the page as its template, before the version goes in).
  const versionHash = crypto.createHash('sha256');
  for (const [name, bytes] of output) if (name !== 'sw.js') versionHash.update(`${name}\0${sha256(bytes)}\n`);
  const version = versionHash.digest('hex').slice(0, 12);

  const page = output.get('index.html').toString('utf8');
  if (!page.includes(ASSETS_MARKER)) die(`index.html has no ${ASSETS_MARKER} marker (shell.html must keep it)`);
  const script = `<script>window.lecternAssets = ${JSON.stringify(assets)}; window.lecternVersion = "${version}";</script>`;
  output.set('index.html', Buffer.from(page.replace(ASSETS_MARKER, () => script), 'utf8'));

  const files = [...output.keys()].filter((name) => name !== 'sw.js').map((name) => ({
    url: name === 'index.html' ? './' : name,
    sha256: sha256(output.get(name)),
    hashed: Object.values(assets).includes(name),
  }));
  const worker = output.get('sw.js').toString('utf8');
  if (!worker.includes(BUILD_MARKER)) die(`sw.js has no ${BUILD_MARKER} marker (web/sw.js must keep it)`);
  const build = `{"version": ${JSON.stringify(version)}, "files": [\n${files.map((f) => '  ' + JSON.stringify(f)).join(',\n')}\n]}`;
  output.set('sw.js', Buffer.from(worker.replace(BUILD_MARKER, () => build), 'utf8'));

  // Write beside OUT, then swap.
  out = path.resolve(out);
  const tmp = `${out}.tmp-${process.pid}`, old = `${out}.old-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  for (const [name, bytes] of output) {
    const target = path.join(tmp, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
    if (PRECOMPRESSED.has(path.extname(name))) {
      fs.writeFileSync(target + '.br', zlib.brotliCompressSync(bytes, { params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
      fs.writeFileSync(target + '.gz', zlib.gzipSync(bytes, { level: 9 }));
    }
  }
  if (fs.existsSync(out)) fs.renameSync(out, old);
  fs.renameSync(tmp, out);
  fs.rmSync(old, { recursive: true, force: true });
  return { version, assets, output };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [out, ...inputs] = process.argv.slice(2);
  if (!out || inputs.length === 0) die('usage: node tools/finish_dist.mjs OUT_DIR IN_DIR [IN_DIR...]');
  const { version, output } = finishDist(out, inputs);
  let raw = 0, gz = 0, br = 0;
  for (const [name, bytes] of output) {
    raw += bytes.length;
    const packed = (ext) => fs.statSync(path.join(out, name + ext)).size;
    gz += PRECOMPRESSED.has(path.extname(name)) ? packed('.gz') : bytes.length;
    br += PRECOMPRESSED.has(path.extname(name)) ? packed('.br') : bytes.length;
  }
  console.log(`finish_dist: ${out}: version ${version}, ${output.size} files, ${(raw / 1024).toFixed(0)} KiB ` +
              `(${(br / 1024).toFixed(0)} KiB brotli, ${(gz / 1024).toFixed(0)} KiB gzip)`);
}
