import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { parseConfig } from '../../config/app-config.js';
import { TokenService } from './token.service.js';

const session = () => ({ userId: randomUUID(), tenantId: randomUUID(), role: 'OPERATOR_ADMIN' as const, session: { id: randomUUID(), tokenVersion: 0 } });
const tokens = (ttl = 900) => new TokenService('s'.repeat(64), { ...parseConfig({}), accessTokenTtlSeconds: ttl });

describe('TokenService.verifyAccess: a verified token is remembered, its expiry still enforced', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('answers the same principal for a token seen again, without verifying it again', () => {
    const service = tokens();
    const principal = session();
    const token = service.signAccess(principal);
    const first = service.verifyAccess(token);
    expect(first).toEqual(principal);
    const decode = jest.spyOn(JSON, 'parse');
    expect(service.verifyAccess(token)).toBe(first);
    expect(decode).not.toHaveBeenCalled(); // neither header nor claims decoded the second time
    expect(Object.isFrozen(first)).toBe(true); // one object shared by requests: nobody can change it for the next
  });

  it('refuses a remembered token once it expires (the second it expires, as jsonwebtoken does)', () => {
    const service = tokens(60);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    const token = service.signAccess(session());
    expect(service.verifyAccess(token).tenantId).toEqual(expect.any(String));
    clock.mockReturnValue(now + 59_000);
    expect(service.verifyAccess(token).tenantId).toEqual(expect.any(String));
    clock.mockReturnValue(Math.floor(now / 1000) * 1000 + 60_000);
    expect(() => service.verifyAccess(token)).toThrow(expect.objectContaining({ code: 'AUTH_TOKEN_INVALID' }));
    clock.mockReturnValue(now + 30_000); // and it is forgotten: back in time it is verified afresh, not answered from memory
    expect(service.verifyAccess(token).tenantId).toEqual(expect.any(String));
  });

  it('remembers only what verified: a forged signature or another key\'s token is refused every time', () => {
    const service = tokens();
    const token = service.signAccess(session());
    const forged = `${token.slice(0, token.lastIndexOf('.') + 1)}${'A'.repeat(43)}`;
    for (let i = 0; i < 2; i++) expect(() => service.verifyAccess(forged)).toThrow(expect.objectContaining({ code: 'AUTH_TOKEN_INVALID' }));
    const other = new TokenService('o'.repeat(64), parseConfig({})).signAccess(session());
    for (let i = 0; i < 2; i++) expect(() => service.verifyAccess(other)).toThrow(expect.objectContaining({ code: 'AUTH_TOKEN_INVALID' }));
  });

  it('a consumer token is never an operator\'s, remembered or not', () => {
    const service = tokens();
    const consumer = service.signConsumer({ appid: 'wx1', openid: 'o1' });
    for (let i = 0; i < 2; i++) expect(() => service.verifyAccess(consumer)).toThrow(expect.objectContaining({ code: 'AUTH_TOKEN_INVALID' }));
  });
});
