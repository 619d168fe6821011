import { defineErrors } from '../../platform/errors/domain-error.js';

export const onboardingErrors = defineErrors({
  APPLICATION_PACK_TOO_FEW_SESSIONS: [422, 'Too few paid sessions in the window to fill the application pack’s figures (see minSessions); no figure is invented.'],
  ONBOARDING_STEP_INVALID: [404, 'No such onboarding step (1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3).'],
  ONBOARDING_STEP_BLOCKED: [422, 'The onboarding step cannot take this state yet: see its blockers.'],
  EVIDENCE_TOO_LARGE: [413, 'An evidence file is limited to 10 MiB.'],
  EVIDENCE_INVALID: [422, 'The evidence file was refused: see the named field.'],
  EVIDENCE_NOT_FOUND: [404, 'No such evidence file on this merchant account.'],
  EVIDENCE_LOCKED: [409, 'This evidence file cannot be deleted: it belongs to a finished acceptance run or an onboarding step refers to it.'],
  ACCEPTANCE_RUN_NOT_FOUND: [404, 'No such acceptance run on this merchant account.'],
  ACCEPTANCE_RUN_INVALID: [422, 'The acceptance run cannot be started on this service id and device: see the named field.'],
  ACCEPTANCE_RUN_INCOMPLETE: [422, 'The acceptance run is not complete yet: both sessions must be recorded and every checklist item needs evidence or a reason why it does not apply.'],
  ACCEPTANCE_RUN_FINISHED: [409, 'The acceptance run is finished: its checklist and evidence can no longer change.'],
  FLOW_STORYBOARD_DEVICE_NOT_FOUND: [404, 'No such device charges through this merchant account (see deviceId).'],
  FLOW_STORYBOARD_UNAVAILABLE: [422, 'No flow storyboard can be drawn for this device: see the named field.'],
});
