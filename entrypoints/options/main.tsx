import '@/lib/zod-jitless';
import { render } from 'preact';
import { ensureMessages } from '@/lib/i18n/ensure-messages';
import '@/components/theme.css';
import { OptionsApp } from '@/components/options/OptionsApp';

void ensureMessages().then(() => render(<OptionsApp />, document.getElementById('app')!));
