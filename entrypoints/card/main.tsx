/**
 * The card page, shown in an iframe that the content script puts on LinkedIn and CRM pages. An
 * extension document: the page's scripts cannot read it, search it, click in it or hear its keys.
 */
import { mountPage } from '@/components/mount';
import '@/components/card/card.css';
import '@/components/card/frame.css';
import { CardFrameApp, startCardFrame } from '@/components/card/CardFrameApp';

startCardFrame();
mountPage(<CardFrameApp />);
