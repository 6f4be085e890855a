// A validated registry entry with every default filled in: what the steps actually use.
export interface DatasetEntry {
  name: string;
  url: string;
  sha256: string | undefined;
  targetColumn: string;
  datasetType: string;
  experimentName: string;
  header: boolean | undefined;
  columns: string[] | undefined;
  delimiter: string | undefined;
  split: { testSize: number; seed: number; stratify: boolean };
  model: { type: string; params: Record<string, number> };
}

/** Names become Nx project names and single path segments, so keep them plain. */
export const DATASET_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** "iris" -> "Iris Classification", "red-wine" -> "Red Wine Classification". */
export function defaultExperimentName(datasetName: string): string {
  const words = datasetName.split(/[-_]+/).filter(Boolean);
  const titled = words.map((word) => word[0]!.toUpperCase() + word.slice(1));
  return `${titled.join(' ')} Classification`;
}
