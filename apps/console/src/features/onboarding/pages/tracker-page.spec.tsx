import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, meWith, type Recorded } from '@/test/fake-api';
import { ACCOUNT, ADMIN, accounts, renderAt, step, tracker } from '../test/render';
import { OnboardingLayout } from './onboarding-layout';
import { TrackerPage } from './tracker-page';

// whole pages with antd on a shared machine: more than the default per test
jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

const BASE = `/v1/merchant-accounts/${ACCOUNT}`;
const page = (
  <OnboardingLayout accountId={ACCOUNT}>
    <TrackerPage accountId={ACCOUNT} />
  </OnboardingLayout>
);
const dialog = async () => (await screen.findByRole('dialog')) as HTMLElement;

describe('the onboarding tracker', () => {
  it('shows the next action first, then the seven steps in order with blockers, checks, dates and evidence', async () => {
    api = fakeApi({ [`GET ${BASE}/onboarding`]: tracker(), 'GET /v1/merchant-accounts': accounts });
    renderAt(page);
    const next = await screen.findByTestId('next-action');
    expect(next).toHaveTextContent('下一步：1.3 客服电话验证');
    expect(next).toHaveTextContent('先完成客服电话验证');
    // the next action comes before every step on the page
    const steps = screen.getAllByTestId(/^step-\d\.\d$/);
    expect(steps.map((s) => s.dataset['testid'])).toEqual(['step-1.1', 'step-1.2', 'step-1.3', 'step-1.4', 'step-2.1', 'step-2.2', 'step-2.3']);
    expect(next.compareDocumentPosition(steps[0]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(steps[0]!).getByText('1.1 发送申请表和附件')).toBeInTheDocument();
    // a blocked step says why
    expect(within(steps[0]!).getByText('受阻')).toBeInTheDocument();
    expect(screen.getByTestId('blockers-1.1')).toHaveTextContent('等待 1.3 客服电话验证完成');
    // what the platform checked, the expected dates, the evidence
    expect(screen.getByTestId('checks-1.2')).toHaveTextContent('商户号凭据已通过校验');
    // debugging blocked by its prerequisites still shows the orders the platform saw
    expect(within(steps[5]!).getByText('受阻')).toBeInTheDocument();
    expect(screen.getByTestId('blockers-2.2')).toHaveTextContent('须先完成 1.1–1.4');
    expect(screen.getByTestId('blockers-2.2')).toHaveTextContent('须先完成 2.1 签约与白名单');
    expect(screen.getByTestId('checks-2.2')).toHaveTextContent('平台已看到完成与取消订单');
    expect(screen.getByTestId('blockers-2.3')).toHaveTextContent('须先完成 2.1 签约与白名单');
    expect(screen.getByTestId('blockers-2.3')).toHaveTextContent('须先完成 2.2 联调');
    expect(screen.getByTestId('expected-1.4')).toHaveTextContent('预计 2026-12-15 至 2026-12-18 收到答复（提交后 7–10 个工作日');
    expect(screen.getByTestId('expected-2.3')).toHaveTextContent('可预约的验收日：2026-12-08（微信只在周二、周四验收）');
    expect(within(steps[2]!).getByText('客服电话.png')).toBeInTheDocument();
    expect(within(steps[2]!).getByText('2 KB')).toBeInTheDocument();
    // the tabs, the acceptance kit a plain link to its own route
    expect(screen.getByTestId('tab-pack')).toHaveAttribute('href', `/onboarding/${ACCOUNT}/pack`);
    expect(screen.getByTestId('tab-acceptance')).toHaveAttribute('href', `/onboarding/${ACCOUNT}/acceptance`);
    expect(screen.getByTestId('tab-acceptance')).toHaveTextContent('验收工具');
  });

  it('records a step: state, date, note, the evidence kept and a new file stored first', async () => {
    const done = tracker({ nextAction: { step: '1.1', text: '发送申请表' }, steps: tracker().steps.map((s) => (s.key === '1.3' ? step('1.3', { state: 'DONE' }) : s)) });
    let saved = false;
    api = fakeApi({
      [`GET ${BASE}/onboarding`]: () => (saved ? done : tracker()),
      'GET /v1/merchant-accounts': accounts,
      [`POST ${BASE}/evidence`]: (r: Recorded) =>
        answer(201, { id: 'ev-1', purpose: r.query['purpose'], name: r.query['name'], contentType: 'image/png', size: 5, sha256: 'x', uploadedAt: '2026-12-06T03:00:00Z', uploadedBy: 'u' }),
      [`PUT ${BASE}/onboarding/steps/1.3`]: () => ((saved = true), done),
    });
    renderAt(page);
    await userEvent.click(await screen.findByTestId('next-action-record'));
    const box = await dialog();
    expect(within(box).getByText('更新 1.3 客服电话验证')).toBeInTheDocument();
    fireEvent.mouseDown(within(box).getByLabelText('状态'));
    fireEvent.click(await screen.findByTitle('已完成'));
    fireEvent.change(within(box).getByTestId('step-submitted-on'), { target: { value: '2026-12-05' } });
    await userEvent.type(within(box).getByTestId('step-note'), '400 电话已验证');
    await userEvent.upload(box.querySelector('input[type="file"]') as HTMLInputElement, new File(['hello'], '验证截图.png', { type: 'image/png' }));
    await userEvent.type(within(box).getByTestId('evidence-note'), '微信后台截图');
    await userEvent.click(within(box).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => expect(api!.requests.filter((r) => r.method === 'PUT')).toHaveLength(1));
    const upload = api.requests.find((r) => r.method === 'POST')!;
    expect(upload.query).toEqual({ purpose: 'step:1.3', name: '验证截图.png' });
    expect(upload.body).toBe('hello');
    expect(api.requests.find((r) => r.method === 'PUT')!.body).toEqual({
      state: 'DONE',
      submittedOn: '2026-12-05',
      note: '400 电话已验证',
      evidence: [
        { fileName: '客服电话.png', date: '2026-12-02', note: '已拨通', sizeBytes: 2048 },
        { fileName: '验证截图.png', contentType: 'image/png', sizeBytes: 5, fileId: 'ev-1', note: '微信后台截图' },
      ],
    });
    // the answer is the new tracker
    await waitFor(() => expect(screen.getByTestId('next-action')).toHaveTextContent('下一步：1.1 发送申请表和附件'));
  });

  it('shows a state the rules refuse on the state field', async () => {
    api = fakeApi({
      [`GET ${BASE}/onboarding`]: tracker(),
      'GET /v1/merchant-accounts': accounts,
      [`PUT ${BASE}/onboarding/steps/1.1`]: answer(422, { status: 422, code: 'ONBOARDING_STEP_BLOCKED', title: 'x', detail: '1.1 受阻', errors: [{ field: 'state', messages: ['等待 1.3 客服电话验证完成'] }] }),
    });
    renderAt(page);
    await userEvent.click(await screen.findByTestId('edit-1.1'));
    const box = await dialog();
    fireEvent.mouseDown(within(box).getByLabelText('状态'));
    fireEvent.click(await screen.findByTitle('已提交'));
    await userEvent.click(within(box).getByRole('button', { name: /保\s?存/ }));
    expect(await within(box).findAllByText('等待 1.3 客服电话验证完成')).not.toHaveLength(0);
    expect(api.requests.find((r) => r.method === 'PUT')!.body).toEqual({ state: 'SUBMITTED', evidence: [] });
  });

  it('stops with a clear refusal for a merchant kind that cannot apply, and changes the subject type', async () => {
    const refused = tracker({ subjectType: 'MICRO_MERCHANT', nextAction: null, refused: '小微商户不能直连申请微信支付分。', steps: tracker().steps.map((s) => ({ ...s, state: 'BLOCKED' as const })) });
    let changed = false;
    api = fakeApi({
      [`GET ${BASE}/onboarding`]: () => (changed ? tracker() : refused),
      'GET /v1/merchant-accounts': accounts,
      [`PUT ${BASE}/onboarding/subject`]: () => ((changed = true), tracker()),
    });
    renderAt(page);
    const stop = await screen.findByTestId('refused');
    expect(stop).toHaveTextContent('不能申请直连微信支付分');
    expect(stop).toHaveTextContent('小微商户不能直连申请微信支付分。');
    expect(screen.queryByTestId('next-action')).toBeNull();
    expect(screen.getByTestId('edit-1.1')).toBeDisabled();
    fireEvent.mouseDown(within(screen.getByTestId('subject-card')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('企业'));
    await waitFor(() => expect(api!.requests.find((r) => r.method === 'PUT')?.body).toEqual({ subjectType: 'ENTERPRISE' }));
    expect(await screen.findByTestId('next-action')).toBeInTheDocument();
  });

  it('reads without the write permission: no edit buttons, the subject type fixed', async () => {
    api = fakeApi({ [`GET ${BASE}/onboarding`]: tracker(), 'GET /v1/merchant-accounts': accounts });
    renderAt(page, meWith(['onboarding.read'], { organizationId: ADMIN.organizationId, user: ADMIN.user }));
    await screen.findByTestId('next-action');
    expect(screen.queryByTestId('edit-1.1')).toBeNull();
    expect(screen.queryByTestId('next-action-record')).toBeNull();
  });

  it('opens a stored evidence file with the login’s token from an object URL', async () => {
    const withFile = tracker({ steps: tracker().steps.map((s) => (s.key === '1.3' ? step('1.3', { state: 'IN_PROGRESS', evidence: [{ fileName: '验证截图.png', fileId: 'ev-9' } as never] }) : s)) });
    api = fakeApi({ [`GET ${BASE}/onboarding`]: withFile, 'GET /v1/merchant-accounts': accounts, [`GET ${BASE}/evidence/ev-9/content`]: 'png-bytes' });
    const opened: string[] = [];
    const originalCreate = URL.createObjectURL;
    const originalRevoke = URL.revokeObjectURL;
    const originalOpen = globalThis.open;
    URL.createObjectURL = () => 'blob:evidence';
    URL.revokeObjectURL = () => undefined;
    globalThis.open = ((url: string) => void opened.push(url)) as unknown as typeof globalThis.open;
    try {
      renderAt(page);
      await userEvent.click(await within(await screen.findByTestId('step-1.3')).findByRole('button', { name: /查看文件/ }));
      await waitFor(() => expect(opened).toEqual(['blob:evidence']));
      expect(api.requests.filter((r) => r.path === `${BASE}/evidence/ev-9/content`)).toHaveLength(1);
    } finally {
      URL.createObjectURL = originalCreate;
      URL.revokeObjectURL = originalRevoke ?? (() => undefined);
      globalThis.open = originalOpen;
    }
  });
});
