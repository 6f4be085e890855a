// A progress bar for downloads, drawn only on an interactive terminal; logs stay plain otherwise.
import cliProgress from 'cli-progress';

export interface DownloadProgress {
  start(totalBytes: number | undefined): void;
  update(bytes: number): void;
  stop(): void;
}

/** Returns undefined when `stream` is not a terminal (CI, Kubeflow, files), to draw nothing. */
export function createDownloadProgress(
  stream: NodeJS.WriteStream = process.stdout,
): DownloadProgress | undefined {
  if (!stream.isTTY) return undefined;
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(totalBytes) {
      // Without a Content-Length the total is unknown, so only the byte count is shown.
      const format =
        totalBytes === undefined
          ? 'downloading {value} bytes'
          : 'downloading [{bar}] {percentage}% {value}/{total} bytes';
      bar = new cliProgress.SingleBar({ stream, format, hideCursor: true });
      bar.start(totalBytes ?? 0, 0);
    },
    update(bytes) {
      bar?.update(bytes);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
