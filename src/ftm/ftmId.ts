import { entityIdSchema } from '../seed/sourceDocument.js';

const PREFIX = 'coopgraph-';

/** The FtM id of one of our ids: FtM ids are free strings; `/` is kept out of them for URL-based tools (Aleph). */
export function ftmId(id: string): string {
  return `${PREFIX}${id.replace('/', '-')}`;
}

/**
 * Our id back from an FtM id that `ftmId` wrote (`coopgraph-organization-ktz` → `organization/ktz`), so that
 * importing an export lands on the same entities and relations; null for any other id.
 */
export function coopgraphIdOfFtmId(id: string): string | null {
  if (!id.startsWith(PREFIX)) return null;
  const rest = id.slice(PREFIX.length);
  const dash = rest.indexOf('-');
  if (dash < 0) return null;
  const candidate = `${rest.slice(0, dash)}/${rest.slice(dash + 1)}`;
  return entityIdSchema.safeParse(candidate).success ? candidate : null;
}
