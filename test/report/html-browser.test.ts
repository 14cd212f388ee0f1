/**
 * The HTML report in a real headless Chromium: it must load without errors under its own
 * Content-Security-Policy, fetch nothing, filter correctly, and show hostile text as text.
 * Needs Debian's `chromium` (apt-get install chromium); playwright-core drives it.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { html } from '../../src/report/formatters/html.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import {
  ATTRIBUTE_PAYLOAD,
  bulkReport,
  CLOSE_SCRIPT_PAYLOAD,
  hostileReport,
  SCRIPT_PAYLOAD,
} from './html-fixtures.js';
import { cleanReport, errorsOnlyReport, sampleReport } from './sample-report.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', '.artifacts');
const SCREENSHOT = join(ARTIFACTS, 'html-report.png');
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What a loaded page did that it must not: console errors, exceptions, CSP violations. */
interface Loaded {
  readonly page: Page;
  readonly url: string;
  readonly requests: string[];
  readonly problems: string[];
  readonly dialogs: string[];
}

let browser: Browser | undefined;
let workDir = '';
let fileCounter = 0;

function requireBrowser(): Browser {
  assert.ok(browser, 'the browser did not start');
  return browser;
}

/** Writes the report's HTML to a file and opens it by file:// URL, recording what the page does. */
async function open(report: ScanReport, options: { javaScript?: boolean } = {}): Promise<Loaded> {
  const context = await requireBrowser().newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const file = join(workDir, `report-${++fileCounter}.html`);
  await writeFile(file, html(report, { color: false, width: 100 }), 'utf8');
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Init scripts are injected by the browser, outside the page's policy, so this listener sees
  // every violation even if the console does not report one.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) =>
      console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI));`,
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, requests, problems, dialogs };
}

async function close(loaded: Loaded): Promise<void> {
  await loaded.page.context().close();
}

async function visibleRows(page: Page): Promise<number> {
  return page.locator('#cc-findings tbody tr.finding:visible').count();
}

/**
 * Waits until the (debounced) filters leave exactly `count` rows unhidden. Polls from the test:
 * `page.waitForFunction` evaluates a string, which the report's policy rightly forbids.
 */
async function waitForRows(page: Page, count: number): Promise<void> {
  const rows = page.locator('#cc-findings tbody tr.finding:not([hidden])');
  const deadline = Date.now() + 5_000;
  let seen = await rows.count();
  while (seen !== count && Date.now() < deadline) {
    await page.waitForTimeout(25);
    seen = await rows.count();
  }
  assert.equal(seen, count, 'rows left by the filters');
}

/** Leaves only `keep` ticked among the severity boxes. */
async function onlySeverities(page: Page, keep: readonly string[]): Promise<void> {
  for (const box of await page.locator('input[name="severity"]').all()) {
    const value = (await box.getAttribute('value')) ?? '';
    await box.setChecked(keep.includes(value));
  }
}

before(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: these tests need Debian's Chromium. Run \`apt-get install chromium\`.`,
    );
  }
  workDir = await mkdtemp(join(tmpdir(), 'cubecape-html-'));
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  if (workDir !== '') await rm(workDir, { recursive: true, force: true });
});

describe('html report in Chromium: loads clean and offline', () => {
  const reports: [string, ScanReport][] = [
    ['sample', sampleReport()],
    ['clean', cleanReport()],
    ['errors only', errorsOnlyReport()],
    ['hostile', hostileReport()],
    ['bulk', bulkReport(200)],
  ];
  for (const [name, report] of reports) {
    it(`${name}: no console errors, no CSP violations, no request but the document`, async () => {
      const loaded = await open(report);
      try {
        assert.deepEqual(loaded.problems, []);
        assert.deepEqual(loaded.requests, [loaded.url]);
        assert.deepEqual(loaded.dialogs, []);
        // The script ran (its hash matched the policy): it reveals the filter bar.
        const hasFindings = report.findings.length > 0;
        assert.equal(await loaded.page.locator('#cc-filters').isVisible(), hasFindings);
      } finally {
        await close(loaded);
      }
    });
  }
});

describe('html report in Chromium: filters', () => {
  const report = bulkReport(120, 30);
  const expected = (predicate: (f: ScanReport['findings'][number]) => boolean): number =>
    report.findings.filter(predicate).length;

  it('severity boxes reduce the rows to the findings of the ticked severities', async () => {
    const loaded = await open(report);
    const { page } = loaded;
    try {
      assert.equal(await visibleRows(page), report.findings.length);
      const cases: (readonly string[])[] = [['critical'], ['high', 'low'], [], ['info']];
      for (const keep of cases) {
        await onlySeverities(page, keep);
        const want = expected((f) => keep.includes(f.severity));
        assert.equal(await visibleRows(page), want, `severities ${keep.join(',')}`);
        const count = await page.locator('#cc-count').textContent();
        assert.equal(count, `showing ${want} of ${report.findings.length}`);
        const empty = await page.locator('#cc-empty').isVisible();
        assert.equal(empty, want === 0, 'the empty state shows exactly when nothing matches');
      }
      assert.deepEqual(loaded.problems, []);
    } finally {
      await close(loaded);
    }
  });

  it('the status boxes and the severity counts follow the other filters', async () => {
    const loaded = await open(report);
    const { page } = loaded;
    try {
      await page.locator('input[name="status"][value="excepted"]').setChecked(false);
      assert.equal(
        await visibleRows(page),
        expected((f) => f.status === 'failed'),
      );
      const critical = await page.locator('[data-count-severity="critical"]').textContent();
      assert.equal(
        critical,
        String(expected((f) => f.status === 'failed' && f.severity === 'critical')),
      );
    } finally {
      await close(loaded);
    }
  });

  it('free-text search finds findings by resource name, file and message', async () => {
    const loaded = await open(report);
    const { page } = loaded;
    try {
      const cases: [string, (f: ScanReport['findings'][number]) => boolean][] = [
        ['team-3/app-17', (f) => f.resourceId.endsWith('/app-17')],
        ['APP-17', (f) => f.resourceId.endsWith('/app-17')],
        ['k8s/app-4.yaml', (f) => f.location?.file === 'k8s/app-4.yaml'],
        ['"c42"', (f) => f.message.includes('"c42"')],
        [
          'app-17 host-namespaces',
          (f) => f.resourceId.endsWith('/app-17') && f.controlId === 'host-namespaces',
        ],
        ['no-such-thing', () => false],
      ];
      for (const [query, predicate] of cases) {
        await page.fill('#cc-search', query);
        const want = expected(predicate);
        await waitForRows(page, want);
        assert.equal(await visibleRows(page), want, query);
      }
      // Enter must not submit the form: a navigation would break the page and the policy.
      await page.press('#cc-search', 'Enter');
      assert.deepEqual(loaded.problems, []);
      assert.equal(page.url(), loaded.url);
    } finally {
      await close(loaded);
    }
  });

  it('control and framework selects narrow the rows; reset shows everything again', async () => {
    const loaded = await open(report);
    const { page } = loaded;
    try {
      await page.selectOption('#cc-control', { label: 'image-tag — Title of image-tag' });
      assert.equal(
        await visibleRows(page),
        expected((f) => f.controlId === 'image-tag'),
      );
      await page.selectOption('#cc-control', '');
      await page.selectOption('#cc-framework', {
        label: 'MITRE ATT&CK for Containers (mitre-attack)',
      });
      const mitre = new Set(['host-namespaces', 'image-tag']);
      assert.equal(
        await visibleRows(page),
        expected((f) => mitre.has(f.controlId)),
      );
      await page.click('button[type="reset"]');
      await waitForRows(page, report.findings.length);
    } finally {
      await close(loaded);
    }
  });
});

describe('html report in Chromium: hostile text, no script, print', () => {
  it('shows script payloads as text and never runs them', async () => {
    const loaded = await open(hostileReport());
    const { page } = loaded;
    try {
      assert.deepEqual(loaded.dialogs, []);
      assert.deepEqual(loaded.requests, [loaded.url], 'an injected <img src=x> would fetch');
      assert.equal(await page.locator('img').count(), 0);
      assert.equal(await page.locator('script').count(), 2, 'only the data and the report script');
      const text = (await page.locator('body').innerText()).replaceAll('\n', ' ');
      for (const payload of [SCRIPT_PAYLOAD, ATTRIBUTE_PAYLOAD, CLOSE_SCRIPT_PAYLOAD]) {
        assert.ok(text.includes(payload), `shown as text: ${payload}`);
      }
      // The payloads also reach the script through the JSON data and come out as option text.
      const options = await page.locator('#cc-control option').allTextContents();
      assert.ok(options.some((option) => option.includes(CLOSE_SCRIPT_PAYLOAD)));
      // Interacting fires no handler an attribute payload might have smuggled in.
      await page.hover('#cc-findings tbody tr.finding >> nth=0');
      await page.fill('#cc-search', 'alert');
      await page.waitForTimeout(200);
      assert.deepEqual(loaded.dialogs, []);
      assert.deepEqual(loaded.problems, []);
    } finally {
      await close(loaded);
    }
  });

  it('without JavaScript every finding is visible and the inert filter bar is hidden', async () => {
    const report = bulkReport(40, 10);
    const loaded = await open(report, { javaScript: false });
    try {
      assert.equal(await visibleRows(loaded.page), report.findings.length);
      assert.equal(await loaded.page.locator('#cc-filters').isVisible(), false);
      await loaded.page.locator('details.remediation-details summary >> nth=0').click();
      assert.ok(await loaded.page.locator('.remediation >> nth=0').isVisible());
    } finally {
      await close(loaded);
    }
  });

  it('print media shows every row and remediation and hides the controls', async () => {
    const report = bulkReport(40, 10);
    const loaded = await open(report);
    const { page } = loaded;
    try {
      await onlySeverities(page, ['critical']);
      assert.ok((await visibleRows(page)) < report.findings.length);
      assert.equal(await page.locator('.remediation:visible').count(), 0, 'collapsed on screen');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await visibleRows(page), report.findings.length);
      assert.equal(await page.locator('.remediation:visible').count(), report.findings.length);
      assert.equal(await page.locator('#cc-filters').isVisible(), false);
    } finally {
      await close(loaded);
    }
  });

  it('takes a full-page screenshot to test/.artifacts/html-report.png', async () => {
    const loaded = await open(sampleReport());
    try {
      await mkdir(ARTIFACTS, { recursive: true });
      await loaded.page.locator('details.remediation-details summary >> nth=0').click();
      await loaded.page.screenshot({ path: SCREENSHOT, fullPage: true });
      const bytes = await readFile(SCREENSHOT);
      assert.ok(bytes.length > 10_000, `a real image, got ${bytes.length} bytes`);
      assert.deepEqual(bytes.subarray(0, 8), PNG_MAGIC);
    } finally {
      await close(loaded);
    }
  });
});
