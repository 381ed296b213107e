import { render } from 'preact';
import '@/components/theme.css';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';

render(<SidePanelApp full />, document.getElementById('app')!);
