import type { Locator } from '@playwright/test';
import { DEMO_DEVICE_IDS, DEMO_SITES, copyPlan, registerDevice } from './support/devices';
import { expect, operatorToken, pickOption, test } from './support/fixtures';

/** A book line's cells: SKU, name, par, on hand, to fill, mark. */
async function expectBookLine(section: Locator, sku: string, line: { par: string; onHand: string; toFill: string; mark: string }): Promise<void> {
  const cells = section.getByRole('tabpanel', { name: '库存' }).getByRole('row').filter({ hasText: sku }).getByRole('cell');
  await expect(cells.nth(2)).toHaveText(line.par);
  await expect(cells.nth(3)).toHaveText(line.onHand);
  await expect(cells.nth(4)).toHaveText(line.toFill);
  await expect(cells.nth(5)).toHaveText(line.mark);
}

// Fridge stock (issue 16): the brand's operator sets a new fridge's planogram, restocks it and counts it on the
// device page, and finds it on the restock board. The fridge is the test's own (no session changes its book).
test.describe('fridge stock', () => {
  test('planogram, restock and count on the fridge’s page change its book; /stock lists it below par', async ({ as, request }) => {
    const token = await operatorToken(request, 'fridgeBrand');
    const fridge = await registerDevice(token, 'FRIDGE', DEMO_SITES.fridgeWestLake);
    await copyPlan(token, DEMO_DEVICE_IDS['FR-0001'], fridge.deviceId);

    const page = await as('fridgeBrand', `/devices/${fridge.deviceId}`);
    const section = page.getByTestId('fridge-stock');
    await expect(section).toContainText('库存与补货');
    await expect(section.getByText('尚未设置货道图，暂无库存账')).toBeVisible();

    // the planogram: cola at shelf 1 slot 1 (par 10), water at slot 2 (par 6)
    await section.getByRole('tab', { name: '货道图' }).click();
    const planogram = section.getByTestId('planogram-form');
    await planogram.getByRole('button', { name: '添加货道' }).click();
    await planogram.getByRole('button', { name: '添加货道' }).click();
    await pickOption(page, planogram.getByLabel('商品编码 1'), 'cola-330');
    await planogram.getByLabel('标准库存 1').fill('10');
    await pickOption(page, planogram.getByLabel('商品编码 2'), 'water-550');
    await planogram.getByLabel('标准库存 2').fill('6');
    await planogram.getByRole('button', { name: '保存货道图' }).click();
    await expect(page.getByText('货道图已保存')).toBeVisible();

    await section.getByRole('tab', { name: '库存', exact: true }).click();
    await expectBookLine(section, 'cola-330', { par: '10', onHand: '0', toFill: '10', mark: '低库存' });
    await expectBookLine(section, 'water-550', { par: '6', onHand: '0', toFill: '6', mark: '低库存' });

    // the morning run: 8 colas (2 short of par), water filled to par (the form's default)
    await section.getByRole('tab', { name: '补货' }).click();
    const restock = section.getByTestId('restock-form');
    await expect(restock.getByLabel('补入 water-550')).toHaveValue('6');
    await restock.getByLabel('补入 cola-330').fill('8');
    await restock.getByLabel('备注').fill('e2e 早班补货');
    await restock.getByRole('button', { name: '提交补货单' }).click();
    await expect(page.getByText('补货已记录')).toBeVisible();
    await section.getByRole('tab', { name: '库存', exact: true }).click();
    await expectBookLine(section, 'cola-330', { par: '10', onHand: '8', toFill: '2', mark: '未满' });
    await expectBookLine(section, 'water-550', { par: '6', onHand: '6', toFill: '0', mark: '充足' });

    // a count finds one cola missing: the book is corrected
    await section.getByRole('tab', { name: '盘点', exact: true }).click();
    const count = section.getByTestId('count-form');
    await count.getByLabel('实盘数量 cola-330').fill('7');
    await count.getByRole('button', { name: '提交盘点' }).click();
    await expect(page.getByText('盘点已记录，1 个商品有差异')).toBeVisible();
    await section.getByRole('tab', { name: '库存', exact: true }).click();
    await expectBookLine(section, 'cola-330', { par: '10', onHand: '7', toFill: '3', mark: '未满' });

    // the history keeps who did what
    await section.getByRole('tab', { name: '记录' }).click();
    const history = section.getByRole('tabpanel', { name: '记录' });
    await history.getByRole('tab', { name: '补货单' }).click();
    await expect(history.getByRole('row').filter({ hasText: 'e2e 早班补货' })).toContainText('cola-330 补入 8，下架 0');
    await history.getByRole('tab', { name: '盘点' }).click();
    await expect(history.getByText('cola-330 账面 8 → 实盘 7（-1）')).toBeVisible();

    // the restock board lists the fridge with what it needs
    await page.getByRole('menu').getByText('补货看板').click();
    const board = page.getByTestId('stock-overview');
    const row = board.getByRole('row').filter({ hasText: fridge.code });
    await expect(row).toContainText('可乐 330ml 7/10（补 3）');
    await row.getByRole('link', { name: fridge.code }).click();
    await expect(page).toHaveURL(new RegExp(`/devices/${fridge.deviceId}$`));
  });
});
