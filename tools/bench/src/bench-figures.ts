// The benchmark's figures, as printed and as written to the JSON, and how they are derived
// from the raw timings of a run.
import { cpus, loadavg, totalmem } from 'node:os';
import type { StepRecord } from './nx-timing.ts';
import type { PythonFigures } from './python-reference.ts';

export interface StepFigures {
  step: string;
  seconds: number;
  /** Megabytes (10^6 bytes) of the input CSV per second of this step. */
  mbPerSecond: number;
  peakMiB: number;
  cpuSeconds: number;
}

export interface SizeFigures {
  name: string;
  dataset: string;
  rows: number;
  csvBytes: number;
  /** The whole `nx run <dataset>:train`, Nx's own work included. */
  nxSeconds: number;
  steps: StepFigures[];
  /** ingest + prepare + train. */
  pipelineSeconds: number;
  /** The largest peak of any step. */
  peakMiB: number;
  python?: { seconds: number; peakMiB: number; accuracy: number };
  /** Ours over Python's: pipeline seconds, and peak memory. */
  ratios?: { time: number; memory: number };
}

export interface IrisStartup {
  coldSeconds: number[];
  warmSeconds: number[];
  coldMedian: number;
  warmMedian: number;
  /** Whether every warm run took all of its tasks from the cache. */
  warmFullyCached: boolean;
}

export interface MachineInfo {
  cpuModel: string;
  cpus: number;
  memoryGiB: number;
  node: string;
  platform: string;
  loadAverageAtStart: number[];
}

export interface BenchFigures {
  startedAt: string;
  machine: MachineInfo;
  generated: { features: number; classes: number; seed: number };
  sizes: SizeFigures[];
  iris?: IrisStartup;
}

export const PIPELINE_STEPS = ['ingest', 'prepare', 'train'];
const MIB = 1024 * 1024;

export function describeMachine(): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cpus: cpus().length,
    memoryGiB: Math.round((totalmem() / MIB / 1024) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverageAtStart: loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function stepFigures(record: StepRecord, csvBytes: number): StepFigures {
  const seconds = record.wallMs / 1000;
  return {
    // The Nx target's name (config, ingest, ...); the CLI's folder when run outside Nx.
    step: record.target || record.step,
    seconds,
    mbPerSecond: csvBytes / 1e6 / seconds,
    peakMiB: (record.maxRssKiB * 1024) / MIB,
    cpuSeconds: (record.userCpuMs + record.systemCpuMs) / 1000,
  };
}

/** Figures of one dataset's run, with the Python reference's when it ran. */
export function sizeFigures(
  base: Omit<SizeFigures, 'steps' | 'pipelineSeconds' | 'peakMiB' | 'python' | 'ratios'>,
  records: StepRecord[],
  python: PythonFigures | undefined,
): SizeFigures {
  const steps = records
    .filter((record) => record.project === base.dataset)
    .map((record) => stepFigures(record, base.csvBytes));
  const pipeline = steps.filter((step) => PIPELINE_STEPS.includes(step.step));
  const pipelineSeconds = pipeline.reduce((sum, step) => sum + step.seconds, 0);
  const peakMiB = Math.max(0, ...steps.map((step) => step.peakMiB));
  const figures: SizeFigures = { ...base, steps, pipelineSeconds, peakMiB };
  if (!python) return figures;
  const pythonPeakMiB = (python.maxRssKiB * 1024) / MIB;
  return {
    ...figures,
    python: { seconds: python.seconds, peakMiB: pythonPeakMiB, accuracy: python.accuracy },
    ratios: { time: pipelineSeconds / python.seconds, memory: peakMiB / pythonPeakMiB },
  };
}
