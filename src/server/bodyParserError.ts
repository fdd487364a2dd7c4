import type { GraphQLError } from 'graphql';
import { malformedBody, payloadTooLarge, unreadableBody } from '../errors.js';

/**
 * The GraphQL error a body-parser failure is answered with: 413 PAYLOAD_TOO_LARGE over the limit, 400 BAD_REQUEST
 * for broken JSON, the parser's own 4xx status for other unreadable bodies (a charset or encoding it does not
 * support, an aborted upload). Null for failures that are not the client's.
 */
export function bodyParserError(error: unknown, limitBytes: number): GraphQLError | null {
  const { type, status, message } = error as { type?: unknown; status?: unknown; message?: unknown };
  if (type === 'entity.too.large') return payloadTooLarge(limitBytes);
  if (type === 'entity.parse.failed') return malformedBody(String(message));
  if (typeof status === 'number' && status >= 400 && status < 500) return unreadableBody(String(message), status);
  return null;
}
