import { badUserInput } from '../errors.js';
import type { AgreementPosition } from '../models/AgreementPageModel.js';

/** An opaque cursor for a position in the agreement order. */
export function encodeAgreementCursor(position: AgreementPosition): string {
  return Buffer.from(JSON.stringify([position.signedOn, position.id]), 'utf8').toString('base64url');
}

/** Reads a cursor made by `encodeAgreementCursor`; anything else is a BAD_USER_INPUT naming `after`. */
export function decodeAgreementCursor(cursor: string): AgreementPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { signedOn: value[0], id: value[1] };
    }
  } catch {
    // Falls through to the error below: a malformed cursor is the client's mistake, not ours.
  }
  throw badUserInput('after', 'a cursor returned as endCursor or edges.cursor by a previous page', cursor);
}
