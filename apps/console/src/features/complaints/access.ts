import { can, type Me } from '@/lib/access';
import type { ComplaintSummary } from './types';

/**
 * Whether this login may reply, complete, approve/reject or refund this complaint, and read the payer's phone: the API's
 * `complaints.act`, where the data allows it — the organisation whose merchant account received the complaint.
 */
export function mayAct(me: Me | undefined, complaint: Pick<ComplaintSummary, 'organizationId'>): boolean {
  return can(me, 'complaints.act') && me?.organizationId === complaint.organizationId;
}
