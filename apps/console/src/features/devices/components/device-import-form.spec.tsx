import { describe, expect, it } from '@jest/globals';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ImportedDevices, ImportPreview } from '../api/mutations';
import { DeviceImportForm } from './device-import-form';
import { ImportPreviewTable } from './import-preview';

const SITE = '00000000-0000-4000-8000-000000000121';
const BAD_CSV = `code,type,siteId\nFR-0500,FRIDGE,${SITE}\nFR-0501,FRIDGE,00000000-0000-4000-8000-00000000beef`;
const GOOD_CSV = `code,type,siteId\nFR-0500,FRIDGE,${SITE}`;

const row = (r: number, code: string, errors: ImportPreview['errors'] = []): ImportPreview['rows'][number] => ({
  row: r,
  code,
  type: 'FRIDGE',
  siteId: SITE,
  siteName: errors.length ? null : '西湖文化广场写字楼大堂',
  organizationId: null,
  name: null,
  errors,
});

const BAD: ImportPreview = {
  valid: false,
  rows: [row(2, 'FR-0500'), row(3, 'FR-0501', [{ row: 3, field: 'siteId', message: 'no such site' }])],
  errors: [{ row: 3, field: 'siteId', message: 'no such site' }],
};
const GOOD: ImportPreview = { valid: true, rows: [row(2, 'FR-0500')], errors: [] };

function setup(answers: Record<string, ImportPreview>) {
  const previewed: string[] = [];
  const imported: string[] = [];
  const preview = async (csv: string) => {
    previewed.push(csv);
    const answer = answers[csv];
    if (!answer) throw new Error(`unexpected csv ${csv}`);
    return answer;
  };
  const importDevices = async (csv: string): Promise<ImportedDevices> => {
    imported.push(csv);
    return { devices: [{ device: { code: 'FR-0500', id: 'x' } as ImportedDevices['devices'][number]['device'], secret: 's3cret' }] };
  };
  render(
    <QueryClientProvider client={new QueryClient()}>
      <DeviceImportForm preview={preview} importDevices={importDevices} />
    </QueryClientProvider>,
  );
  return { previewed, imported, user: userEvent.setup({ delay: null }) };
}

const importButton = () => screen.getByRole('button', { name: /导入 \d+ 台设备/ });

describe('device import: preview before anything is stored', () => {
  it('shows each bad row’s problems and keeps the import disabled', async () => {
    const { previewed, imported, user } = setup({ [BAD_CSV]: BAD });
    expect(importButton()).toBeDisabled();
    await user.click(screen.getByLabelText('CSV 内容'));
    await user.paste(BAD_CSV);
    await user.click(screen.getByRole('button', { name: /预\s*览/ }));
    const preview = await screen.findByTestId('import-preview');
    expect(previewed).toEqual([BAD_CSV]);
    expect(within(preview).getByRole('alert')).toHaveTextContent('1 处问题，修正后再预览');
    expect(within(preview).getByTestId('row-error-3')).toHaveTextContent('siteId: no such site');
    expect(within(preview).queryByTestId('row-error-2')).toBeNull();
    expect(within(preview).getByText('可导入')).toBeInTheDocument();
    expect(importButton()).toBeDisabled();
    await user.click(importButton());
    expect(imported).toEqual([]);
  });

  it('imports only a clean preview of the very CSV shown; an edit asks for a new preview', async () => {
    const { imported, user } = setup({ [GOOD_CSV]: GOOD });
    await user.click(screen.getByLabelText('CSV 内容'));
    await user.paste(GOOD_CSV);
    await user.click(screen.getByRole('button', { name: /预\s*览/ }));
    expect(await screen.findByText('全部 1 行均可导入')).toBeInTheDocument();
    expect(importButton()).toBeEnabled();
    await user.type(screen.getByLabelText('CSV 内容'), 'x');
    expect(screen.getByText('CSV 已修改，请重新预览')).toBeInTheDocument();
    expect(importButton()).toBeDisabled();
    await user.type(screen.getByLabelText('CSV 内容'), '{Backspace}');
    expect(importButton()).toBeEnabled();
    await user.click(importButton());
    await waitFor(() => expect(imported).toEqual([GOOD_CSV]));
    expect(await screen.findByText('已导入 1 台设备')).toBeInTheDocument();
  });

  it('asks for a CSV before previewing an empty one', async () => {
    const { previewed, user } = setup({});
    await user.click(screen.getByRole('button', { name: /预\s*览/ }));
    expect(screen.getByText('请粘贴 CSV 或选择文件')).toBeInTheDocument();
    expect(previewed).toEqual([]);
  });
});

describe('ImportPreviewTable', () => {
  it('lists the header’s problems, which belong to no row', () => {
    render(
      <ImportPreviewTable
        preview={{
          valid: false,
          rows: [],
          errors: [
            { row: 1, field: 'header', message: 'unknown columns: kind' },
            { row: 1, field: 'header', message: 'missing columns: type, siteId' },
          ],
        }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('行号 1 · header: unknown columns: kind');
    expect(alert).toHaveTextContent('行号 1 · header: missing columns: type, siteId');
  });
});
