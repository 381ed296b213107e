import { mountPage } from '@/components/mount';
import '@/components/theme.css';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';

mountPage(<SidePanelApp />);
