/** Turning stored records into what the views show (tier and coverage computed here, once). */
import { computeCoverage } from './coverage';
import type { Account, Contact, Settings } from './schema';
import { computeTier } from './tier';
import type { AccountHit, AccountView, ContactView } from '../messaging/protocol';

export function contactView(c: Contact): ContactView {
  return {
    id: c.id,
    name: c.name,
    title: c.title,
    department: c.department,
    buyingRole: c.buyingRole,
    status: c.status,
    connected: c.connected,
    followed: c.followed,
    linkedinSlug: c.linkedinSlug,
    email: c.email,
    ...(c.seenOnLinkedin ? { seenOnLinkedin: c.seenOnLinkedin } : {}),
  };
}

export function accountView(a: Account, contacts: Contact[], settings: Settings, now = new Date()): AccountView {
  return {
    id: a.id,
    name: a.name,
    domains: a.domains,
    linkedinSlug: a.linkedinSlug,
    employees: a.employees,
    founded: a.founded,
    global: a.global,
    team: a.team,
    tier: computeTier(a, settings, now),
    ...(a.tierOverrideCleared && !a.tierOverride ? { overrideCleared: a.tierOverrideCleared } : {}),
    coverage: computeCoverage(contacts, settings, now.getTime()),
    contacts: contacts.map(contactView),
  };
}

export function accountHit(a: Account, settings: Settings): AccountHit {
  return { id: a.id, name: a.name, domains: a.domains, tier: computeTier(a, settings).tier };
}
