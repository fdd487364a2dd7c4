import { analyzeText } from '../../analysis/analyzeText.js';
import { checkAnalysisInput } from '../../analysis/checkAnalysisInput.js';
import { requireRole } from '../../auth/requireRole.js';
import { analysisUnavailable } from '../../errors.js';
import { NlpUnavailableError } from '../../nlp/NlpClient.js';
import type { FactProposalResolvers, MentionResolvers, QueryResolvers } from '../generated/resolversTypes.js';
import { loadEntityById } from './loading.js';

export const analysisQueryResolvers: Pick<QueryResolvers, 'analyzeText'> = {
  analyzeText: async (_, { text, language }, { principal, nlp, nameNormalizer, repositories }) => {
    requireRole(principal, 'editor');
    checkAnalysisInput(text, language);
    if (!nlp || !nameNormalizer) throw analysisUnavailable();
    try {
      return await analyzeText({ text, nlp, normalizer: nameNormalizer, links: repositories.links });
    } catch (error) {
      // The worker was down, died or timed out mid-request: the client hears it is unavailable, not how.
      if (
        error instanceof NlpUnavailableError ||
        (error instanceof Error && /text-analysis worker (exited|did not answer)/.test(error.message))
      )
        throw analysisUnavailable();
      throw error;
    }
  },
};

export const mentionResolvers: MentionResolvers = {
  entity: (mention, _, context) => (mention.entityId === null ? null : loadEntityById(context, mention.entityId)),
};

export const factProposalResolvers: FactProposalResolvers = {};
