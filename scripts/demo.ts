/**
 * `npm run demo`: build, then open Chromium with Tiercover, the sample data and fixture LinkedIn
 * and CRM pages (served at their real URLs, nothing fetched). With a display: a real window you can
 * click around in (close it to stop). Without one: headless, a screenshot of each page, and where
 * they are.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CardObject, chromePath, CHROME_DIR, launch, loadSampleData, openExtensionPage, ROOT } from '../tests/e2e/harness.ts';

const PAGES: [string, string][] = [
  ['linkedin-profile', 'https://www.linkedin.com/in/jane-doe-4b1a2/'],
  ['linkedin-company', 'https://www.linkedin.com/company/northwind-analytics/about/'],
  ['sales-navigator-lead', 'https://www.linkedin.com/sales/lead/ACwAAB1x2y3Z4aBcDeFgHiJkLmNoPqRsTuVwXyZ,NAME_SEARCH,Ab1c'],
  ['linkedin-profile-de', 'https://de.linkedin.com/in/lukas-becker/'],
  ['salesforce-account', 'https://northwind.lightning.force.com/lightning/r/Account/0015g00000AbCdEAAZ/view'],
  ['hubspot-company', 'https://app-eu1.hubspot.com/contacts/4400123/record/0-2/9001'],
];

try {
  chromePath();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', cwd: ROOT });

const headed = !!process.env.DISPLAY && !process.env.CI;
const outDir = join(ROOT, 'demo-screenshots');
mkdirSync(outDir, { recursive: true });

const s = await launch({ extensionDir: CHROME_DIR, headless: !headed });
await loadSampleData(s);
const options = await openExtensionPage(s, 'options.html');
await options.screenshot({ path: join(outDir, 'options.png'), fullPage: true });
if (!headed) await options.close();

for (const [name, url] of PAGES) {
  const page = await s.context.newPage();
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(url);
  const card = await CardObject.of(page);
  await card.waitFor('[data-testid=card]', undefined, 10_000).catch(() => undefined);
  await card.waitFor('[data-testid=tier-badge]', undefined, 10_000).catch(() => undefined);
  await page.waitForTimeout(200);
  const file = join(outDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`  ${name}: ${url}\n    → ${file}`);
  if (!headed) await page.close();
}

if (headed) {
  console.log('\nTiercover is running in the Chromium window with sample data. Close the window to stop.');
  await new Promise<void>((resolve) => s.context.on('close', () => resolve()));
} else {
  console.log(`\nNo display: ran headless. Screenshots are in ${outDir}`);
  await s.close();
}
