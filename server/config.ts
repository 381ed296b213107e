/**
 * The command line's configuration, read from the environment. Every problem is reported at once,
 * in words an operator can act on, and never quotes a token.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isPostgresUrl } from './document-store.ts';
import { MIN_TOKEN_LENGTH, teamConfigProblems } from './team-auth.ts';
import type { TeamServerOptions } from './team-server.ts';
import { DEFAULT_MAX_UPDATE_BYTES } from './update-guard.ts';

export const DEFAULT_PORT = 1234;
export const DEFAULT_DB = 'tiercover-team.sqlite';

// No parameter properties here or anywhere in server/: Node runs these files by stripping types.
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}

type Env = Record<string, string | undefined>;

/** Options for startTeamServer from TIERCOVER_* variables; throws ConfigError listing every problem. */
export function readConfig(env: Env, cwd = process.cwd()): Omit<TeamServerOptions, 'log'> {
  const problems: string[] = [];

  const host = env.TIERCOVER_HOST?.trim() || '127.0.0.1';
  const port = parsePort(env.TIERCOVER_PORT, DEFAULT_PORT, 'TIERCOVER_PORT', problems);
  const db = env.TIERCOVER_DB?.trim() || DEFAULT_DB;
  const dbPath = isPostgresUrl(db) ? db : resolve(cwd, db);
  const teams = readTeams(env, cwd, problems);
  const redis = env.TIERCOVER_REDIS?.trim() ? parseRedis(env.TIERCOVER_REDIS.trim(), problems) : undefined;
  const maxUpdateBytes = env.TIERCOVER_MAX_UPDATE_BYTES?.trim()
    ? parsePositiveInt(env.TIERCOVER_MAX_UPDATE_BYTES, 'TIERCOVER_MAX_UPDATE_BYTES', problems)
    : DEFAULT_MAX_UPDATE_BYTES;

  if (teams) problems.push(...teamConfigProblems(teams, MIN_TOKEN_LENGTH));
  if (problems.length || !teams) throw new ConfigError(problems);
  return { host, port, dbPath, teams, ...(redis ? { redis } : {}), maxUpdateBytes };
}

function readTeams(env: Env, cwd: string, problems: string[]): Record<string, string> | undefined {
  const file = env.TIERCOVER_TEAMS_FILE?.trim();
  const inline = env.TIERCOVER_TEAMS?.trim();
  if (file && inline) {
    problems.push('Both TIERCOVER_TEAMS_FILE and TIERCOVER_TEAMS are set: use one of them.');
    return undefined;
  }
  if (file) return readTeamsFile(resolve(cwd, file), problems);
  if (inline) return parseTeamsList(inline, problems);
  problems.push('No teams: set TIERCOVER_TEAMS_FILE to a JSON file {"team": "token"} or TIERCOVER_TEAMS="team:token,team2:token2".');
  return undefined;
}

function readTeamsFile(path: string, problems: string[]): Record<string, string> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(`Cannot read the teams file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`);
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's message may quote the file's text, tokens included: say where, not what.
    problems.push(`The teams file ${path} is not valid JSON: it must be an object {"team": "token"}.`);
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`The teams file ${path} must hold one JSON object {"team": "token"}.`);
    return undefined;
  }
  const teams: Record<string, string> = {};
  for (const [team, token] of Object.entries(parsed)) {
    if (typeof token !== 'string') problems.push(`In ${path}, the token of team "${team}" is not a string.`);
    else teams[team] = token;
  }
  return teams;
}

function parseTeamsList(list: string, problems: string[]): Record<string, string> | undefined {
  const teams: Record<string, string> = {};
  for (const [index, entry] of list.split(',').entries()) {
    const colon = entry.indexOf(':');
    const team = colon === -1 ? entry.trim() : entry.slice(0, colon).trim();
    if (colon === -1) {
      // Never echo the entry: it may be a token typed without its team.
      problems.push(`TIERCOVER_TEAMS entry ${index + 1} has no "team:token" form.`);
      continue;
    }
    if (Object.hasOwn(teams, team)) problems.push(`TIERCOVER_TEAMS names team "${team}" twice.`);
    teams[team] = entry.slice(colon + 1).trim();
  }
  return teams;
}

function parseRedis(value: string, problems: string[]): { host: string; port: number } | undefined {
  const colon = value.lastIndexOf(':');
  const host = colon === -1 ? value : value.slice(0, colon);
  const port = colon === -1 ? 6379 : parsePort(value.slice(colon + 1), 6379, 'TIERCOVER_REDIS port', problems);
  if (!host) {
    problems.push(`TIERCOVER_REDIS must be host:port (for example 127.0.0.1:6379), not "${value}".`);
    return undefined;
  }
  return { host: host.replace(/^\[(.*)\]$/, '$1'), port };
}

function parsePort(value: string | undefined, fallback: number, name: string, problems: string[]): number {
  if (value === undefined || value.trim() === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`${name} must be a port number from 0 to 65535, not "${value}".`);
    return fallback;
  }
  return port;
}

function parsePositiveInt(value: string, name: string, problems: string[]): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    problems.push(`${name} must be a whole number of bytes above 0, not "${value}".`);
    return DEFAULT_MAX_UPDATE_BYTES;
  }
  return n;
}
