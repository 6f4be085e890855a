// "Did you mean" for mistyped keys and values: the closest candidate by edit distance.
import { distance } from 'fastest-levenshtein';

export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const closeEnough = bestDistance <= Math.max(2, Math.floor(input.length / 2));
  return closeEnough ? best : undefined;
}
