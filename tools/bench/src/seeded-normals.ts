// Reproducible standard normal numbers from a seeded generator (Box-Muller), for generated data.
import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';

const TWO_TO_32 = 2 ** 32;

export interface SeededNormals {
  /** A uniform number in (0, 1), never exactly 0 so its logarithm stays finite. */
  uniform(): number;
  /** A standard normal number. */
  normal(): number;
}

export function createSeededNormals(seed: number): SeededNormals {
  const generator: RandomGenerator = xoroshiro128plus(seed);
  const uniform = () => ((generator.unsafeNext() >>> 0) + 0.5) / TWO_TO_32;
  // Box-Muller yields two numbers per pair of uniforms; the second waits for the next call.
  let spare: number | undefined;
  return {
    uniform,
    normal() {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      const radius = Math.sqrt(-2 * Math.log(uniform()));
      const angle = 2 * Math.PI * uniform();
      spare = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
  };
}
