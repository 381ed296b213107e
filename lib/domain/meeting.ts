/** What the weekly meeting left on a target, in one line, for the week view and the card. */
import type { Target } from './schema';
import { t as tr } from '../i18n';

type MeetingFields = Pick<Target, 'nextStep' | 'nextStepOwner' | 'decision'>;

/** "next: send the ROI deck (Sam Rep) · decided: joint webinar", or '' when nothing was recorded. */
export function meetingSummary(t: MeetingFields): string {
  const parts = [];
  if (t.nextStep?.trim()) parts.push(tr('meeting.next', { step: `${t.nextStep.trim()}${t.nextStepOwner?.trim() ? ` (${t.nextStepOwner.trim()})` : ''}` }));
  if (t.decision?.trim()) parts.push(tr('meeting.decided', { decision: t.decision.trim() }));
  return parts.join(' · ');
}
