import type { Role } from './Role.js';

/** Who sent a request, as proven by a verified bearer token. */
export interface Principal {
  /** Written into the audit trail: `key:<name>` for API keys, `jwt:<sub>` for JWTs. */
  actor: string;
  /** Null when a JWT carries no known role: such a caller may read but not write. */
  role: Role | null;
  via: 'apiKey' | 'jwt';
}
