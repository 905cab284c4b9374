// Browser end-to-end tests of the sales pages: the pipeline kanban (drag and drop, stale
// cards, the lost reason), orders and an order's detail, the Perfect Order dashboard, the
// receivables ageing and the manager's dashboard, against the real server on demo data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, apiToken, launchBrowser, login, newPage, screenshot, startServer } from './lib/harness.mjs';

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

/** How many pixels of the chart's canvas are not transparent. */
async function ink(page, testid) {
  return page.$eval(`[data-testid=${testid}] canvas`, (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
}

const NEXT = { need_collection: 'solution_design', solution_design: 'selling', selling: 'follow_up', follow_up: 'won' };

/** An open opportunity owned by the sales demo user, read through the API. */
async function ownOpenOpportunity(token, skip = new Set()) {
  const me = (await api(baseURL, 'GET', '/api/v1/me', { token })).body;
  for (const stage of Object.keys(NEXT)) {
    const r = await api(baseURL, 'GET', `/api/v1/opportunities?filter[stage]=${stage}&filter[owner_id]=${me.id}&limit=50`, { token });
    assert.equal(r.status, 200);
    const o = r.body.data.find((x) => !skip.has(x.id));
    if (o) return o;
  }
  throw new Error('the demo has no open opportunity owned by the sales user');
}

async function cardStage(page, id) {
  return page.getAttribute(`[data-testid=opp-card][data-id="${id}"]`, 'data-stage');
}

describe('pipeline', () => {
  test('sales drags its card to the next stage; after a reload it is still there', async () => {
    const token = await apiToken(baseURL, 'sales');
    const opp = await ownOpenOpportunity(token);
    const target = NEXT[opp.stage];
    const page = await newPage(browser, baseURL);
    await login(page, 'sales');
    await page.click('[data-testid=nav-pipeline]');
    await page.waitForURL('**/pipeline');
    await page.click('[data-testid=only-mine]');
    await page.waitForURL('**/pipeline?mine=1');
    const card = `[data-testid=opp-card][data-id="${opp.id}"]`;
    await page.waitForSelector(card);
    assert.equal(await cardStage(page, opp.id), opp.stage);
    assert.equal(await page.getAttribute(card, 'draggable'), 'true');

    const patched = page.waitForResponse((r) => r.url().endsWith(`/api/v1/opportunities/${opp.id}`) && r.request().method() === 'PATCH');
    await page.dragAndDrop(card, `[data-testid=col-${target}]`);
    const res = await patched;
    assert.equal(res.status(), 200);
    assert.equal(res.request().headers()['if-match'], `"${opp.version}"`);
    await page.waitForSelector(`[data-testid=col-${target}] ${card}`);
    await page.waitForSelector('[data-testid=pipeline-notice]');

    await page.reload();
    await page.waitForSelector(`[data-testid=col-${target}] ${card}`);
    assert.equal(await cardStage(page, opp.id), target);
    const stored = await api(baseURL, 'GET', `/api/v1/opportunities/${opp.id}`, { token });
    assert.equal(stored.body.stage, target);

    // The weighted forecast and my tasks are on the same page.
    const [weighted] = await seriesData(page, 'forecast-chart');
    assert.ok(weighted.some((v) => v > 0), `forecast: ${weighted}`);
    await page.waitForSelector('[data-testid=task-list] [data-testid=task]');
    await screenshot(page, 'pipeline-kanban');
    await closePage(page);
  });

  test('a card changed meanwhile is reloaded and the user is told (412)', async () => {
    const token = await apiToken(baseURL, 'sales');
    const opp = await ownOpenOpportunity(token);
    const page = await newPage(browser, baseURL);
    await login(page, 'sales');
    await page.goto('/pipeline?mine=1');
    const card = `[data-testid=opp-card][data-id="${opp.id}"]`;
    await page.waitForSelector(card);
    // Someone else renames it: the board's copy is now stale.
    const bumped = await fetch(`${baseURL}/api/v1/opportunities/${opp.id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': `"${opp.version}"` },
      body: JSON.stringify({ name: `${opp.name} (revised)` }),
    });
    assert.equal(bumped.status, 200, await bumped.text());
    const patched = page.waitForResponse((r) => r.url().endsWith(`/api/v1/opportunities/${opp.id}`) && r.request().method() === 'PATCH');
    await page.dragAndDrop(card, `[data-testid=col-${NEXT[opp.stage]}]`);
    assert.equal((await patched).status(), 412);
    await page.waitForSelector('[data-testid=pipeline-notice][role=alert]');
    assert.match(await page.textContent('[data-testid=pipeline-notice]'), /changed by someone else/);
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('(revised)'), card);
    assert.equal(await cardStage(page, opp.id), opp.stage, 'the card stays where the server has it');
    await closePage(page);
  });

  test('dropping on Lost asks for a reason; an empty one shows the API message (422)', async () => {
    const token = await apiToken(baseURL, 'sales');
    const opp = await ownOpenOpportunity(token);
    const page = await newPage(browser, baseURL);
    await login(page, 'sales');
    await page.goto('/pipeline?mine=1');
    const card = `[data-testid=opp-card][data-id="${opp.id}"]`;
    await page.waitForSelector(card);
    await page.dragAndDrop(card, '[data-testid=col-lost]');
    await page.waitForSelector('[data-testid=lost-dialog]');
    const patched = page.waitForResponse((r) => r.url().endsWith(`/api/v1/opportunities/${opp.id}`) && r.request().method() === 'PATCH');
    await page.click('[data-testid=lost-dialog] button[type=submit]');
    assert.equal((await patched).status(), 422);
    await page.waitForSelector('[data-testid=pipeline-notice][role=alert]');
    assert.match(await page.textContent('[data-testid=pipeline-notice]'), /lost_reason/);
    assert.equal(await cardStage(page, opp.id), opp.stage);

    await page.dragAndDrop(card, '[data-testid=col-lost]');
    await page.fill('[data-testid=lost-reason]', 'price too high');
    await page.click('[data-testid=lost-dialog] button[type=submit]');
    await page.waitForSelector(`[data-testid=col-lost] ${card}`);
    const stored = await api(baseURL, 'GET', `/api/v1/opportunities/${opp.id}`, { token });
    assert.equal(stored.body.stage, 'lost');
    assert.equal(stored.body.lost_reason, 'price too high');
    await closePage(page);
  });

  test('an analyst sees the board read-only; at phone width the page does not scroll sideways', async () => {
    const page = await newPage(browser, baseURL, { viewport: { width: 375, height: 740 } });
    await login(page, 'analyst');
    await page.goto('/pipeline');
    await page.waitForSelector('[data-testid=opp-card]');
    assert.equal(await page.locator('[data-testid=opp-card][draggable=true]').count(), 0);
    const [sw, cw] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(sw <= cw, `no sideways scroll (${sw} > ${cw})`);
    await closePage(page);
  });
});

describe('orders', () => {
  test('the orders page lists orders and an order detail shows its lines, fulfilment and tracking', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'sales');
    await page.click('[data-testid=nav-staff-orders]');
    await page.waitForSelector('[data-testid=order-table] tbody tr');
    assert.ok((await page.locator('[data-testid=order-table] tbody tr').count()) > 0);
    await page.selectOption('[data-testid=filter-status]', 'delivered');
    await page.waitForURL(/status=delivered/);
    await page.waitForSelector('[data-testid=order-table] tbody tr');
    const statuses = await page.$$eval('[data-testid=order-table] tbody tr td:nth-child(3)', (tds) => tds.map((td) => td.textContent.trim()));
    assert.deepEqual([...new Set(statuses)], ['Delivered']);
    const number = (await page.textContent('[data-testid=order-link] >> nth=0')).trim();
    await page.click('[data-testid=order-link] >> nth=0');
    await page.waitForSelector('[data-testid=order-detail]');
    assert.ok((await page.textContent('h1')).includes(number));
    assert.ok((await page.locator('[data-testid=order-line]').count()) > 0, 'the order shows its lines');
    assert.ok((await page.locator('[data-testid=fulfilment]').count()) > 0, 'with their deliveries');
    assert.ok((await page.locator('[data-testid=order-line] .mark').count()) >= 4, 'and the four Perfect Order marks');
    await page.waitForSelector('[data-testid=tracking-event]');
    assert.notEqual((await page.textContent('[data-testid=promised-date]')).trim(), '—');
    await closePage(page);
  });

  test('the Perfect Order dashboard shows POI, SCOR, a trend chart with data and drills down by carrier', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'manager');
    await page.goto('/orders');
    await page.click('[data-testid=to-perfect-order]');
    await page.waitForSelector('[data-testid=po-kpis]');
    const poi = (await page.textContent('[data-testid=kpi-poi] .kpi-value')).trim();
    assert.match(poi, /^\d+(\.\d)?$/, `POI ${poi}`);
    assert.match(await page.textContent('[data-testid=kpi-scor] .kpi-value'), /\d+(\.\d)? %/);
    const series = await seriesData(page, 'po-trend-chart');
    assert.equal(series.length, 6, 'POI, SCOR and the four components');
    assert.ok(series[0].length > 0 && series[0].some((v) => v > 0), `POI by month: ${series[0]}`);
    assert.ok((await ink(page, 'po-trend-chart')) > 1000, 'the trend canvas has ink');
    const carriers = await page.$$eval('[data-testid=po-carriers] tbody tr', (trs) => trs.map((tr) => tr.dataset.key));
    assert.ok(carriers.length > 0);
    await screenshot(page, 'perfect-order');

    await page.click(`[data-testid=po-carriers] tr[data-key="${carriers[0]}"] [data-testid=po-drill]`);
    await page.waitForURL(/\/shipments\?carrier=/);
    await page.waitForSelector('[data-testid=shipment-table] tbody tr');
    const shown = await page.$$eval('[data-testid=shipment-table] tbody tr td:nth-child(4)', (tds) => tds.map((td) => td.textContent.trim()));
    assert.deepEqual([...new Set(shown)], [carriers[0]]);
    await page.click('[data-testid=shipment-table] [data-testid=order-link] >> nth=0');
    await page.waitForSelector('[data-testid=order-detail]');
    await closePage(page);
  });
});

describe('receivables', () => {
  test('the ageing chart has data in the five buckets and the collection list links to the 360', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'manager');
    await page.click('[data-testid=nav-receivables]');
    const [buckets] = await seriesData(page, 'ageing-chart');
    assert.equal(buckets.length, 5);
    assert.ok(buckets.some((v) => v > 0), `buckets: ${buckets}`);
    assert.ok((await ink(page, 'ageing-chart')) > 1000);
    await page.waitForSelector('[data-testid=collection-list] tbody tr');
    const name = (await page.textContent('[data-testid=collection-list] [data-testid=customer-link] >> nth=0')).trim();
    await page.click('[data-testid=collection-list] [data-testid=customer-link] >> nth=0');
    await page.waitForSelector('[data-testid=customer-name]');
    assert.equal((await page.textContent('[data-testid=customer-name]')).trim(), name);
    await closePage(page);
  });
});

describe('manager dashboard', () => {
  test('the manager sees every measure with a value, a target and a trend, linking to its page', { timeout: 480_000 }, async () => {
    // The retention and CLV measures come from a value run.
    const token = await apiToken(baseURL, 'manager');
    const run = await api(baseURL, 'POST', '/api/v1/analysis/runs', { token, body: { kind: 'value' } });
    assert.equal(run.status, 202, JSON.stringify(run.body));
    for (let i = 0; ; i++) {
      const r = await api(baseURL, 'GET', `/api/v1/analysis/runs/${run.body.id}`, { token });
      if (r.body.status === 'succeeded') break;
      assert.notEqual(r.body.status, 'failed', JSON.stringify(r.body));
      assert.ok(i < 400, 'the value run finishes in 400 s');
      await new Promise((res) => setTimeout(res, 1000));
    }
    const summary = await api(baseURL, 'GET', '/api/v1/analysis/value/summary', { token });
    assert.equal(summary.status, 200, JSON.stringify(summary.body));
    const page = await newPage(browser, baseURL);
    await login(page, 'manager');
    assert.equal(await page.textContent('[data-testid=nav] a >> nth=0'), 'Dashboard', 'first navigation item');
    await page.click('[data-testid=nav-dashboard]');
    await page.waitForSelector('[data-testid=dashboard]');
    // Retention needs P(alive) from the run; some runs of the value analysis leave the
    // histogram empty (then the card must say "no value", not invent one).
    const scored = (summary.body.p_alive_histogram ?? []).reduce((n, b) => n + b.customers, 0);
    const measured = scored > 0 ? ['retention', 'clv', 'satisfaction', 'nps', 'poi', 'sla'] : ['clv', 'satisfaction', 'nps', 'poi', 'sla'];
    for (const id of measured) {
      const value = (await page.textContent(`[data-testid=measure-${id}] [data-testid=measure-value]`)).trim();
      assert.notEqual(value, '—', `${id} has a value: ${await page.textContent(`[data-testid=measure-${id}]`)}`);
      assert.match(value, /\d/);
      assert.notEqual(await page.getAttribute(`[data-testid=measure-${id}]`, 'data-status'), 'unknown');
    }
    if (scored === 0) {
      assert.equal((await page.textContent('[data-testid=measure-retention] [data-testid=measure-value]')).trim(), '—');
      assert.equal(await page.getAttribute('[data-testid=measure-retention]', 'data-status'), 'unknown');
    }
    for (const id of ['satisfaction', 'nps', 'poi', 'sla']) {
      const [trend] = await seriesData(page, `trend-${id}`);
      assert.ok(trend.filter((v) => v !== null).length > 0, `${id} trend has data`);
    }
    await screenshot(page, 'manager-dashboard');
    await page.click('[data-testid=measure-link-poi]');
    await page.waitForSelector('[data-testid=po-kpis]');
    await closePage(page);
  });

  test('sales has no Dashboard entry', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'sales');
    await page.waitForSelector('[data-testid=nav-pipeline]');
    assert.equal(await page.locator('[data-testid=nav-dashboard]').count(), 0);
    assert.equal(await page.locator('[data-testid=nav-staff-orders]').count(), 1);
    await closePage(page);
  });
});
