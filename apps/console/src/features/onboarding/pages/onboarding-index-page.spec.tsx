import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeApi, meWith } from '@/test/fake-api';
import { ACCOUNT, accounts, ADMIN, OTHER, renderAt } from '../test/render';
import { OnboardingIndexPage } from './onboarding-index-page';
import { OnboardingLayout } from './onboarding-layout';

jest.setTimeout(60_000);

let api: ReturnType<typeof fakeApi> | undefined;
afterEach(() => api?.restore());

const PLATFORM = meWith(['merchantAccounts.read', 'onboarding.read', 'onboarding.write'], { user: { ...meWith([]).user, role: 'PLATFORM_ADMIN' } });

describe('picking the merchant account to onboard', () => {
  it('opens the only account the login administers at once', async () => {
    api = fakeApi({ 'GET /v1/merchant-accounts': accounts });
    // a self-run operator's admin: its own account (the other is a stranger's, which the API would hide)
    const { router } = renderAt(<OnboardingIndexPage />, { ...ADMIN, operatingModel: 'SELF_RUN' }, '/onboarding');
    await waitFor(() => expect(router.state.location.pathname).toBe(`/onboarding/${ACCOUNT}`));
  });

  it('lists the accounts to pick from when there are several', async () => {
    api = fakeApi({ 'GET /v1/merchant-accounts': accounts });
    const { router } = renderAt(<OnboardingIndexPage />, PLATFORM, '/onboarding');
    expect(await screen.findByTestId(`account-${OTHER}`)).toHaveAttribute('href', `/onboarding/${OTHER}`);
    expect(screen.getByTestId(`account-${ACCOUNT}`)).toHaveTextContent('鲜柜智能冰柜 商户号');
    expect(router.state.location.pathname).toBe('/onboarding');
  });

  it('switches the account from the layout’s picker on the same tab', async () => {
    api = fakeApi({ 'GET /v1/merchant-accounts': accounts });
    const { router } = renderAt(
      <OnboardingLayout accountId={ACCOUNT}>
        <div />
      </OnboardingLayout>,
      PLATFORM,
      `/onboarding/${ACCOUNT}/compliance`,
    );
    expect(await screen.findByTestId('tab-compliance')).toHaveAttribute('aria-current', 'page');
    fireEvent.mouseDown(screen.getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('城东充电站 商户号 (1900000031)'));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/onboarding/${OTHER}/compliance`));
  });
});
