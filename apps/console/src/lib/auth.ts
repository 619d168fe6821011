// The signed-in session of this tab. The access token lives in memory only; the refresh token is an
// HttpOnly cookie scoped to /v1/auth that scripts never see, so a reload restores the session through
// one refresh call and a stolen page script cannot carry the session away.

export interface Tokens {
  readonly accessToken: string;
  readonly expiresIn: number;
}

type Status = 'unknown' | 'signed-in' | 'signed-out' | 'expired';

interface State {
  readonly status: Status;
  readonly accessToken: string | null;
}

const REFRESH_MARGIN_MS = 60_000;
/** Marks a request as the console's own, so the API accepts the refresh token from the cookie. */
export const CONSOLE_HEADER = { 'x-zizhu-console': '1' } as const;

let state: State = { status: 'unknown', accessToken: null };
const listeners = new Set<() => void>();
let refreshing: Promise<boolean> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function setState(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

function schedule(expiresIn: number): void {
  clearTimeout(timer);
  const delay = Math.max(5_000, expiresIn * 1000 - REFRESH_MARGIN_MS);
  timer = setTimeout(() => void auth.refresh(), delay);
}

async function postAuth(path: string, body: unknown): Promise<Response> {
  return fetch(`${globalThis.location?.origin ?? ''}${path}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...CONSOLE_HEADER },
    body: JSON.stringify(body),
  });
}

export const auth = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot(): State {
    return state;
  },
  get accessToken(): string | null {
    return state.accessToken;
  },
  /** After a successful login or refresh. */
  signedIn(tokens: Tokens): void {
    schedule(tokens.expiresIn);
    setState({ status: 'signed-in', accessToken: tokens.accessToken });
  },
  /**
   * One refresh for everyone: concurrent 401s and the timer share the same call, so a refresh token is
   * never presented twice (a reused one revokes the whole session).
   */
  refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      try {
        const response = await postAuth('/v1/auth/refresh', {});
        if (!response.ok) return false;
        const tokens = (await response.json()) as Tokens;
        auth.signedIn(tokens);
        return true;
      } catch {
        return false;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  },
  /** On first load: a session survives a reload through the cookie; otherwise the user is signed out. */
  async restore(): Promise<boolean> {
    if (state.status === 'signed-in') return true;
    if (state.status !== 'unknown') return false;
    const ok = await auth.refresh();
    if (!ok) setState({ status: 'signed-out', accessToken: null });
    return ok;
  },
  /** The API refused the token and the refresh failed: the user must sign in again. */
  expire(): void {
    clearTimeout(timer);
    if (state.status === 'signed-in') setState({ status: 'expired', accessToken: null });
  },
  async signOut(): Promise<void> {
    clearTimeout(timer);
    try {
      await postAuth('/v1/auth/logout', {});
    } finally {
      setState({ status: 'signed-out', accessToken: null });
    }
  },
};

function isAuthCall(url: string): boolean {
  return new URL(url, 'http://localhost').pathname.startsWith('/v1/auth/');
}

function withToken(request: Request): Request {
  const token = auth.accessToken;
  if (!token) return request;
  const authorised = new Request(request);
  authorised.headers.set('authorization', `Bearer ${token}`);
  return authorised;
}

/**
 * The one place requests get their bearer token: a 401 waits on the shared refresh and replays the
 * request once; if that fails too the session has ended and the user goes back to /login.
 */
export async function authFetch(request: Request): Promise<Response> {
  const replay = request.clone();
  const sent = auth.accessToken;
  const response = await fetch(withToken(request));
  if (response.status !== 401 || isAuthCall(request.url)) return response;
  // a refresh may already have happened while this request was on its way: then just replay
  const refreshed = auth.accessToken !== null && auth.accessToken !== sent ? true : await auth.refresh();
  if (!refreshed) {
    auth.expire();
    return response;
  }
  const second = await fetch(withToken(replay));
  if (second.status === 401) auth.expire();
  return second;
}
