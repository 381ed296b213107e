// A static page: no messages, no database, no zod, so it shows even when the background is down.
import { mountPage } from '@/components/mount';
import '@/components/theme.css';
import '@/components/privacy/privacy.css';
import { PrivacyPage } from '@/components/privacy/PrivacyPage';

mountPage(<PrivacyPage />);
