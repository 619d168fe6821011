import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, type Recorded } from '@/test/fake-api';
import { setViewportWidth } from '@/test/viewport';
import { ACTION_REFRESH_MS, refreshInterval } from '../api/complaints';
import { ADMIN, detail, FRANCHISEE_ADMIN, renderAt, SESSION } from '../test/render';
import type { ComplaintDetail } from '../types';
import { ComplaintDetailPage } from './complaint-detail-page';

// whole pages with antd dialogs on a shared machine: more than the default per test
jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

const ID = '00000000-0000-4000-8000-000000000901';
const PATH = `/v1/complaints/${ID}`;
const posted = (suffix: string) => api!.requests.filter((r) => r.method === 'POST' && r.path === `${PATH}/${suffix}`);
const button = (name: RegExp) => screen.findByRole('button', { name });
const dialog = () => screen.findByRole('dialog');

function serve(body: ReturnType<typeof detail>, extra: Record<string, unknown> = {}) {
  api = fakeApi({ [`GET ${PATH}`]: body, [`GET ${PATH}/media`]: { image: true }, ...extra });
}

// jsdom has no object URLs: each image fetched gets a numbered stand-in
let objectUrls = 0;
beforeAll(() => {
  Object.assign(URL, {
    createObjectURL: () => `blob:complaint-image-${++objectUrls}`,
    revokeObjectURL: () => undefined,
  });
});

function open(me = ADMIN) {
  return renderAt(<ComplaintDetailPage complaintId={ID} />, me, `/complaints/${ID}`);
}

describe('a complaint page', () => {
  it('shows what the user said and asked, the history oldest first with its images, linked to the session', async () => {
    serve(detail());
    open();
    expect(await screen.findByTestId('complaint-text')).toHaveTextContent('三明治过期了');
    expect(screen.getByText('申请退款', { selector: '.ant-descriptions-item-content' })).toBeInTheDocument();
    expect(screen.getByText('¥12.00')).toBeInTheDocument();
    expect(screen.getByText('¥15.00')).toBeInTheDocument();
    expect(screen.getByText('ZZ20261206000001').closest('a')).toHaveAttribute('href', `/sessions/${SESSION}`);
    const history = within(screen.getByTestId('negotiation-history'));
    expect(history.getAllByText(/^(用户提交投诉|商户回复)$/).map((e) => e.textContent)).toEqual(['用户提交投诉', '商户回复']);
    // the image is fetched through the API with the login's token (an <img src> would carry none) and shown from an object URL
    await waitFor(() => expect(screen.getByTestId('media-USER_COMPLAINT_IMAGE').querySelector('img')).toHaveAttribute('src', expect.stringMatching(/^blob:complaint-image-\d+$/)));
    expect(api!.requests.filter((r) => r.path === `${PATH}/media`).map((r) => r.query)).toContainEqual({ url: 'https://sim/v3/merchant-service/images/abc%3D%3D' });
  });

  it('says so when an image cannot be loaded', async () => {
    serve(detail(), { [`GET ${PATH}/media`]: answer(502, { status: 502, code: 'COMPLAINT_MEDIA_UNAVAILABLE', title: 'x', detail: 'x' }) });
    open();
    expect(await within(await screen.findByTestId('media-USER_COMPLAINT_IMAGE')).findByTestId('media-failed')).toHaveTextContent('图片加载失败');
  });

  it('reveals the payer phone only after a confirmation that says the read is audited', async () => {
    serve(detail(), { [`GET ${PATH}/payer-phone`]: { payerPhone: '13800001111' } });
    open();
    await userEvent.click(await button(/查看手机号/));
    const confirm = await dialog();
    expect(confirm).toHaveTextContent('审计日志');
    expect(api!.requests.some((r) => r.path.endsWith('/payer-phone'))).toBe(false);
    await userEvent.click(within(confirm).getByRole('button', { name: /查看手机号/ }));
    expect(await screen.findByTestId('payer-phone')).toHaveTextContent('13800001111');
  });

  it('replies with text counted to 200 and the images uploaded first, each upload showing its outcome', async () => {
    let uploads = 0;
    serve(detail(), {
      [`POST ${PATH}/images`]: () => (++uploads === 1 ? answer(201, { mediaId: 'MEDIA-1' }) : answer(415, { status: 415, code: 'COMPLAINT_IMAGE_TYPE', title: 'x', detail: '图片类型不支持' })),
      [`POST ${PATH}/reply`]: (r: Recorded) => answer(202, { ...detail(), actions: [{ id: 'x1', kind: 'REPLY', state: 'PENDING', payload: r.body, error: null, createdAt: '2026-12-06T03:00:00Z', finishedAt: null }] }),
    });
    open();
    await userEvent.click(await button(/回复用户/));
    const reply = await dialog();
    const text = within(reply).getByRole('textbox');
    await userEvent.type(text, '非常抱歉');
    expect(within(reply).getByText('4 / 200')).toBeInTheDocument();
    // antd renders a fresh file input after each pick
    const input = () => reply.querySelector('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(input(), new File(['png-1'], 'a.png', { type: 'image/png' }));
    await waitFor(() => expect(within(reply).getAllByTestId('reply-image')[0]).toHaveTextContent('已上传'));
    await userEvent.upload(input(), new File(['png-2'], 'b.png', { type: 'image/png' }));
    await waitFor(() => expect(within(reply).getAllByTestId('reply-image').map((e) => e.textContent)).toEqual(['a.png已上传', 'b.png上传失败图片类型不支持']));
    // a failed upload blocks the reply until it is removed
    await userEvent.click(within(reply).getByRole('button', { name: /发送回复/ }));
    expect(await within(reply).findByText(/有图片上传失败/)).toBeInTheDocument();
    expect(posted('reply')).toHaveLength(0);
    await userEvent.click(within(reply).getAllByRole('button', { name: '删除图片' })[1]!);
    await userEvent.click(within(reply).getByRole('button', { name: /发送回复/ }));
    await waitFor(() => expect(posted('reply')).toHaveLength(1));
    expect(posted('reply')[0]!.body).toEqual({ content: '非常抱歉', images: ['MEDIA-1'] });
  });

  it('approves a refund with the days until it, and refuses to reject without a reason', async () => {
    serve(detail(), { [`POST ${PATH}/refund-progress`]: answer(202, detail()) });
    open();
    await userEvent.click(await button(/退款审批/));
    const progress = await dialog();
    await userEvent.click(within(progress).getByText('拒绝退款'));
    await userEvent.click(within(progress).getByRole('button', { name: /提交审批结果/ }));
    expect(await within(progress).findByText('请写明拒绝理由')).toBeInTheDocument();
    expect(posted('refund-progress')).toHaveLength(0);
    await userEvent.click(within(progress).getByText('同意退款'));
    const days = within(progress).getByRole('spinbutton');
    await userEvent.clear(days);
    await userEvent.type(days, '3');
    await userEvent.click(within(progress).getByRole('button', { name: /提交审批结果/ }));
    await waitFor(() => expect(posted('refund-progress')).toHaveLength(1));
    expect(posted('refund-progress')[0]!.body).toEqual({ action: 'APPROVE', launchRefundDay: 3 });
  });

  it('refunds in yuan at most what the order paid, sent as fen', async () => {
    serve(detail(), { [`POST ${PATH}/refund`]: answer(202, detail()) });
    open();
    await userEvent.click(await button(/投诉退款/));
    const refund = await dialog();
    const amount = within(refund).getByRole('textbox', { name: /退款金额/ });
    expect(amount).toHaveValue('12.00');
    fireEvent.change(amount, { target: { value: '15.01' } });
    await userEvent.click(within(refund).getByRole('button', { name: /退\s*款/ }));
    expect(await within(refund).findByText('金额须在 ¥0.01 到 ¥15.00 之间')).toBeInTheDocument();
    fireEvent.change(amount, { target: { value: '15' } });
    await userEvent.click(within(refund).getByRole('button', { name: /退\s*款/ }));
    await waitFor(() => expect(posted('refund')).toHaveLength(1));
    expect(posted('refund')[0]!.body).toEqual({ amountFen: 1500, reason: '投诉退款' });
  });

  it('marks it handled, and shows its jobs: a pending one keeps the page refreshing, a failed one its error', async () => {
    const actions = [
      { id: 'a1', kind: 'REPLY', state: 'FAILED', payload: {}, error: 'PARAM_ERROR: 回复内容不合规', createdAt: '2026-12-06T03:00:00Z', finishedAt: '2026-12-06T03:00:05Z' },
      { id: 'a2', kind: 'COMPLETE', state: 'PENDING', payload: {}, error: null, createdAt: '2026-12-06T04:00:00Z', finishedAt: null },
    ];
    serve(detail({ repliedAt: '2026-12-06T03:00:05Z', actions }), { [`POST ${PATH}/complete`]: answer(202, detail()) });
    open();
    const table = within(await screen.findByTestId('complaint-actions'));
    expect(table.getByText('PARAM_ERROR: 回复内容不合规')).toBeInTheDocument();
    expect(table.getByText('失败')).toBeInTheDocument();
    expect(screen.getByText('有操作处理中，每 3 秒自动刷新')).toBeInTheDocument();
    expect(refreshInterval(detail({ actions }) as unknown as ComplaintDetail)).toBe(ACTION_REFRESH_MS);
    expect(refreshInterval(detail({ actions: [actions[0]] }) as unknown as ComplaintDetail)).toBe(false);
    // a completion that succeeded keeps it reading until WeChat's state follows, for a while
    const completed = [{ ...actions[1]!, state: 'SUCCEEDED', finishedAt: '2026-12-06T04:00:05Z' }];
    const at = Date.parse('2026-12-06T04:00:10Z');
    expect(refreshInterval(detail({ actions: completed }) as unknown as ComplaintDetail, at)).toBe(ACTION_REFRESH_MS);
    expect(refreshInterval(detail({ actions: completed, state: 'PROCESSED' }) as unknown as ComplaintDetail, at)).toBe(false);
    expect(refreshInterval(detail({ actions: completed }) as unknown as ComplaintDetail, at + 120_000)).toBe(false);
    await userEvent.click(await button(/处理完成/));
    const complete = await dialog();
    await userEvent.click(within(complete).getByRole('button', { name: /标记处理完成/ }));
    await waitFor(() => expect(posted('complete')).toHaveLength(1));
  });

  it('shows a franchisee the complaint on its session but no actions, phone or action log', async () => {
    serve(detail());
    open(FRANCHISEE_ADMIN);
    expect(await screen.findByTestId('complaint-text')).toBeInTheDocument();
    expect(screen.queryByText('回复用户')).toBeNull();
    expect(screen.queryByText('查看手机号')).toBeNull();
    expect(screen.queryByTestId('complaint-actions')).toBeNull();
  });
});

describe('a complaint page on a phone', () => {
  beforeAll(() => setViewportWidth(390));
  afterAll(() => setViewportWidth(1280));

  it('shows the complaint, its history and the actions', async () => {
    serve(detail());
    open();
    expect(await screen.findByTestId('complaint-text')).toHaveTextContent('三明治过期了');
    expect(screen.getByTestId('negotiation-history')).toBeInTheDocument();
    expect(await button(/回复用户/)).toBeInTheDocument();
  });
});
