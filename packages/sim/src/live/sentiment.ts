import Sentiment from "sentiment";

const analyser = new Sentiment();

/** VADER's normalisation of a summed valence into −1…1 (Hutto & Gilbert, 2014). */
const ALPHA = 15;

/**
 * The sentiment score (−1…1) of a customer's message: the AFINN-165 lexicon of the `sentiment`
 * package sums the words' valence (negation-aware), and VADER's normalisation x/√(x²+α) maps the
 * sum into −1…1. This is the pluggable analyser the host passes to the engine with each message;
 * swap it for any other that returns −1…1.
 *
 * @example
 * scoreSentiment("Thanks, that fixed it!")            // ≈ 0.46
 * scoreSentiment("This is ridiculous, I am furious")  // ≈ -0.8
 */
export function scoreSentiment(text: string): number {
  const { score } = analyser.analyze(text);
  const normalised = score / Math.sqrt(score * score + ALPHA);
  return Math.round(normalised * 1000) / 1000;
}
