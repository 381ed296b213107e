import './open-database'; // first: see there
import { mountPage } from '@/components/mount';
import '@/components/theme.css';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';

const params = new URLSearchParams(location.search);
const print = params.get('print');
const plan = params.get('plan');
// The print views load only when asked for: they bring the export code (zod, papaparse), which
// the week itself loads on its first export. Imported statically, they made every opening of
// the week load and compile ~200 KB more before reading anything (BENCHMARKS.md).
if (print && /^\d{4}-W\d{2}$/.test(print)) {
  void import('@/components/week/AgendaPrint').then(({ AgendaPrint }) => mountPage(<AgendaPrint weekId={print} />));
} else if (plan) {
  void import('@/components/week/strategic/PlanPrint').then(({ PlanPrint }) => mountPage(<PlanPrint accountId={plan} />));
} else {
  mountPage(<SidePanelApp full />);
}
