// The TrackingBackend for an MLflow tracking server (MLFLOW_TRACKING_URI=http(s)://...), spoken
// through MLflow's REST API, so the server's UI shows the same run the file store would hold.
import { PipelineError } from '@pipeline/errors';
import { toMlflowDatasetInput } from '../mlflow-dataset.ts';
import { toPythonJson } from '../python-formatting.ts';
import {
  MLFLOW_TAGS,
  type CreateRunInput,
  type CreatedRun,
  type DatasetInput,
  type LogBatch,
  type RunStatus,
  type TrackingBackend,
} from '../tracking-backend.ts';
import { logBatchBodies, truncatedValues } from './batch-requests.ts';
import { logLoggedModel, supportsLoggedModels } from './logged-models.ts';
import {
  artifactWriterFor,
  putArtifactDirectory,
  putArtifactFile,
  putModelFolder,
  type ArtifactWriter,
} from './server-artifacts.ts';
import { getOrCreateExperimentId, MLFLOW_API } from './server-experiments.ts';
import { ServerHttp } from './server-http.ts';
import type { ServerSettings } from './server-settings.ts';

interface RunInfo {
  run_id: string;
  experiment_id: string;
  artifact_uri: string;
}

/** What this process logged to a run, for the logged model and the model history tag. */
interface KnownRun extends CreatedRun {
  writer: ArtifactWriter;
  params: Record<string, string>;
  contextTags: Record<string, string>;
  modelHistory: unknown[];
}

export interface ServerBackendOptions {
  cwd: string;
  warn: (message: string) => void;
}

function restDatasetInput(input: DatasetInput) {
  const { dataset, tags } = toMlflowDatasetInput(input);
  const { schema, profile, ...required } = dataset;
  return {
    tags: Object.entries(tags).map(([key, value]) => ({ key, value })),
    dataset: { ...required, ...(schema ? { schema } : {}), ...(profile ? { profile } : {}) },
  };
}

export class TrackingServerBackend implements TrackingBackend {
  readonly displayUri: string;
  private readonly http: ServerHttp;
  private readonly runs = new Map<string, KnownRun>();
  private loggedModels: Promise<boolean> | undefined;

  constructor(
    private readonly settings: ServerSettings,
    private readonly options: ServerBackendOptions,
  ) {
    this.displayUri = settings.displayUri;
    this.http = new ServerHttp(settings, options.warn);
  }

  getOrCreateExperiment(name: string): Promise<string> {
    return getOrCreateExperimentId(this.http, name);
  }

  async createRun(input: CreateRunInput): Promise<CreatedRun> {
    const { run } = await this.http.expectOk<{ run: { info: RunInfo } }>({
      method: 'POST',
      path: `${MLFLOW_API}/runs/create`,
      json: {
        experiment_id: input.experimentId,
        user_id: input.userId,
        run_name: input.runName,
        start_time: input.startTime,
        tags: truncatedValues('tag', input.tags, this.options.warn),
      },
    });
    const created = {
      runId: run.info.run_id,
      experimentId: run.info.experiment_id,
      artifactUri: run.info.artifact_uri,
    };
    let writer: ArtifactWriter;
    try {
      writer = this.writerFor(created.artifactUri);
    } catch (error) {
      // Nobody else will end this run: the caller never learns its id.
      await this.endRun(created.runId, 'FAILED', Date.now()).catch(() => undefined);
      throw error;
    }
    const known = { ...created, writer, params: {}, contextTags: input.tags, modelHistory: [] };
    this.runs.set(created.runId, known);
    return created;
  }

  async logBatch(runId: string, batch: LogBatch): Promise<void> {
    for (const body of logBatchBodies(runId, batch, this.options.warn)) {
      await this.http.expectOk({
        method: 'POST',
        path: `${MLFLOW_API}/runs/log-batch`,
        json: body,
      });
      const known = this.runs.get(runId);
      for (const { key, value } of body.params) if (known) known.params[key] = value;
    }
  }

  async logInputs(runId: string, inputs: DatasetInput[]): Promise<void> {
    await this.http.expectOk({
      method: 'POST',
      path: `${MLFLOW_API}/runs/log-inputs`,
      json: { run_id: runId, datasets: inputs.map(restDatasetInput) },
    });
  }

  async logArtifactFile(runId: string, localPath: string, artifactDir?: string) {
    await putArtifactFile(this.run(runId).writer, localPath, artifactDir);
  }

  async logArtifactDirectory(runId: string, localDir: string, artifactPath: string) {
    await putArtifactDirectory(this.run(runId).writer, localDir, artifactPath);
  }

  /** A logged model on servers that have them (3.x); a run artifact folder plus history on 2.x. */
  async logModel(
    runId: string,
    localModelDir: string,
    artifactPath: string,
    mlmodel: Record<string, unknown>,
  ): Promise<void> {
    const run = this.run(runId);
    if (await this.serverHasLoggedModels(run.experimentId)) {
      const { experimentId, params, contextTags: tags } = run;
      const request = {
        experimentId,
        runId,
        name: artifactPath,
        params,
        tags,
        localModelDir,
        mlmodel,
      };
      await logLoggedModel(this.http, request, (uri) => this.writerFor(uri));
      return;
    }
    await putModelFolder(run.writer, localModelDir, artifactPath, mlmodel);
    run.modelHistory.push(mlmodel);
    const history = toPythonJson(run.modelHistory);
    await this.logBatch(runId, { tags: { [MLFLOW_TAGS.logModelHistory]: history } });
  }

  async endRun(runId: string, status: RunStatus, endTime: number): Promise<void> {
    await this.http.expectOk({
      method: 'POST',
      path: `${MLFLOW_API}/runs/update`,
      json: { run_id: runId, status, end_time: endTime },
    });
  }

  /** Asked once per backend; a failed probe is asked again next time. */
  private serverHasLoggedModels(experimentId: string): Promise<boolean> {
    this.loggedModels ??= supportsLoggedModels(this.http, experimentId).catch((error) => {
      this.loggedModels = undefined;
      throw error;
    });
    return this.loggedModels;
  }

  private writerFor(artifactUri: string): ArtifactWriter {
    return artifactWriterFor(artifactUri, this.http, this.settings.baseUrl, this.options.cwd);
  }

  private run(runId: string): KnownRun {
    const run = this.runs.get(runId);
    if (run) return run;
    throw new PipelineError('TRACKING_FAILED', `run ${runId} was not started by this train step`, {
      hint: 'Artifacts and models are logged only to the run that trackWithRun created.',
    });
  }
}
