import { badUserInput } from '../errors.js';
import type { ChangeCursor } from '../repositories/readChanges.js';

/** An opaque cursor for the audit trail. */
export function encodeChangeCursor(cursor: ChangeCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id]), 'utf8').toString('base64url');
}

/** Reads a cursor made by `encodeChangeCursor`; BAD_USER_INPUT naming `after` otherwise. */
export function decodeChangeCursor(cursor: string): ChangeCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      !Number.isNaN(Date.parse(value[0]))
    ) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // falls through to the error below
  }
  throw badUserInput('after', 'a cursor from a previous page', cursor);
}
