/**
 * The words for an import problem (a CSV file, a filled marketing pack), in the interface's language. The worker that reads and plans
 * a CSV file only reports codes (`lib/io/import/problems.ts`); the page that shows them, or puts
 * them in the row-errors download, says them here.
 */
import { formatNumber, t } from '../i18n';
import type { FileProblem, RowProblem } from './import/problems';
import type { PackFileProblem, PackRowProblem } from './pack-import';

export function rowProblemText(row: number, p: RowProblem): string {
  const n = formatNumber(row);
  switch (p.code) {
    case 'cellCount':
      return t('import.rowProblem.cellCount', p.cells, { row: n, count: formatNumber(p.cells), header: formatNumber(p.header) });
    case 'cellTooLong':
      return t('import.rowProblem.cellTooLong', { row: n, column: p.column, length: formatNumber(p.length), limit: formatNumber(p.limit) });
    case 'unclosedQuote':
      return t('import.rowProblem.unclosedQuote', { row: n });
    case 'malformedQuote':
      return t('import.rowProblem.malformedQuote', { row: n });
    case 'noCompanyName':
      return t('import.rowProblem.noCompanyName', { row: n });
    case 'noContactName':
      return t('import.rowProblem.noContactName', { row: n });
    case 'noContactCompany':
      return t('import.rowProblem.noContactCompany', { row: n });
    case 'invalidValue':
      return t('import.rowProblem.invalidValue', { row: n, detail: p.detail });
    case 'companyNotCreated':
      return t('import.rowProblem.companyNotCreated', { row: n, detail: p.detail });
    case 'ambiguousAccount':
      return t('import.rowProblem.ambiguousAccount', { row: n, name: p.name });
    case 'ambiguousContact':
      return t('import.rowProblem.ambiguousContact', { row: n, account: p.account, name: p.name });
    case 'unknownTier':
      return t('import.rowProblem.unknownTier', { row: n, value: p.value });
  }
}

/** Without a final full stop: it goes inside "{file}: {error}. Nothing was written." */
export function fileProblemText(p: FileProblem): string {
  switch (p.code) {
    case 'tooManyRows':
      return t('import.fileProblem.tooManyRows', { limit: formatNumber(p.limit) });
    case 'runsOn':
      return t('import.fileProblem.runsOn', { row: formatNumber(p.row), limit: formatNumber(p.limit) });
    case 'notSaved':
      return t('import.fileProblem.notSaved', { detail: p.detail });
    case 'empty':
      return t('import.fileProblem.empty');
    case 'headerOnly':
      return t('import.fileProblem.headerOnly');
    case 'notText':
      return t('import.fileProblem.notText');
    case 'noColumnNames':
      return t('import.fileProblem.noColumnNames');
    case 'storageFull':
      return t('import.fileProblem.storageFull');
  }
}

/** Why a row of a filled marketing pack was not imported (lib/io/pack-import.ts). */
export function packRowProblemText(p: PackRowProblem): string {
  switch (p.code) {
    case 'keyChanged':
      return t('week.pack.problem.keyChanged', { key: p.key });
    case 'otherWeek':
      return t('week.pack.problem.otherWeek', { rowWeek: p.rowWeek, week: p.week });
    case 'notALink':
      return t('week.pack.problem.notALink', { link: p.link });
    case 'duplicate':
      return t('week.pack.problem.duplicate');
    case 'notOnList':
      return t('week.pack.problem.notOnList', { week: p.week });
    case 'notKeyContact':
      return t('week.pack.problem.notKeyContact');
  }
}

export function packFileProblemText(p: PackFileProblem): string {
  return p.code === 'notAPack' ? t('week.pack.problem.notAPack', { link: p.link, note: p.note, key: p.key }) : t('week.pack.problem.unreadable');
}
