import { forbidden, unauthenticated } from '../errors.js';
import type { Principal } from './Principal.js';
import { roleAtLeast, type Role } from './Role.js';

/** Returns the principal when it holds `needed` or a stronger role; else throws UNAUTHENTICATED (no token) or FORBIDDEN. */
export function requireRole(principal: Principal | null, needed: Role): Principal {
  if (!principal) throw unauthenticated();
  if (!principal.role || !roleAtLeast(principal.role, needed)) throw forbidden(needed, principal.role);
  return principal;
}
