import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDownloadProgress } from './download-progress.ts';

function fakeOutput(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  Object.assign(stream, { isTTY, columns: 100 });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

describe('createDownloadProgress', () => {
  it('draws nothing when the output is not a terminal', () => {
    expect(createDownloadProgress(fakeOutput(false).stream)).toBeUndefined();
  });

  it('draws the share of the declared length on a terminal', () => {
    const output = fakeOutput(true);
    const progress = createDownloadProgress(output.stream);
    progress?.start(2048);
    progress?.update(2048);
    progress?.stop();

    expect(output.text()).toContain('100% 2048/2048 bytes');
  });

  it('shows only the byte count when the length is unknown', () => {
    const output = fakeOutput(true);
    const progress = createDownloadProgress(output.stream);
    progress?.start(undefined);
    progress?.update(512);
    progress?.stop();

    expect(output.text()).toContain('downloading 512 bytes');
    expect(output.text()).not.toContain('%');
  });
});
