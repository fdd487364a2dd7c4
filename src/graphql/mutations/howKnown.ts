import type { Basis } from '../generated/resolversTypes.js';

/**
 * A fact input's `basis` and `inference` as seed-file fields: `basis` defaults to STATED (the schema's default, which
 * the compiled executor may leave unapplied), `inference` is left out when not given.
 */
export function howKnown(input: { basis?: Basis | null; inference?: string | null }): {
  basis: Basis;
  inference?: string;
} {
  return {
    basis: input.basis ?? 'STATED',
    ...(input.inference === null || input.inference === undefined ? {} : { inference: input.inference }),
  };
}
