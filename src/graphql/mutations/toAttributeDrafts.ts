import type { AttributeInput } from '../generated/resolversTypes.js';
import { howKnown } from './howKnown.js';
import { withoutNulls } from './withoutNulls.js';

/** Attribute inputs as seed-file attributes (`excerpts` → `evidence`); reports inputs without exactly one of value and number. */
export function toAttributeDrafts(
  inputs: readonly AttributeInput[] | null | undefined,
  field: string,
  problems: string[],
) {
  return (inputs ?? []).map((input, index) => {
    const { excerpts, number, value, ...rest } = input;
    if ((number === null || number === undefined) === (value === null || value === undefined)) {
      problems.push(`${field}[${index}]: expected exactly one of "value" and "number"`);
    }
    return { ...withoutNulls(rest), ...howKnown(input), value: number ?? value ?? undefined, evidence: excerpts };
  });
}

/** Maps a path inside a seed-file entity's attributes back to the input field. */
export function attributeField(field: string, rest: readonly PropertyKey[]): string {
  const [index, name, ...deeper] = rest;
  const base = `${field}[${String(index)}]`;
  if (name === undefined) return base;
  if (name === 'evidence') return `${base}.excerpts${deeper.length > 0 ? `[${String(deeper[0])}]` : ''}`;
  return `${base}.${String(name)}`;
}
