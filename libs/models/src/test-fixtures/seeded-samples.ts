// Test fixture: reproducible synthetic classification data from a seeded generator.
import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';

export interface SampleShape {
  rows: number;
  features: number;
  classes: number;
  /** Added to every value, to test stability far from zero. */
  offset?: number;
  /** Spread of each class around its centre. */
  scale?: number;
  /** Index of a feature that holds the same value in every row. */
  constantFeature?: number;
}

export interface Samples {
  features: string[];
  classes: string[];
  rows: number[][];
  labels: number[];
}

/** A uniform double in [0, 1) built from 53 random bits. */
function uniform(generator: RandomGenerator): number {
  const high = generator.unsafeNext() >>> 5;
  const low = generator.unsafeNext() >>> 6;
  return (high * 67108864 + low) / 9007199254740992;
}

/** Box-Muller; 1 - u keeps the logarithm away from zero. */
function standardNormal(generator: RandomGenerator): number {
  const radius = Math.sqrt(-2 * Math.log(1 - uniform(generator)));
  return radius * Math.cos(2 * Math.PI * uniform(generator));
}

/** Labels cycle so every class gets rows; class centres overlap enough to make errors. */
export function generateSamples(seed: number, shape: SampleShape): Samples {
  const generator = xoroshiro128plus(seed);
  const offset = shape.offset ?? 0;
  const scale = shape.scale ?? 1;
  const centres = Array.from({ length: shape.classes }, () =>
    Array.from({ length: shape.features }, () => scale * standardNormal(generator)),
  );
  const labels = Array.from({ length: shape.rows }, (_, row) => row % shape.classes);
  const rows = labels.map((label) =>
    centres[label]!.map((centre, feature) =>
      feature === shape.constantFeature
        ? offset + 1.5
        : offset + centre + scale * standardNormal(generator),
    ),
  );
  return {
    features: Array.from({ length: shape.features }, (_, index) => `f${index}`),
    classes: Array.from({ length: shape.classes }, (_, index) => `class_${index}`),
    rows,
    labels,
  };
}
