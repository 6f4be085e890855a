// Exact, reproducible sampling of test positions.
import { xoroshiro128plus } from 'pure-rand';
import { describe, expect, it } from 'vitest';
import { samplePositions } from './seeded-sample.ts';

const chosenCount = (mask: Uint8Array) => mask.reduce((sum, bit) => sum + bit, 0);

describe('samplePositions', () => {
  it('chooses exactly k positions, for every k from none to all', () => {
    for (let k = 0; k <= 12; k += 1) {
      expect(chosenCount(samplePositions(12, k, xoroshiro128plus(7)))).toBe(k);
    }
  });

  it('chooses the same positions for the same seed and others for another seed', () => {
    const first = samplePositions(1000, 200, xoroshiro128plus(42));
    expect(samplePositions(1000, 200, xoroshiro128plus(42))).toEqual(first);
    expect(samplePositions(1000, 200, xoroshiro128plus(43))).not.toEqual(first);
  });

  it('gives every position about the same chance over many seeds', () => {
    const hits = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 4000; seed += 1) {
      samplePositions(10, 3, xoroshiro128plus(seed)).forEach((bit, index) => {
        hits[index]! += bit;
      });
    }
    // 1200 expected hits per position; the bounds are about six standard deviations wide.
    for (const count of hits) expect(Math.abs(count - 1200)).toBeLessThan(180);
  });
});
