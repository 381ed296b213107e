/** Words for the strategic fields, shared by the account view, the card and the plan export. */
import type { Influence, Strength } from '@/lib/domain/schema';

export const INFLUENCE_LABELS: Record<Influence, string> = { high: 'High influence', medium: 'Medium influence', low: 'Low influence' };
export const STRENGTH_LABELS: Record<Strength, string> = { strong: 'Strong relationship', good: 'Good relationship', weak: 'Weak relationship', none: 'No relationship yet' };
