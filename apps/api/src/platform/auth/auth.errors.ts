import { defineErrors } from '../errors/domain-error.js';

export const authErrors = defineErrors({
  AUTH_REQUIRED: [401, 'Sign in first: send Authorization: Bearer <accessToken>.'],
  AUTH_TOKEN_INVALID: [401, 'The access token is invalid or has expired.'],
  AUTH_TOKEN_REVOKED: [401, 'This access token was revoked (its session signed out, or the login was disabled). Refresh it or sign in again.'],
  AUTH_INVALID_CREDENTIALS: [401, 'Wrong login or password.'],
  AUTH_REFRESH_INVALID: [401, 'The refresh token is invalid, expired or revoked.'],
  AUTH_REFRESH_MISSING: [401, 'Send the refresh token: as {"refreshToken"} in the body, or in the zizhu_refresh cookie (the console, with X-Zizhu-Console: 1).'],
  AUTH_CONSOLE_HEADER_REQUIRED: [403, 'A refresh token from the zizhu_refresh cookie counts only with the header X-Zizhu-Console: 1 (protection against cross-site requests).'],
  AUTH_REFRESH_REUSED: [401, 'This refresh token was already used; every session of its family has been revoked. Sign in again.'],
  AUTH_RATE_LIMITED: [429, 'Too many failed sign-in attempts. Try again later.'],
  AUTH_FORBIDDEN: [403, 'Your role may not do this.'],
  AUTH_READ_ONLY: [403, 'Your role is read-only.'],
  AUTH_API_KEY_SCOPE_MISSING: [403, 'This API key’s scopes do not include what this call needs.'],
  AUTH_API_KEY_NOT_ALLOWED: [403, 'API keys may not call this route (sign-in, API keys, webhook endpoints and platform routes need a login).'],
});
