// bench_webgl_floor.mjs — the least a WebGL 2 page costs in this browser: prints figures, asserts
// nothing. A page with nothing but a canvas creates a WebGL 2 context, compiles and links a
// shader like Dear ImGui's, uploads a 1024×1024 texture, draws 6,000 vertices, and times the gap
// to the next two animation frames. In headless Chromium with SwiftShader (no GPU) the gap after
// the first frame is the browser presenting it; no app can start faster than that.
//
//   node tools/bench_webgl_floor.mjs [--runs N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static_server.mjs';

const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
const PAGE = `<!doctype html><html><body style="margin:0"><canvas id="c" width="1280" height="800"></canvas><script>
const t0 = performance.now();
const gl = document.getElementById('c').getContext('webgl2');
const t1 = performance.now();
function sh(type, src) { const s = gl.createShader(type); gl.shaderSource(s, src); gl.compileShader(s); return s; }
const vs = sh(gl.VERTEX_SHADER, \`#version 300 es
precision highp float; layout (location = 0) in vec2 Position; layout (location = 1) in vec2 UV; layout (location = 2) in vec4 Color;
uniform mat4 ProjMtx; out vec2 Frag_UV; out vec4 Frag_Color;
void main() { Frag_UV = UV; Frag_Color = Color; gl_Position = ProjMtx * vec4(Position.xy,0,1); }\`);
const fs = sh(gl.FRAGMENT_SHADER, \`#version 300 es
precision mediump float; uniform sampler2D Texture; in vec2 Frag_UV; in vec4 Frag_Color; layout (location = 0) out vec4 Out_Color;
void main() { Out_Color = Frag_Color * texture(Texture, Frag_UV.st); }\`);
const p = gl.createProgram(); gl.attachShader(p, vs); gl.attachShader(p, fs); gl.linkProgram(p);
const linked = gl.getProgramParameter(p, gl.LINK_STATUS);
const t2 = performance.now();
const tex = gl.createTexture(); gl.bindTexture(gl.TEXTURE_2D, tex);
gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 1024, 1024, 0, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(1024*1024*4));
gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
gl.useProgram(p);
const buf = gl.createBuffer(); gl.bindBuffer(gl.ARRAY_BUFFER, buf);
const n = 6000; const data = new Float32Array(n * 5); gl.bufferData(gl.ARRAY_BUFFER, data, gl.STREAM_DRAW);
gl.enableVertexAttribArray(0); gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 20, 0);
gl.enableVertexAttribArray(1); gl.vertexAttribPointer(1, 2, gl.FLOAT, false, 20, 8);
gl.enableVertexAttribArray(2); gl.vertexAttribPointer(2, 4, gl.UNSIGNED_BYTE, true, 20, 16);
gl.enable(gl.BLEND); gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
gl.clearColor(1,1,1,1); gl.clear(gl.COLOR_BUFFER_BIT); gl.drawArrays(gl.TRIANGLES, 0, n);
const t3 = performance.now();
requestAnimationFrame(() => { const t4 = performance.now(); gl.clear(gl.COLOR_BUFFER_BIT); gl.drawArrays(gl.TRIANGLES, 0, n);
  requestAnimationFrame(() => { const t5 = performance.now(); window.result = { context: t1 - t0, compileLink: t2 - t1, firstDraw: t3 - t2, untilNextFrame: t4 - t3, secondFrameGap: t5 - t4, linked }; }); });
</script></body></html>
`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-webgl-floor-'));
fs.writeFileSync(path.join(dir, 'index.html'), PAGE);
const server = await startStaticServer(dir);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
try {
  console.log(`WebGL 2 floor: a bare page, ${RUNS} runs, ms (load average ${os.loadavg()[0].toFixed(1)})`);
  for (let i = 0; i < RUNS; ++i) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.result, null, { timeout: 30000 });
    const r = await page.evaluate(() => window.result);
    console.log('  ' + Object.entries(r).map(([k, v]) => `${k} ${typeof v === 'number' ? v.toFixed(0) : v}`).join(', '));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
