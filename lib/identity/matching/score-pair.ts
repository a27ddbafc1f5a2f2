// Scores and explains one pair outside a resolution run, e.g. when a member proposes a merge by hand or
// the review screen re-scores a candidate after an edit. Pass the run's term frequencies to reproduce
// its numbers exactly; without them the default (population-average) u values are used.
import { normalizeRecord, type IdentityRecord } from "../normalize/normalize-record";
import type { PhoneOptions } from "../normalize/normalize-phone";
import { compareRecords, createComparisonVector } from "./compare-records";
import { explainMatch, type MatchExplanation } from "./explain-match";
import { defaultMatchParameters, defaultPrior, type MatchParameters } from "./match-parameters";
import { compileModel } from "./match-weight";
import type { TermFrequencies } from "./term-frequencies";
import { strongIdentifier, type StrongIdentifier } from "./thresholds";

export interface ScorePairOptions {
  /** Size of the population the pair comes from: it sets the prior and the identifier u values. */
  recordCount: number;
  parameters?: MatchParameters;
  lambda?: number;
  termFrequencies?: TermFrequencies;
  phone?: PhoneOptions;
}

export interface PairScore {
  explanation: MatchExplanation;
  strongIdentifier: StrongIdentifier | null;
}

export function scorePair(a: IdentityRecord, b: IdentityRecord, options: ScorePairOptions): PairScore {
  const compiled = compileModel({
    parameters: options.parameters ?? defaultMatchParameters(options.recordCount),
    lambda: options.lambda ?? defaultPrior(options.recordCount),
  });
  const left = normalizeRecord(a, options.phone);
  const right = normalizeRecord(b, options.phone);
  const vector = compareRecords(left, right, options.termFrequencies ?? null, createComparisonVector());
  return { explanation: explainMatch(left, right, vector, compiled), strongIdentifier: strongIdentifier(vector) };
}
