/** One FollowTheMoney entity in its JSON form (the `ftm` tools' and Aleph's): every property value is a list of strings. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}
