/** `npm run team-server` as an operator meets it: the process, its environment and its output. */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../server/config.ts';
import { connect, tempDir, waitFor, type TestClient } from './helpers.ts';

const TOKEN = 'acme-cli-token-0123456789';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function problemsOf(env: Record<string, string>): string[] {
  try {
    readConfig(env, '/srv/team');
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('team server configuration', () => {
  it('reads teams, address, database and Redis from the environment, loopback by default', () => {
    expect(readConfig({ TIERCOVER_TEAMS: `acme:${TOKEN}, globex:${TOKEN}-2` }, '/srv/team')).toEqual({
      host: '127.0.0.1',
      port: 1234,
      dbPath: '/srv/team/tiercover-team.sqlite',
      teams: { acme: TOKEN, globex: `${TOKEN}-2` },
      maxUpdateBytes: 2 * 1024 * 1024,
    });
    expect(readConfig({ TIERCOVER_TEAMS: `acme:${TOKEN}`, TIERCOVER_HOST: '0.0.0.0', TIERCOVER_PORT: '9000', TIERCOVER_DB: 'data/t.sqlite', TIERCOVER_REDIS: 'redis.lan:6380', TIERCOVER_MAX_UPDATE_BYTES: '100000' }, '/srv/team'))
      .toEqual({ host: '0.0.0.0', port: 9000, dbPath: '/srv/team/data/t.sqlite', teams: { acme: TOKEN }, redis: { host: 'redis.lan', port: 6380 }, maxUpdateBytes: 100000 });
  });

  it('lists every problem at once and never quotes a token', () => {
    const problems = problemsOf({ TIERCOVER_TEAMS: 'acme:short,bad team:' + TOKEN + ',' + TOKEN, TIERCOVER_PORT: '99999' });
    expect(problems).toEqual([
      'TIERCOVER_PORT must be a port number from 0 to 65535, not "99999".',
      'TIERCOVER_TEAMS entry 3 has no "team:token" form.',
      'The token of team "acme" is shorter than 16 characters.',
      'Team id "bad team" is not allowed: use 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit.',
    ]);
    expect(problems.join('\n')).not.toContain(TOKEN);
    expect(problemsOf({})).toEqual([expect.stringContaining('No teams')]);
  });

  it('reads a teams file and says clearly when it is not one', () => {
    const dir = tempDir('teams-file');
    cleanups.push(() => dir.remove());
    writeFileSync(`${dir.path}/teams.json`, JSON.stringify({ acme: TOKEN }));
    writeFileSync(`${dir.path}/broken.json`, `{"acme": "${TOKEN}"`);
    expect(readConfig({ TIERCOVER_TEAMS_FILE: `${dir.path}/teams.json` }).teams).toEqual({ acme: TOKEN });
    const broken = problemsOf({ TIERCOVER_TEAMS_FILE: `${dir.path}/broken.json` });
    expect(broken).toEqual([`The teams file ${dir.path}/broken.json is not valid JSON: it must be an object {"team": "token"}.`]);
    expect(problemsOf({ TIERCOVER_TEAMS_FILE: `${dir.path}/missing.json` })).toEqual([`Cannot read the teams file ${dir.path}/missing.json: ENOENT.`]);
  });
});

describe('npm run team-server (server/cli.ts)', () => {
  function run(env: Record<string, string>) {
    const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', 'server/cli.ts'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = { text: '', code: null as number | null, exited: false };
    child.stdout.on('data', (d) => (out.text += d));
    child.stderr.on('data', (d) => (out.text += d));
    child.on('exit', (code) => {
      out.code = code;
      out.exited = true;
    });
    cleanups.push(() => {
      if (!out.exited) child.kill('SIGKILL');
    });
    return { child, out };
  }

  it('starts, says where it listens and for which teams, serves them, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir('cli');
    cleanups.push(() => dir.remove());
    const { child, out } = run({ TIERCOVER_TEAMS: `acme:${TOKEN}`, TIERCOVER_PORT: '0', TIERCOVER_DB: `${dir.path}/team.sqlite` });
    await waitFor('the listening line', () => /listening on ws:\/\/127\.0\.0\.1:\d+ for teams: acme/.test(out.text) || out.exited);
    const url = /listening on (ws:\/\/127\.0\.0\.1:\d+)/.exec(out.text)?.[1];
    expect(url, out.text).toBeDefined();

    const a: TestClient = connect(url!, 'acme/week', TOKEN);
    cleanups.push(() => a.destroy());
    await waitFor('a client synced', () => a.synced());

    child.kill('SIGTERM');
    await waitFor('exit', () => out.exited);
    expect(out.code).toBe(0);
    expect(out.text).toContain(`documents are kept in ${dir.path}/team.sqlite`);
    expect(out.text).not.toContain(TOKEN);
  });

  it('exits with a clear message on a bad configuration', async () => {
    const { out } = run({ TIERCOVER_TEAMS: 'acme:tooshort' });
    await waitFor('exit', () => out.exited);
    expect(out.code).toBe(2);
    expect(out.text).toContain('the configuration is not usable');
    expect(out.text).toContain('The token of team "acme" is shorter than 16 characters.');
    expect(out.text).not.toContain('tooshort');
  });
});
