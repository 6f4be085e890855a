// Test support: a registry with a headerless csv entry, whose reading options and split and
// model settings are no run parameters and so must travel as compile-time constants.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CSV_ENTRY = `datasets:
  penguins:
    url: data/penguins.csv
    target_column: species
    header: false
    columns: [bill, flipper, mass, species]
    delimiter: ";"
    split: { test_size: 25, seed: 7, stratify: false }
    model: { type: gaussian_nb, params: { var_smoothing: 0.001 } }
`;

export async function writeCsvRegistry(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'pipeline-registry-'));
  const file = join(folder, 'datasets.yaml');
  await writeFile(file, CSV_ENTRY);
  return file;
}
