import type { Page } from '@playwright/test';
import { DEMO_DEVICE_IDS, DEMO_SITES, copyPlan, registerDevice } from './support/devices';
import { baseUrl, expect, operatorToken, pickOption, test } from './support/fixtures';

const TECHNICIAN = '冰柜维修员';

/** A ticket's lifecycle button, then its dialog's confirmation (with a note or resolution when given). */
async function act(page: Page, action: string, note?: string): Promise<void> {
  await page.getByTestId('ticket-detail').getByRole('button', { name: action }).click();
  const dialog = page.getByRole('dialog', { name: action });
  if (note) await dialog.getByRole('textbox').fill(note);
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  await expect(dialog).toBeHidden();
}

// Maintenance tickets (issue 16): a fault reported on a device's page, handled to closure; the technician's console.
test.describe('maintenance', () => {
  test('the brand’s admin reports a fault on FR-0001’s page, assigns it, notes, starts, resolves and closes it', async ({ as }) => {
    const title = `门封条漏冷 ${Date.now().toString(36)}`;
    const page = await as('fridgeBrand', `/devices/${DEMO_DEVICE_IDS['FR-0001']}`);
    const section = page.getByTestId('device-tickets');
    await section.getByRole('button', { name: '报 修' }).click();
    const create = page.getByRole('dialog', { name: '新建维修工单' });
    await create.getByLabel('标题').fill(title);
    await create.getByLabel('描述').fill('冷藏温度升到 9 °C，门关不严');
    await create.getByRole('button', { name: /创\s*建/ }).click();

    // the new ticket opens
    await expect(page).toHaveURL(/\/maintenance\/[0-9a-f-]{36}$/);
    const ticket = page.getByTestId('ticket-detail');
    await expect(ticket.getByRole('heading', { name: title })).toBeVisible();
    await expect(ticket).toContainText('待处理');
    await expect(ticket.getByRole('link', { name: 'FR-0001' })).toBeVisible();

    await pickOption(page, ticket.getByLabel('指派'), TECHNICIAN);
    await expect(ticket.getByText(`指派给 ${TECHNICIAN}`)).toBeVisible();

    await ticket.getByLabel('添加备注').fill('已约好明早上门');
    await ticket.getByRole('button', { name: /提\s*交/ }).click();
    await expect(ticket.getByText('已约好明早上门')).toBeVisible();
    await expect(ticket.getByLabel('添加备注')).toHaveValue('');

    await act(page, '开始处理');
    await expect(ticket.getByRole('button', { name: '开始处理' })).toHaveCount(0);
    await expect(ticket).toContainText('处理中');
    await act(page, '标记解决', '更换门封条，温度恢复 4 °C');
    await expect(ticket).toContainText('更换门封条，温度恢复 4 °C');
    await expect(ticket.getByRole('button', { name: '关闭工单' })).toBeVisible();
    await act(page, '关闭工单');
    // closed: only reopening is left, no more notes
    await expect(ticket.getByRole('button', { name: '重新打开' })).toBeVisible();
    await expect(ticket.getByRole('button', { name: '标记解决' })).toHaveCount(0);
    await expect(ticket.getByLabel('添加备注')).toHaveCount(0);

    // the device's history has it, closed
    await ticket.getByRole('link', { name: 'FR-0001' }).click();
    const row = page.getByTestId('device-tickets').getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('已关闭');
    await expect(row).toContainText(TECHNICIAN);
  });

  test('the technician sees devices, sites and tickets only, is kept off money pages, and notes a ticket', async ({ as, request }) => {
    const token = await operatorToken(request, 'fridgeBrand');
    const title = `制冷异常 ${Date.now().toString(36)}`;
    const created = await request.post(`${baseUrl()}/v1/maintenance/tickets`, { headers: { authorization: `Bearer ${token}` }, data: { deviceId: DEMO_DEVICE_IDS['FR-0001'], title } });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    // a technician starts on the tickets
    const page = await as('technician', '/');
    await expect(page).toHaveURL(/\/maintenance$/);
    const menu = page.getByRole('menu');
    for (const entry of ['设备', '点位', '维修工单']) await expect(menu.getByText(entry, { exact: true })).toBeVisible();
    for (const entry of ['概览', '订单', '客服查询', '待收款', '结算', '对账', '补货看板', '计费方案', '告警', '商户号', '组织与用户', '操作日志', '开放集成']) await expect(menu.getByText(entry, { exact: true })).toHaveCount(0);

    // money pages typed by hand send it back to its tickets
    for (const path of ['/sessions', '/receivables', '/settlement', '/support', '/stock']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/maintenance$/);
    }

    // the device page: no stock, the tickets section
    await page.goto(`/devices/${DEMO_DEVICE_IDS['FR-0001']}`);
    await expect(page.getByTestId('device-tickets').getByRole('row').filter({ hasText: title })).toBeVisible();
    await expect(page.getByTestId('fridge-stock')).toHaveCount(0);

    await page.getByTestId('device-tickets').getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`/maintenance/${id}$`));
    const ticket = page.getByTestId('ticket-detail');
    await ticket.getByLabel('添加备注').fill('压缩机异响，需更换风扇');
    await ticket.getByRole('button', { name: /提\s*交/ }).click();
    await expect(ticket.getByText('压缩机异响，需更换风扇')).toBeVisible();
    await expect(ticket.getByText(TECHNICIAN).first()).toBeVisible();
  });

  test('a low-stock alert in /alerts opens a ticket on its fridge, once', async ({ as, request }) => {
    // a fridge of the test's own with a planogram and an empty book: the low-stock rule fires for it
    const token = await operatorToken(request, 'fridgeBrand');
    const headers = { authorization: `Bearer ${token}` };
    const fridge = await registerDevice(token, 'FRIDGE', DEMO_SITES.fridgeWestLake);
    await copyPlan(token, DEMO_DEVICE_IDS['FR-0001'], fridge.deviceId);
    const planogram = await request.put(`${baseUrl()}/v1/devices/${fridge.deviceId}/planogram`, { headers, data: { slots: [{ shelf: 1, slot: 1, sku: 'cola-330', parLevel: 10 }] } });
    expect(planogram.status(), await planogram.text()).toBe(200);
    let alertId = '';
    await expect
      .poll(
        async () => {
          const page = (await (await request.get(`${baseUrl()}/v1/alerts?kind=FRIDGE_LOW_STOCK&limit=100`, { headers })).json()) as { items: { id: string; subjectId: string }[] };
          alertId = page.items.find((a) => a.subjectId === fridge.deviceId)?.id ?? '';
          return alertId;
        },
        { timeout: 30_000, intervals: [500, 1000] },
      )
      .not.toBe('');

    const page = await as('fridgeBrand', '/alerts?kind=FRIDGE_LOW_STOCK');
    await page.getByTestId(`open-ticket-${alertId}`).click();
    await expect(page).toHaveURL(/\/maintenance\/[0-9a-f-]{36}$/);
    const ticketUrl = page.url();
    const ticket = page.getByTestId('ticket-detail');
    await expect(ticket).toContainText('待处理');
    await expect(ticket.getByRole('link', { name: fridge.code })).toBeVisible();

    // the same alert again: its ticket, not a second one
    await page.goto('/alerts?kind=FRIDGE_LOW_STOCK');
    await page.getByTestId(`open-ticket-${alertId}`).click();
    await expect(page).toHaveURL(ticketUrl);
    await ticket.getByRole('link', { name: fridge.code }).click();
    await expect(page.getByTestId('device-tickets').getByRole('row')).toHaveCount(2);
  });
});
