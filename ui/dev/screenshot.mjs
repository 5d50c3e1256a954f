#!/usr/bin/env node
// Dev-only: headless screenshot of a UI url after an optional list of clicks.
//   node dev/screenshot.mjs URL OUT.png [--wait ms] [--click selector]... [--type 'selector|text']... [--key Key]...
import { chromium } from 'playwright-core';

const [url, out, ...rest] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.on('console', (msg) => { if (msg.type() === 'error') console.error('console:', msg.text()); });
page.on('pageerror', (err) => console.error('pageerror:', err.message));
await page.goto(url);
await page.waitForTimeout(1500);
for (let i = 0; i < rest.length; i += 2) {
  const [flag, value] = [rest[i], rest[i + 1]];
  if (flag === '--wait') await page.waitForTimeout(Number(value));
  if (flag === '--click') await page.click(value);
  if (flag === '--type') {
    const [selector, text] = value.split(/\|(.*)/s);
    await page.fill(selector, text);
  }
  if (flag === '--key') await page.keyboard.press(value);
}
await page.waitForTimeout(800);
await page.screenshot({ path: out });
console.log('url now', page.url());
await browser.close();
