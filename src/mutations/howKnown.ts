import type { Basis } from '../graphql/generated/resolversTypes.js';

/** A fact input's `basis` and `inference` as seed-file fields (`inference` left out when not given). */
export function howKnown(input: { basis?: Basis | null; inference?: string | null }): { basis: Basis | undefined; inference?: string } {
  return { basis: input.basis ?? undefined, ...(input.inference === null || input.inference === undefined ? {} : { inference: input.inference }) };
}
