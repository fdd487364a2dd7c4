/** A word or punctuation token; offsets in UTF-16 code units, so `text === input.slice(start, end)`. */
export interface NlpToken {
  start: number;
  end: number;
  text: string;
}

/** A named-entity span found by the news NER model; offsets in UTF-16 code units. */
export interface NlpEntitySpan {
  start: number;
  end: number;
  type: 'PER' | 'LOC' | 'ORG';
}

/** A sentence as razdel splits it; offsets in UTF-16 code units. */
export interface NlpSentence {
  start: number;
  end: number;
  text: string;
}

/** Tokens, sentences and NER spans of one text, from one worker round trip. */
export interface NlpAnalysis {
  tokens: NlpToken[];
  sentences: NlpSentence[];
  entities: NlpEntitySpan[];
}

/** A phrase to put in the nominative: `PER` inflects a person's name words, any other type a noun phrase. */
export interface NominativeRequest {
  text: string;
  type: 'PER' | 'LOC' | 'ORG' | 'EVENT';
}

/** A word's dictionary form (lowercase), and whether the dictionary knows the word or the form was predicted. */
export interface WordLemma {
  lemma: string;
  known: boolean;
}

/** `starting`: installing or loading; `running`: answering; `restarting`: died, a restart is waiting; `failed`: gave up. */
export type NlpWorkerState = 'starting' | 'running' | 'restarting' | 'stopped' | 'failed';

export interface NlpWorkerStatus {
  state: NlpWorkerState;
  restarts: number;
  /** Why the worker is not running, in one sentence; null while it runs. */
  reason: string | null;
}

/**
 * The text-analysis worker as the Node side sees it. Every call rejects with NlpUnavailableError while the worker
 * is not running, so callers choose how to degrade; none of them throws synchronously or crashes the process.
 */
export interface NlpClient {
  status(): NlpWorkerStatus;
  /** Resolves true once the worker runs, false if it failed to start (after the restarts allowed). */
  whenStarted(): Promise<boolean>;
  /** Calls `listener` each time the worker (re)starts; returns the unsubscribe function. */
  onStarted(listener: () => void): () => void;
  lemmas(words: readonly string[]): Promise<WordLemma[]>;
  tokens(text: string): Promise<NlpToken[]>;
  entities(text: string): Promise<NlpEntitySpan[]>;
  /** Tokens, sentences and NER spans at once. */
  analyze(text: string): Promise<NlpAnalysis>;
  /** Each phrase in the nominative case, punctuation and spacing kept; quoted names stay as written. */
  nominative(phrases: readonly NominativeRequest[]): Promise<string[]>;
  stop(): Promise<void>;
}

/** The worker is not running (installing, restarting or given up); the message says which, without internals. */
export class NlpUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NlpUnavailableError';
  }
}
