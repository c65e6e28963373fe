/**
 * The HTML report in a real browser: headless Chromium (Debian's `chromium` package) opens the
 * file from disk with the network off, and we check that nothing is requested but the file, no
 * console error or script dialog appears, the three charts are drawn with real size, and hostile
 * ticket text shows as text. Screenshots go to test-artifacts/ (git-ignored) for a person to see.
 *
 * Without Chromium the suite is skipped with a message, except under CI (CI set), where a missing
 * browser is a failure: CI must install it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, fixture, runParity } from '../helpers/exec.js';

const CHROMIUM = process.env.PARITY_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const UNDER_CI = Boolean(process.env.CI);
const ARTIFACTS = join(ROOT, 'test-artifacts');
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!HAVE_CHROMIUM && !UNDER_CI) {
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (install Debian's chromium package, or set PARITY_CHROMIUM)`);
}

/** The page's document as seen inside page.evaluate (this file is type-checked without the DOM library). */
type PageDocument = { document: { scripts: { length: number }; querySelectorAll(selector: string): { length: number } } };

interface Visit {
  page: Page;
  requests: string[];
  blocked: string[];
  consoleErrors: string[];
  dialogs: string[];
}

// Defined only when it can fail, so a run with Chromium reports no skipped test.
if (!HAVE_CHROMIUM && UNDER_CI) {
  describe('HTML report in headless Chromium (CI)', () => {
    it('needs Chromium: CI must install it', () => {
      expect(HAVE_CHROMIUM, `Chromium is required under CI: install Debian's chromium package (${CHROMIUM})`).toBe(true);
    });
  });
}

describe.skipIf(!HAVE_CHROMIUM)('HTML report in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Writes the report to test-artifacts/<name>.html and opens it offline. */
  async function open(name: string, args: string[]): Promise<Visit & { url: string }> {
    const file = join(ARTIFACTS, `${name}.html`);
    const r = await runParity([...args, '--format', 'html', '-o', file]);
    expect(r.code, r.stderr).toBe(0);
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({ offline: true, viewport: { width: 1200, height: 900 } });
    const visit: Visit = { page: await context.newPage(), requests: [], blocked: [], consoleErrors: [], dialogs: [] };
    await context.route('**/*', async (route) => {
      const target = route.request().url();
      if (target === url) await route.continue();
      else {
        visit.blocked.push(target);
        await route.abort();
      }
    });
    visit.page.on('request', (request) => visit.requests.push(request.url()));
    visit.page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') visit.consoleErrors.push(`${message.type()}: ${message.text()}`);
    });
    visit.page.on('pageerror', (error) => visit.consoleErrors.push(`pageerror: ${error.message}`));
    visit.page.on('dialog', async (dialog) => {
      visit.dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await visit.page.goto(url, { waitUntil: 'load' });
    await visit.page.waitForTimeout(300); // let anything that would run, run
    return { ...visit, url };
  }

  /** Size and mark count of each chart. */
  async function charts(page: Page): Promise<Array<{ label: string; width: number; height: number; marks: number }>> {
    return page.$$eval('svg[role="img"]', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        // marks are the groups Plot labels (bar, rule, line, dot, tick, text) with drawn children
        const marks = [...svg.querySelectorAll(':scope > g[aria-label]')]
          .filter((g) => !/axis|grid/.test(g.getAttribute('aria-label') ?? ''))
          .flatMap((g) => [...g.children])
          .filter((el) => {
            const b = (el as unknown as { getBBox(): { width: number; height: number } }).getBBox();
            return b.width > 0 || b.height > 0;
          }).length;
        return { label: svg.getAttribute('aria-label') ?? '', width: box.width, height: box.height, marks };
      }),
    );
  }

  it('four-month report: loads offline with no request, no console error, three drawn charts', async () => {
    const visit = await open('report-four-months', ['report', fixture('report', 'four-months.csv'), '--as-of', '2026-11-01T00:00:00Z']);
    expect(visit.requests).toEqual([visit.url]);
    expect(visit.blocked).toEqual([]);
    expect(visit.consoleErrors).toEqual([]);
    expect(visit.dialogs).toEqual([]);
    expect(await visit.page.evaluate(() => (globalThis as unknown as PageDocument).document.scripts.length)).toBe(0);
    const drawn = await charts(visit.page);
    expect(drawn.map((c) => c.label)).toEqual([
      'First response time by channel (box plot, unanswered counted as still waiting)',
      'Median first response per channel by period',
      'Median first response by follower band',
    ]);
    for (const chart of drawn) {
      expect(chart.width, chart.label).toBeGreaterThan(300);
      expect(chart.height, chart.label).toBeGreaterThan(100);
      expect(chart.marks, chart.label).toBeGreaterThan(5);
    }
    expect(await visit.page.locator('h1').innerText()).toBe('Service parity report: October 2026 (only 9 tickets)');
    await visit.page.screenshot({ path: join(ARTIFACTS, 'report-four-months.png'), fullPage: true });
  });

  it('hostile ticket text shows as text and never runs', async () => {
    // October holds the hostile tickets (the default would be September, the latest complete month)
    const visit = await open('report-hostile', ['report', fixture('report', 'hostile.csv'), '--month', '2026-10']);
    expect(visit.dialogs).toEqual([]);
    expect(visit.requests).toEqual([visit.url]); // <img src=x> would have asked for "x"
    expect(visit.blocked).toEqual([]);
    expect(visit.consoleErrors).toEqual([]);
    expect(await visit.page.evaluate(() => (globalThis as unknown as PageDocument).document.querySelectorAll('script, img, iframe, object, embed').length)).toBe(0);
    for (const text of ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>']) {
      const cell = visit.page.locator('td', { hasText: text }).first();
      expect(await cell.isVisible(), text).toBe(true);
    }
    expect((await charts(visit.page)).length).toBe(3);
    await visit.page.screenshot({ path: join(ARTIFACTS, 'report-hostile.png'), fullPage: true });
  });
});
