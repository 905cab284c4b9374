// Browser end-to-end tests: the built web app against the real chaincrm server on demo data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, api, apiToken, launchBrowser, login, newPage, screenshot, startServer } from './lib/harness.mjs';

const HZ_NAME = '杭州丝绸有限公司';
let server;
let browser;
let baseURL;
let hzId;
let liWeiId;

before(async () => {
  server = await startServer();
  baseURL = server.baseURL;
  browser = await launchBrowser();
  const token = await apiToken(baseURL, 'admin');
  const hz = await api(baseURL, 'GET', `/api/v1/lookup?q=${encodeURIComponent('orders@hzsilk.example.cn')}`, { token });
  assert.equal(hz.status, 200, JSON.stringify(hz.body));
  hzId = hz.body.data.find((h) => h.name === HZ_NAME)?.id;
  assert.ok(hzId, `demo data has ${HZ_NAME}: ${JSON.stringify(hz.body)}`);
  const li = await api(baseURL, 'GET', `/api/v1/lookup?q=${encodeURIComponent('li.wei@example.cn')}`, { token });
  liWeiId = li.body.data.find((h) => h.name === 'Li Wei')?.id;
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function closePage(page) {
  assert.deepEqual(page.problems, [], 'no uncaught errors in the page');
  await page.context().close();
}

describe('login', () => {
  for (const role of ROLES) {
    test(`${role} logs in and sees the navigation for the role`, async () => {
      const page = await newPage(browser, baseURL);
      if (role === 'admin') await page.goto('/login').then(() => screenshot(page, 'login'));
      await login(page, role);
      assert.equal(await page.getAttribute('[data-testid=role]', 'data-role'), role);
      if (role === 'customer') {
        await page.waitForURL('**/portal');
        await page.waitForSelector('[data-testid=portal-profile] h1');
        assert.equal(await page.locator('[data-testid=nav-customers]').count(), 0, 'no staff navigation in the portal');
        assert.equal(await page.locator('[data-testid=global-search]').count(), 0);
      } else {
        await page.waitForURL('**/customers');
        await page.waitForSelector('[data-testid=customer-table] tbody tr');
        assert.ok((await page.locator('[data-testid=customer-table] tbody tr').count()) > 0);
        assert.equal(await page.locator('[data-testid=nav-customers]').count(), 1);
      }
      await page.click('[data-testid=logout]');
      await page.waitForURL('**/login');
      await closePage(page);
    });
  }

  test('wrong password shows the error', async () => {
    const page = await newPage(browser, baseURL);
    await page.goto('/login');
    await page.fill('input[name=email]', 'agent@demo.chaincrm.test');
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=login-error]');
    await closePage(page);
  });
});

describe('customers', () => {
  test('list pages forward by cursor and back', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'sales');
    await page.waitForSelector('[data-testid=customer-table] tbody tr');
    await screenshot(page, 'customers');
    const first = await page.locator('[data-testid=customer-table] tbody tr').first().textContent();
    const req = page.waitForRequest((r) => r.url().includes('/api/v1/customers?') && r.url().includes('cursor='));
    await page.click('[data-testid=next-page]');
    const r = await req;
    assert.ok(!/offset=/.test(r.url()), 'keyset paging, no offsets');
    await page.waitForFunction(() => document.querySelector('[data-testid=page-number]')?.textContent?.includes('2'));
    await page.waitForFunction((f) => document.querySelector('[data-testid=customer-table] tbody tr')?.textContent !== f, first);
    await page.click('text=Previous page');
    await page.waitForFunction((f) => document.querySelector('[data-testid=customer-table] tbody tr')?.textContent === f, first);
    await page.click('[data-testid=count]');
    const total = Number((await page.textContent('[data-testid=total]')).replace(/[^0-9]/g, ''));
    assert.ok(total >= 200, `demo has at least 200 customers, counted ${total}`);
    await closePage(page);
  });

  test('filter by kind sends filter[kind] and shows only that kind', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'analyst');
    await page.waitForSelector('[data-testid=customer-table] tbody tr');
    const req = page.waitForResponse((r) => r.url().includes('filter%5Bkind%5D=organization') || r.url().includes('filter[kind]=organization'));
    await page.selectOption('select[name=filter-kind]', 'organization');
    assert.equal((await req).status(), 200);
    await page.waitForURL(/filter/);
    await page.waitForSelector('[data-testid=customer-table] tbody tr');
    const kinds = await page.locator('[data-testid=customer-table] td[data-col=kind]').allTextContents();
    assert.ok(kinds.length > 0 && kinds.every((k) => k === 'Organisation'), kinds.join(','));
    await closePage(page);
  });

  test('columns chooser and saved views persist in localStorage', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'analyst');
    await page.waitForSelector('[data-testid=customer-table] tbody tr');
    await page.click('[data-testid=columns-chooser] summary');
    await page.uncheck('input[name=col-phone]');
    assert.equal(await page.locator('[data-testid=customer-table] td[data-col=phone]').count(), 0);
    await page.selectOption('select[name=filter-kind]', 'person');
    await page.waitForURL(/filter/);
    await page.waitForSelector('[data-testid=customer-table] tbody tr');
    await page.click('[data-testid=views] summary');
    await page.fill('input[name=view-name]', 'People');
    await page.click('[data-testid=views] button[type=submit]');
    await page.goto('/customers');
    await page.waitForSelector('[data-testid=customer-table] tbody tr');
    assert.equal(await page.locator('[data-testid=customer-table] td[data-col=phone]').count(), 0, 'column choice survives a reload');
    await page.click('[data-testid=views] summary');
    await page.click('[data-testid=views] button.link:has-text("People")');
    await page.waitForURL(/filter%5Bkind%5D=person|filter\[kind\]=person/);
    await closePage(page);
  });

  for (const typed of ['571 8888-1234', '+86 571 8888 1234']) {
    test(`screen pop: "${typed}" lands on ${HZ_NAME}`, async () => {
      const page = await newPage(browser, baseURL);
      await login(page, 'agent');
      await page.keyboard.press('/');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'global-search');
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/customers/${hzId}$`));
      await page.waitForSelector('[data-testid=customer-name]');
      assert.equal(await page.textContent('[data-testid=customer-name]'), HZ_NAME);
      assert.ok((await page.textContent('[data-testid=phones]')).includes('8888'));
      assert.ok((await page.locator('[data-testid=purchases] tbody tr').count()) > 0, 'demo purchases on the 360');
      await page.waitForSelector('[data-testid=revenue-chart] canvas');
      if (typed.startsWith('+')) await screenshot(page, 'customer-360');
      await closePage(page);
    });
  }

  test('create with a bad email shows the API message next to the email field', async () => {
    const token = await apiToken(baseURL, 'sales');
    const direct = await api(baseURL, 'POST', '/api/v1/customers', {
      token,
      body: { kind: 'person', name: 'E2E Bad Email', emails: ['not-an-email'] },
    });
    assert.equal(direct.status, 422, JSON.stringify(direct.body));
    const apiMsg = direct.body.errors.find((e) => e.field.startsWith('emails'))?.message;
    assert.ok(apiMsg, JSON.stringify(direct.body));

    const page = await newPage(browser, baseURL);
    await login(page, 'sales');
    await page.click('[data-testid=nav-new]');
    await page.waitForSelector('[data-testid=customer-form]');
    await page.selectOption('select[name=kind]', 'person');
    await page.fill('input[name=name]', 'E2E Bad Email');
    await page.fill('input[name="emails[0]"]', 'not-an-email');
    await page.click('[data-testid=save]');
    const err = page.locator('[data-field="emails[0]"] .field-error');
    await err.waitFor();
    assert.equal((await err.textContent()).trim(), apiMsg);
    assert.ok(page.url().endsWith('/customers/new'));
    await screenshot(page, 'customer-form-error');
    await closePage(page);
  });

  test('create a valid customer and land on its 360', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'sales');
    await page.goto('/customers/new');
    await page.waitForSelector('[data-testid=customer-form]');
    await page.fill('input[name=name]', 'E2E 新客户 Ltd');
    await page.fill('input[name="emails[0]"]', 'buyer@e2e-new.example.cn');
    await page.fill('input[name="phones[0]"]', '+86 21 5555 0101');
    await page.check('input[name="roles.retailer"]');
    await page.click('[data-testid=save]');
    await page.waitForURL(/\/customers\/[^/]+$/);
    await page.waitForSelector('[data-testid=customer-name]');
    assert.equal(await page.textContent('[data-testid=customer-name]'), 'E2E 新客户 Ltd');
    await closePage(page);
  });

  test('archive and restore, both recorded in history', async () => {
    const token = await apiToken(baseURL, 'manager');
    const made = await api(baseURL, 'POST', '/api/v1/customers', { token, body: { kind: 'organization', name: `E2E Archive ${Date.now()}` } });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const page = await newPage(browser, baseURL);
    await login(page, 'manager');
    await page.goto(`/customers/${made.body.id}`);
    await page.waitForSelector('[data-testid=archive]');
    page.once('dialog', (d) => d.accept());
    await page.click('[data-testid=archive]');
    await page.waitForSelector('.page-head .badge.archived');
    await page.click('[data-testid=archive]');
    await page.waitForSelector('.page-head .badge.active');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=history] > li').length >= 3);
    const ops = await page.locator('[data-testid=history] .hist-head strong').allTextContents();
    assert.deepEqual(ops.slice(0, 3), ['Restored', 'Archived', 'Created']);
    await closePage(page);
  });

  test('edit adds a tag and the change shows in history', async () => {
    const tag = `e2e-${Date.now().toString(36)}`;
    const page = await newPage(browser, baseURL);
    await login(page, 'manager');
    await page.goto(`/customers/${hzId}`);
    await page.click('[data-testid=edit]');
    await page.waitForSelector('input[name=tags]');
    const tags = await page.inputValue('input[name=tags]');
    await page.fill('input[name=tags]', tags ? `${tags}, ${tag}` : tag);
    const patch = page.waitForRequest((r) => r.method() === 'PATCH');
    await page.click('[data-testid=save]');
    assert.ok((await patch).headers()['if-match'], 'PATCH carries If-Match');
    await page.waitForURL(new RegExp(`/customers/${hzId}$`));
    await page.waitForFunction((t) => document.querySelector('[data-testid=profile-tags]')?.textContent?.includes(t), tag);
    await page.waitForFunction((t) => document.querySelector('[data-testid=history]')?.textContent?.includes(t), tag);
    await closePage(page);
  });

  test('a stale edit (412) tells the user and reloads', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'manager');
    await page.goto(`/customers/${hzId}/edit`);
    await page.waitForSelector('input[name=sector]');
    // Someone else changes the record meanwhile.
    const token = await apiToken(baseURL, 'admin');
    const cur = await api(baseURL, 'GET', `/api/v1/customers/${hzId}`, { token });
    const r = await fetch(`${baseURL}/api/v1/customers/${hzId}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': cur.headers.get('etag') },
      body: JSON.stringify({ tax_id: `E2E-${Date.now()}` }),
    });
    assert.equal(r.status, 200, await r.text());
    await page.fill('input[name=sector]', 'silk and textiles');
    await page.click('[data-testid=save]');
    await page.waitForSelector('[data-testid=stale-notice]');
    await closePage(page);
  });
});

describe('portal', () => {
  test('customer sees own profile and "not found" for another customer', async () => {
    const page = await newPage(browser, baseURL);
    await login(page, 'customer');
    await page.waitForSelector('[data-testid=emails]');
    assert.ok((await page.textContent('[data-testid=portal-profile] h1')).includes('Li Wei'));
    assert.ok((await page.textContent('[data-testid=emails]')).includes('li.wei@example.cn'));
    await screenshot(page, 'portal');
    await page.click('[data-testid=nav-orders]');
    await page.waitForSelector('[data-testid=order-table]');
    await page.goto(`/customers/${hzId}`);
    await page.waitForSelector('[data-testid=not-found]');
    assert.equal(await page.locator('[data-testid=customer-name]').count(), 0);
    if (liWeiId !== undefined) {
      await page.goto(`/customers/${liWeiId}`);
      await page.waitForSelector('[data-testid=customer-name]');
    }
    await closePage(page);
  });
});

describe('i18n and layout', () => {
  test('switching to 简体中文 shows Chinese labels and is remembered', async () => {
    const page = await newPage(browser, baseURL);
    await page.goto('/login');
    await page.selectOption('[data-testid=lang]', 'zh-CN');
    assert.equal(await page.textContent('#login-title'), '登录 ChainCRM');
    await login(page, 'manager');
    assert.equal(await page.textContent('[data-testid=nav-customers]'), '客户');
    await page.reload();
    await page.waitForSelector('[data-testid=nav-customers]');
    assert.equal(await page.textContent('[data-testid=nav-customers]'), '客户');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await page.goto(`/customers/${hzId}`);
    await page.waitForSelector('[data-testid=customer-name]');
    assert.ok((await page.textContent('#profile h2')).includes('基本资料'));
    await screenshot(page, 'customer-360-zh');
    await closePage(page);
  });

  test('phone width (375px): list and 360 fit without horizontal page scroll', async () => {
    const page = await newPage(browser, baseURL, { viewport: { width: 375, height: 740 } });
    await login(page, 'agent');
    await page.waitForSelector('[data-testid=customer-table] tbody tr');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page overflows by ${overflow}px`);
    await screenshot(page, 'customers-phone');
    await page.goto(`/customers/${hzId}`);
    await page.waitForSelector('[data-testid=customer-name]');
    const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow2 <= 1, `360 overflows by ${overflow2}px`);
    await closePage(page);
  });
});
