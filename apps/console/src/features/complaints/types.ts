import type { Schemas } from '@zizhu/api-client';
import type { paths } from '@/lib/api';

// The complaint shapes the console reads, from the generated API schema.

export type ComplaintSummary = Schemas['ComplaintSummaryDto'];
export type ComplaintAction = Schemas['ComplaintActionDto'];
export type ComplaintMedia = Schemas['ComplaintMediaDto'];
export type ComplaintDetail = Schemas['ComplaintDetailDto'];
export type ComplaintsApiQuery = NonNullable<paths['/v1/complaints']['get']['parameters']['query']>;

/** One entry of WeChat's negotiation history (协商历史), read defensively: the API passes it through. */
export interface NegotiationEntry {
  readonly log_id?: string;
  readonly operator?: string;
  readonly operate_time?: string;
  readonly operate_type?: string;
  readonly operate_details?: string;
  readonly image_list?: readonly string[];
  readonly complaint_media_list?: readonly { media_type?: string; media_url?: readonly string[] }[];
}
