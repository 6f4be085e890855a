// The strict validator: it accepts the compiled pipeline, and names the path of each thing that
// Kubeflow's PipelineSpec, its API server or a dangling reference would reject.
import { describe, expect, it } from 'vitest';
import { compileFor } from '../testing/compiled-specs.ts';
import type { SpecProblem } from './spec-problem.ts';
import { validatePipelineSpec, validatePipelineYaml } from './validate-pipeline-spec.ts';

type Document = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The problems of the compiled iris spec after `edit`, or [] when it stays valid. */
function problemsAfter(edit: (spec: Document) => void): SpecProblem[] {
  const spec = structuredClone(compileFor('iris').spec) as Document;
  edit(spec);
  const validation = validatePipelineSpec(spec);
  return validation.ok ? [] : validation.problems;
}

const tasks = (spec: Document) => spec.root.dag.tasks;
const trainArgs = (spec: Document) => spec.deploymentSpec.executors['exec-train'].container.args;
/** Where an argument pushed onto train's arguments lands. */
const PUSHED_ARG =
  'deploymentSpec.executors.exec-train.container.args.' +
  trainArgs(compileFor('iris').spec as Document).length;

describe('the pipeline spec validator', () => {
  it('accepts the compiled pipeline as it is', () => {
    expect(problemsAfter(() => {})).toEqual([]);
  });

  describe('reads the document as Kubeflow’s PipelineSpec message', () => {
    it.each([
      [
        'a task',
        (s: Document) => {
          tasks(s).train.retries = 3;
        },
        'root.dag.tasks.train.retries',
      ],
      [
        'the root',
        (s: Document) => {
          s.pipelineName = 'x';
        },
        'pipelineName',
      ],
      [
        'a container',
        (s: Document) => {
          s.deploymentSpec.executors['exec-ingest'].container.workingDir = '/';
        },
        'deploymentSpec.executors.exec-ingest.container.workingDir',
      ],
      [
        'snake_case names',
        (s: Document) => {
          s.schema_version = '2.1.0';
        },
        'schema_version',
      ],
    ])('rejects an unknown field in %s', (_where, edit, path) => {
      expect(problemsAfter(edit)).toEqual([
        { path, message: expect.stringContaining('unknown field') },
      ]);
    });

    it.each([
      [
        'a string for a bool',
        (s: Document) => {
          tasks(s).train.cachingOptions.enableCache = 'yes';
        },
        'root.dag.tasks.train.cachingOptions.enableCache',
      ],
      [
        'a number among the args',
        (s: Document) => {
          trainArgs(s).push(42);
        },
        PUSHED_ARG,
      ],
      [
        'an enum value that does not exist',
        (s: Document) => {
          s.root.inputDefinitions.parameters.seed.parameterType = 'INT64';
        },
        'root.inputDefinitions.parameters.seed.parameterType',
      ],
      [
        'a fraction for an int32',
        (s: Document) => {
          tasks(s).train.retryPolicy = { maxRetryCount: 1.5 };
        },
        'root.dag.tasks.train.retryPolicy.maxRetryCount',
      ],
      [
        'a malformed duration',
        (s: Document) => {
          tasks(s).train.retryPolicy = { backoffDuration: '5 minutes' };
        },
        'root.dag.tasks.train.retryPolicy.backoffDuration',
      ],
      [
        'two fields of one oneof',
        (s: Document) => {
          s.components['comp-train'].dag = { tasks: {} };
        },
        'components.comp-train',
      ],
      [
        'a null',
        (s: Document) => {
          s.pipelineInfo.description = null;
        },
        'pipelineInfo.description',
      ],
    ])('rejects %s', (_what, edit, path) => {
      expect(problemsAfter(edit).map((problem) => problem.path)).toEqual([path]);
    });
  });

  describe('makes the checks of the Kubeflow API server on upload', () => {
    it('accepts schema version 2.1.0 only', () => {
      expect(
        problemsAfter((s) => {
          s.schemaVersion = '2.0.0';
        }),
      ).toEqual([{ path: 'schemaVersion', message: expect.stringContaining('2.1.0 only') }]);
    });

    it.each([[''], ['Iris Pipeline'], ['-iris']])('rejects the pipeline name %j', (name) => {
      const problems = problemsAfter((s) => {
        s.pipelineInfo.name = name;
      });
      expect(problems.map((problem) => problem.path)).toEqual(['pipelineInfo.name']);
    });

    it('requires the root component, and a DAG as its implementation', () => {
      expect(
        problemsAfter((s) => {
          delete s.root;
        }).map((p) => p.path),
      ).toContain('root');
      const problems = problemsAfter((s) => {
        s.root = { executorLabel: 'exec-train' };
      });
      expect(problems.map((p) => p.path)).toContain('root.dag');
    });
  });

  describe('resolves every reference', () => {
    it.each([
      [
        'a missing component',
        (s: Document) => {
          tasks(s).train.componentRef.name = 'comp-fit';
        },
        'root.dag.tasks.train.componentRef.name',
        "no component 'comp-fit'",
      ],
      [
        'a missing executor',
        (s: Document) => {
          delete s.deploymentSpec.executors['exec-train'];
        },
        'components.comp-train.executorLabel',
        "no executor 'exec-train'",
      ],
      [
        'an unused executor',
        (s: Document) => {
          s.deploymentSpec.executors['exec-spare'] = s.deploymentSpec.executors['exec-train'];
        },
        'deploymentSpec.executors.exec-spare',
        'no component uses',
      ],
      [
        'an unknown producer task',
        (s: Document) => {
          tasks(s).train.inputs.artifacts.prepared.taskOutputArtifact.producerTask = 'split';
        },
        'root.dag.tasks.train.inputs.artifacts.prepared',
        "no task 'split'",
      ],
      [
        'an output the producer lacks',
        (s: Document) => {
          tasks(s).train.inputs.artifacts.prepared.taskOutputArtifact.outputArtifactKey = 'clean';
        },
        'root.dag.tasks.train.inputs.artifacts.prepared',
        "no output artifact 'clean'",
      ],
      [
        'a task reading its own output',
        (s: Document) => {
          tasks(s).train.inputs.artifacts.prepared.taskOutputArtifact = {
            producerTask: 'train',
            outputArtifactKey: 'model',
          };
        },
        'root.dag.tasks.train.inputs.artifacts.prepared',
        'cannot read its own output',
      ],
      [
        'an unknown run parameter',
        (s: Document) => {
          tasks(s).ingest.inputs.parameters.url.componentInputParameter = 'source';
        },
        'root.dag.tasks.ingest.inputs.parameters.url',
        "no parameter 'source'",
      ],
      [
        'an input the component does not declare',
        (s: Document) => {
          tasks(s).ingest.inputs.parameters.retries = { runtimeValue: { constant: '3' } };
        },
        'root.dag.tasks.ingest.inputs.parameters.retries',
        "declares no input 'retries'",
      ],
      [
        'a required input left out',
        (s: Document) => {
          delete tasks(s).ingest.inputs.parameters.url;
        },
        'root.dag.tasks.ingest.inputs.parameters',
        "'url' is not passed",
      ],
      [
        'a constant of the wrong type',
        (s: Document) => {
          tasks(s).prepare.inputs.parameters.stratify.runtimeValue.constant = 'yes';
        },
        'root.dag.tasks.prepare.inputs.parameters.stratify',
        'not a BOOLEAN',
      ],
      [
        'a default of the wrong type',
        (s: Document) => {
          s.root.inputDefinitions.parameters.seed.defaultValue = 4.5;
        },
        'root.inputDefinitions.parameters.seed.defaultValue',
        'not a NUMBER_INTEGER',
      ],
      [
        'an unknown dependent task',
        (s: Document) => {
          tasks(s).train.dependentTasks = ['fit'];
        },
        'root.dag.tasks.train.dependentTasks.0',
        "'fit'",
      ],
      [
        'a placeholder of an undeclared input',
        (s: Document) => {
          trainArgs(s).push("{{$.inputs.parameters['seed']}}");
        },
        PUSHED_ARG,
        "no input parameter 'seed'",
      ],
      [
        'a placeholder Kubeflow does not know',
        (s: Document) => {
          trainArgs(s).push('{{$.inputs.seed}}');
        },
        PUSHED_ARG,
        'not a Kubeflow placeholder',
      ],
      [
        'a placeholder left open',
        (s: Document) => {
          trainArgs(s).push('{{$.pipeline_job_name');
        },
        PUSHED_ARG,
        'never closed',
      ],
    ])('reports %s', (_what, edit, path, message) => {
      expect(problemsAfter(edit)).toContainEqual({
        path,
        message: expect.stringContaining(message),
      });
    });

    it("reports a producer's artifact of another type than the component takes", () => {
      const problems = problemsAfter((s) => {
        tasks(s).train.inputs.artifacts.prepared.taskOutputArtifact.producerTask = 'ingest';
        tasks(s).train.inputs.artifacts.prepared.taskOutputArtifact.outputArtifactKey = 'raw';
        s.components['comp-ingest'].outputDefinitions.artifacts.raw.artifactType.schemaTitle =
          'system.Artifact';
      });
      expect(problems).toContainEqual({
        path: 'root.dag.tasks.train.inputs.artifacts.prepared',
        message: 'a system.Artifact artifact is passed where the component takes a system.Dataset',
      });
    });

    it('accepts the run placeholders and the whole executor input', () => {
      expect(
        problemsAfter((s) => {
          trainArgs(s).push(
            '{{$.pipeline_job_name}}',
            '{{$}}',
            "{{$.outputs.artifacts['model'].uri}}",
          );
        }),
      ).toEqual([]);
    });

    it('finds tasks that wait on each other in a cycle', () => {
      const problems = problemsAfter((s) => {
        tasks(s).ingest.dependentTasks = ['train'];
      });
      expect(problems).toContainEqual({
        path: 'root.dag.tasks',
        message: expect.stringMatching(/cycle: (ingest|prepare|train)( -> \w+){3}$/),
      });
    });
  });

  it('takes a pipeline.yaml of exactly one document', () => {
    const { yaml } = compileFor('iris');
    expect(validatePipelineYaml(yaml).ok).toBe(true);
    expect(validatePipelineYaml(`${yaml}---\nplatforms: {}\n`).ok).toBe(false);
  });
});
