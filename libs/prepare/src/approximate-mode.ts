// Shares a number of draws among classes in proportion to their sizes, the way scikit-learn's
// stratified splitting does (`_approximate_mode`), so that class counts match it.

/**
 * Each class first gets the floor of its proportional share; the draws left over go one each to
 * the classes with the largest fractional remainders. scikit-learn breaks exact ties between
 * remainders at random; here the earlier class (in sorted class order) wins, so results can
 * differ from scikit-learn only when such a tie straddles the cut.
 */
export function approximateMode(classCounts: readonly number[], draws: number): number[] {
  const total = classCounts.reduce((sum, count) => sum + count, 0);
  // Same operation order as scikit-learn (count / total * draws), so remainders compare equal.
  const shares = classCounts.map((count) => (count / total) * draws);
  const allocated = shares.map(Math.floor);
  let leftover = draws - allocated.reduce((sum, count) => sum + count, 0);

  const remainder = (index: number) => shares[index]! - allocated[index]!;
  const byRemainder = classCounts
    .map((_, index) => index)
    .sort((a, b) => remainder(b) - remainder(a) || a - b);
  for (const index of byRemainder) {
    if (leftover <= 0) break;
    allocated[index]! += 1;
    leftover -= 1;
  }
  return allocated;
}
