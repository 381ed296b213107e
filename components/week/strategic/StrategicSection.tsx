import { t } from '@/lib/i18n';
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { teamPeople } from '@/lib/domain/account-team';
import type { Settings } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import type { AccountView } from '@/lib/messaging/protocol';
import { GovernanceEditor } from './GovernanceEditor';
import { RelationshipMap } from './RelationshipMap';
import { ReviewPanel } from './ReviewPanel';
import { TeamEditor } from './TeamEditor';
import { TeamRatingEditor } from './TeamRatingEditor';
import { PlanExport } from './PlanExport';

type Act = (fn: () => Promise<unknown>) => Promise<void>;

/**
 * The strategic parts of an account (DOMAIN.md section 6), in the account view: the team and who
 * owns which step, the relationship map, governance, the 4R review and the where-to-invest
 * inputs. Tier 1 and Global accounts get all of it open; any other account can still have a
 * team and a map.
 */
export function StrategicSection({ a, act }: { a: AccountView; act: Act }) {
  const settings = useSignal<Settings | null>(null);
  useEffect(() => {
    void send('getSettings', {}).then((s) => (settings.value = s), () => undefined);
  }, []);
  const s = settings.value;
  if (!s) return null;
  const strategic = a.strategicSummary.strategic;
  // People to pick as owners: the team first, then the roster.
  const names = [...new Set([...teamPeople(a.team).map((p) => p.name), ...s.roster.map((m) => m.name)])];
  return (
    <div class="list" data-testid="strategic">
      <details open={strategic || !!a.team.members?.length}>
        <summary><h3 style={{ display: 'inline' }}>{t('strategic.section.team')}</h3></summary>
        <TeamEditor team={a.team} roles={s.teamRoles} stages={s.journeyStages} names={names} onSave={(members) => act(() => send('updateAccount', { accountId: a.id, changes: { team: { members } } }))} />
      </details>
      <details open={strategic} data-testid="relationships">
        <summary><h3 style={{ display: 'inline' }}>{t('strategic.section.map')}</h3></summary>
        <RelationshipMap contacts={a.contacts} owners={names} onSet={(contactId, changes) => act(() => send('setRelationship', { contactId, changes }))} />
        <Gaps title={t('strategic.section.gaps')} items={a.strategicSummary.relationshipGaps} testId="relationship-gaps" />
      </details>
      {strategic ? (
        <>
          <details open data-testid="governance-section">
            <summary><h3 style={{ display: 'inline' }}>{t('strategic.section.governance')}</h3></summary>
            <GovernanceEditor
              touchpoints={a.touchpoints}
              contacts={a.contacts}
              names={names}
              onSave={(touchpoint) => act(() => send('saveTouchpoint', { accountId: a.id, touchpoint }))}
              onRemove={(touchpointId) => act(() => send('removeTouchpoint', { accountId: a.id, touchpointId }))}
            />
          </details>
          <details data-testid="account-review">
            <summary><h3 style={{ display: 'inline' }}>{t('strategic.section.review')}</h3></summary>
            <ReviewPanel subject={a.name} reviews={a.reviews} onSubmit={(scores) => act(() => send('addReview', { accountId: a.id, scores }))} />
          </details>
        </>
      ) : (
        <p class="muted">{t('strategic.section.notStrategic')}</p>
      )}
      <details>
        <summary><h3 style={{ display: 'inline' }}>{t('strategic.section.invest')}</h3></summary>
        <TeamRatingEditor
          potential={a.potential}
          rating={a.teamRating}
          onPotential={(potential) => act(() => send('updateAccount', { accountId: a.id, changes: { potential } }))}
          onRate={(rating) => act(() => send('setTeamRating', { accountId: a.id, rating }))}
        />
      </details>
      <PlanExport accountId={a.id} />
    </div>
  );
}

function Gaps({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  return items.length ? (
    <div data-testid={testId}>
      <b>{title}</b>
      <ul>{items.map((g) => <li key={g}>{g}</li>)}</ul>
    </div>
  ) : (
    <p class="muted" data-testid={testId}>{t('strategic.section.noGaps')}</p>
  );
}
