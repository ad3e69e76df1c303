// static_server.mjs — serves a folder of static files on loopback, for `tools/serve` and tests.
//
//   node tools/static_server.mjs DIR [--port N] [--host 127.0.0.1]
//   import { startStaticServer } from './static_server.mjs';
//   const { url, close } = await startStaticServer(dir, { port: 0 });
//
// Correct MIME types (application/wasm for .wasm, so streaming compilation works), the
// precompressed .br / .gz beside a file when the client accepts it (gzip on the fly otherwise), no caching of the page and the service worker (so updates are seen),
// and nothing outside DIR is ever served. No dependencies beyond Node.js.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.data': 'application/octet-stream', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.css': 'text/css; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.data', '.bin', '.json', '.webmanifest', '.svg', '.css', '.txt']);

export function startStaticServer(root, { port = 0, host = '127.0.0.1', log = false } = {}) {
  root = path.resolve(root);
  const server = http.createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(root, '.' + pathname);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        if (log) console.log('404', pathname);
        return;
      }
      const ext = path.extname(file).toLowerCase();
      const headers = {
        'Content-Type': MIME[ext] || 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
        // Hashed assets never change; the page, the worker and the manifest must revalidate.
        'Cache-Control': /\.[0-9a-f]{8,}\./.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      // A precompressed sibling (<file>.br, <file>.gz, written by tools/finish_dist.mjs) when the
      // client takes it; otherwise gzip on the fly.
      const accepts = req.headers['accept-encoding'] || '';
      const sibling = (suffix, token) =>
        COMPRESSIBLE.has(ext) && new RegExp(`\\b${token}\\b`).test(accepts) && fs.existsSync(file + suffix) ? file + suffix : null;
      const precompressed = sibling('.br', 'br') || sibling('.gz', 'gzip');
      const gzip = !precompressed && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accepts);
      if (COMPRESSIBLE.has(ext)) headers['Vary'] = 'Accept-Encoding';
      if (precompressed) {
        headers['Content-Encoding'] = precompressed.endsWith('.br') ? 'br' : 'gzip';
        headers['Content-Length'] = fs.statSync(precompressed).size;
      } else if (gzip) {
        headers['Content-Encoding'] = 'gzip';
      } else {
        headers['Content-Length'] = st.size;
      }
      res.writeHead(200, headers);
      if (req.method === 'HEAD') return res.end();
      const stream = fs.createReadStream(precompressed || file);
      (gzip ? stream.pipe(zlib.createGzip({ level: 6 })) : stream).pipe(res);
      if (log) console.log('200', pathname);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ url: `http://${host}:${p}/`, port: p, close: () => new Promise((r) => server.close(r)), server });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--')) || '.';
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : def;
  };
  const { url } = await startStaticServer(dir, { port: Number(opt('--port', 8080)), host: opt('--host', '127.0.0.1'), log: args.includes('--log') });
  console.log(`Lectern is being served from ${dir}`);
  console.log(`Open ${url} in your browser (Ctrl+C stops the server).`);
}
