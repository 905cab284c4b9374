// Browser end-to-end tests of the service desk: queue with filters and "load more", the case
// view (reply in the thread, internal note, macro, pending customer pauses the SLA, If-Match
// edits and the stale notice), the metrics and forecast charts with data, role gating.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, apiToken, launchBrowser, login, newPage, screenshot, startServer } from './lib/harness.mjs';

let server;
let browser;
let baseURL;
let agentToken;

before(async () => {
  server = await startServer();
  baseURL = server.baseURL;
  browser = await launchBrowser();
  agentToken = await apiToken(baseURL, 'agent');
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
  assert.ok(await el.$('canvas'), `${testid} has an ECharts canvas`);
  return el.evaluate((e) => e.__chart.getOption().series.map((s) => (s.data ?? []).map((d) => (d && typeof d === 'object' && !Array.isArray(d) ? d.value : d))));
}

async function openCaseFromQueue(page, status) {
  await page.click('[data-testid=nav-service]');
  await page.waitForSelector('[data-testid=case-table]');
  await page.selectOption('[data-testid=filter-status]', status);
  await page.click('[data-testid=apply-filters]');
  await page.waitForFunction(
    (s) => {
      const rows = [...document.querySelectorAll('[data-testid=case-table] tbody tr .status-pill')];
      return rows.length > 0 && rows.every((r) => r.classList.contains(`s-${s}`));
    },
    status,
  );
  const link = page.locator('[data-testid=case-link]').first();
  const number = (await link.textContent()).trim();
  await link.click();
  await page.waitForSelector('[data-testid=thread], [data-testid=case-view] .empty');
  assert.equal(await page.textContent('[data-testid=case-number]'), number);
  return page.url().split('/').pop();
}

describe('service desk', () => {
  test('agent opens the queue, opens a case, replies, moves it to pending customer and sees the SLA paused', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'agent');
    const id = await openCaseFromQueue(page, 'open');
    await page.waitForSelector('[data-testid=sla-resolution]');
    assert.equal(await page.getAttribute('[data-testid=sla]', 'data-paused'), 'false');

    // only the allowed transitions are offered
    const offered = await page.$$eval('[data-testid=transitions] button', (bs) => bs.map((b) => b.dataset.testid).sort());
    assert.deepEqual(offered, ['to-pending_customer', 'to-resolved']);

    // a macro goes into the reply box, then a customer-visible reply appears in the thread
    await page.selectOption('[data-testid=macro]', 'ack');
    assert.ok((await page.inputValue('[data-testid=reply-body]')).startsWith('Thank you for contacting us'));
    const reply = `We are sending a replacement today (${Date.now()}).`;
    await page.fill('[data-testid=reply-body]', reply);
    await page.click('[data-testid=reply-send]');
    await page.waitForFunction((r) => document.querySelector('[data-testid=thread]')?.textContent.includes(r), reply);

    // an internal note is marked internal
    const note = `Checked stock in Hangzhou (${Date.now()})`;
    await page.selectOption('[data-testid=reply-visibility]', 'internal');
    await page.fill('[data-testid=reply-body]', note);
    await page.click('[data-testid=reply-send]');
    await page.waitForFunction(
      (n) => [...document.querySelectorAll('[data-testid=thread] li[data-visibility=internal]')].some((li) => li.textContent.includes(n)),
      note,
    );
    const notes = (await api(baseURL, 'GET', `/api/v1/cases/${id}`, { token: agentToken })).body.notes;
    assert.equal(notes.find((n) => n.body === reply)?.visibility, 'customer');
    assert.equal(notes.find((n) => n.body === note)?.visibility, 'internal');

    // pending customer pauses the SLA clock
    await page.click('[data-testid=to-pending_customer]');
    await page.waitForSelector('[data-testid=case-status][data-status=pending_customer]');
    await page.waitForSelector('[data-testid=sla][data-paused=true]');
    await page.waitForSelector('[data-testid=sla-paused]');
    assert.equal(await page.getAttribute('[data-testid=sla-resolution]', 'data-state'), 'paused');
    const c = (await api(baseURL, 'GET', `/api/v1/cases/${id}`, { token: agentToken })).body;
    assert.equal(c.status, 'pending_customer');
    assert.equal(c.sla.paused, true);
    const offeredNow = await page.$$eval('[data-testid=transitions] button', (bs) => bs.map((b) => b.dataset.testid).sort());
    assert.deepEqual(offeredNow, ['to-open', 'to-resolved']);
    await screenshot(page, 'service-case');
    await closePage(page);
  });

  test('priority and queue edits send If-Match; a stale edit is refused and the case reloaded', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'agent');
    const id = await openCaseFromQueue(page, 'new');
    const before = (await api(baseURL, 'GET', `/api/v1/cases/${id}`, { token: agentToken })).body;
    const prio = before.priority === 'high' ? 'urgent' : 'high';
    await page.selectOption('[data-testid=edit-priority]', prio);
    await page.fill('[data-testid=edit-queue]', 'tier2');
    await page.click('[data-testid=save-case]');
    await page.waitForFunction(() => document.querySelector('[data-testid=case-queue]')?.textContent === 'tier2');
    const after = (await api(baseURL, 'GET', `/api/v1/cases/${id}`, { token: agentToken })).body;
    assert.equal(after.priority, prio);
    assert.equal(after.queue, 'tier2');

    // someone else changes the case: the page's ETag is stale
    const r = await api(baseURL, 'GET', `/api/v1/cases/${id}`, { token: agentToken });
    const res = await fetch(`${baseURL}/api/v1/cases/${id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${agentToken}`, 'Content-Type': 'application/json', 'If-Match': r.headers.get('etag') },
      body: JSON.stringify({ queue: 'hotline' }),
    });
    assert.equal(res.status, 200);
    await page.fill('[data-testid=edit-queue]', 'tier3');
    await page.click('[data-testid=save-case]');
    await page.waitForSelector('[data-testid=case-error] .form-error');
    await page.waitForFunction(() => document.querySelector('[data-testid=case-queue]')?.textContent === 'hotline');
    assert.equal((await api(baseURL, 'GET', `/api/v1/cases/${id}`, { token: agentToken })).body.queue, 'hotline');
    await closePage(page);
  });

  test('the queue pages with "load more" and filters by priority', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'agent');
    await page.click('[data-testid=nav-service]');
    await page.waitForSelector('[data-testid=case-table]');
    assert.equal(await page.locator('[data-testid=case-table] tbody tr').count(), 25);
    await page.click('[data-testid=load-more]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=case-table] tbody tr').length === 50);
    const ids = await page.$$eval('[data-testid=case-table] tbody tr', (trs) => trs.map((tr) => tr.dataset.caseId));
    assert.equal(new Set(ids).size, 50, 'no row twice across pages');
    await page.selectOption('[data-testid=filter-priority]', 'urgent');
    await page.click('[data-testid=apply-filters]');
    const urgent = (await api(baseURL, 'GET', '/api/v1/cases?filter[priority]=urgent&limit=25', { token: agentToken })).body.data;
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=case-table] tbody tr').length === n, urgent.length);
    const shown = await page.$$eval('[data-testid=case-link]', (as) => as.map((a) => a.textContent.trim()));
    assert.deepEqual(shown, urgent.map((c) => c.number));
    await closePage(page);
  });

  test('the metrics page renders charts with the API figures', async () => {
    const m = (await api(baseURL, 'GET', '/api/v1/service/metrics?group_by=category', { token: agentToken })).body;
    assert.ok(m.overall.volume > 0);
    const page = await newPage(browser, baseURL);
    await login(page, 'agent');
    await page.click('[data-testid=nav-service]');
    assert.equal(await page.locator('[data-testid=service-tab-forecast]').count(), 0, 'agents do not read the forecast');
    await page.click('[data-testid=service-tab-metrics]');
    const [volumes] = await seriesData(page, 'chart-category');
    assert.ok(volumes.length > 0);
    assert.equal(volumes.reduce((a, b) => a + b, 0), m.overall.volume, 'category volumes add up to the total');
    const channel = await seriesData(page, 'chart-channel');
    assert.ok(channel[0].length > 0);
    const times = await seriesData(page, 'chart-times');
    assert.equal(times.length, 4);
    assert.ok(times[0].some((v) => v > 0));
    const [backlog] = await seriesData(page, 'chart-backlog');
    assert.equal(backlog.reduce((a, b) => a + b, 0), m.backlog.open);
    assert.equal(await page.textContent('[data-testid=tile-volume] .v'), String(m.overall.volume));
    await screenshot(page, 'service-metrics');
    await closePage(page);
  });

  test('the forecast page charts volume per hour of the week and agents needed', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'manager');
    await page.click('[data-testid=nav-service]');
    await page.click('[data-testid=service-tab-forecast]');
    const [volume, agents] = await seriesData(page, 'chart-forecast');
    assert.equal(volume.length, 168);
    assert.equal(agents.length, 168);
    assert.ok(volume.some((v) => v > 0), 'forecast volume is not all zero');
    assert.ok(agents.some((v) => v > 0), 'some hour needs an agent');
    const peak = Number((await page.textContent('[data-testid=tile-peak-agents] .v')).replace(/\D/g, ''));
    assert.equal(peak, Math.max(...agents));
    await closePage(page);
  });

  test('an agent refused the forecast sees the error, not a chart', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'agent');
    await page.goto('/service/forecast');
    await page.waitForSelector('.error-box');
    assert.equal(await page.locator('[data-testid=chart-forecast]').count(), 0);
    await closePage(page);
  });

  test('the case view in Chinese on a phone-width screen', async () => {
    const page = await newPage(browser, baseURL, { viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await login(page, 'agent');
    await page.goto('/service');
    await page.waitForSelector('[data-testid=case-table]');
    assert.equal(await page.textContent('[data-testid=service-queue] h1'), '服务工单队列');
    await page.locator('[data-testid=case-link]').first().click();
    await page.waitForSelector('[data-testid=sla]');
    const label = await page.textContent('[data-testid=sla-resolution] .sla-label').catch(() => '');
    if (label) assert.equal(label, '解决');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no page-wide horizontal scroll (${overflow}px)`);
    await closePage(page);
  });
});
