/**
 * The bundle (a week for the other team) and the backup (everything): versioned JSON, checked
 * with the data model's zod schemas before anything is written. Importing a colleague's bundle
 * merges it field by field (the newer edit wins) and keeps the ticks of both sides.
 */
import { z } from 'zod';
import { describeStorageError, type DB, type WriteOptions } from '../db/db';
import { applyRecords, type MergeCounts } from '../db/apply-records';
import {
  SCHEMA_VERSION,
  account,
  airCoverTick,
  contact,
  pageLink,
  settings,
  target,
  week,
  weekId,
} from '../domain/schema';
import { contentProblems, countProblems } from './import-checks';

export const BUNDLE_FORMAT = 'tiercover-bundle';
export const BACKUP_FORMAT = 'tiercover-backup';
export const MAX_BUNDLE_BYTES = 50 * 1024 * 1024;

const schemaVersion = z.number().int().min(1);

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  schemaVersion,
  exportedAt: z.string().max(100),
  exportedBy: z.string().max(200).default(''),
  weekId,
  week: week.optional(),
  accounts: z.array(account),
  contacts: z.array(contact),
  targets: z.array(target),
  ticks: z.array(airCoverTick),
  links: z.array(pageLink).default([]),
});
export type Bundle = z.infer<typeof bundleSchema>;

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion,
  exportedAt: z.string().max(100),
  accounts: z.array(account),
  contacts: z.array(contact),
  weeks: z.array(week),
  targets: z.array(target),
  ticks: z.array(airCoverTick),
  links: z.array(pageLink),
  settings: settings.nullable().default(null),
});
export type Backup = z.infer<typeof backupSchema>;

/** A bundle or backup Tiercover refuses; nothing was changed. */
export class BundleError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'BundleError';
  }
}

function parseJson(text: string, noun: 'bundle' | 'backup', maxChars = Infinity): unknown {
  if (text.length > maxChars) throw new BundleError(`This ${noun} is larger than ${maxChars / 1024 / 1024} MB; Tiercover does not import files that big`);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new BundleError('This file is not valid JSON', e);
  }
}

function checkVersioned<S extends z.ZodType>(json: unknown, format: string, schema: S, noun: 'bundle' | 'backup'): z.infer<S> {
  const head = (json && typeof json === 'object' ? json : {}) as { format?: unknown; schemaVersion?: unknown };
  if (head.format !== format) {
    if (head.format === BACKUP_FORMAT) throw new BundleError('This is a Tiercover backup, not a bundle: restore it from the backup section instead');
    if (head.format === BUNDLE_FORMAT) throw new BundleError('This is a Tiercover bundle, not a backup: import it as a bundle instead');
    throw new BundleError(`This is not a Tiercover ${noun}`);
  }
  if (typeof head.schemaVersion === 'number' && head.schemaVersion > SCHEMA_VERSION) {
    throw new BundleError(`This ${noun} comes from a newer Tiercover (schema ${head.schemaVersion}); update Tiercover to import it`);
  }
  refuse(noun, 'is too big to import', countProblems(json, noun));
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const listed = issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(top level)'}: ${i.message}`);
    const more = issues.length > 5 ? `; and ${issues.length - 5} more` : '';
    throw new BundleError(`This ${noun} is damaged or incomplete: ${listed.join('; ')}${more}`, parsed.error);
  }
  return parsed.data;
}

function refuse(noun: 'bundle' | 'backup', what: string, problems: string[]) {
  if (problems.length) throw new BundleError(`This ${noun} ${what}: ${problems.join('; ')}. Nothing was changed.`);
}

/** Check a bundle's text: size, JSON, format, version, counts, every record, ids and references. */
export function parseBundle(text: string, now = Date.now()): Bundle {
  const b = checkVersioned(parseJson(text, 'bundle', MAX_BUNDLE_BYTES), BUNDLE_FORMAT, bundleSchema, 'bundle');
  refuse('bundle', "can't be trusted", contentProblems({ ...b, weeks: b.week ? [b.week] : [] }, now));
  return b;
}

export function parseBackup(text: string, now = Date.now()): Backup {
  return checkBackup(parseJson(text, 'backup'), now);
}

/** The same checks on an object already parsed. */
export function checkBackup(json: unknown, now = Date.now()): Backup {
  const b = checkVersioned(json, BACKUP_FORMAT, backupSchema, 'backup');
  refuse('backup', "can't be trusted", contentProblems(b, now));
  return b;
}

/** Read a bundle file, refusing a too-large one before reading it. */
export async function readBundleFile(file: Blob): Promise<Bundle> {
  if (file.size > MAX_BUNDLE_BYTES) throw new BundleError(`This bundle is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB; Tiercover does not import files that big`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch (e) {
    throw new BundleError('This file is not valid JSON', e);
  }
  return parseBundle(text);
}

// ---------------------------------------------------------------- merging a bundle

export { mergeFields } from '../domain/merge';
export type { MergeCounts, StoreCounts } from '../db/apply-records';

/**
 * Merge a parsed bundle into the database in ONE readwrite transaction (all or nothing), by the
 * same rules as team sync (lib/db/apply-records.ts, lib/domain/merge.ts): records match by id,
 * then by the identity rules; per field the newer edit wins; the ticks of both sides are kept.
 * Importing the same bundle twice changes nothing the second time.
 */
export async function mergeBundle(db: DB, b: Bundle, opts: WriteOptions = {}): Promise<MergeCounts> {
  try {
    return await applyRecords(db, { accounts: b.accounts, contacts: b.contacts, weeks: b.week ? [b.week] : [], targets: b.targets, ticks: b.ticks, links: b.links }, opts);
  } catch (e) {
    if (opts.signal?.aborted) throw new BundleError('The merge was cancelled. Nothing was changed.', e);
    throw new BundleError(`The bundle could not be merged: ${describeStorageError(e)}. Nothing was changed.`, e);
  }
}
