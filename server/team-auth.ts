/**
 * Who may open which document: a document belongs to the team named before its first '/'
 * (`acme`, `acme/week`), and only that team's token opens it. Nothing here logs or returns a token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Team ids travel in document names and URLs: letters, digits, '.', '_' and '-' only. */
export const TEAM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The command line refuses a token shorter than this (it could be guessed). `startTeamServer`
 * itself only refuses an empty one, so tests may use short tokens.
 */
export const MIN_TOKEN_LENGTH = 16;

/** The team a document belongs to, or null when the name cannot be a team document. */
export function teamOfDocument(documentName: string): string | null {
  const slash = documentName.indexOf('/');
  const team = slash === -1 ? documentName : documentName.slice(0, slash);
  return TEAM_ID_PATTERN.test(team) ? team : null;
}

/**
 * Token digests per team, so each check hashes the offered token once and compares equal-length
 * digests in constant time (timingSafeEqual needs equal lengths; hashing hides the real length).
 */
export class TeamTokens {
  readonly #digests = new Map<string, Buffer>();

  constructor(teams: Record<string, string>) {
    const problems = teamConfigProblems(teams);
    if (problems.length) throw new Error(problems.join(' '));
    for (const [team, token] of Object.entries(teams)) this.#digests.set(team, digest(token));
  }

  get teamIds(): string[] {
    return [...this.#digests.keys()];
  }

  /** True only when `token` is the token of `team`; an unknown team still costs one comparison. */
  accepts(team: string, token: string): boolean {
    const expected = this.#digests.get(team);
    const offered = digest(token);
    // Compare against something of the same length for an unknown team too, so the answer's
    // timing does not tell which team ids exist.
    const same = timingSafeEqual(offered, expected ?? UNKNOWN_TEAM_DIGEST);
    return expected !== undefined && same;
  }
}

const UNKNOWN_TEAM_DIGEST = createHash('sha256').update('\0no team\0').digest();

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** What is wrong with a team table, in words an operator can act on (never quoting a token). */
export function teamConfigProblems(teams: Record<string, string>, minTokenLength = 1): string[] {
  const problems: string[] = [];
  const entries = Object.entries(teams);
  if (entries.length === 0) problems.push('No team is configured: give at least one team and its token.');
  for (const [team, token] of entries) {
    if (!TEAM_ID_PATTERN.test(team)) {
      problems.push(`Team id "${team}" is not allowed: use 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit.`);
    }
    if (typeof token !== 'string' || token.length < minTokenLength) {
      problems.push(token ? `The token of team "${team}" is shorter than ${minTokenLength} characters.` : `Team "${team}" has no token.`);
    }
  }
  return problems;
}
