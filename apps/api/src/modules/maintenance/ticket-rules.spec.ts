import { describe, expect, it } from '@jest/globals';
import { actionsFrom, nextState, TICKET_STATES } from './ticket-rules.js';

describe('ticket lifecycle', () => {
  it('moves OPEN → IN_PROGRESS → RESOLVED → CLOSED, and reopens from RESOLVED or CLOSED', () => {
    expect(nextState('OPEN', 'start')).toBe('IN_PROGRESS');
    expect(nextState('IN_PROGRESS', 'resolve')).toBe('RESOLVED');
    expect(nextState('RESOLVED', 'close')).toBe('CLOSED');
    expect(nextState('CLOSED', 'reopen')).toBe('OPEN');
    expect(nextState('RESOLVED', 'reopen')).toBe('OPEN');
  });

  it('refuses what the state does not allow', () => {
    expect(nextState('CLOSED', 'start')).toBeNull();
    expect(nextState('IN_PROGRESS', 'start')).toBeNull();
    expect(nextState('OPEN', 'reopen')).toBeNull();
    expect(nextState('CLOSED', 'close')).toBeNull();
  });

  it('offers at least one action from every state', () => {
    for (const s of TICKET_STATES) expect(actionsFrom(s).length).toBeGreaterThan(0);
    expect(actionsFrom('CLOSED')).toEqual(['reopen']);
  });
});
