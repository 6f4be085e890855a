// Reads infra/images.yaml, the one place that names each step's container image, and checks
// every name is a pullable reference: a tag, or better a digest that no rebuild can move.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { PipelineError } from '@pipeline/errors';

export const STEPS_WITH_IMAGES = ['ingest', 'prepare', 'train'] as const;
export type StepWithImage = (typeof STEPS_WITH_IMAGES)[number];
export type StepImages = Record<StepWithImage, string>;

// [registry[:port]/]path[:tag][@sha256:digest], lowercase path components as Docker requires.
const IMAGE_REFERENCE = new RegExp(
  '^[a-z0-9]+(?:[.-][a-z0-9]+)*(?::[0-9]+)?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*' +
    '(?<tag>:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?<digest>@sha256:[0-9a-f]{64})?$',
);

export function isPinnedByDigest(image: string): boolean {
  return IMAGE_REFERENCE.exec(image)?.groups?.digest !== undefined;
}

function checkImage(file: string, step: string, image: unknown): string {
  if (image === undefined) {
    throw new PipelineError('INVALID_INPUT', `no image is named for the ${step} step`, {
      file,
      field: step,
      hint: `Add a line such as \`${step}: registry.example.com/${step}:1.0.0\`.`,
    });
  }
  const groups = typeof image === 'string' ? IMAGE_REFERENCE.exec(image)?.groups : undefined;
  if (groups === undefined || (groups.tag === undefined && groups.digest === undefined)) {
    throw new PipelineError(
      'INVALID_INPUT',
      `'${String(image)}' is not an image with a tag or digest`,
      {
        file,
        field: step,
        hint: 'Write registry/name:tag, or registry/name@sha256:<digest> after pushing it.',
      },
    );
  }
  return image as string;
}

export function loadStepImages(file: string): StepImages {
  let document: unknown;
  try {
    document = parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new PipelineError('INVALID_INPUT', `cannot read the step images: ${String(cause)}`, {
      file,
      cause,
      hint: 'infra/images.yaml maps ingest, prepare and train to their images.',
    });
  }
  const entries = (typeof document === 'object' && document !== null ? document : {}) as Record<
    string,
    unknown
  >;
  const unknown = Object.keys(entries).find(
    (key) => !(STEPS_WITH_IMAGES as readonly string[]).includes(key),
  );
  if (unknown !== undefined) {
    throw new PipelineError('INVALID_INPUT', `'${unknown}' is not a step with an image`, {
      file,
      field: unknown,
      hint: `The steps are ${STEPS_WITH_IMAGES.join(', ')}.`,
    });
  }
  const images = {} as StepImages;
  for (const step of STEPS_WITH_IMAGES) images[step] = checkImage(file, step, entries[step]);
  return images;
}
