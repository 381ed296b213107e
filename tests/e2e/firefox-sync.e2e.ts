/**
 * One team, two browsers: a Chromium profile (playwright-core) and a Firefox profile
 * (puppeteer-core) connected to the same team server on loopback, each through its own Team
 * section. A tick on the card in one reaches the other's open card, both ways: the Yjs engine
 * in Firefox's MV2 background page and in Chromium's service worker share one document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { startTeamServer } from '../../server/team-server.ts';
import { CardObject, launch, loadSampleData, type Session } from './harness';
import { launchFirefox, waitForCardFrame, type FirefoxSession } from './firefox-harness';
import { connectAndWait, freePort, loopbackGrantedBuild, loopbackGrantedFirefoxBuild } from './team';

const JANE = 'https://www.linkedin.com/in/jane-doe-4b1a2/';
const TEAM = 'northwind-deal-team';
const TOKEN = 'team-token-5e2b9d7a1c4f';
const PERSON = '[data-testid=aircover-person]';

let chromeBuild: string;
let firefoxBuild: string;
let dataDir: string;
let port: number;
let server: Awaited<ReturnType<typeof startTeamServer>> | undefined;
let chromium: Session;
let firefox: FirefoxSession;
const serverLog: string[] = [];

const login = () => ({ serverUrl: `ws://127.0.0.1:${port}`, team: TEAM, token: TOKEN });
const tickBox = (item: string) => `${PERSON} [data-testid=tick-${item}]`;

/** Is this item of Jane's checklist ticked on the Chromium card? */
const tickedInChromium = (card: CardObject, item: string) =>
  card.frame()?.$eval(tickBox(item), (el) => (el as HTMLInputElement).checked).catch(() => undefined);
/** … on the Firefox card (evaluated inside its frame). */
const tickedInFirefox = (frame: Frame, item: string) =>
  frame.evaluate((sel) => document.querySelector<HTMLInputElement>(sel)?.checked, tickBox(item)).catch(() => undefined);

/** Firefox's options page: the sample data, then Connect in the Team section, as a user does it. */
async function firefoxJoins(): Promise<Page> {
  const options = await firefox.openExtensionPage('options.html', '[data-testid=first-run]');
  await (await options.waitForSelector('[data-testid=load-sample]:not([disabled])', { timeout: 20_000 }))!.click();
  await options.waitForFunction(() => document.querySelector('[data-testid=data-status]')?.textContent?.includes('Sample data loaded'), { timeout: 20_000 });
  const { serverUrl, team, token } = login();
  await options.type('[data-testid=team-server]', serverUrl);
  await options.type('[data-testid=team-name]', team);
  await options.type('[data-testid=team-token]', token);
  // A real click: the permission request needs the user's gesture.
  await options.click('[data-testid=team-connect]');
  await options.waitForFunction(() => document.querySelector('[data-testid=team-state]')?.getAttribute('data-state') === 'connected', { timeout: 60_000 });
  return options;
}

beforeAll(async () => {
  chromeBuild = loopbackGrantedBuild();
  firefoxBuild = loopbackGrantedFirefoxBuild();
  dataDir = mkdtempSync(join(tmpdir(), 'tiercover-sync-ff-db-'));
  port = await freePort();
  server = await startTeamServer({ port, dbPath: join(dataDir, 'team.sqlite'), teams: { [TEAM]: TOKEN }, log: (line) => serverLog.push(line) });
  chromium = await launch({ extensionDir: chromeBuild });
  chromium.context.setDefaultTimeout(90_000);
  await loadSampleData(chromium);
  firefox = await launchFirefox(firefoxBuild);
}, 180_000);

afterAll(async () => {
  await chromium?.close();
  await firefox?.close();
  await server?.stop();
  for (const dir of [chromeBuild, firefoxBuild, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('one team in Chromium and Firefox', () => {
  it('a tick on the card in one browser shows on the open card in the other, both ways', async () => {
    const chromeOptions = await connectAndWait(chromium, login());
    const firefoxOptions = await firefoxJoins();

    const chromePage = await chromium.context.newPage();
    await chromePage.goto(JANE);
    const chromeCard = await CardObject.of(chromePage);
    await chromeCard.waitFor(PERSON);
    const firefoxPage = await firefox.browser.newPage();
    await firefox.servePages(firefoxPage);
    await firefoxPage.goto(JANE);
    const firefoxCard = await waitForCardFrame(firefoxPage);
    await firefoxCard.waitForSelector(PERSON, { timeout: 20_000 });

    const open = await chromeCard.frame()!.$$eval(`${PERSON} input[type=checkbox]`, (els) => els.filter((el) => !(el as HTMLInputElement).checked).map((el) => (el as HTMLElement).dataset.testid!.replace(/^tick-/, '')));
    const [fromChromium, fromFirefox] = open;
    expect(fromFirefox).toBeDefined();
    expect(await tickedInFirefox(firefoxCard, fromChromium!)).toBe(false);
    expect(await tickedInFirefox(firefoxCard, fromFirefox!)).toBe(false);

    // Chromium → Firefox.
    await chromeCard.click(tickBox(fromChromium!));
    await expect.poll(() => tickedInChromium(chromeCard, fromChromium!)).toBe(true);
    await expect.poll(() => tickedInFirefox(firefoxCard, fromChromium!), { timeout: 30_000 }).toBe(true);

    // Firefox → Chromium.
    await firefoxCard.click(tickBox(fromFirefox!));
    await expect.poll(() => tickedInFirefox(firefoxCard, fromFirefox!)).toBe(true);
    await expect.poll(() => tickedInChromium(chromeCard, fromFirefox!), { timeout: 30_000 }).toBe(true);

    // Nothing went anywhere but the team server (Firefox's requests to other hosts are refused and
    // recorded; its WebSocket to loopback is not a page request). The server refused nobody.
    expect(firefox.outside).toEqual([]);
    expect(chromium.outside).toEqual([]);
    expect(serverLog.filter((l) => !/^listening on /.test(l))).toEqual([]);
    await Promise.all([chromePage.close(), chromeOptions.close(), firefoxPage.close(), firefoxOptions.close()]);
  }, 240_000);
});
