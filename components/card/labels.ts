/** Buying-role labels, one place for the card's views. */
export const ROLE_LABELS: Record<string, string> = {
  'decision-maker': 'Decision maker',
  influencer: 'Influencer',
  champion: 'Champion',
  user: 'User',
  blocker: 'Blocker',
  unknown: 'Role unknown',
};
