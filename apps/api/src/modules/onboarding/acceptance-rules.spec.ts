import { describe, expect, it } from '@jest/globals';
import { CHECKLIST, checklistStates, isEvidenceContentType, missingForFinish, parsePurpose, purposeOf } from './acceptance-rules.js';

const RUN = '0b090781-91d6-4be4-9578-4aadf1f0cc62';

describe('evidence purposes', () => {
  it('takes a step or an acceptance item the operator uploads, and nothing else', () => {
    expect(parsePurpose('step:1.3')).toEqual({ kind: 'step', step: '1.3' });
    expect(parsePurpose(`acceptance:${RUN}:ONSITE_VIDEO`)).toEqual({ kind: 'acceptance', runId: RUN, item: 'ONSITE_VIDEO' });
    for (const bad of [undefined, '', 'step:3.1', 'step:', 'acceptance:x:ONSITE_VIDEO', `acceptance:${RUN}:PLATFORM_RECORDS`, `acceptance:${RUN}:NOPE`, `acceptance:${RUN}:ONSITE_VIDEO:x`, 'other:1.1']) {
      expect([bad, parsePurpose(bad)]).toEqual([bad, null]);
    }
    expect(purposeOf(parsePurpose(`acceptance:${RUN}:SCREEN_RECORDING`)!)).toBe(`acceptance:${RUN}:SCREEN_RECORDING`);
  });

  it('takes images, video, PDF, XLSX and plain text only', () => {
    for (const t of ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'video/mp4', 'video/quicktime', 'video/webm', 'application/pdf', 'text/plain']) expect(isEvidenceContentType(t)).toBe(true);
    for (const t of [undefined, 'image/svg+xml', 'text/html', 'application/zip', 'application/octet-stream']) expect(isEvidenceContentType(t)).toBe(false);
  });
});

describe('the acceptance checklist', () => {
  it('lists the four real-WeChat items and the platform’s records, in the guide’s order', () => {
    expect(CHECKLIST.map((c) => [c.key, c.source, c.upload])).toEqual([
      ['SCREEN_RECORDING', 'REAL_WECHAT_APP', true],
      ['ONSITE_VIDEO', 'REAL_WECHAT_APP', true],
      ['COMPLETED_ORDER_DETAIL', 'REAL_WECHAT_APP', true],
      ['CANCELLED_ORDER_DETAIL', 'REAL_WECHAT_APP', true],
      ['PLATFORM_RECORDS', 'PLATFORM', false],
    ]);
    expect(CHECKLIST.find((c) => c.key === 'CANCELLED_ORDER_DETAIL')!.where).toContain('微信 → 我 → 服务 → 微信支付分 → 查看订单');
  });

  it('counts an item done with a file or a reason, the platform’s records with both sessions; finishing needs all', () => {
    const states = checklistStates(new Map([['SCREEN_RECORDING', ['f1']]]), { ONSITE_VIDEO: '  室内  ', COMPLETED_ORDER_DETAIL: '   ' }, false);
    expect(states.map((s) => [s.key, s.done, s.notApplicableReason])).toEqual([
      ['SCREEN_RECORDING', true, null],
      ['ONSITE_VIDEO', true, '室内'],
      ['COMPLETED_ORDER_DETAIL', false, null],
      ['CANCELLED_ORDER_DETAIL', false, null],
      ['PLATFORM_RECORDS', false, null],
    ]);
    expect(missingForFinish(states, true, false)).toEqual(['cancelledSession', 'COMPLETED_ORDER_DETAIL', 'CANCELLED_ORDER_DETAIL']);
    const all = checklistStates(new Map([['SCREEN_RECORDING', ['a']], ['ONSITE_VIDEO', ['b']], ['COMPLETED_ORDER_DETAIL', ['c']], ['CANCELLED_ORDER_DETAIL', ['d']]]), {}, true);
    expect(all.every((s) => s.done)).toBe(true);
    expect(missingForFinish(all, true, true)).toEqual([]);
  });
});
