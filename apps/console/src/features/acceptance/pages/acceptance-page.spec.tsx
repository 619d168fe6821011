import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import i18next from 'i18next';
import type { Schemas } from '@zizhu/api-client';
import { answer, fakeApi, renderWithQuery, type Recorded } from '@/test/fake-api';
import { setViewportWidth } from '@/test/viewport';
import { AcceptancePage } from './acceptance-page';

// a whole page on a shared two-core machine: slow, not waiting on anything
jest.setTimeout(90_000);
beforeAll(() => i18next.changeLanguage('en'));
afterAll(() => i18next.changeLanguage('zh-CN'));

const ACCOUNT = '00000000-0000-4000-8000-0000000000a1';
const RUN = '00000000-0000-4000-8000-0000000000a2';
const WV = '00000000-0000-4000-8000-0000000000a3';
const FILE = '00000000-0000-4000-8000-0000000000a4';
const base = `/v1/merchant-accounts/${ACCOUNT}`;

const compliance = {
  merchantAccountId: ACCOUNT,
  services: [
    {
      serviceId: '00002000000000000000000000000032',
      name: '净水服务',
      scenario: 'WATER',
      mode: 'USE_FIRST',
      riskCapFen: 5000,
      disabledAt: null,
      scenariosUnmixed: false,
      refusals: [],
      devices: [
        { id: WV, code: 'WV-0001', type: 'WATER_VALVE', scenario: 'WATER', fits: true },
        { id: '00000000-0000-4000-8000-0000000000a9', code: 'EV-0009', type: 'EV_CHARGER', scenario: 'EV_CHARGING', fits: false },
      ],
    },
    { serviceId: '00002000000000000000000000000099', name: '停用服务', scenario: 'WATER', mode: 'USE_FIRST', riskCapFen: 5000, disabledAt: '2026-12-01T00:00:00Z', scenariosUnmixed: true, refusals: [], devices: [] },
  ],
  complaintRate: { complaints: 0, paidOrders: 0, rate: null, days: 30 },
};

const items = (done: Partial<Record<string, string[]>> = {}, platformDone = false): Schemas['AcceptanceChecklistItemDto'][] =>
  (['SCREEN_RECORDING', 'ONSITE_VIDEO', 'COMPLETED_ORDER_DETAIL', 'CANCELLED_ORDER_DETAIL', 'PLATFORM_RECORDS'] as const).map((key) => ({
    key,
    label: key,
    source: key === 'PLATFORM_RECORDS' ? 'PLATFORM' : 'REAL_WECHAT_APP',
    where: '…',
    upload: key !== 'PLATFORM_RECORDS',
    evidenceIds: done[key] ?? [],
    notApplicableReason: null,
    done: key === 'PLATFORM_RECORDS' ? platformDone : (done[key]?.length ?? 0) > 0,
  }));

const session = (state: 'PAID' | 'CANCELLED', outOrderNo: string) => ({
  sessionId: state === 'PAID' ? '00000000-0000-4000-8000-0000000000b1' : '00000000-0000-4000-8000-0000000000b2',
  state,
  outOrderNo,
  transactionId: state === 'PAID' ? '4200000000202612060000000001' : null,
  createdAt: '2026-12-06T02:00:00Z',
  confirmedAt: '2026-12-06T02:00:10Z',
  finishedAt: '2026-12-06T02:05:00Z',
  amountFen: state === 'PAID' ? 150 : null,
});

function run(overrides: Partial<Schemas['AcceptanceRunDto']> = {}): Schemas['AcceptanceRunDto'] {
  return {
    id: RUN,
    merchantAccountId: ACCOUNT,
    serviceId: compliance.services[0]!.serviceId,
    deviceId: WV,
    deviceCode: 'WV-0001',
    userPagePath: '/d/WV-0001',
    offline: true,
    simulatorUrl: 'http://127.0.0.1:3100',
    createdAt: '2026-12-06T01:59:00Z',
    finishedAt: null,
    reviewDay: '2026-12-08',
    completed: null,
    cancelled: null,
    checklist: items(),
    missing: ['completedSession', 'cancelledSession', 'SCREEN_RECORDING', 'ONSITE_VIDEO', 'COMPLETED_ORDER_DETAIL', 'CANCELLED_ORDER_DETAIL'],
    notes: [],
    ...overrides,
  };
}

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => {
  api?.restore();
  setViewportWidth(1280);
});
const sent = (method: string, path: string) => api!.requests.filter((r) => r.method === method && r.path === path);
const show = () => renderWithQuery(<App><AcceptancePage accountId={ACCOUNT} /></App>);

describe('the acceptance kit page', () => {
  it('starts a run on an enabled service id and a device that fits it; a refusal lands on its field', async () => {
    let runs: Schemas['AcceptanceRunDto'][] = [];
    let refuse = true;
    api = fakeApi({
      [`GET ${base}/acceptance-runs`]: () => ({ items: runs }),
      [`GET ${base}/compliance`]: compliance,
      [`GET ${base}/evidence`]: { items: [] },
      [`POST ${base}/acceptance-runs`]: () => {
        if (refuse) {
          refuse = false;
          return answer(422, { status: 422, code: 'ACCEPTANCE_RUN_INVALID', title: 'Unprocessable', detail: 'deviceId', errors: [{ field: 'deviceId', messages: ['must be a device bound to this service id'] }] });
        }
        runs = [run()];
        return answer(201, runs[0]);
      },
    });
    show();
    const form = await screen.findByTestId('start-run');
    fireEvent.mouseDown(within(form).getByLabelText('Service ID'));
    expect(screen.queryByTitle(/停用服务/)).toBeNull();
    fireEvent.click(await screen.findByTitle(/净水服务/));
    await waitFor(() => expect(within(form).getByLabelText('Device')).toBeEnabled());
    fireEvent.mouseDown(within(form).getByLabelText('Device'));
    fireEvent.click(await screen.findByTitle('WV-0001 · WATER_VALVE'));
    expect(screen.queryByTitle(/EV-0009/)).toBeNull(); // bound but not fitting the scenario
    await waitFor(() => expect(within(form).getByRole('button', { name: 'Start the run' })).toBeEnabled());
    fireEvent.click(within(form).getByRole('button', { name: 'Start the run' }));
    expect(await within(form).findByText('must be a device bound to this service id')).toBeInTheDocument();
    fireEvent.click(within(form).getByRole('button', { name: 'Start the run' }));
    await screen.findByTestId('acceptance-run');
    expect(sent('POST', `${base}/acceptance-runs`).map((r) => r.body)).toEqual([0, 1].map(() => ({ serviceId: compliance.services[0]!.serviceId, deviceId: WV })));
    expect(screen.getByTestId('offline-notice')).toHaveTextContent('must still be taken with a real phone in the real WeChat app');
    expect(screen.getByTestId('session-completed')).toHaveTextContent('Waiting');
    expect(screen.getByTestId('review-day')).toHaveTextContent('2026-12-08');
    expect(screen.getByRole('link', { name: 'Open the user page' })).toHaveAttribute('href', '/d/WV-0001');
    expect(screen.getByRole('button', { name: 'Finish the run' })).toBeDisabled();
  });

  it('shows both orders with their numbers, uploads evidence as raw bytes per item, marks one not applicable and finishes', async () => {
    let current = run({ completed: session('PAID', 'ZZ-PAID-1'), cancelled: session('CANCELLED', 'ZZ-CANCEL-1'), checklist: items({}, true), missing: ['SCREEN_RECORDING', 'ONSITE_VIDEO', 'COMPLETED_ORDER_DETAIL', 'CANCELLED_ORDER_DETAIL'] });
    const file = { id: FILE, purpose: `acceptance:${RUN}:SCREEN_RECORDING`, name: 'rec.mp4', contentType: 'video/mp4', size: 9, sha256: 'a'.repeat(64), uploadedAt: '2026-12-06T03:00:00Z', uploadedBy: null };
    let files: (typeof file)[] = [];
    api = fakeApi({
      [`GET ${base}/acceptance-runs`]: () => ({ items: [current] }),
      [`GET ${base}/compliance`]: compliance,
      [`GET ${base}/evidence`]: () => ({ items: files }),
      [`POST ${base}/evidence`]: () => {
        files = [file];
        current = { ...current, checklist: items({ SCREEN_RECORDING: [FILE] }, true), missing: ['ONSITE_VIDEO', 'COMPLETED_ORDER_DETAIL', 'CANCELLED_ORDER_DETAIL'] };
        return answer(201, file);
      },
      [`PUT ${base}/acceptance-runs/${RUN}/checklist/ONSITE_VIDEO`]: (r: Recorded) => {
        current = { ...current, checklist: current.checklist.map((c) => (c.key === 'ONSITE_VIDEO' ? { ...c, done: true, notApplicableReason: (r.body as { notApplicableReason: string }).notApplicableReason } : c)), missing: [] };
        return current;
      },
      [`POST ${base}/acceptance-runs/${RUN}/finish`]: () => {
        current = { ...current, finishedAt: '2026-12-06T04:00:00Z' };
        return current;
      },
    });
    show();
    const completed = await screen.findByTestId('session-completed');
    expect(completed).toHaveTextContent('ZZ-PAID-1');
    expect(completed).toHaveTextContent('4200000000202612060000000001');
    expect(screen.getByTestId('session-cancelled')).toHaveTextContent('ZZ-CANCEL-1');
    expect(screen.getByTestId('item-PLATFORM_RECORDS')).toHaveTextContent('Both orders are recorded');
    expect(screen.getByTestId('item-COMPLETED_ORDER_DETAIL')).toHaveTextContent('WeChat → Me → Services → WeChat Pay Score → View orders');
    expect(screen.getByTestId('item-SCREEN_RECORDING')).toHaveTextContent('From the real WeChat app');

    // the fake API records a body that is not JSON as its text: the "recording" is the bytes of "frames"
    fireEvent.change(screen.getByTestId('upload-SCREEN_RECORDING'), { target: { files: [new File(['frames'], 'rec.mp4', { type: 'video/mp4' })] } });
    await waitFor(() => expect(within(screen.getByTestId('item-SCREEN_RECORDING')).getByText('rec.mp4')).toBeInTheDocument());
    const [upload] = sent('POST', `${base}/evidence`);
    expect(upload!.query).toEqual({ purpose: `acceptance:${RUN}:SCREEN_RECORDING`, name: 'rec.mp4' });
    expect(upload!.body).toBe('frames');

    const video = screen.getByTestId('item-ONSITE_VIDEO');
    fireEvent.click(within(video).getByRole('button', { name: 'Mark not applicable' }));
    fireEvent.change(within(video).getByLabelText('Why it does not apply'), { target: { value: '室内设备' } });
    fireEvent.click(within(video).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByTestId('item-ONSITE_VIDEO')).toHaveTextContent('Not applicable: 室内设备'));
    expect(sent('PUT', `${base}/acceptance-runs/${RUN}/checklist/ONSITE_VIDEO`).map((r) => r.body)).toEqual([{ notApplicableReason: '室内设备' }]);

    const finish = screen.getByRole('button', { name: 'Finish the run' });
    await waitFor(() => expect(finish).toBeEnabled());
    fireEvent.click(finish);
    await screen.findByText('Acceptance run finished');
    expect(sent('POST', `${base}/acceptance-runs/${RUN}/finish`)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Upload a file/ })).toBeNull();
  });

  it('refuses a file over 10 MiB before sending it, and shows a refusal of the API by its code', async () => {
    api = fakeApi({
      [`GET ${base}/acceptance-runs`]: { items: [run()] },
      [`GET ${base}/compliance`]: compliance,
      [`GET ${base}/evidence`]: { items: [] },
      [`POST ${base}/evidence`]: answer(422, { status: 422, code: 'EVIDENCE_INVALID', title: 'Unprocessable', detail: 'Content-Type x', errors: [{ field: 'contentType', messages: ['must be one of …'] }] }),
    });
    setViewportWidth(390);
    show();
    const item = await screen.findByTestId('item-ONSITE_VIDEO');
    const big = new File(['x'], 'big.mp4', { type: 'video/mp4' });
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 });
    fireEvent.change(within(item).getByTestId('upload-ONSITE_VIDEO'), { target: { files: [big] } });
    expect(await within(item).findByRole('alert')).toHaveTextContent('larger than 10 MiB');
    expect(sent('POST', `${base}/evidence`)).toHaveLength(0);
    fireEvent.change(within(item).getByTestId('upload-ONSITE_VIDEO'), { target: { files: [new File(['"x"'], 'a.txt', { type: 'text/plain' })] } });
    expect(await within(item).findByText(/The file was refused/)).toBeInTheDocument();
  });

  it('lists the other runs and opens one on a click; another run may be started at any time', async () => {
    const older = run({ id: '00000000-0000-4000-8000-0000000000a7', deviceCode: 'WV-0002', createdAt: '2026-12-01T01:00:00Z', finishedAt: '2026-12-01T05:00:00Z', missing: [] });
    api = fakeApi({ [`GET ${base}/acceptance-runs`]: { items: [run(), older] }, [`GET ${base}/compliance`]: compliance, [`GET ${base}/evidence`]: { items: [] } });
    show();
    expect(await screen.findByRole('heading', { level: 4 })).toHaveTextContent('WV-0001');
    const other = screen.getByTestId('other-run');
    expect(other).toHaveTextContent('WV-0002');
    fireEvent.click(within(other).getByRole('button'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 4 })).toHaveTextContent('WV-0002'));
    expect(screen.getByText('Acceptance run finished')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Start another run' }));
    expect(await screen.findByTestId('start-run')).toBeInTheDocument();
  });

  it('answers an account the user may not read with the API’s problem', async () => {
    api = fakeApi({ [`GET ${base}/acceptance-runs`]: answer(404, { status: 404, code: 'MERCHANT_ACCOUNT_NOT_FOUND', title: 'Not Found', detail: 'No such merchant account.' }) });
    show();
    expect(await screen.findByRole('alert')).toHaveTextContent('MERCHANT_ACCOUNT_NOT_FOUND');
  });
});
