// infra/images.yaml names each step's image once; names need a tag or a digest, and the
// compiler can tell which are pinned by digest.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMAGES_FILE } from '../testing/compiled-specs.ts';
import { isPinnedByDigest, loadStepImages, STEPS_WITH_IMAGES } from './step-images.ts';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'step-images-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

async function imagesFile(text: string): Promise<string> {
  const file = join(folder, 'images.yaml');
  await writeFile(file, text);
  return file;
}

describe('the step images', () => {
  it('name an image for every step in infra/images.yaml', () => {
    expect(Object.keys(loadStepImages(IMAGES_FILE)).sort()).toEqual([...STEPS_WITH_IMAGES].sort());
  });

  it('tell an image pinned by digest from one named by tag only', () => {
    expect(isPinnedByDigest(`ghcr.io/team/ingest:1.2.0@${DIGEST}`)).toBe(true);
    expect(isPinnedByDigest(`localhost:5000/ingest@${DIGEST}`)).toBe(true);
    expect(isPinnedByDigest('ghcr.io/team/ingest:1.2.0')).toBe(false);
  });

  it.each([
    ['no tag or digest', 'ghcr.io/team/ingest'],
    ['capital letters', 'ghcr.io/Team/ingest:1'],
    ['a short digest', 'ghcr.io/team/ingest@sha256:abc'],
  ])('reject an image with %s, naming the step', async (_what, image) => {
    const file = await imagesFile(`ingest: ${image}\nprepare: a/p:1\ntrain: a/t:1\n`);
    expect(() => loadStepImages(file)).toThrow(/is not an image with a tag or digest/);
  });

  it('reject a step that does not exist and a step left out', async () => {
    const extra = await imagesFile('ingest: a/i:1\nprepare: a/p:1\ntrain: a/t:1\nserve: a/s:1\n');
    expect(() => loadStepImages(extra)).toThrow(/'serve' is not a step with an image/);
    const missing = await imagesFile('ingest: a/i:1\nprepare: a/p:1\n');
    expect(() => loadStepImages(missing)).toThrow(/no image is named for the train step/);
  });
});
