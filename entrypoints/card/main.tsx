/**
 * The card page, shown in an iframe that the content script puts on LinkedIn and CRM pages. An
 * extension document: the page's scripts cannot read it, search it, click in it or hear its keys.
 */
import { render } from 'preact';
import { ensureMessages } from '@/lib/i18n/ensure-messages';
import '@/components/card/card.css';
import '@/components/card/frame.css';
import { CardFrameApp, startCardFrame } from '@/components/card/CardFrameApp';

startCardFrame();
void ensureMessages().then(() => render(<CardFrameApp />, document.getElementById('app')!));
