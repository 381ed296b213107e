import { render } from 'preact';
import '@/components/theme.css';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { AgendaPrint } from '@/components/week/AgendaPrint';

const print = new URLSearchParams(location.search).get('print');
render(print && /^\d{4}-W\d{2}$/.test(print) ? <AgendaPrint weekId={print} /> : <SidePanelApp full />, document.getElementById('app')!);
