/**
 * About how many bytes `value` takes as JSON: strings by their length, other scalars as 8, lists and maps by
 * their items plus punctuation. Cheap enough to run on every record read (one pass, no allocation), close enough
 * to bound an answer's size.
 */
export function approximateSize(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (value === null || typeof value !== 'object') return 8;
  let size = 2;
  if (Array.isArray(value)) {
    for (const item of value) size += approximateSize(item) + 1;
    return size;
  }
  for (const key in value) size += key.length + 4 + approximateSize((value as Record<string, unknown>)[key]);
  return size;
}
