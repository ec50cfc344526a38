/**
 * The end-to-end harness: the real `learning-city serve` on a fresh SQLite database in a temporary
 * folder, serving the built SPA (`frontend/dist`), staff accounts made with `learning-city user add`,
 * a small API client for preconditions, and Debian's Chromium driven by playwright-core.
 *
 * It builds nothing: run `npm run build` (frontend) and the cargo build first. The binary is
 * `$LEARNING_CITY_BIN`, else `../target/debug/learning-city` relative to `frontend/`.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The `frontend/` folder. */
const FRONTEND = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The built SPA: `frontend/dist`, or `$E2E_FRONTEND_DIR` for a build kept elsewhere. */
const DIST = process.env.E2E_FRONTEND_DIR ? resolve(process.env.E2E_FRONTEND_DIR) : join(FRONTEND, 'dist');
const BIN = process.env.LEARNING_CITY_BIN
  ? resolve(process.env.LEARNING_CITY_BIN)
  : resolve(FRONTEND, '..', 'target', 'debug', 'learning-city');
const CHROMIUM = '/usr/bin/chromium';

/** The password of every account the harness creates (12+ characters). */
export const PASSWORD = 'e2e-passphrase-2026';

/** How long the service may take to migrate, seed and listen. */
const START_TIMEOUT_MS = 120_000;

/** Fails with a message saying what to build when an input of the harness is missing. */
function checkInputs() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: run \`npm run build\` in frontend/ first`);
  }
  try {
    accessSync(BIN, constants.X_OK);
  } catch {
    throw new Error(
      `the service binary ${BIN} is missing or not executable: run \`cargo build\` at the repository root, ` +
        'or set LEARNING_CITY_BIN to the learning-city binary',
    );
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`);
}

/**
 * The environment of the service's processes: nothing inherited that could configure it.
 * @param {string} databaseUrl @returns {Record<string, string>}
 */
function serviceEnv(databaseUrl) {
  /** @type {Record<string, string>} */
  const env = { DATABASE_URL: databaseUrl, LOG_FORMAT: 'json', LOG_LEVEL: 'warn' };
  for (const name of ['PATH', 'HOME', 'LANG', 'TMPDIR']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/**
 * Runs the binary to completion with `input` on stdin; resolves to its stdout, rejects on failure.
 * @param {string[]} args @param {Record<string, string>} env @param {string} input
 * @returns {Promise<string>}
 */
function runBin(args, env, input) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(BIN, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise(out);
      else reject(new Error(`learning-city ${args.join(' ')} exited with ${code}: ${err || out}`));
    });
    child.stdin.end(input);
  });
}

/**
 * @typedef {{ id: number, email: string, password: string, role: string, city?: string }} Account
 * @typedef {{ status: number, headers: Headers, body: unknown }} Answer the body is parsed JSON
 */

/** A running service on a fresh database. */
export class Service {
  /** @param {string} url @param {string} dir @param {import('node:child_process').ChildProcess} child @param {string[]} log */
  constructor(url, dir, child, log) {
    /** The base URL, such as http://127.0.0.1:40123 (no trailing slash). */
    this.url = url;
    this.dir = dir;
    this.child = child;
    this.log = log;
    this.databaseUrl = join(dir, 'db.sqlite3');
  }

  /**
   * Creates an account with `learning-city user add` on the service's database.
   * @param {string} email @param {string} role @param {{ city?: string, name?: string }} [options]
   * @returns {Promise<Account>}
   */
  async addUser(email, role, options = {}) {
    const args = ['user', 'add', '--email', email, '--role', role];
    if (options.city) args.push('--city', options.city);
    if (options.name) args.push('--name', options.name);
    const out = await runBin(args, serviceEnv(this.databaseUrl), `${PASSWORD}\n`);
    const id = /with id (\d+)/.exec(out);
    if (!id) throw new Error(`unexpected output of user add: ${out}`);
    return { id: Number(id[1]), email, password: PASSWORD, role, city: options.city };
  }

  /**
   * Calls the API; throws unless the status is one of `expect` (default: any 2xx).
   * @param {string} method @param {string} path under the service URL, such as /api/v1/cities
   * @param {{ token?: string, body?: unknown, headers?: Record<string, string>, expect?: number[] }} [options]
   * @returns {Promise<Answer>}
   */
  async call(method, path, options = {}) {
    /** @type {Record<string, string>} */
    const headers = { accept: 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(this.url + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const body = text ? JSON.parse(text) : null;
    const ok = options.expect ? options.expect.includes(response.status) : response.ok;
    if (!ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return { status: response.status, headers: response.headers, body };
  }

  /**
   * Signs `account` in through the API; resolves to its access token.
   * @param {Account} account @returns {Promise<string>}
   */
  async token(account) {
    const { body } = await this.call('POST', '/api/v1/auth/login', {
      body: { email: account.email, password: account.password },
    });
    return /** @type {import('../src/api/schema').components['schemas']['TokenResponse']} */ (body).access_token;
  }

  /** Stops the server and removes its folder. */
  async stop() {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((r) => this.child.once('exit', r));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * Waits until /readyz answers 200 (the database is reachable).
 * @param {string} url @param {string[]} log
 */
async function waitReady(url, log) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (e) {
      last = String(e);
    }
    // Between probes, wait for the next turn of the event loop's timers rather than spinning.
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url}/readyz never answered 200 (last: ${last})\n${log.join('\n')}`);
}

/**
 * Starts `learning-city serve` on a fresh SQLite database in a new temporary folder, on a free
 * port, serving `frontend/dist`; resolves once it printed its URL and /readyz answers 200.
 * @returns {Promise<Service>}
 */
export async function startService() {
  checkInputs();
  const dir = await mkdtemp(join(tmpdir(), 'lc-e2e-'));
  const env = {
    ...serviceEnv(join(dir, 'db.sqlite3')),
    BIND: '127.0.0.1:0',
    FRONTEND_DIR: DIST,
    RATE_LIMITS: 'false',
  };
  const child = spawn(BIN, ['serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Should the test process end without `stop()` (a crash, a cancelled run), the server goes too.
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.removeListener('exit', orphan));
  /** @type {string[]} */
  const log = [];
  createInterface({ input: child.stderr }).on('line', (line) => log.push(line));
  /** @type {string} */
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`learning-city serve printed no URL within ${START_TIMEOUT_MS} ms\n${log.join('\n')}`));
    }, START_TIMEOUT_MS);
    /** @param {string} why */
    const fail = (why) => {
      clearTimeout(timer);
      reject(new Error(`learning-city serve ${why} before listening\n${log.join('\n')}`));
    };
    child.once('error', (e) => fail(`could not start (${e.message})`));
    // Once the URL is known, a later exit settles nothing (the promise is resolved already).
    child.once('exit', (code, signal) => fail(`exited (${signal ?? code})`));
    // serve prints "Thailand Learning City Platform on <backend> (<location>): http://host:port/  API docs: ..."
    createInterface({ input: child.stdout }).on('line', (line) => {
      log.push(line);
      const match = /(https?:\/\/[^\s/]+)\//.exec(line);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
  }).catch(async (e) => {
    await rm(dir, { recursive: true, force: true });
    throw e;
  });
  const service = new Service(url, dir, child, log);
  try {
    await waitReady(url, log);
  } catch (e) {
    await service.stop();
    throw e;
  }
  return service;
}

/** The Chromium flags for a headless run in a container. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Debian's Chromium. Each `launch` gets a fresh temporary profile that playwright-core
 * removes on close; tests open a fresh context (own storage) per flow with `openPage`.
 */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A page in a new browser context (empty storage, English browser) on the service. With a test
 * context `t`, the browser context is closed when that test ends, whatever its outcome; otherwise
 * call `close()`. Uncaught page errors are collected, and `done()` (called at the end of a test)
 * fails the test when there were any.
 * @param {import('node:test').TestContext | null} t @param {import('playwright-core').Browser} browser
 * @param {Service} service
 * @param {{ viewport?: { width: number, height: number }, locale?: string }} [options]
 */
export async function openPage(t, browser, service, options = {}) {
  const context = await browser.newContext({
    baseURL: service.url,
    locale: options.locale ?? 'en-US',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  if (t) t.after(() => context.close());
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  /** @type {string[]} */
  const consoleErrors = [];
  page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
  return {
    page,
    context,
    close: () => context.close(),
    /** Throws if the page had uncaught errors since the last call. */
    async done() {
      const found = errors.splice(0);
      const logged = consoleErrors.splice(0);
      if (found.length > 0) {
        throw new Error(`uncaught errors in the page:\n${found.join('\n')}\nconsole errors:\n${logged.join('\n')}`);
      }
    },
  };
}
