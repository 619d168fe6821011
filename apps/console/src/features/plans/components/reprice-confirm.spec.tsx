import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';
import { i18next } from '@/lib/i18n';
import { RepriceConfirm } from './reprice-confirm';

beforeAll(() => i18next.changeLanguage('en'));
afterAll(() => i18next.changeLanguage('zh-CN'));

describe('RepriceConfirm', () => {
  it('lists the devices a new version reprices and publishes only on confirmation', () => {
    const onConfirm = jest.fn();
    const onCancel = jest.fn();
    render(
        <RepriceConfirm
          open
          saving={false}
          onConfirm={onConfirm}
          onCancel={onCancel}
          repricing={{ currentVersion: 3, nextVersion: 4, changed: true, deviceCount: 502, devices: [{ id: 'a', code: 'PB-0001', name: '东站' }, { id: 'b', code: 'PB-0002', name: null }] }}
        />
    );
    expect(screen.getByText('Publish version 4?')).toBeTruthy();
    expect(screen.getByText('502 devices move from version 3 to version 4 for their new sessions.')).toBeTruthy();
    expect(screen.getByText('PB-0001 · 东站')).toBeTruthy();
    expect(screen.getByText('PB-0002')).toBeTruthy();
    expect(screen.getByText('and 500 more')).toBeTruthy();
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Publish' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
