// Where each overview figure leads: the list it counts, filtered the same way.

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  const text = search.toString();
  return text ? `?${text}` : '';
};

export const overviewLinks = (organizationId?: string) => ({
  sessions: (state: string) => `/sessions${query({ state, organizationId })}`,
  paidSessions: () => `/sessions${query({ state: 'PAID', organizationId })}`,
  anomalies: () => `/sessions${query({ anomaly: 'true', organizationId })}`,
  devices: (status: 'online' | 'offline' | 'faulted') => `/devices${query({ status, organizationId })}`,
  receivables: () => `/receivables${query({ organizationId })}`,
});
