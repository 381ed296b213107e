/**
 * CSV import (DOMAIN.md section 4), in three steps, each its own module under `lib/io/import/`:
 * - `parse.ts`: decode and parse (papaparse, streamed in chunks: progress and cancel);
 * - `plan.ts`: build records, deduplicate within the file, merge with stored records
 *   (`lookups.ts`, `match-index.ts`, `merge.ts`, `values.ts`);
 * - `apply.ts`: write in one IndexedDB transaction: all rows or none.
 * The options page runs them in a worker (`import.worker.ts`, driven by `session.ts`), off the
 * page's main thread. This module is the public surface.
 *
 * A merge fills gaps and adds identifiers; it never overwrites a value already stored, so an
 * import cannot undo what someone typed in Tiercover.
 */
export { CANCELLED_MESSAGE, CSV_LIMITS, CsvError, decodeText, parseCsv, type ParsedCsv, type ParseOptions, type RowError } from './import/parse';
export { normalizePersonName, parseDepartment, parseEmployees, parseLinkedinUrl, parseTier, parseYear, type LinkedinRef } from './import/values';
export { dbLookups, memoryLookups, type AccountKeys, type ContactKeys, type LookupFns } from './import/lookups';
export { fillAccount, fillContact } from './import/merge';
export { contactsConflict } from './import/match-index';
export { csvOverride, planImport, type ImportCounts, type ImportPlan, type PlanOptions, type PlannedWrite } from './import/plan';
export { applyImport, importCsv, type ApplyOptions } from './import/apply';
