import { InvalidInputError } from '../common/errors';

/** Why an upload was refused: stable, answered as `extensions.reason` beside BAD_USER_INPUT. */
export enum DocumentRefusal {
  NO_FILE = 'NO_FILE',
  EMPTY = 'EMPTY',
  TOO_LARGE = 'TOO_LARGE',
  TYPE_NOT_ALLOWED = 'TYPE_NOT_ALLOWED',
  PDF_ACTIVE_CONTENT = 'PDF_ACTIVE_CONTENT',
  MALWARE_FOUND = 'MALWARE_FOUND',
}

/** An upload refused for what it is: nothing of it is stored. */
export class DocumentRefusedError extends InvalidInputError {
  constructor(
    readonly reason: DocumentRefusal,
    message: string,
  ) {
    super([{ field: 'file', message }]);
  }
}

/** The configured virus scanner could not give a verdict: the document is not stored (never visible unscanned). */
export class ScannerUnavailableError extends Error {}
