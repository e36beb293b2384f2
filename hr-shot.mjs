import puppeteer from 'puppeteer-core';
const [file, sel, out, w, h] = process.argv.slice(2);
const b = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage(); await p.setViewport({width:Number(w||1280),height:Number(h||800)});
await p.goto('file://'+file);
if (sel) await p.$eval(sel, el => el.scrollIntoView());
await p.screenshot({ path: out });
await b.close();
