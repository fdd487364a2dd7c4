import { GraphQLError } from 'graphql';

/** Every error code this API answers with. Clients may switch on these; the set is closed. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

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

export function unauthenticated(message = 'This operation needs a bearer token: send "Authorization: Bearer <key>".'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

export function forbidden(needed: string, role: string | null): GraphQLError {
  return new GraphQLError(`This operation needs the role ${needed}; the token has ${role ?? 'no role'}.`, {
    extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
  });
}

/** Checks an integer argument against its allowed range. */
export function requireIntInRange(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badUserInput(argument, `an integer from ${min} to ${max}`, value);
  return value;
}
