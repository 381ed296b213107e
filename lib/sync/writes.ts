/**
 * Which records each user write shares with the team, by message (lib/background/handlers/).
 * Only people's edits are shared: a bulk CSV import, a bundle merge, a restore or the sample data
 * are not (each person imports their own CRM export). `whole`: a record made by hand from a page
 * is shared entirely (lib/sync/shared-copy.ts). A removed contact or unlinked page is marked
 * removed in this member's map (lib/sync/doc.ts `writeRemovals`).
 */
import type { MessageType, Responses } from '../messaging/protocol';
import type { Payload } from '../background/handlers/common';

export type SharedRef =
  | { kind: 'account' | 'contact'; id: string; whole?: boolean }
  /** `again`: written even if unchanged, so the others apply it again (what an undo puts back). */
  | { kind: 'target' | 'tick' | 'week' | 'link'; id: string; again?: true }
  /** Every target and tick of a week (a week started: its carried targets and standing ticks). */
  | { kind: 'weekAll'; id: string }
  /** Every tick of one target (evidence accepted: the ticks it wrote). */
  | { kind: 'targetTicks'; id: string; again?: true }
  /** A contact removed, a page unlinked: marked so in this member's map if it was shared (lib/sync/doc.ts `writeRemovals`). */
  | { kind: 'contactRemoved' | 'linkRemoved'; id: string };

type Rule<K extends MessageType> = (p: Payload<K>, r: Responses[K]) => SharedRef[];

const account = (id: string | undefined): SharedRef[] => (id ? [{ kind: 'account', id }] : []);
const link = (pageKey: string | undefined): SharedRef[] => (pageKey ? [{ kind: 'link', id: pageKey }] : []);

export const SHARED_WRITES: { [K in MessageType]?: Rule<K> } = {
  tickAirCover: (_p, r) => [{ kind: 'tick', id: r.id }],
  tickAirCoverMany: (_p, r) => r.map((t) => ({ kind: 'tick', id: t.id })),
  acceptEvidence: (p) => [...(p.contactId ? [{ kind: 'contact' as const, id: p.contactId }] : []), ...(p.targetId ? [{ kind: 'targetTicks' as const, id: p.targetId }] : [])],
  addContact: (p, r) => [{ kind: 'contact', id: r.id, whole: true }, ...link(p.pageKey)],
  updateContact: (_p, r) => [{ kind: 'contact', id: r.id }],
  fixContact: (_p, r) => [{ kind: 'contact', id: r.id }],
  setRelationship: (_p, r) => [{ kind: 'contact', id: r.id }],
  removeContact: (p) => [{ kind: 'contactRemoved', id: p.contactId }],
  // The undo: the contact again, and the targets and ticks it had. The others removed those on
  // hearing of the removal; unchanged here, they are sent again.
  restoreContact: (_p, r) => [{ kind: 'contact', id: r.contactId }, ...r.targetIds.flatMap((id) => [{ kind: 'target' as const, id, again: true as const }, { kind: 'targetTicks' as const, id, again: true as const }])],
  addTarget: (_p, r) => [{ kind: 'target', id: r.id }],
  setTargetStatus: (_p, r) => [{ kind: 'target', id: r.id }],
  updateTarget: (_p, r) => [{ kind: 'target', id: r.id }],
  setKeyContact: (_p, r) => [{ kind: 'target', id: r.id }],
  startWeek: (p) => [{ kind: 'weekAll', id: p.weekId }],
  setFactor: (p) => account(p.accountId),
  setTierOverride: (p) => account(p.accountId),
  updateAccount: (p) => account(p.accountId),
  saveTouchpoint: (p) => account(p.accountId),
  removeTouchpoint: (p) => account(p.accountId),
  setTeamRating: (p) => account(p.accountId),
  addReview: (p) => account(p.accountId),
  createAccount: (p, r) => [{ kind: 'account', id: r.id, whole: true }, ...link(p.pageKey)],
  linkPage: (p) => link(p.pageKey),
  unlinkPage: (p) => [{ kind: 'linkRemoved', id: p.pageKey }],
  // A filled marketing pack is people's evidence, written by the week page: its ticks are shared.
  announceChange: (p) => (p.ticks ?? []).map((id) => ({ kind: 'tick' as const, id })),
};

/** The records a successful write shares (none for a message that is not a shared write). */
export function sharedRefs<K extends MessageType>(type: K, payload: Payload<K>, result: Responses[K]): SharedRef[] {
  const rule = SHARED_WRITES[type] as Rule<K> | undefined;
  return rule ? rule(payload, result) : [];
}
