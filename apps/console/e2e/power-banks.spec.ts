import { DEMO_SITES, registerDevice } from './support/devices';
import { baseUrl, expect, operatorToken, pickOption, test } from './support/fixtures';

// Power banks (issue 16): a cabinet reports its banks in signed heartbeats; the operator finds them on /power-banks
// and on the cabinet's device page.
test.describe('power banks', () => {
  test('a cabinet reports its banks: /power-banks lists and filters them, the cabinet’s page shows its slots', async ({ as, request }) => {
    const token = await operatorToken(request, 'powerbank');
    const cabinet = await registerDevice(token, 'POWERBANK_CABINET', DEMO_SITES.powerbankStation);
    const [full, low] = [`${cabinet.code}-A`, `${cabinet.code}-B`];
    await cabinet.client.heartbeat({
      firmware: 'e2e-1.0.0',
      signal: 4,
      slots: [
        { slot: 1, bankId: full, chargePercent: 95 },
        { slot: 2, bankId: low, chargePercent: 20 },
        { slot: 3 },
      ],
    });
    // heartbeats are written in batches: wait until the API has the inventory
    await expect
      .poll(async () => ((await (await request.get(`${baseUrl()}/v1/devices/${cabinet.deviceId}/inventory`, { headers: { authorization: `Bearer ${token}` } })).json()) as { banks?: number }).banks, {
        timeout: 20_000,
        intervals: [250, 500, 1000],
      })
      .toBe(2);

    const page = await as('powerbank', `/power-banks?bankId=${encodeURIComponent(cabinet.code)}`);
    const list = page.getByTestId('power-banks-list');
    await expect(list.getByText(full, { exact: true })).toBeVisible();
    await expect(list.getByText(low, { exact: true })).toBeVisible();
    await expect(list.getByText('95%')).toBeVisible();
    await expect(list.getByText('在仓').first()).toBeVisible();

    // one bank by its id
    const filters = page.getByRole('search');
    await filters.getByLabel('充电宝编号').fill(full);
    await filters.getByRole('button', { name: /查\s*询/ }).click();
    await expect(page).toHaveURL(new RegExp(`bankId=${encodeURIComponent(full)}`));
    await expect(list.getByText(full, { exact: true })).toBeVisible();
    await expect(list.getByText(low, { exact: true })).toHaveCount(0);

    // rented ones only: none of this cabinet's banks is out
    await filters.getByLabel('充电宝编号').fill(cabinet.code);
    await pickOption(page, filters.getByLabel('状态'), '已借出');
    await filters.getByRole('button', { name: /查\s*询/ }).click();
    await expect(page).toHaveURL(/state=RENTED/);
    await expect(list.getByText(full, { exact: true })).toHaveCount(0);
    await expect(list.getByText(low, { exact: true })).toHaveCount(0);

    // back to in-slot ones, then to the cabinet through the bank's place
    await pickOption(page, filters.getByLabel('状态'), '在仓');
    await filters.getByRole('button', { name: /查\s*询/ }).click();
    await expect(page).toHaveURL(/state=IN_SLOT/);
    await expect(list.getByText(full, { exact: true })).toBeVisible();
    await list.getByRole('link', { name: new RegExp(`${cabinet.code} · 仓位 1`) }).click();

    await expect(page).toHaveURL(new RegExp(`/devices/${cabinet.deviceId}$`));
    const inventory = page.getByTestId('inventory');
    await expect(inventory.getByTestId('inventory-banks')).toHaveText('2');
    await expect(inventory.getByTestId('inventory-charged')).toHaveText('1');
    // registered with 8 slots: the 6 the cabinet reported no bank in are free
    await expect(inventory.getByTestId('inventory-free')).toHaveText('6');
    const rows = inventory.getByRole('row');
    await expect(rows.filter({ hasText: full })).toContainText('95%');
    await expect(rows.filter({ hasText: low })).toContainText('20%');
    await expect(rows.filter({ has: page.getByRole('cell', { name: '3', exact: true }) })).toContainText('空');
  });
});
