// Browser end-to-end tests of the analytics pages: a value run started from the UI, the charts
// rendered with data, drill-downs to filtered customer lists, scores on the 360, role gating.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, login, newPage, screenshot, startServer } from './lib/harness.mjs';

let server;
let browser;
let baseURL;

before(async () => {
  server = await startServer();
  baseURL = server.baseURL;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function closePage(page) {
  assert.deepEqual(page.problems, [], 'no uncaught errors in the page');
  await page.context().close();
}

/** Series data of the ECharts instance the Chart component keeps on its element. */
async function seriesData(page, testid) {
  const el = await page.waitForSelector(`[data-testid=${testid}][data-rendered=true]`);
  return el.evaluate((el) =>
    el.__chart.getOption().series.map((s) => (s.data ?? []).map((d) => (d && typeof d === 'object' && !Array.isArray(d) ? d.value : d))),
  );
}

/** Clicks a data item of a chart at the pixel ECharts computes for it. */
async function clickChart(page, testid, seriesIndex, value) {
  const el = await page.waitForSelector(`[data-testid=${testid}][data-rendered=true]`);
  await el.scrollIntoViewIfNeeded();
  const [x, y] = await el.evaluate((e, [si, v]) => e.__chart.convertToPixel({ seriesIndex: si }, v), [seriesIndex, value]);
  const box = await el.boundingBox();
  await page.mouse.click(box.x + x, box.y + y);
}

/** The text of every cell of a column once the scores have loaded ("…" while loading). */
async function columnTexts(page, col) {
  await page.waitForSelector('[data-testid=customer-table] tbody tr');
  await page.waitForFunction((c) => {
    const cells = [...document.querySelectorAll(`[data-testid=customer-table] td[data-col=${c}]`)];
    return cells.length > 0 && cells.every((td) => td.textContent !== '…');
  }, col);
  return page.$$eval(`[data-testid=customer-table] td[data-col=${col}]`, (tds) => tds.map((td) => td.textContent.trim()));
}

describe('analytics', () => {
  test('an agent sees no Analytics navigation and is refused the page', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'agent');
    await page.waitForSelector('[data-testid=nav-customers]');
    assert.equal(await page.locator('[data-testid=nav-analytics]').count(), 0);
    await page.goto('/analytics/value');
    await page.waitForSelector('.error-box');
    assert.equal(await page.locator('[data-testid=analytics-summary]').count(), 0);
    await closePage(page);
  });

  test('sales sees the section but no Run button; before any run an empty state explains', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'sales');
    await page.click('[data-testid=nav-analytics]');
    await page.waitForURL('**/analytics/value');
    await page.waitForSelector('[data-testid=analytics-empty]');
    assert.equal(await page.locator('[data-testid=run-analysis]').count(), 0);
    await closePage(page);
  });

  test('analyst runs a value analysis, sees the charts and drills down to class A', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'analyst');
    await page.click('[data-testid=nav-analytics]');
    await page.waitForSelector('[data-testid=analytics-empty]');
    assert.equal(await page.locator('[data-testid=run-analysis]').count(), 1);

    const posted = page.waitForResponse((r) => r.url().endsWith('/api/v1/analysis/runs') && r.request().method() === 'POST');
    await page.click('[data-testid=run-analysis]');
    assert.equal((await posted).status(), 202);
    await page.waitForSelector('[data-testid=analytics-summary]', { timeout: 90_000 });
    await page.waitForSelector('[data-testid=run-succeeded]');
    assert.equal(await page.locator('[data-testid=analytics-empty]').count(), 0);

    // Latest run with fitted parameters and log-likelihoods.
    const bg = await page.textContent('[data-testid=fitted-models] tr[data-model=bgnbd]');
    // Numbers are locale-formatted: a ridge estimate can be large ("4,465,000").
    assert.match(bg, /r = [\d.,]+, α = [\d.,]+, a = [\d.,]+, b = [\d.,]+/);
    assert.match(bg, /-[\d,]+\.\d\d/);

    // The Pareto chart rendered with data: bars, a cumulative line ending at 100 %, a non-blank canvas.
    const [bars, cumulative] = await seriesData(page, 'pareto-chart');
    assert.ok(bars.length > 0 && bars.some((v) => v > 0), `bars: ${bars}`);
    assert.equal(cumulative.at(-1), 100);
    const inked = await page.$eval('[data-testid=pareto-chart] canvas', (c) => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n;
    });
    assert.ok(inked > 1000, `the Pareto canvas has ink (${inked} pixels)`);
    for (const id of ['rfm-chart', 'clv-chart', 'p-alive-chart']) {
      const data = await seriesData(page, id);
      assert.ok(data[0].length > 0, `${id} has data`);
    }
    assert.equal(await page.locator('[data-testid=top-customers] tbody tr').count(), 20);
    await page.locator('[data-testid=pareto-chart]').scrollIntoViewIfNeeded();
    await screenshot(page, 'analytics-value');

    // Click the first bar (rank 1 is always class A) → the list filtered by filter[abc]=A.
    await clickChart(page, 'pareto-chart', 0, [0, bars[0] / 2]);
    await page.waitForURL(/\/customers\?.*filter%5Babc%5D=A/);
    const classes = await columnTexts(page, 'abc');
    assert.ok(classes.length > 0);
    assert.deepEqual([...new Set(classes)], ['A'], 'every row is class A');
    await closePage(page);
  });

  test('RFM cell and churn-risk drill-downs land on matching lists; the 360 shows the scores', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'analyst');
    await page.goto('/analytics/value');
    const [cells] = await seriesData(page, 'rfm-chart');
    const [f, r, n] = cells.reduce((best, c) => (c[2] > best[2] ? c : best));
    assert.ok(n > 0);
    await clickChart(page, 'rfm-chart', 0, [f, r]);
    await page.waitForURL(/filter%5Brfm_cell%5D%5Bstarts-with%5D=/);
    const rfm = await columnTexts(page, 'rfm_cell');
    assert.ok(rfm.length > 0 && rfm.every((c) => c.startsWith(`${r + 1}${f + 1}`)), `cells ${rfm} start with R${r + 1} F${f + 1}`);
    assert.equal(await page.locator('[data-testid=filter-chips] .chip[data-field=rfm_cell]').count(), 1);

    await page.goBack();
    await page.click('[data-testid=churn-risk]');
    await page.waitForURL(/sort=p_alive/);
    const abc = await columnTexts(page, 'abc');
    assert.ok(abc.every((c) => c === 'A' || c === 'B'), `classes ${abc}`);
    const alive = (await columnTexts(page, 'p_alive')).map((s) => Number.parseFloat(s));
    assert.ok(alive.every((v, i) => i === 0 || v >= alive[i - 1]), `P(alive) ascending: ${alive}`);

    await page.goto('/analytics/value');
    await page.click('[data-testid=top-customers] tbody tr:first-child a');
    await page.waitForSelector('[data-testid=scores]');
    for (const k of ['clv', 'p_alive', 'abc_class', 'value_class', 'rfm_cell', 'account_size', 'clv_discounted', 'expected_purchases_90d']) {
      assert.equal(await page.locator(`[data-testid=scores] [data-score=${k}]`).count(), 1, `score ${k} shown`);
    }
    assert.match(await page.textContent('[data-testid=scores] [data-score=clv] dd'), /¥|CN¥/);
    await closePage(page);
  });

  test("a failed run shows the run's own message", async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'manager');
    await page.goto('/analytics/value');
    await page.waitForSelector('[data-testid=analytics-summary]');
    // The server's failure (e.g. an empty ledger) cannot happen on demo data: answer for it.
    const run = { id: 999, kind: 'value', status: 'queued', progress: 0, parameters: null, inputs: null, error: null, created_by: 'x', created_at: '2026-01-01T00:00:00Z', started_at: null, finished_at: null };
    const message = 'the ledger has no purchases up to 2026-01-01: there is nothing to analyse';
    await page.route('**/api/v1/analysis/runs', (r) => r.fulfill({ status: 202, contentType: 'application/json', body: JSON.stringify(run) }));
    await page.route('**/api/v1/analysis/runs/999', (r) =>
      r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...run, status: 'failed', progress: 0.15, error: message }) }),
    );
    await page.click('[data-testid=run-analysis]');
    await page.waitForSelector('[data-testid=run-failed]');
    assert.match(await page.textContent('[data-testid=run-failed]'), /#999/);
    assert.match(await page.textContent('[data-testid=run-failed]'), /nothing to analyse/);
    assert.equal(await page.isEnabled('[data-testid=run-analysis]'), true, 'the button is offered again');
    await closePage(page);
  });

  test('in 简体中文 at phone width the page is translated and does not scroll sideways', async () => {
    const page = await newPage(browser, baseURL, { viewport: { width: 375, height: 800 }, locale: 'zh-CN' });
    await login(page, 'manager');
    await page.goto('/analytics/value');
    await page.waitForSelector('[data-testid=pareto-chart][data-rendered=true]');
    assert.equal(await page.textContent('h1'), '客户价值分析');
    assert.match(await page.textContent('[data-testid=run-analysis]'), /运行分析/);
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(scrollWidth <= innerWidth, `no sideways scroll (${scrollWidth} > ${innerWidth})`);
    await closePage(page);
  });
});
