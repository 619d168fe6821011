import { baseUrl, expect, operatorToken, test } from './support/fixtures';

// A CSV with one bad row: the preview names the row and the field, nothing is stored, and once fixed the
// whole file is imported and the new devices are listed.
test('importing devices from a CSV with one bad row shows the row error first, then imports the fixed file', async ({ as, request }) => {
  const token = await operatorToken(request, 'powerbank');
  const sites = (await (await request.get(`${baseUrl()}/v1/sites`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { id: string }[] };
  const siteId = sites.items[0]!.id;
  const tag = Date.now().toString(36).toUpperCase();
  const good = `PB-E2E-${tag}-1,POWERBANK_CABINET,${siteId},e2e cabinet one,8`;
  const bad = `PB-E2E-${tag}-2,TOASTER,${siteId},e2e cabinet two,8`;
  const csv = (second: string) => ['code,type,siteId,name,slots', good, second].join('\n');

  const page = await as('powerbank', '/devices/import');
  await page.getByLabel('CSV 内容').fill(csv(bad));
  const preview = page.waitForResponse((r) => r.url().includes('/v1/devices/import?dryRun=true'));
  await page.getByRole('button', { name: /预\s*览/ }).click();
  expect((await preview).status()).toBe(200);
  // the bad one is the third line of the file (the header is line 1)
  await expect(page.getByTestId('row-error-3')).toContainText(/type/i);
  await expect(page.getByRole('button', { name: /导入 2 台设备/ })).toBeDisabled();
  const listed = await request.get(`${baseUrl()}/v1/devices?code=PB-E2E-${tag}`, { headers: { authorization: `Bearer ${token}` } });
  expect(((await listed.json()) as { items: unknown[] }).items).toHaveLength(0);

  await page.getByLabel('CSV 内容').fill(csv(bad.replace('TOASTER', 'POWERBANK_CABINET')));
  await page.getByRole('button', { name: /预\s*览/ }).click();
  await expect(page.getByTestId('import-preview')).toContainText('全部 2 行均可导入');
  const run = page.waitForResponse((r) => r.url().endsWith('/v1/devices/import') && r.request().method() === 'POST');
  await page.getByRole('button', { name: /导入 2 台设备/ }).click();
  expect((await run).status()).toBe(201);
  await expect(page.getByText('已导入 2 台设备')).toBeVisible();

  await page.goto(`/devices?code=PB-E2E-${tag}`);
  await expect(page.getByText(`PB-E2E-${tag}-1`).first()).toBeVisible();
  await expect(page.getByText(`PB-E2E-${tag}-2`).first()).toBeVisible();
});
