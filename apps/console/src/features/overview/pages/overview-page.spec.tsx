import { afterEach, describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { fakeApi, meWith, renderWithQuery } from '@/test/fake-api';
import { OverviewPage } from './overview-page';

const overview = {
  scope: 'FLEET_ONLY',
  organizationId: null,
  generatedAt: '2026-11-28T04:00:00.000Z',
  timezone: 'Asia/Shanghai',
  devices: { total: 2, online: 1, offline: 1, faulted: 0, revoked: 0 },
  revenue: null,
  sessionsByState: null,
  openAnomalies: null,
  receivables: null,
};

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

describe('OverviewPage', () => {
  it('says so when a guard sent the user here from a page they may not open', async () => {
    api = fakeApi({ 'GET /v1/me': meWith([]), 'GET /v1/overview': overview, 'GET /v1/organizations': [] });
    renderWithQuery(<OverviewPage denied="audit.read" onOrganizationChange={() => undefined} />);
    expect(await screen.findByTestId('denied')).toHaveTextContent('当前账号无权查看此页面');
    expect(await screen.findByTestId('devices-offline')).toHaveTextContent('1');
  });

  it('shows no such notice on a plain visit', async () => {
    api = fakeApi({ 'GET /v1/me': meWith([]), 'GET /v1/overview': overview, 'GET /v1/organizations': [] });
    renderWithQuery(<OverviewPage onOrganizationChange={() => undefined} />);
    await screen.findByTestId('devices-offline');
    expect(screen.queryByTestId('denied')).toBeNull();
  });
});
