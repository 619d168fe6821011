import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import QRCode from 'qrcode';
import { fakeApi, renderWithQuery, type Recorded } from '@/test/fake-api';
import { DEVICE_PAGE } from '../api/sites';
import { SiteQrSheetPage } from './site-qr-sheet-page';

// whole pages with antd on a shared machine: more than the default per test
jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

const SITE = '00000000-0000-4000-8000-000000000101';
const BASE = 'https://zizhu.example.com';
const device = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  code: `FR-${String(n).padStart(4, '0')}`,
  qrUrl: `${BASE}/d/FR-${String(n).padStart(4, '0')}`,
  siteId: SITE,
});

/** GET /v1/devices for the site, paged as the API pages it (limit, offset, total). */
function serveDevices(all: ReturnType<typeof device>[]) {
  return (request: Recorded) => {
    const limit = Number(request.query['limit'] ?? 100);
    const offset = Number(request.query['offset'] ?? 0);
    return { items: all.slice(offset, offset + limit), total: all.length };
  };
}

describe('the QR sheet of a site', () => {
  it('prints every device of the site with its code and a QR code encoding exactly its qrUrl', async () => {
    const devices = [device(1), device(2), device(3)];
    api = fakeApi({ [`GET /v1/sites/${SITE}`]: { id: SITE, name: '西湖店' }, 'GET /v1/devices': serveDevices(devices) });
    renderWithQuery(<SiteQrSheetPage siteId={SITE} />);
    expect(await screen.findByText('西湖店 的设备二维码')).toBeInTheDocument();
    const sheet = await screen.findByTestId('qr-sheet');
    await waitFor(() => expect(sheet.querySelectorAll('img[data-qr-value]')).toHaveLength(3));
    for (const d of devices) {
      expect(screen.getByText(d.code)).toBeInTheDocument();
      const img = screen.getByAltText(d.code);
      expect(img).toHaveAttribute('data-qr-value', d.qrUrl);
      // the image is the QR symbol of the link itself (the same encoder, the same options), not of anything else
      const svg = await QRCode.toString(d.qrUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      expect(img.getAttribute('src')).toBe(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    }
    expect(api.requests.filter((r) => r.path === '/v1/devices').map((r) => r.query['siteId'])).toEqual([SITE]);
  });

  it('reads page after page when the site has more devices than one page holds', async () => {
    const devices = Array.from({ length: DEVICE_PAGE + 2 }, (_, i) => device(i + 1));
    api = fakeApi({ [`GET /v1/sites/${SITE}`]: { id: SITE, name: '仓库' }, 'GET /v1/devices': serveDevices(devices) });
    renderWithQuery(<SiteQrSheetPage siteId={SITE} />);
    const sheet = await screen.findByTestId('qr-sheet');
    expect(sheet.querySelectorAll('.zz-qr-cell')).toHaveLength(DEVICE_PAGE + 2);
    expect(api.requests.filter((r) => r.path === '/v1/devices').map((r) => r.query['offset'])).toEqual(['0', String(DEVICE_PAGE)]);
  });

  it('prints one device when a code is given, and says so when the site has none', async () => {
    api = fakeApi({ [`GET /v1/sites/${SITE}`]: { id: SITE, name: '西湖店' }, 'GET /v1/devices': serveDevices([device(1), device(2)]) });
    const { unmount } = renderWithQuery(<SiteQrSheetPage siteId={SITE} code="FR-0002" />);
    const sheet = await screen.findByTestId('qr-sheet');
    expect(sheet.querySelectorAll('.zz-qr-cell')).toHaveLength(1);
    expect(screen.getByText('FR-0002')).toBeInTheDocument();
    unmount();
    api.restore();
    api = fakeApi({ [`GET /v1/sites/${SITE}`]: { id: SITE, name: '空点位' }, 'GET /v1/devices': serveDevices([]) });
    renderWithQuery(<SiteQrSheetPage siteId={SITE} />);
    expect(await screen.findByText('该点位没有设备')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /打印/ })).toBeDisabled();
  });
});
