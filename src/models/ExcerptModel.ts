/** A verbatim excerpt of a source. */
export interface ExcerptModel {
  id: string;
  sourceId: string;
  text: string;
}
