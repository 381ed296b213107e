import { render } from 'preact';
import { ensureMessages } from '@/lib/i18n/ensure-messages';
import '@/components/theme.css';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';

void ensureMessages().then(() => render(<SidePanelApp />, document.getElementById('app')!));
