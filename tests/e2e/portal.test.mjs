// Browser end-to-end tests of the customer portal: own orders and shipment tracking, invoices,
// cases (open, reply, create), surveys (the API's 422 by the field, then answered), contact
// preferences, and "not found" for another customer's order and case opened by URL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, apiToken, launchBrowser, login, newPage, screenshot, startServer } from './lib/harness.mjs';

let server;
let browser;
let baseURL;
let customerToken;
let adminToken;
let me;

before(async () => {
  server = await startServer();
  baseURL = server.baseURL;
  browser = await launchBrowser();
  customerToken = await apiToken(baseURL, 'customer');
  adminToken = await apiToken(baseURL, 'admin');
  me = (await api(baseURL, 'GET', '/api/v1/me', { token: customerToken })).body;
  assert.equal(me.name, 'Li Wei');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function closePage(page) {
  assert.deepEqual(page.problems, [], 'no uncaught errors in the page');
  await page.context().close();
}

/** All rows of a list endpoint (following next_cursor). */
async function listAll(token, path) {
  const rows = [];
  let cursor = null;
  for (;;) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await api(baseURL, 'GET', `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
    rows.push(...r.body.data);
    cursor = r.body.next_cursor;
    if (!cursor) return rows;
  }
}

describe('portal', () => {
  test('sees its own orders and a shipment with its tracking events', async () => {
    const orders = await listAll(customerToken, '/api/v1/orders');
    assert.ok(orders.length > 0, 'Li Wei has orders in the demo');
    assert.ok(orders.every((o) => String(o.customer_id) === String(me.customer_id)));
    let tracked = null;
    for (const o of orders) {
      const d = (await api(baseURL, 'GET', `/api/v1/orders/${o.id}`, { token: customerToken })).body;
      if (d.shipments?.length) {
        const s = (await api(baseURL, 'GET', `/api/v1/shipments/${d.shipments[0].id}`, { token: customerToken })).body;
        if (s.events.length > 0) {
          tracked = { order: d, shipment: s };
          break;
        }
      }
    }
    assert.ok(tracked, 'one of Li Wei’s orders has a shipment with tracking events');

    const page = await newPage(browser, baseURL);
    await login(page, 'customer');
    await page.click('[data-testid=nav-orders]');
    await page.waitForSelector('[data-testid=order-table]');
    const shown = await page.$$eval('[data-testid=order-link]', (as) => as.map((a) => a.textContent.trim()));
    assert.deepEqual(shown, orders.map((o) => o.number ?? o.quote_number));
    await screenshot(page, 'portal-orders');

    await page.click(`[data-testid=order-link]:text-is("${tracked.order.number}")`);
    await page.waitForSelector('[data-testid=order-lines]');
    assert.equal(await page.textContent('[data-testid=order-number]'), tracked.order.number);
    assert.equal(await page.locator('[data-testid=order-lines] tbody tr').count(), tracked.order.lines.length);
    await page.waitForSelector('[data-testid=tracking-events]');
    const events = await page.$$eval('[data-testid=tracking-event]', (li) => li.map((x) => x.textContent));
    assert.equal(events.length, tracked.shipment.events.length);
    for (const e of tracked.shipment.events) assert.ok(events.some((t) => t.includes(e.place)), `event at ${e.place} shown`);
    assert.ok((await page.textContent('[data-testid=shipment]')).includes(tracked.shipment.tracking_number));
    await closePage(page);
  });

  test('sees its invoices and balance', async () => {
    const invoices = await listAll(customerToken, '/api/v1/invoices');
    const page = await newPage(browser, baseURL);
    await login(page, 'customer');
    await page.click('[data-testid=nav-invoices]');
    await page.waitForSelector('[data-testid=invoice-table]');
    const text = await page.textContent('[data-testid=invoice-table]');
    for (const i of invoices) assert.ok(text.includes(i.number), `${i.number} listed`);
    await page.waitForSelector('[data-testid=balance]');
    await closePage(page);
  });

  test('opens its case, replies, and never sees internal notes', async () => {
    const cases = await listAll(customerToken, '/api/v1/cases');
    const open = cases.find((c) => c.status === 'open' || c.status === 'pending_customer');
    assert.ok(open, 'Li Wei has an open case');
    const staffView = (await api(baseURL, 'GET', `/api/v1/cases/${open.id}`, { token: adminToken })).body;
    const internal = staffView.notes.filter((n) => n.visibility === 'internal');
    const visible = staffView.notes.filter((n) => n.visibility === 'customer');
    assert.ok(internal.length > 0 && visible.length > 0, 'the demo case has an internal note and a visible reply');

    const page = await newPage(browser, baseURL);
    await login(page, 'customer');
    await page.click('[data-testid=nav-cases]');
    await page.waitForSelector('[data-testid=case-table]');
    await page.click(`[data-testid=case-link]:text-is("${open.number}")`);
    await page.waitForSelector('[data-testid=thread]');
    const thread = await page.textContent('[data-testid=thread]');
    for (const n of visible) assert.ok(thread.includes(n.body), 'customer-visible reply shown');
    for (const n of internal) assert.ok(!thread.includes(n.body), 'internal note never shown');

    const reply = `Thanks, the carton is still missing (${Date.now()})`;
    await page.fill('[data-testid=reply-body]', reply);
    await page.click('[data-testid=reply-send]');
    await page.waitForFunction((r) => document.querySelector('[data-testid=thread]')?.textContent.includes(r), reply);
    const after = (await api(baseURL, 'GET', `/api/v1/cases/${open.id}`, { token: adminToken })).body;
    assert.ok(after.notes.some((n) => n.body === reply && n.author_kind === 'customer' && n.visibility === 'customer'));
    await closePage(page);
  });

  test('creates a case and lands on it', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'customer');
    await page.click('[data-testid=nav-cases]');
    await page.click('[data-testid=new-case]');
    await page.click('[data-testid=case-create]');
    await page.waitForSelector('[data-testid=error-subject]');
    const subject = `Wrong collar size (${Date.now()})`;
    await page.fill('[data-testid=case-subject]', subject);
    await page.selectOption('select[name=category]', 'complaint');
    await page.fill('textarea[name=description]', 'The shirts arrived with size 40 collars, I ordered 42.');
    await page.click('[data-testid=case-create]');
    await page.waitForURL(/\/portal\/cases\/\d+$/);
    await page.waitForSelector('[data-testid=case-number]');
    const id = page.url().split('/').pop();
    const c = (await api(baseURL, 'GET', `/api/v1/cases/${id}`, { token: adminToken })).body;
    assert.equal(c.subject, subject);
    assert.equal(String(c.customer_id), String(me.customer_id));
    assert.equal(await page.textContent('[data-testid=case-number]'), c.number);
    await closePage(page);
  });

  test('answers its survey: the API refuses an out-of-range rating by the field, then accepts', async () => {
    const surveys = await listAll(customerToken, '/api/v1/surveys');
    const issued = surveys.find((s) => s.status === 'issued');
    assert.ok(issued, 'Li Wei has a survey waiting');
    const page = await newPage(browser, baseURL);
    await login(page, 'customer');
    await page.click('[data-testid=nav-surveys]');
    await page.click(`[data-testid=survey-open][href="/portal/surveys/${issued.id}"]`);
    await page.waitForSelector('[data-testid=survey-form]');
    const ratings = [
      [7, 6, 9], // perception 9 is out of range: the API's 422 names answers[0].perception
      [5, 5, 7],
    ];
    for (const [i, r] of ratings.entries()) {
      await page.fill(`[data-testid="answers[${i}].importance"]`, String(r[0]));
      await page.fill(`[data-testid="answers[${i}].expectation"]`, String(r[1]));
      await page.fill(`[data-testid="answers[${i}].perception"]`, String(r[2]));
    }
    await page.fill('[data-testid=csat]', '5');
    await page.fill('[data-testid=nps]', '10');
    await page.fill('textarea[name=comment]', 'Quick and friendly');
    await page.click('[data-testid=survey-submit]');
    const err = await page.waitForSelector('[data-testid="error-answers[0].perception"]');
    assert.ok((await err.textContent()).length > 0, 'the API message is shown by the field');
    assert.equal((await api(baseURL, 'GET', `/api/v1/surveys/${issued.id}`, { token: customerToken })).body.status, 'issued', 'nothing written');
    await page.fill('[data-testid="answers[0].perception"]', '5');
    await page.click('[data-testid=survey-submit]');
    await page.waitForSelector('[data-testid=survey-answered]');
    const done = (await api(baseURL, 'GET', `/api/v1/surveys/${issued.id}`, { token: customerToken })).body;
    assert.equal(done.status, 'answered');
    assert.equal(done.csat, 5);
    assert.equal(done.nps, 10);
    assert.equal(done.answers.length, 2);
    await closePage(page);
  });

  test('changes its contact preferences', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'customer');
    await page.waitForSelector('[data-testid=consents]');
    const box = page.locator('[data-testid=consent-sms-marketing]');
    const before = await box.getAttribute('data-status');
    const want = before === 'granted' ? 'withdrawn' : 'granted';
    await box.click();
    await page.waitForSelector(`[data-testid=consent-sms-marketing][data-status=${want}]`);
    const c = (await api(baseURL, 'GET', `/api/v1/customers/${me.customer_id}/consents`, { token: customerToken })).body;
    const row = c.current.find((x) => x.channel === 'sms' && x.purpose === 'marketing' && (x.contact_id === null || x.contact_id === undefined));
    assert.equal(row?.status, want);
    await closePage(page);
  });

  test("another customer's order and case opened by URL are not found", async () => {
    const otherOrder = (await listAll(adminToken, '/api/v1/orders')).find((o) => String(o.customer_id) !== String(me.customer_id));
    const otherCase = (await listAll(adminToken, '/api/v1/cases?filter[status]=open')).find((c) => String(c.customer_id) !== String(me.customer_id));
    assert.ok(otherOrder && otherCase);
    const page = await newPage(browser, baseURL);
    await login(page, 'customer');
    await page.goto(`/portal/orders/${otherOrder.id}`);
    await page.waitForSelector('[data-testid=not-found]');
    assert.equal(await page.locator('[data-testid=order-number]').count(), 0);
    assert.ok(!(await page.textContent('body')).includes(otherOrder.number ?? 'QT-'));
    await page.goto(`/portal/cases/${otherCase.id}`);
    await page.waitForSelector('[data-testid=not-found]');
    assert.equal(await page.locator('[data-testid=case-number]').count(), 0);
    assert.ok(!(await page.textContent('body')).includes(otherCase.subject === 'Demo complaint case' ? otherCase.number : otherCase.subject));
    // and the staff service desk is not the portal's
    await page.goto(`/service/cases/${otherCase.id}`);
    await page.waitForSelector('[data-testid=not-found]');
    await closePage(page);
  });

  test('in Chinese on a phone-width screen', async () => {
    const page = await newPage(browser, baseURL, { viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await login(page, 'customer');
    await page.goto('/portal/cases');
    await page.waitForSelector('[data-testid=case-table]');
    assert.equal(await page.textContent('[data-testid=portal-cases] h1'), '我的服务工单');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no page-wide horizontal scroll (${overflow}px)`);
    await closePage(page);
  });
});
