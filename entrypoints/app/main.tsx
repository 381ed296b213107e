import { mountPage } from '@/components/mount';
import '@/components/theme.css';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { AgendaPrint } from '@/components/week/AgendaPrint';
import { PlanPrint } from '@/components/week/strategic/PlanPrint';

const params = new URLSearchParams(location.search);
const print = params.get('print');
const plan = params.get('plan');
mountPage(print && /^\d{4}-W\d{2}$/.test(print) ? <AgendaPrint weekId={print} /> : plan ? <PlanPrint accountId={plan} /> : <SidePanelApp full />);
