import { defineWebExtConfig } from 'wxt';

// `npm run dev` opens Debian's Chromium (or CHROME_PATH) and firefox-esr, never a downloaded browser.
export default defineWebExtConfig({
  binaries: {
    chrome: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
  },
  chromiumArgs: ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  startUrls: ['https://www.linkedin.com/'],
});
