// Writes a generated classification CSV in a stream: clustered Gaussian classes, each feature on
// its own scale, with a header. The same settings give the same bytes on every machine.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { tempSiblingOf } from '@pipeline/atomic-fs';
import { createSeededNormals, type SeededNormals } from './seeded-normals.ts';

export interface GeneratedDatasetSettings {
  rows: number;
  features: number;
  classes: number;
  seed: number;
}

export interface GeneratedFile {
  path: string;
  bytes: number;
  sha256: string;
}

export const GENERATED_TARGET_COLUMN = 'class';

const ROWS_PER_CHUNK = 2000;
// Feature scales cycle through 0.01 ... 1000, so readers meet short and long numbers alike.
const SCALE_EXPONENTS = [-2, -1, 0, 1, 2, 3];

interface FeatureLayout {
  scales: number[];
  /** Values keep four decimals of their feature's scale: round(value * factor) / factor. */
  factors: number[];
  /** centres[class][feature], within one scale of zero so classes overlap a little. */
  centres: number[][];
  /** Cumulative class shares: class k is about k + 1 times as common as class 0. */
  cumulativeShares: number[];
}

function layoutFeatures(settings: GeneratedDatasetSettings, normals: SeededNormals) {
  const exponents = Array.from({ length: settings.features }, (_, feature) => {
    return SCALE_EXPONENTS[feature % SCALE_EXPONENTS.length]!;
  });
  const scales = exponents.map((exponent) => 10 ** exponent);
  const factors = exponents.map((exponent) => 10 ** (4 - exponent));
  const centres = Array.from({ length: settings.classes }, () =>
    scales.map((scale) => scale * (2 * normals.uniform() - 1)),
  );
  const weights = Array.from({ length: settings.classes }, (_, index) => index + 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let running = 0;
  const cumulativeShares = weights.map((weight) => (running += weight) / total);
  return { scales, factors, centres, cumulativeShares } satisfies FeatureLayout;
}

function pickClass(layout: FeatureLayout, normals: SeededNormals): number {
  const draw = normals.uniform();
  const index = layout.cumulativeShares.findIndex((share) => draw < share);
  return index === -1 ? layout.cumulativeShares.length - 1 : index;
}

function rowText(layout: FeatureLayout, normals: SeededNormals): string {
  const classIndex = pickClass(layout, normals);
  const centres = layout.centres[classIndex]!;
  let text = '';
  for (let feature = 0; feature < centres.length; feature += 1) {
    const value = centres[feature]! + layout.scales[feature]! * normals.normal();
    const factor = layout.factors[feature]!;
    text += `${Math.round(value * factor) / factor},`;
  }
  return `${text}k${classIndex}\n`;
}

export function generatedHeader(features: number): string {
  const names = Array.from({ length: features }, (_, index) => `f${index + 1}`);
  return `${[...names, GENERATED_TARGET_COLUMN].join(',')}\n`;
}

/** Streams the rows into `path` (through a temporary sibling) and returns its digest. */
export async function writeGeneratedDataset(
  path: string,
  settings: GeneratedDatasetSettings,
): Promise<GeneratedFile> {
  const normals = createSeededNormals(settings.seed);
  const layout = layoutFeatures(settings, normals);
  const temp = tempSiblingOf(path);
  const file = createWriteStream(temp);
  const hash = createHash('sha256');
  let bytes = 0;
  const write = async (text: string) => {
    const chunk = Buffer.from(text);
    hash.update(chunk);
    bytes += chunk.length;
    if (!file.write(chunk)) await once(file, 'drain');
  };
  try {
    await write(generatedHeader(settings.features));
    for (let done = 0; done < settings.rows; done += ROWS_PER_CHUNK) {
      let chunk = '';
      const end = Math.min(settings.rows, done + ROWS_PER_CHUNK);
      for (let row = done; row < end; row += 1) chunk += rowText(layout, normals);
      await write(chunk);
    }
    file.end();
    await once(file, 'finish');
    await rename(temp, path);
  } finally {
    file.destroy();
    await rm(temp, { force: true });
  }
  return { path, bytes, sha256: hash.digest('hex') };
}
