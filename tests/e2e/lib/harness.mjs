// Shared e2e plumbing: start the real chaincrm server on demo data, drive Debian's Chromium.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const requireFromWeb = createRequire(path.join(REPO, 'web', 'package.json'));
export const { chromium } = requireFromWeb('playwright-core');

export const PASSWORD = 'demo-password';
export const ROLES = ['admin', 'manager', 'sales', 'agent', 'analyst', 'customer'];
export const emailFor = (role) => `${role}@demo.chaincrm.test`;
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function serverBinary() {
  if (process.env.CHAINCRM_BIN) return process.env.CHAINCRM_BIN;
  for (const p of ['build/dev/chaincrm', 'build/release/chaincrm']) {
    const full = path.join(REPO, p);
    if (fs.existsSync(full)) return full;
  }
  return path.join(REPO, 'build/dev/chaincrm');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function run(bin, args, logFile) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const p = spawn(bin, args, { stdio: ['ignore', out, out] });
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      fs.closeSync(out);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(bin)} ${args[0]} exited with ${code ?? signal}; see ${logFile}:\n${tail(logFile)}`));
    });
  });
}

function tail(file, n = 30) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a fresh server: temp dir, `demo` into a new SQLite file, `serve` on a free port.
 * With CHAINCRM_E2E_URL set, uses that already running server instead.
 * Returns { baseURL, stop() }.
 */
export async function startServer() {
  if (process.env.CHAINCRM_E2E_URL) return { baseURL: process.env.CHAINCRM_E2E_URL.replace(/\/$/, ''), stop: async () => {} };
  const bin = serverBinary();
  if (!fs.existsSync(bin)) throw new Error(`chaincrm binary not found at ${bin}; build it or set CHAINCRM_BIN`);
  const dist = path.join(REPO, 'web', 'dist', 'index.html');
  if (!fs.existsSync(dist)) throw new Error('web/dist is missing; run `npm run build` in web/ first');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chaincrm-e2e-'));
  const log = path.join(tmp, 'server.log');
  const db = `sqlite:${path.join(tmp, 'e2e.db')}`;
  await run(bin, ['demo', '--db', db, '--customers', '200', '--seed', '7'], log);
  const port = await freePort();
  const out = fs.openSync(log, 'a');
  const proc = spawn(bin, ['serve', '--db', db, '--port', String(port), '--web-root', path.join(REPO, 'web', 'dist')], {
    stdio: ['ignore', out, out],
  });
  let exited = null;
  proc.on('exit', (code, signal) => (exited = code ?? signal));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited !== null) throw new Error(`chaincrm serve exited with ${exited}:\n${tail(log)}`);
    try {
      const r = await fetch(`${baseURL}/healthz`);
      if (r.status === 200) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`chaincrm serve did not become healthy in 60 s:\n${tail(log)}`);
    }
    await sleep(200);
  }
  return {
    baseURL,
    log,
    async stop() {
      if (exited === null) {
        const gone = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await gone;
        clearTimeout(t);
      }
      fs.closeSync(out);
      if (!process.env.KEEP_E2E_TMP) fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh page (own context = own sessionStorage/localStorage) at 1280×800 unless told. */
export async function newPage(browser, baseURL, opts = {}) {
  const context = await browser.newContext({ baseURL, viewport: opts.viewport ?? { width: 1280, height: 800 }, locale: opts.locale ?? 'en-US' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.problems = problems;
  return page;
}

export async function login(page, role) {
  await page.goto('/login');
  await page.fill('input[name=email]', emailFor(role));
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=whoami]', { state: 'attached' });
}

/** Calls the API directly (for set-up and for comparing the UI with the API's own words). */
export async function api(baseURL, method, urlPath, { token, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(baseURL + urlPath, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  return { status: r.status, headers: r.headers, body: text ? JSON.parse(text) : null };
}

export async function apiToken(baseURL, role) {
  const r = await api(baseURL, 'POST', '/api/v1/sessions', { body: { email: emailFor(role), password: PASSWORD } });
  if (r.status !== 201) throw new Error(`login as ${role} via API: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}

export async function screenshot(page, name) {
  if (!SCREENSHOTS) return;
  const dir = path.join(REPO, 'docs', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}
