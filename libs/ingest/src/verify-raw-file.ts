// The checks every raw file passes before it is used or stored: not empty, and the pinned digest.
import { PipelineError } from '@pipeline/errors';
import type { FileDigest } from './digest-copy.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Lower-cases a pinned digest and rejects anything that is not 64 hex digits. */
export function normalizePinnedSha256(sha256: string | undefined): string | undefined {
  if (sha256 === undefined || sha256 === '') return undefined;
  const normalized = sha256.trim().toLowerCase();
  if (!SHA256_HEX.test(normalized)) {
    throw new PipelineError('USAGE', `sha256 must be 64 hexadecimal digits, got '${sha256}'`, {
      field: 'sha256',
      hint: 'Copy the digest printed by `sha256sum <raw file>` into the entry in datasets.yaml.',
    });
  }
  return normalized;
}

export function verifyRawFile(
  digest: FileDigest,
  expectedSha256: string | undefined,
  display: string,
): void {
  if (digest.bytes === 0) {
    throw new PipelineError('EMPTY_FILE', `the raw file from ${display} is empty (0 bytes)`, {
      hint: 'Check that the url in datasets.yaml points at the data file itself.',
    });
  }
  if (expectedSha256 !== undefined && digest.sha256 !== expectedSha256) {
    throw new PipelineError(
      'CHECKSUM_MISMATCH',
      `the raw file from ${display} has sha256 ${digest.sha256}, ` +
        `but its entry pins ${expectedSha256}`,
      {
        hint:
          'If the source really changed, set the entry\'s sha256 in datasets.yaml to ' +
          `${digest.sha256}; otherwise check the url.`,
      },
    );
  }
}
