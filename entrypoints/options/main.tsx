import '@/lib/zod-jitless';
import { mountPage } from '@/components/mount';
import '@/components/theme.css';
import { OptionsApp } from '@/components/options/OptionsApp';

mountPage(<OptionsApp />);
