/** The ticket's lifecycle (issue 16): pure rules, no I/O. */
export const TICKET_STATES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_ACTIONS = ['start', 'resolve', 'close', 'reopen'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** Where each action may start from, and where it leads. */
const TRANSITIONS: Record<TicketAction, { from: readonly TicketState[]; to: TicketState }> = {
  start: { from: ['OPEN'], to: 'IN_PROGRESS' },
  resolve: { from: ['OPEN', 'IN_PROGRESS'], to: 'RESOLVED' },
  close: { from: ['OPEN', 'IN_PROGRESS', 'RESOLVED'], to: 'CLOSED' },
  reopen: { from: ['RESOLVED', 'CLOSED'], to: 'OPEN' },
};

/** The state an action leads to from `state`, or null when it may not be taken there. */
export function nextState(state: TicketState, action: TicketAction): TicketState | null {
  const t = TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

/** The actions open from a state (the console offers these). */
export function actionsFrom(state: TicketState): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => nextState(state, a) !== null);
}

/** Resolving or closing needs a resolution note (given now, or already on the ticket for a close after a resolve). */
export function needsResolution(action: TicketAction): boolean {
  return action === 'resolve' || action === 'close';
}

/** The `<event>` columns a transition stamps (`<event>_at`, `<event>_by`). */
export const STAMP: Record<TicketAction, 'started' | 'resolved' | 'closed' | 'reopened'> = {
  start: 'started',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'reopened',
};

export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
