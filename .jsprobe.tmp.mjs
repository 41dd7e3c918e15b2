import { chromium } from 'playwright-core';
import { gzipSync } from 'node:zlib';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage();
const bodies = [];
p.on('response', (r) => { if (r.request().resourceType() === 'script') bodies.push(r.body().then((x) => [r.url(), x])); });
await p.goto(process.argv[2], { waitUntil: 'networkidle' });
let t = 0;
for (const [u, x] of await Promise.all(bodies)) { const g = gzipSync(x).length; t += g; console.log(g, x.length, u.split('/').pop()); }
console.log('total', t);
await b.close();
