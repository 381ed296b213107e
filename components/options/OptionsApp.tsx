import { useSignal } from '@preact/signals';
import type { Settings } from '@/lib/domain/schema';
import { send } from '@/lib/messaging/client';
import { useLive } from '../useLive';
import type { Stats } from '@/lib/db/db';
import { DataSection } from './DataSection';
import { FirstRun } from './FirstRun';
import { ProfileSection } from './ProfileSection';
import { TieringSection } from './TieringSection';
import { SitesSection } from './SitesSection';
import { ImportSection } from './ImportSection';
import { BundleSection } from './BundleSection';
import { RosterSection } from './RosterSection';
import { AirCoverSection } from './AirCoverSection';
import { t } from '@/lib/i18n';
import { StrategicSettingsSection } from './StrategicSection';
import { TeamSection } from './TeamSection';
import { teamStatus, useTeamStatus } from './teamStatus';

export function OptionsApp() {
  const settings = useSignal<Settings | null>(null);
  const stats = useSignal<Stats | null>(null);
  const loadError = useSignal<string | null>(null);

  useLive(
    () =>
      Promise.all([send('getSettings', {}), send('getStats', {})])
        .then(([s, st]) => {
          settings.value = s;
          stats.value = st;
          loadError.value = null;
        })
        .catch((e: Error) => (loadError.value = e.message)),
    [],
    1000,
  );
  useTeamStatus();

  return (
    <main>
      <h1>Tiercover</h1>
      <p class="lead">
        {teamStatus.value?.enabled ? t('options.leadSynced') : t('options.lead')}
      </p>
      {loadError.value && <div class="status error" role="alert">{loadError.value}</div>}
      {settings.value && <FirstRun settings={settings.value} stats={stats} />}
      <DataSection stats={stats} lastBackupAt={settings.value?.lastBackupAt} />
      <ImportSection />
      <BundleSection />
      <TeamSection />
      {/* Keyed by the name: set in the first run, it must not be saved back empty from here. */}
      {settings.value && <ProfileSection key={settings.value.yourName} settings={settings.value} />}
      {settings.value && <RosterSection settings={settings.value} />}
      {settings.value && <TieringSection settings={settings.value} />}
      {settings.value && <AirCoverSection settings={settings.value} />}
      {settings.value && <StrategicSettingsSection settings={settings.value} />}
      {settings.value && <SitesSection settings={settings.value} />}
      <footer class="muted">
        <p><a href="/privacy.html" data-testid="privacy-link">{teamStatus.value?.enabled ? t('options.privacyLinkSynced') : t('options.privacyLink')}</a></p>
      </footer>
    </main>
  );
}
