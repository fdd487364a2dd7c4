import type { ChangeModel } from './ChangeModel.js';

/** The outcome of `retractFact`. */
export interface RetractionModel {
  id: string;
  kind: 'ENTITY' | 'RELATION' | 'ATTRIBUTE';
  retractedAt: string;
  retractedBy: string;
  reason: string;
  change: ChangeModel;
}
