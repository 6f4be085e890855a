// Sharing rows among classes in proportion to their sizes.
import { describe, expect, it } from 'vitest';
import { approximateMode } from './approximate-mode.ts';

describe('approximateMode', () => {
  it('gives each class the floor of its share, then the leftover to the largest remainders', () => {
    // Shares are 4.5, 3.6 and 0.9: floors 4, 3, 0 leave two draws for 0.9 and 0.6.
    expect(approximateMode([5, 4, 1], 9)).toEqual([4, 4, 1]);
  });

  it('hands out exactly the number of draws asked for', () => {
    const counts = [17, 1, 29, 3, 8, 8, 41];
    for (const draws of [0, 1, 13, 50, 106, 107]) {
      const allocated = approximateMode(counts, draws);
      expect(allocated.reduce((sum, count) => sum + count, 0)).toBe(draws);
      allocated.forEach((count, index) => expect(count).toBeLessThanOrEqual(counts[index]!));
    }
  });

  it('breaks an exact tie of remainders in favour of the earlier class', () => {
    expect(approximateMode([3, 3], 3)).toEqual([2, 1]);
    expect(approximateMode([2, 2, 2], 4)).toEqual([2, 1, 1]);
  });
});
