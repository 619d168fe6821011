import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen } from '@testing-library/react';
import { answer, fakeApi } from '@/test/fake-api';
import { ACCOUNT, renderAt } from '../test/render';
import { FlowPage } from './flow-page';

jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

const BASE = `/v1/merchant-accounts/${ACCOUNT}`;
const DEVICE = '00000000-0000-4000-8000-000000000211';
const compliance = {
  merchantAccountId: ACCOUNT,
  services: [
    {
      serviceId: '2002000000000000000000000000020',
      name: '智能冰柜先享后付',
      scenario: 'VENDING',
      mode: 'USE_FIRST',
      riskCapFen: 20000,
      disabledAt: null,
      devices: [{ id: DEVICE, code: 'FR-0001', type: 'FRIDGE', scenario: 'VENDING', fits: true }],
      scenariosUnmixed: true,
      refusals: [],
    },
  ],
  complaintRate: { complaints: 0, paidOrders: 0, rate: null, thresholdPercent: 0.01, alertEnabled: true, aboveThreshold: false, formula: '' },
};
const STORYBOARD = '<!doctype html><html lang="zh-CN"><body><main class="sheet"><h1>鲜柜 · 用户侧交互流程图</h1></main></body></html>';

describe('the flow storyboard page', () => {
  it('shows the API’s storyboard of the chosen device in a frame, with print and save', async () => {
    api = fakeApi({ [`GET ${BASE}/compliance`]: compliance, [`GET ${BASE}/flow-storyboard`]: STORYBOARD });
    renderAt(<FlowPage accountId={ACCOUNT} deviceId={DEVICE} onDeviceChange={() => undefined} />, undefined, `/onboarding/${ACCOUNT}/flow`);
    const frame = await screen.findByTestId('flow-storyboard');
    expect(frame.getAttribute('srcdoc')).toContain('鲜柜 · 用户侧交互流程图');
    expect(frame).toHaveAttribute('title', '用户侧交互流程图');
    expect(screen.getByTestId('flow-print')).toBeEnabled();
    expect(screen.getByTestId('flow-html')).toBeEnabled();
    expect(api.requests.filter((r) => r.path === `${BASE}/flow-storyboard`).map((r) => r.query)).toEqual([{ deviceId: DEVICE }]);
    expect(screen.getByText(/交互流程图（申请表 1.1 的附件）/)).toBeInTheDocument();
  });

  it('runs the storyboard sandboxed to an opaque origin and prints it by asking the frame, never by reaching into it', async () => {
    api = fakeApi({ [`GET ${BASE}/compliance`]: compliance, [`GET ${BASE}/flow-storyboard`]: STORYBOARD });
    renderAt(<FlowPage accountId={ACCOUNT} deviceId={DEVICE} onDeviceChange={() => undefined} />, undefined, `/onboarding/${ACCOUNT}/flow`);
    const frame = (await screen.findByTestId('flow-storyboard')) as HTMLIFrameElement;
    // scripts and the print dialog only: no allow-same-origin, so not the console's origin, storage or token
    expect(frame.getAttribute('sandbox')).toBe('allow-scripts allow-modals');
    const inner = frame.contentWindow!;
    const posted = jest.spyOn(inner, 'postMessage').mockImplementation(() => undefined);
    const printed = jest.spyOn(inner, 'print').mockImplementation(() => undefined);
    fireEvent.click(screen.getByTestId('flow-print'));
    expect(posted.mock.calls as unknown[]).toEqual([[{ type: 'zizhu.storyboard.print' }, '*']]);
    expect(printed).not.toHaveBeenCalled();
  });

  it('asks for the account’s default device when none is chosen, and shows a refusal with its detail', async () => {
    api = fakeApi({
      [`GET ${BASE}/compliance`]: compliance,
      [`GET ${BASE}/flow-storyboard`]: answer(422, { status: 422, code: 'FLOW_STORYBOARD_UNAVAILABLE', title: 'Unprocessable', detail: 'plan: device FR-0001 has no pricing plan the pages can describe.' }),
    });
    renderAt(<FlowPage accountId={ACCOUNT} deviceId={undefined} onDeviceChange={() => undefined} />, undefined, `/onboarding/${ACCOUNT}/flow`);
    expect(await screen.findByText(/has no pricing plan/)).toBeInTheDocument();
    expect(screen.queryByTestId('flow-storyboard')).toBeNull();
    expect(screen.getByTestId('flow-print')).toBeDisabled();
    expect(api.requests.filter((r) => r.path === `${BASE}/flow-storyboard`).map((r) => r.query)).toEqual([{}]);
  });
});
