/**
 * What Tiercover stores, reads and sends (nothing), in the extension itself, so a user can check
 * it offline and a store reviewer finds it at a stable URL. Keep it true: when a store, a storage
 * key, a permission or a page read changes, this page changes in the same commit (the facts come
 * from lib/db/schema.ts, lib/background/{custom-hosts,tab-cards}.ts, components/card/CardFrameApp.tsx,
 * lib/card-host/ and wxt.config.ts).
 */
import type { ComponentChildren } from 'preact';

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function PrivacyPage() {
  return (
    <main class="privacy">
      <h1>Tiercover and your data</h1>
      <p class="lead">
        Everything Tiercover knows stays in this browser profile. It has no server, no account, no analytics and no remote
        code, and it makes no network requests.
      </p>
      <nav aria-label="On this page">
        <ul>
          <li><a href="#sent-h">Nothing is sent</a></li>
          <li><a href="#stored-h">What is stored where</a></li>
          <li><a href="#read-h">What is read from pages</a></li>
          <li><a href="#perm-h">Permissions</a></li>
          <li><a href="#export-h">Export and delete</a></li>
        </ul>
      </nav>

      <Section id="sent-h" title="Nothing is sent anywhere">
        <ul>
          <li>No requests: Tiercover talks to no server, ours or anyone's. Its own pages are not even allowed to (their content security policy has <code>connect-src 'none'</code> in Chrome and Edge).</li>
          <li>No analytics, telemetry, crash reports or ads.</li>
          <li>No remote code: everything it runs ships inside the extension; nothing else may run (<code>script-src 'self'</code>).</li>
          <li>No team sync in this version. You share with your team by exporting a file and sending it yourself.</li>
        </ul>
      </Section>

      <Section id="stored-h" title="What is stored, and where">
        <table>
          <tbody>
            <tr>
              <th scope="row">IndexedDB (the database <code>tiercover</code>, in this browser profile, readable only by Tiercover)</th>
              <td>
                <b>Accounts</b> (name, website domains, LinkedIn and CRM ids, tier boxes, notes) · <b>contacts</b> (name, title,
                department, email when your import had one, LinkedIn and CRM ids, connected and followed, and when a LinkedIn page showed that if you accepted it) · <b>weeks</b> and their <b>targets</b> · air-cover{' '}
                <b>ticks</b> (what, when, and your name or the name in a marketing pack you imported; where it came from: seen on LinkedIn, a LinkedIn matched audience, the marketing pack) · <b>page links</b> (a page you linked to an account) · <b>settings</b>{' '}
                (your name and team, tiering thresholds, card or side panel per site, when you last made a backup). Kept until you
                delete it or remove the extension.
              </td>
            </tr>
            <tr>
              <th scope="row"><code>storage.local</code></th>
              <td>Where the card sits and whether it is collapsed or hidden, per site; the custom CRM hosts you added.</td>
            </tr>
            <tr>
              <th scope="row"><code>storage.session</code> (memory, cleared when the browser closes)</th>
              <td>
                For each tab on a supported page: its page key (such as <code>linkedin:in:jane-doe</code>) and what was read from
                that page, so the card, the side panel and the toolbar badge can follow the tab you are on.
              </td>
            </tr>
            <tr>
              <th scope="row">Your downloads folder</th>
              <td>Only the files you export (CSV, Markdown, JSON). Tiercover keeps no copy and no record of where they go.</td>
            </tr>
          </tbody>
        </table>
      </Section>

      <Section id="read-h" title="What is read from pages">
        <p>
          Only on LinkedIn (including Sales Navigator), Salesforce and HubSpot, and on the CRM hosts you add yourself. Only the
          page you have open, as it is shown to you: the person's or company's name, headline or title, company, website
          domain, size, and the record id in the address. That is enough to find the account in your own list. On LinkedIn
          also your own relation to them, as the page shows it to you: the connection degree badge, whether the Follow
          button says you follow them (or their company page), and whether a Sales Navigator lead is saved. These are only
          offered on the card as suggestions; they are kept only when you accept one.
        </p>
        <ul>
          <li>Not read: what you type, messages, cookies, other tabs, your browsing history, any other site.</li>
          <li>What is read goes from the page to Tiercover's background inside the browser, to look the account up. It is
            kept in the database only when you act on it (add this person, link this page, create the account).</li>
          <li>Text from pages is always shown as text, never run or rendered as HTML.</li>
          <li>Tiercover does not change what these pages show: its card is a frame of its own floating above them, which the
            page cannot read; or use the side panel instead.</li>
        </ul>
      </Section>

      <Section id="perm-h" title="What the permissions are for">
        <table>
          <tbody>
            <tr><th scope="row">Read LinkedIn, Salesforce and HubSpot pages</th><td>To recognise the person, company or record you are looking at and show its card.</td></tr>
            <tr><th scope="row"><code>storage</code></th><td>Card position per site, your custom hosts, and the per-tab page for the side panel (above).</td></tr>
            <tr><th scope="row"><code>unlimitedStorage</code></th><td>So a team's list of tens of thousands of accounts and contacts never hits the browser's quota and is never evicted.</td></tr>
            <tr><th scope="row"><code>sidePanel</code> (Chrome, Edge)</th><td>The side panel, which shows the same as the card without touching the page. Firefox has a sidebar instead and needs no permission.</td></tr>
            <tr><th scope="row">Optional: access to a host you add, <code>scripting</code></th><td>Asked for one host at a time, only when you add your own CRM host in the options, so the card can run there.</td></tr>
          </tbody>
        </table>
        <p class="muted">No access to your tabs list, browsing history, downloads, cookies or network traffic.</p>
      </Section>

      <Section id="export-h" title="Export or delete everything">
        <ul>
          <li><b>Export:</b> <a href="/options.html">Options</a> → <i>Share and back up</i> → <i>Export a full backup</i> saves
            everything in the database as one JSON file. A week's sales and marketing packs, agenda and bundle are exported from
            the week view.</li>
          <li><b>Delete:</b> <a href="/options.html">Options</a> → <i>Your data</i> → <i>Delete all data…</i> empties the
            database. Card positions and custom hosts stay until you remove them (<i>Sites</i> in the options).</li>
          <li><b>Remove the extension</b> and the browser deletes all of it: the database, <code>storage.local</code> and{' '}
            <code>storage.session</code>.</li>
        </ul>
      </Section>
    </main>
  );
}
