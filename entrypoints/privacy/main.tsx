// A static page: no messages, no database, no zod, so it shows even when the background is down.
import { render } from 'preact';
import { ensureMessages } from '@/lib/i18n/ensure-messages';
import '@/components/theme.css';
import '@/components/privacy/privacy.css';
import { PrivacyPage } from '@/components/privacy/PrivacyPage';

void ensureMessages().then(() => render(<PrivacyPage />, document.getElementById('app')!));
