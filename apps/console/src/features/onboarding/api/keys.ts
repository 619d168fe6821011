// Named query keys (openapi-react-query keys a read as [method, path, init]) of what a write here changes: an account's
// tracker, every window of its pack, and its pack settings.
const account = (id: string) => ({ params: { path: { id } } });

export const onboardingKeys = {
  tracker: (id: string) => ['get', '/v1/merchant-accounts/{id}/onboarding', account(id)] as const,
  packs: () => ['get', '/v1/merchant-accounts/{id}/application-pack'] as const,
  settings: (id: string) => ['get', '/v1/merchant-accounts/{id}/application-pack/settings', account(id)] as const,
};
