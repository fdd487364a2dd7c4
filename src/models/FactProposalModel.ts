import type { MentionModel } from './MentionModel.js';

/** A verbatim span of the analysed text, in UTF-16 offsets. */
export interface TextSpanModel {
  start: number;
  end: number;
  text: string;
}

/** A relation (`to` set) or an attribute (`value` and `unit` set) the text seems to state, with its sentence. */
export interface FactProposalModel {
  type: string;
  from: MentionModel;
  to: MentionModel | null;
  role: string | null;
  value: number | null;
  unit: string | null;
  excerpt: TextSpanModel;
  confidence: number;
}
