// Per-class running means and variances, updated one row at a time in memory fixed by
// classes × features, so training never holds its rows.

/**
 * Flat arrays indexed [class * width + feature]. Values are shifted by the class's first row
 * before Welford's update: far from zero (say 1e6 ± 1) the rounding of a running mean would
 * otherwise cost about five significant digits of the variance.
 */
export interface ClassMoments {
  readonly width: number;
  counts: Float64Array;
  shifts: Float64Array;
  shiftedMeans: Float64Array;
  squaredDeviationSums: Float64Array;
}

export function createClassMoments(classCount: number, width: number): ClassMoments {
  return {
    width,
    counts: new Float64Array(classCount),
    shifts: new Float64Array(classCount * width),
    shiftedMeans: new Float64Array(classCount * width),
    squaredDeviationSums: new Float64Array(classCount * width),
  };
}

/** Welford's update on shifted values; the row must already be checked. */
export function addToMoments(
  moments: ClassMoments,
  values: ArrayLike<number>,
  classIndex: number,
): void {
  const { width } = moments;
  const count = ++moments.counts[classIndex]!;
  const offset = classIndex * width;
  if (count === 1) {
    for (let feature = 0; feature < width; feature++) {
      moments.shifts[offset + feature] = values[feature]!;
    }
  }
  for (let feature = 0; feature < width; feature++) {
    const slot = offset + feature;
    const shifted = values[feature]! - moments.shifts[slot]!;
    const delta = shifted - moments.shiftedMeans[slot]!;
    moments.shiftedMeans[slot]! += delta / count;
    moments.squaredDeviationSums[slot]! += delta * (shifted - moments.shiftedMeans[slot]!);
  }
}

/** means[class][feature]. */
export function classMeans(moments: ClassMoments): number[][] {
  return Array.from(moments.counts, (_, classIndex) => {
    const offset = classIndex * moments.width;
    return Array.from({ length: moments.width }, (_, feature) => {
      return moments.shifts[offset + feature]! + moments.shiftedMeans[offset + feature]!;
    });
  });
}

/** Population variances[class][feature]; every class must have rows. */
export function classVariances(moments: ClassMoments): number[][] {
  return Array.from(moments.counts, (count, classIndex) => {
    const offset = classIndex * moments.width;
    return Array.from({ length: moments.width }, (_, feature) => {
      return moments.squaredDeviationSums[offset + feature]! / count;
    });
  });
}

/**
 * The largest population variance of any feature over all rows, merged from the class moments
 * with Chan's parallel formula so no second pass (and no second set of sums) is needed. Means are
 * taken relative to the first class's, for the same reason the running sums are shifted.
 */
export function largestOverallVariance(moments: ClassMoments, means: number[][]): number {
  let largest = 0;
  for (let feature = 0; feature < moments.width; feature++) {
    let count = 0;
    let mean = 0;
    let squaredDeviationSum = 0;
    moments.counts.forEach((classCount, classIndex) => {
      const classMean = means[classIndex]![feature]! - means[0]![feature]!;
      const merged = count + classCount;
      const delta = classMean - mean;
      mean += (delta * classCount) / merged;
      squaredDeviationSum +=
        moments.squaredDeviationSums[classIndex * moments.width + feature]! +
        (delta * delta * count * classCount) / merged;
      count = merged;
    });
    largest = Math.max(largest, squaredDeviationSum / count);
  }
  return largest;
}
