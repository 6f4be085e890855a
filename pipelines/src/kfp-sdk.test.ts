// Kubeflow's own Python SDK (kfp, pinned in tools/test-support/python/kfp.txt) reads every
// compiled pipeline.yaml: load_component_from_file parses it with Kubeflow's protobuf classes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPythonJson } from '@pipeline/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileEveryEntry, compileFor } from './testing/compiled-specs.ts';

interface SdkReading {
  file: string;
  /** The component's name and inputs as the SDK loaded them, or the error it raised. */
  name?: string;
  inputs?: string[];
  executors?: string[];
  error?: string;
}

// The deployment spec is a free-form Struct inside PipelineSpec, so it is parsed on its own as
// the PipelineDeploymentConfig message Kubeflow reads it as; unknown fields are errors in both.
const READ_WITH_KFP = `
import json, sys, yaml
from google.protobuf import json_format
from kfp import components
from kfp.pipeline_spec import pipeline_spec_pb2
results = []
for path in json.load(sys.stdin):
    try:
        component = components.load_component_from_file(path)
        with open(path) as stream:
            document = yaml.safe_load(stream)
        json_format.ParseDict(document, pipeline_spec_pb2.PipelineSpec())
        deployment = json_format.ParseDict(
            document["deploymentSpec"], pipeline_spec_pb2.PipelineDeploymentConfig())
        results.append({"file": path, "name": component.name,
                        "inputs": sorted(component.component_spec.inputs),
                        "executors": sorted(deployment.executors)})
    except Exception as error:
        results.append({"file": path, "error": f"{type(error).__name__}: {error}"})
print(json.dumps(results))
`;

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kfp-sdk-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function readWithKfp(documents: Record<string, string>): Promise<SdkReading[]> {
  const files = [];
  for (const [name, text] of Object.entries(documents)) {
    const file = join(folder, `${name}.yaml`);
    await writeFile(file, text);
    files.push(file);
  }
  return runPythonJson<SdkReading[]>(READ_WITH_KFP, files, {}, 'kfp');
}

describe("Kubeflow's Python SDK", () => {
  it('loads the pipeline compiled for every dataset, and for none', async () => {
    const compiled = compileEveryEntry();
    const readings = await readWithKfp(
      Object.fromEntries(compiled.map((c) => [c.dataset ?? 'no-dataset', c.yaml])),
    );
    compiled.forEach(({ spec }, index) => {
      expect(readings[index]).toEqual({
        file: expect.any(String),
        name: spec.pipelineInfo!.name,
        inputs: Object.keys(spec.root!.inputDefinitions!.parameters!).sort(),
        executors: ['exec-ingest', 'exec-prepare', 'exec-train'],
      });
    });
  });

  it('refuses a spec with a field its protobuf classes do not know', async () => {
    const { yaml } = compileFor('iris');
    const [pipelineField, deploymentField] = await readWithKfp({
      'unknown-task-field': yaml.replace('cachingOptions:', 'retries: 3\n        cachingOptions:'),
      'unknown-container-field': yaml.replace('image: ', 'workingDir: /app\n        image: '),
    });
    expect(pipelineField!.error).toMatch(/ParseError: .*retries/);
    expect(deploymentField!.error).toMatch(/ParseError: .*workingDir/);
  });
});
