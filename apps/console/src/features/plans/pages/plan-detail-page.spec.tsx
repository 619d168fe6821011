import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { i18next } from '@/lib/i18n';
import { setViewportWidth } from '@/test/viewport';
import { fakeApi, withQueryClient, type Handler, type Sent } from '../test/fake-api';
import { PLAN_ID, planDetail } from '../test/plans.fixtures';
import { PlanDetailPage } from './plan-detail-page';

// a shared two-core machine renders antd slowly: wait for what the test names, longer than the default second
configure({ asyncUtilTimeout: 20_000 });
// the editor is a large antd form: on a shared two-core machine one test can take longer than the default 20 s
jest.setTimeout(120_000);
// a phone: the version history is a list that opens each version's rule
beforeAll(() => {
  setViewportWidth(390);
  return i18next.changeLanguage('en');
});
afterAll(() => {
  setViewportWidth(1280);
  return i18next.changeLanguage('zh-CN');
});

let api: { sent: Sent[]; restore: () => void };
afterEach(() => api.restore());

const REPRICING = {
  planId: PLAN_ID,
  currentVersion: 3,
  nextVersion: 4,
  changed: true,
  deviceCount: 2,
  devices: planDetail().devices,
};

function serve(extra: Handler) {
  api = fakeApi((sent) => {
    const answer = extra(sent);
    if (answer) return answer;
    if (sent.method === 'GET' && sent.path === `/v1/plans/${PLAN_ID}`) return { status: 200, body: planDetail() };
    return undefined;
  });
}

async function openEditorAndPreview(priceYuan: string) {
  render(withQueryClient(<PlanDetailPage planId={PLAN_ID} onBack={() => undefined} onOpenDevice={() => undefined} />));
  fireEvent.click(await screen.findByRole('button', { name: /Publish a new version/ }));
  fireEvent.change(screen.getByLabelText('Price per unit (¥)'), { target: { value: priceYuan } });
  fireEvent.click(screen.getByRole('button', { name: /Preview and publish/ }));
}

describe('PlanDetailPage', () => {
  it('shows the current rule, every version with who published it and when, and the devices using the plan', async () => {
    serve(() => undefined);
    const openedDevices: string[] = [];
    render(withQueryClient(<PlanDetailPage planId={PLAN_ID} onBack={() => undefined} onOpenDevice={(id) => openedDevices.push(id)} />));
    expect((await screen.findByTestId('current-rule-zh')).textContent).toContain('3元');
    expect(screen.getByTestId('current-rule-en').textContent).toMatch(/¥3/);
    const version = (n: number) => document.querySelector(`[data-version="${n}"]`)!;
    const v3 = version(3);
    expect(v3.textContent).toContain('Version 3');
    expect(v3.textContent).toContain('李雷');
    expect(v3.textContent).toContain('2026-12-01 10:00:00'); // Asia/Shanghai
    expect(v3.textContent).toContain('current');
    const v1 = version(1);
    expect(v1.textContent).toContain('System'); // no author kept
    fireEvent.click(v1); // a version opens to its own rule
    expect((await screen.findByTestId('rule-v1-zh')).textContent).toContain('2元');
    expect(screen.getByText('PB-0001')).toBeInTheDocument();
    expect(screen.getByText('PB-0002')).toBeInTheDocument();
    expect(screen.getByText('Devices using this plan (2)')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: 'PB-0001' }));
    expect(openedDevices).toEqual(['d1']);
  });

  it('publishes: preview lists the repriced devices, then PUT carries the plan and the version the edit started from', async () => {
    serve((sent) => {
      if (sent.method === 'POST' && sent.path === `/v1/plans/${PLAN_ID}/preview`) return { status: 200, body: REPRICING };
      if (sent.method === 'PUT' && sent.path === `/v1/plans/${PLAN_ID}`) return { status: 200, body: planDetail({ currentVersion: 4 }) };
      return undefined;
    });
    await openEditorAndPreview('4');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Publish version 4?')).toBeInTheDocument();
    expect(within(dialog).getByText('PB-0001 · 东站')).toBeInTheDocument();
    expect(api.sent.filter((s) => s.method === 'PUT')).toHaveLength(0); // nothing stored before the confirmation
    const preview = api.sent.find((s) => s.method === 'POST')!;
    expect((preview.body as { plan: { rental: { unitFen: number } } }).plan.rental.unitFen).toBe(400);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Version 4 published')).toBeInTheDocument();
    const put = api.sent.find((s) => s.method === 'PUT')!;
    expect(put.body).toMatchObject({ expectedVersion: 3, plan: { rental: { unitFen: 400 } } });
    expect(put.body).not.toHaveProperty('name'); // the name did not change
  });

  it('puts the server’s field errors on their fields', async () => {
    serve((sent) =>
      sent.method === 'POST'
        ? {
            status: 400,
            body: { status: 400, code: 'DEVICE_PLAN_INVALID', title: 'Bad Request', detail: 'The pricing plan is not valid.', errors: [{ field: 'plan.rental.unitFen', messages: ['exceeds the organisation’s price limit'] }] },
          }
        : undefined,
    );
    await openEditorAndPreview('400');
    const item = (await screen.findByText('exceeds the organisation’s price limit')).closest('.ant-form-item')!;
    expect(within(item as HTMLElement).getByLabelText('Price per unit (¥)')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says so when another version was published meanwhile (409) instead of overwriting it, and reloads the latest', async () => {
    const theirs = planDetail({ currentVersion: 4, plan: { ...planDetail().plan, rental: { ...planDetail().plan.rental, unitFen: 500 } } });
    let put = false;
    serve((sent) => {
      if (sent.method === 'POST') return { status: 200, body: REPRICING };
      if (sent.method === 'PUT') {
        put = true;
        return { status: 409, body: { status: 409, code: 'PLAN_VERSION_CONFLICT', title: 'Conflict', detail: 'The plan has a newer version than the one you edited.' } };
      }
      if (sent.method === 'GET' && sent.path === `/v1/plans/${PLAN_ID}` && put) return { status: 200, body: theirs };
      return undefined;
    });
    await openEditorAndPreview('6');
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText(/Someone published a new version while you were editing/)).toBeInTheDocument();
    expect(screen.queryByText(/published$/)).toBeNull();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByLabelText('Price per unit (¥)')).toHaveValue('6'); // the operator's edit is still there to compare
    fireEvent.click(screen.getByRole('button', { name: /Load the latest version/ }));
    await waitFor(() => expect(screen.getByLabelText('Price per unit (¥)')).toHaveValue('5')); // the version published meanwhile
    expect(screen.queryByText(/Someone published a new version/)).toBeNull();
  });

  it('does not offer to publish over a version someone published after the edit started (the preview sees it)', async () => {
    serve((sent) => (sent.method === 'POST' ? { status: 200, body: { ...REPRICING, currentVersion: 4, nextVersion: 5 } } : undefined));
    await openEditorAndPreview('7');
    expect(await screen.findByText(/Someone published a new version while you were editing/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.sent.filter((s) => s.method === 'PUT')).toHaveLength(0);
  });
});
