import '@/lib/zod-jitless';
import { render } from 'preact';
import '@/components/theme.css';
import { OptionsApp } from '@/components/options/OptionsApp';

render(<OptionsApp />, document.getElementById('app')!);
