import { GraphQLError } from 'graphql';

/** Every error code this API answers with. Clients may switch on these; the set is closed. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** The request body is larger than BODY_LIMIT_BYTES (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /**
   * The request body cannot be read: not valid JSON (HTTP 400), or in a charset or encoding the server does not
   * read (HTTP 415). GraphQL syntax errors are Apollo's GRAPHQL_PARSE_FAILED.
   */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The operation ran longer than OPERATION_TIMEOUT_MS (HTTP 504). */
  OPERATION_TIMEOUT = 'OPERATION_TIMEOUT',
  /**
   * The operation read more from the graph than LIMIT_MAX_READ_BYTES allows (HTTP 422): it was stopped and answers
   * no data. Ask for less: smaller `first`, `limit` or `depth`, fewer nested fields.
   */
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  /** The caller sent more requests than its allowance (RATE_LIMIT_*); retry after `Retry-After` seconds (HTTP 429). */
  RATE_LIMITED = 'RATE_LIMITED',
  /**
   * Ids an operation was asked about name no entity (or a retracted one); `ids` lists them. An export where none
   * exists answers HTTP 404.
   */
  NOT_FOUND = 'NOT_FOUND',
}

/** What a client is told of an unavailable or busy Neo4j, whose own reasons may name addresses and internals. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The graph database is unavailable or busy. Retry shortly.';

/** A bad argument: names it, says what was expected and shows what was received. */
export function badUserInput(argument: string, expected: string, received: unknown): GraphQLError {
  return new GraphQLError(`Argument "${argument}": expected ${expected}, got ${JSON.stringify(received)}.`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument, http: { status: 400 } },
  });
}

/** Input that broke a validation rule; `problems` name each field. */
export function invalidInput(problems: readonly string[]): GraphQLError {
  return new GraphQLError(`Invalid input: ${problems.join('; ')}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, problems, http: { status: 400 } },
  });
}

export function serviceUnavailable(reason: string): GraphQLError {
  return new GraphQLError(`The graph database is unavailable: ${reason}. Retry shortly.`, {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } },
  });
}

/** The text-analysis worker is not running (HTTP 503): installing, restarting or given up; the reason has no internals. */
export function analysisUnavailable(): GraphQLError {
  return new GraphQLError('Text analysis is unavailable: its worker is not running. Retry shortly.', {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } },
  });
}

/**
 * A write committed, but reading its result back failed (HTTP 503): the client must not take it for a failed write.
 * `changeId` names the committed change (see `changes`); the entity can be read again once the database is back.
 */
export function committedButUnread(changeId: string): GraphQLError {
  return new GraphQLError(
    `The write was committed as change ${changeId}, but reading it back from the graph database failed; read it again shortly.`,
    {
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, committed: true, changeId, http: { status: 503 } },
    },
  );
}

/**
 * The connection to Neo4j broke while a write was being committed (HTTP 503): it may or may not have landed. Writes
 * are idempotent by id, so the client reads the entity back (or looks in `changes`) and writes again if it is missing.
 */
export function commitInDoubt(): GraphQLError {
  return new GraphQLError(
    'The graph database became unavailable while the write was being committed, so it may or may not have landed: read it back once the database answers again, and repeat it if it is missing.',
    { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, committed: null, http: { status: 503 } } },
  );
}

/** Every Neo4j connection is busy and none freed up in time (HTTP 503): the client should back off and retry. */
export function serverBusy(waitedMs: number): GraphQLError {
  return new GraphQLError(`The server is busy: no database connection freed up within ${waitedMs} ms. Retry shortly.`, {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } },
  });
}

export function payloadTooLarge(limitBytes: number): GraphQLError {
  return new GraphQLError(`The request body is larger than ${limitBytes} bytes.`, {
    extensions: { code: ErrorCode.PAYLOAD_TOO_LARGE, http: { status: 413 } },
  });
}

export function malformedBody(detail: string): GraphQLError {
  return new GraphQLError(`The request body is not valid JSON: ${detail}`, {
    extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
  });
}

/** A body the server cannot read for another reason than its JSON; `status` is the parser's (415, 400). */
export function unreadableBody(detail: string, status: number): GraphQLError {
  return new GraphQLError(`The request body cannot be read: ${detail}`, {
    extensions: { code: ErrorCode.BAD_REQUEST, http: { status } },
  });
}

export function operationTimedOut(limitMs: number): GraphQLError {
  return new GraphQLError(
    `The operation did not finish within ${limitMs} ms; ask for less (smaller depth, limit or first).`,
    {
      extensions: { code: ErrorCode.OPERATION_TIMEOUT, http: { status: 504 } },
    },
  );
}

/** Too costly by the estimate of what it would read (HTTP 400, before anything runs); Apollo's code for refused operations. */
export function costTooHigh(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(
    `The operation's estimated cost is ${cost}, above the limit of ${maxCost}; ask for less (smaller first, limit or maxHops, fewer nested lists).`,
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost, maxCost, http: { status: 400 } } },
  );
}

/** The operation read more than `limitBytes` from the graph and was stopped (HTTP 422: retrying unchanged will not help). */
export function responseTooLarge(limitBytes: number): GraphQLError {
  return new GraphQLError(
    `The answer would be larger than the server's limit of ${limitBytes} bytes read from the graph; ask for less (smaller first, limit or depth, fewer nested fields) or page through it.`,
    { extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, limitBytes, http: { status: 422 } } },
  );
}

/**
 * Entities named by `argument` do not exist: answering an empty graph instead would hide a typo. Lists the ids, so
 * that a client can drop or fix them.
 */
export function notFound(argument: string, ids: readonly string[]): GraphQLError {
  const list = ids.map((id) => `"${id}"`).join(', ');
  return new GraphQLError(`Argument "${argument}": no entity ${list}.`, {
    extensions: { code: ErrorCode.NOT_FOUND, argument, ids: [...ids] },
  });
}

/** A list argument longer than allowed; names the argument, the bound and the length received. */
export function tooManyItems(argument: string, max: number, received: number): GraphQLError {
  return badUserInput(argument, `a list of at most ${max} items`, received);
}

/** Past the caller's allowance: says when a request is allowed again, in the message and in `Retry-After`. */
export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(
    `Too many requests from this client: retry in ${retryAfterSeconds} s, or send fewer requests.`,
    {
      extensions: {
        code: ErrorCode.RATE_LIMITED,
        retryAfterSeconds,
        http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
      },
    },
  );
}

/**
 * The operation timed out after it had written, or while a write's COMMIT was on its way to Neo4j (HTTP 504): those
 * writes stand or may still land. Names their audit changes to look up with `change(id:)`; `changeId` is the last.
 */
export function writeMayHaveCommitted(limitMs: number, changeIds: readonly string[]): GraphQLError {
  const check =
    changeIds.length === 0
      ? ''
      : ` Ask \`change(id:)\` (editor role) for ${changeIds.map((id) => `"${id}"`).join(', ')} to see what landed.`;
  return new GraphQLError(
    `The operation did not finish within ${limitMs} ms after it had written or begun to commit: its writes stand or may still land.${check}`,
    {
      extensions: {
        code: ErrorCode.OPERATION_TIMEOUT,
        possiblyCommitted: true,
        changeId: changeIds.at(-1) ?? null,
        changeIds,
        http: { status: 504 },
      },
    },
  );
}

export function unauthenticated(
  message = 'This operation needs a bearer token: send "Authorization: Bearer <key>".',
): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

export function forbidden(needed: string, role: string | null): GraphQLError {
  return new GraphQLError(`This operation needs the role ${needed}; the token has ${role ?? 'no role'}.`, {
    extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
  });
}

/** Checks an integer argument against its allowed range. */
export function requireIntInRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badUserInput(argument, `an integer from ${min} to ${max}`, value);
  return value;
}
