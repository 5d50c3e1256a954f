#!/usr/bin/env node
// Graph performance on a synthetic topology (default 1,000 nodes, 3,000 edges) in headless Chromium:
//   - paint: ms from the websocket's first frame arriving to the graph painted (two frames after the sync), and
//     the renderer main thread's CPU time over that span (Chrome's ThreadTime metric), which a busy machine
//     does not inflate the way it inflates wall time;
//   - pan and zoom: frames per second while dragging and wheel-zooming.
// Needs a build (npm run build) and Chromium at /usr/bin/chromium (or $CHROMIUM); no browser is downloaded.
//   node bench/graph-perf.mjs [--nodes 1000] [--edges 3000]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const nodes = Number(arg('nodes', 1000));
const edges = Number(arg('edges', 3000));
const port = 4700 + Math.floor(Math.random() * 200);
const HOLD_MS = 2500; // the page loads and goes idle before the data comes

if (!existsSync(join(here, '../dist/index.html'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(1);
}

const server = spawn(process.execPath, [join(here, '../dev/fixture-server.mjs'), '--port', String(port), '--synthetic', `${nodes}:${edges}`, '--hold-ms', String(HOLD_MS),
  '--fixtures', join(here, 'no-fixtures')], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.on('data', (d) => String(d).includes('fixture server on') && resolve()));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

async function framesPerSecond(page, interact, threadTime) {
  const cpuBefore = await threadTime();
  await page.evaluate(() => {
    window.__frames = [];
    window.__measuring = true;
    const loop = (t) => {
      window.__frames.push(t);
      if (window.__measuring) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  await interact();
  const frames = await page.evaluate(() => {
    window.__measuring = false;
    return window.__frames;
  });
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const seconds = (frames[frames.length - 1] - frames[0]) / 1000;
  // Main-thread CPU per frame: what a frame costs, which a busy machine does not inflate the way it stretches frames.
  const cpuPerFrameMs = ((await threadTime()) - cpuBefore) * 1000 / Math.max(1, frames.length - 1);
  return { fps: (frames.length - 1) / seconds, worstFrameMs: gaps[gaps.length - 1], p95FrameMs: gaps[Math.floor(gaps.length * 0.95)], cpuPerFrameMs };
}

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.addInitScript(() => {
    window.__paints = [];
    window.addEventListener('scope:painted', (e) => window.__paints.push(e.detail));
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value;
  await page.goto(`http://127.0.0.1:${port}/#topology=synthetic`);
  await page.waitForTimeout(HOLD_MS - 1000);
  const cpuBefore = await threadTime();
  const paint = await page.waitForFunction((n) => window.__paints.find((p) => p.count === n), nodes, { timeout: 60000 })
    .then((handle) => handle.jsonValue());
  const cpuMs = (await threadTime() - cpuBefore) * 1000;

  const shots = (process.env.BENCH_SCREENSHOT ?? '/tmp/graph-perf.png').replace(/\.png$/, '');
  await page.screenshot({ path: `${shots}-first-paint.png` });
  const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const pan = await framesPerSecond(page, async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; i < 120; i++) await page.mouse.move(cx + 200 * Math.sin(i / 10), cy + 120 * Math.cos(i / 10));
    await page.mouse.up();
  }, threadTime);
  const zoom = await framesPerSecond(page, async () => {
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, i < 30 ? -120 : 120);
      await page.waitForTimeout(16);
    }
  }, threadTime);

  const round = (x) => Math.round(x * 10) / 10;
  console.log(`graph ${nodes} nodes / ${edges} edges`);
  console.log(`  first paint after data arrived: ${round(paint.paintedAt - paint.receivedAt)} ms wall, `
    + `${round(cpuMs)} ms main-thread CPU (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})`);
  console.log(`  pan:  ${round(pan.fps)} fps (p95 frame ${round(pan.p95FrameMs)} ms, worst ${round(pan.worstFrameMs)} ms, `
    + `${round(pan.cpuPerFrameMs)} ms main-thread CPU per frame)`);
  console.log(`  zoom: ${round(zoom.fps)} fps (p95 frame ${round(zoom.p95FrameMs)} ms, worst ${round(zoom.worstFrameMs)} ms, `
    + `${round(zoom.cpuPerFrameMs)} ms main-thread CPU per frame)`);
  // Close up: shapes, arrowheads and labels appear once nodes are big enough on screen.
  await page.getByTitle('Fit to screen').click();
  for (let i = 0; i < 7; i++) await page.getByTitle('Zoom in').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${shots}-zoomed.png` });
  console.log(`  screenshots: ${shots}-first-paint.png, ${shots}-zoomed.png`);
} finally {
  await browser.close();
  server.kill();
}
