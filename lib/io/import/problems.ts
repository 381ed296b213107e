/**
 * What can be wrong with a CSV file or one of its rows, as codes with their values, never as
 * sentences: parsing and planning run in a worker, which has no `browser.i18n`, and the page that
 * shows the problem says it in the interface's language (`lib/io/problem-text.ts`).
 */

/** A row that was skipped, or imported with a note. */
export type RowProblem =
  | { code: 'cellCount'; cells: number; header: number }
  | { code: 'cellTooLong'; column: string; length: number; limit: number }
  | { code: 'unclosedQuote' }
  | { code: 'malformedQuote' }
  | { code: 'noCompanyName' }
  | { code: 'noContactName' }
  | { code: 'noContactCompany' }
  | { code: 'invalidValue'; detail: string }
  | { code: 'companyNotCreated'; detail: string }
  | { code: 'ambiguousAccount'; name: string }
  | { code: 'ambiguousContact'; account: string; name: string }
  /** A note: the row was imported without a tier. */
  | { code: 'unknownTier'; value: string };

/** The whole file is refused: nothing was imported. */
export type FileProblem =
  | { code: 'empty' }
  | { code: 'headerOnly' }
  | { code: 'notText' }
  | { code: 'noColumnNames' }
  | { code: 'tooManyRows'; limit: number }
  | { code: 'runsOn'; row: number; limit: number }
  | { code: 'notSaved'; detail: string }
  | { code: 'storageFull' };
