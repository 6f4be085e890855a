// Opens the raw file as a byte stream and fingerprints it (sha256, size) on the way through,
// so a pass over the rows also proves which bytes it read.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { PipelineError } from '@pipeline/errors';
import type { RawInput } from '@pipeline/dataset-types';

/** Large reads: a pass over the raw file costs several times more in 64 KiB pieces. */
const READ_CHUNK_BYTES = 1 << 20;

export interface RawFileFingerprint {
  sha256: string;
  bytes: number;
}

export interface FingerprintedInput {
  input: RawInput;
  /** Valid once the stream has been read to its end. */
  fingerprint(): RawFileFingerprint;
}

export async function checkRawFileExists(path: string, dataset: string): Promise<void> {
  const found = await stat(path).catch(() => undefined);
  if (found?.isFile()) return;
  throw new PipelineError('INVALID_INPUT', 'the raw file does not exist', {
    dataset,
    file: path,
    hint: `Run the ingest step first (\`nx run ${dataset}:ingest\`), or fix --input.`,
  });
}

export function openFingerprinted(path: string): FingerprintedInput {
  const hash = createHash('sha256');
  let bytes = 0;
  async function* chunks() {
    for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  return {
    input: { file: path, stream: Readable.from(chunks(), { objectMode: false }) },
    fingerprint: () => ({ sha256: hash.copy().digest('hex'), bytes }),
  };
}
