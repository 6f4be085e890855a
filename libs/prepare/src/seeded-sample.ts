// Picks exactly k of n positions, uniformly and reproducibly from a seeded generator, using
// Floyd's algorithm: k draws and one byte per position, whatever k is.
import { unsafeUniformIntDistribution, type RandomGenerator } from 'pure-rand';

/** Returns a mask with a 1 at each of the k chosen positions. Advances `rng`. */
export function samplePositions(n: number, k: number, rng: RandomGenerator): Uint8Array {
  const chosen = new Uint8Array(n);
  for (let upper = n - k; upper < n; upper += 1) {
    const candidate = unsafeUniformIntDistribution(0, upper, rng);
    chosen[chosen[candidate] === 1 ? upper : candidate] = 1;
  }
  return chosen;
}
