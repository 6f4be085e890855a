// Copies bytes to a file while computing their sha256, so every raw file is read exactly once.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Large reads: copying and hashing in 64 KiB pieces costs several times more CPU. */
const READ_CHUNK_BYTES = 1 << 20;

export interface FileDigest {
  sha256: string;
  bytes: number;
}

/** Running totals, readable even when the copy fails midway (to report how far it got). */
export interface CopyCounter extends FileDigest {
  onBytes?: (bytes: number) => void;
}

export function createCopyCounter(onBytes?: (bytes: number) => void): CopyCounter {
  return { sha256: '', bytes: 0, onBytes };
}

export async function copyWithDigest(
  source: Readable,
  targetPath: string,
  counter: CopyCounter = createCopyCounter(),
): Promise<FileDigest> {
  const hash = createHash('sha256');
  async function* hashing(chunks: AsyncIterable<Buffer>) {
    for await (const chunk of chunks) {
      hash.update(chunk);
      counter.bytes += chunk.length;
      counter.onBytes?.(counter.bytes);
      yield chunk;
    }
  }
  await pipeline(source, hashing, createWriteStream(targetPath));
  counter.sha256 = hash.digest('hex');
  return { sha256: counter.sha256, bytes: counter.bytes };
}

export async function digestOfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

export async function copyFileWithDigest(sourcePath: string, targetPath: string) {
  return copyWithDigest(
    createReadStream(sourcePath, { highWaterMark: READ_CHUNK_BYTES }),
    targetPath,
  );
}
