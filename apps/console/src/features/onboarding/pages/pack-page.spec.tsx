import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { answer, fakeApi, type Recorded } from '@/test/fake-api';
import { setViewportWidth } from '@/test/viewport';
import { ACCOUNT, ORG, pack, renderAt } from '../test/render';
import { PackPage } from './pack-page';

jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

const BASE = `/v1/merchant-accounts/${ACCOUNT}`;
const settings = { systemSoftware: 'zizhu (开源)', expectedDailyOrders: 50, expectedChannel: '小程序' };
const path = `/onboarding/${ACCOUNT}/pack`;

describe('the application pack page', () => {
  it('shows every row of table 1.1 over the window it was given, with the 99+ warning', async () => {
    api = fakeApi({ [`GET ${BASE}/application-pack`]: pack(), [`GET ${BASE}/application-pack/settings`]: settings });
    renderAt(<PackPage accountId={ACCOUNT} search={{ days: 30, minSessions: 5 }} onSearchChange={() => undefined} />, undefined, path);
    await screen.findByTestId('pack-table');
    expect(api.requests.find((r) => r.path === `${BASE}/application-pack`)!.query).toEqual({ days: '30', minSessions: '5' });
    const rows = ['主体名称', '业务简介', '商户号', '系统软件', '运营方式', '当前日均笔数', '笔单金额', '预计日均笔数', '金额分布', '清晰计费规则', '期望接入渠道', '业务覆盖线下场景', '附件'];
    const table = screen.getByTestId('pack-table');
    for (const row of rows) expect(within(table).getByText(row)).toBeInTheDocument();
    expect(screen.getByTestId('row-operatingModel')).toHaveTextContent('加盟');
    expect(screen.getByTestId('row-dailyOrders')).toHaveTextContent('0.4（2026-11-07 至 2026-12-06，30 天，12 笔已支付订单）');
    expect(screen.getByTestId('row-averageTicket')).toHaveTextContent('12.34 元');
    expect(screen.getByTestId('row-amountDistribution')).toHaveTextContent('99 元以上8%1');
    expect(screen.getByTestId('pack-warning')).toHaveTextContent('超过 99 元');
    expect(screen.getByTestId('row-offlineScenes')).toHaveTextContent('杭州：1 个场地，1 台设备');
    expect(screen.getByTestId('attachment-complaints-cleared')).toHaveTextContent('还有 2 笔投诉未处理完');
    expect(within(screen.getByTestId('attachment-complaints-cleared')).getByRole('link')).toHaveAttribute('href', '/complaints');
  });

  it('says when 主体名称 is only the display name, and links to where the organisation’s legal name is entered', async () => {
    api = fakeApi({ [`GET ${BASE}/application-pack`]: pack({ subjectNameSource: 'DISPLAY_NAME', subjectNameNote: 'x' }), [`GET ${BASE}/application-pack/settings`]: settings });
    renderAt(<PackPage accountId={ACCOUNT} search={{}} onSearchChange={() => undefined} />, undefined, path);
    const row = await screen.findByTestId('row-subjectName');
    expect(row).toHaveTextContent('鲜柜智能冰柜（加盟）');
    expect(within(row).getByTestId('subject-name-fallback')).toHaveTextContent('未填写主体名称');
    expect(within(row).getByRole('link', { name: '去填写主体名称' })).toHaveAttribute('href', `/organizations?organizationId=${ORG}`);
  });

  it('shows the legal name without a note once it is entered', async () => {
    api = fakeApi({ [`GET ${BASE}/application-pack`]: pack({ subjectName: '杭州鲜柜智能科技有限公司' }), [`GET ${BASE}/application-pack/settings`]: settings });
    renderAt(<PackPage accountId={ACCOUNT} search={{}} onSearchChange={() => undefined} />, undefined, path);
    expect(await screen.findByTestId('row-subjectName')).toHaveTextContent('杭州鲜柜智能科技有限公司');
    expect(screen.queryByTestId('subject-name-fallback')).toBeNull();
  });

  it('explains a refusal for too few sessions and changes the window', async () => {
    api = fakeApi({
      [`GET ${BASE}/application-pack`]: answer(422, { status: 422, code: 'APPLICATION_PACK_TOO_FEW_SESSIONS', title: 'x', detail: '30 天内只有 2 笔已支付订单，少于 5 笔。', errors: [{ field: 'minSessions', messages: ['too few'] }] }),
      [`GET ${BASE}/application-pack/settings`]: settings,
    });
    const changes: unknown[] = [];
    renderAt(<PackPage accountId={ACCOUNT} search={{}} onSearchChange={(s) => changes.push(s)} />, undefined, path);
    const refused = await screen.findByTestId('pack-refused');
    expect(refused).toHaveTextContent('订单太少，不能生成申请表');
    expect(refused).toHaveTextContent('最近 30 天内已支付的订单少于 5 笔');
    expect(refused).toHaveTextContent('平台不会编造数据');
    expect(refused).toHaveTextContent('30 天内只有 2 笔已支付订单，少于 5 笔。');
    expect(screen.queryByTestId('pack-table')).toBeNull();
    expect(screen.getByTestId('pack-copy')).toBeDisabled();
    fireEvent.change(screen.getByTestId('pack-days'), { target: { value: '90' } });
    await userEvent.click(screen.getByTestId('pack-apply'));
    await waitFor(() => expect(changes).toEqual([{ days: 90, minSessions: 5 }]));
  });

  it('copies the table as plain text in Chinese, one row a line', async () => {
    const copied: string[] = [];
    Object.defineProperty(globalThis.navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
    api = fakeApi({ [`GET ${BASE}/application-pack`]: pack(), [`GET ${BASE}/application-pack/settings`]: settings });
    renderAt(<PackPage accountId={ACCOUNT} search={{}} onSearchChange={() => undefined} />, undefined, path);
    await screen.findByTestId('pack-table');
    await userEvent.click(screen.getByTestId('pack-copy'));
    await waitFor(() => expect(copied).toHaveLength(1));
    const lines = copied[0]!.split('\n');
    expect(lines.slice(0, 8)).toEqual([
      '主体名称：鲜柜智能冰柜（加盟）',
      '业务简介：无人值守智能冰柜自助售货，先享后付',
      '商户号：1900000020',
      '系统软件：zizhu (开源)',
      '运营方式：加盟',
      '当前日均笔数：0.4（2026-11-07 至 2026-12-06，30 天，12 笔已支付订单）',
      '笔单金额：12.34 元',
      '预计日均笔数：50',
    ]);
    expect(lines).toContain('金额分布：0–10 元 50%（6），10–50 元 33%（4），50–99 元 9%（1），99 元以上 8%（1）');
    expect(lines).toContain('  - 按商品标价计费');
    expect(lines).toContain('业务覆盖线下场景：杭州：1 个场地，1 台设备');
    expect(lines).toContain('  □ 投诉截图：投诉须全部处理完毕（还有 2 笔投诉未处理完）');
    expect(await screen.findByText(/已复制/)).toBeInTheDocument();
  });

  it('saves the operator’s rows and reads every window of the pack again', async () => {
    let puts = 0;
    api = fakeApi({
      [`GET ${BASE}/application-pack`]: pack(),
      [`GET ${BASE}/application-pack/settings`]: settings,
      [`PUT ${BASE}/application-pack/settings`]: () => (++puts, { systemSoftware: '鲜柜自研系统', expectedDailyOrders: 50, expectedChannel: '小程序' }),
    });
    renderAt(<PackPage accountId={ACCOUNT} search={{}} onSearchChange={() => undefined} />, undefined, path);
    await screen.findByTestId('pack-table');
    await userEvent.click(screen.getByTestId('settings-edit'));
    const software = screen.getByTestId('settings-system-software');
    await userEvent.clear(software);
    await userEvent.type(software, '鲜柜自研系统');
    await userEvent.clear(screen.getByTestId('settings-channel'));
    await userEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(puts).toBe(1));
    expect(api.requests.find((r) => r.method === 'PUT')!.body).toEqual({ systemSoftware: '鲜柜自研系统', expectedDailyOrders: 50, expectedChannel: null });
    await waitFor(() => expect(api!.requests.filter((r) => r.path === `${BASE}/application-pack`)).toHaveLength(2));
  });

  it('downloads the same window as the API’s spreadsheet', async () => {
    api = fakeApi({ [`GET ${BASE}/application-pack`]: (r: Recorded) => (r.query['format'] === 'xlsx' ? 'xlsx-body' : pack()), [`GET ${BASE}/application-pack/settings`]: settings });
    const saved: Blob[] = [];
    const names: string[] = [];
    const originalCreate = URL.createObjectURL;
    const originalRevoke = URL.revokeObjectURL;
    const originalClick = HTMLAnchorElement.prototype.click;
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return 'blob:pack';
    };
    URL.revokeObjectURL = () => undefined;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      names.push(this.download);
    };
    try {
      renderAt(<PackPage accountId={ACCOUNT} search={{ days: 60, minSessions: 3 }} onSearchChange={() => undefined} />, undefined, path);
      await screen.findByTestId('pack-table');
      await userEvent.click(screen.getByTestId('pack-xlsx'));
      await waitFor(() => expect(saved).toHaveLength(1));
      expect(await saved[0]!.text()).toContain('xlsx-body');
      expect(names).toEqual([`application-pack-${ACCOUNT.slice(0, 8)}.xlsx`]);
      expect(api.requests.filter((r) => r.query['format'] === 'xlsx').map((r) => r.query)).toEqual([{ days: '60', minSessions: '3', format: 'xlsx' }]);
    } finally {
      URL.createObjectURL = originalCreate;
      // the download revokes its URL a second later: leave a no-op where jsdom has none
      URL.revokeObjectURL = originalRevoke ?? (() => undefined);
      HTMLAnchorElement.prototype.click = originalClick;
    }
  });

  it('puts each row’s name above its value on a phone', async () => {
    setViewportWidth(390);
    try {
      api = fakeApi({ [`GET ${BASE}/application-pack`]: pack(), [`GET ${BASE}/application-pack/settings`]: settings });
      renderAt(<PackPage accountId={ACCOUNT} search={{}} onSearchChange={() => undefined} />, undefined, path);
      const table = await screen.findByTestId('pack-table');
      // vertical: a row of names, then a row of values
      const label = within(table).getByText('主体名称');
      expect(label.closest('tr')!.nextElementSibling).toHaveTextContent('鲜柜智能冰柜（加盟）');
      expect(label.closest('tr')).not.toHaveTextContent('鲜柜智能冰柜（加盟）');
    } finally {
      setViewportWidth(1280);
    }
  });
});
