// Reads a Dockerfile into its stages, enough to check it without a Docker engine: base images,
// COPY sources and destinations, working directory, user and entrypoint of each stage.
export interface Instruction {
  keyword: string;
  /** The text after the keyword, continuation lines joined. */
  value: string;
  line: number;
}

export interface Stage {
  name: string | undefined;
  /** The base: another stage's name, or an image with build arguments filled in. */
  from: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** Build arguments declared before the first FROM, with their defaults. */
  args: Record<string, string>;
  stages: Stage[];
}

export interface CopyInstruction {
  fromStage: string | undefined;
  sources: string[];
  destination: string;
  line: number;
}

function logicalLines(text: string): { text: string; line: number }[] {
  const result: { text: string; line: number }[] = [];
  let pending: { text: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (pending === undefined && (trimmed === '' || trimmed.startsWith('#'))) return;
    const continued = trimmed.endsWith('\\');
    const part = continued ? trimmed.slice(0, -1) : trimmed;
    pending = pending
      ? { ...pending, text: `${pending.text} ${part}` }
      : { text: part, line: index + 1 };
    if (!continued) {
      result.push(pending);
      pending = undefined;
    }
  });
  return result;
}

const expand = (text: string, args: Record<string, string>) =>
  text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, braced, bare) => args[braced ?? bare] ?? '');

export function parseDockerfile(text: string): Dockerfile {
  const dockerfile: Dockerfile = { args: {}, stages: [] };
  for (const { text: content, line } of logicalLines(text)) {
    const [keyword = '', ...rest] = content.split(/\s+/);
    const value = rest.join(' ');
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') {
      const [image = '', as, name] = value.split(/\s+/);
      const stageName = as?.toUpperCase() === 'AS' ? name : undefined;
      dockerfile.stages.push({
        name: stageName,
        from: expand(image, dockerfile.args),
        instructions: [],
      });
    } else if (upper === 'ARG' && dockerfile.stages.length === 0) {
      const [name = '', ...defaultValue] = value.split('=');
      dockerfile.args[name] = defaultValue.join('=');
    } else {
      dockerfile.stages.at(-1)?.instructions.push({ keyword: upper, value, line });
    }
  }
  return dockerfile;
}

export function copyInstructions(stage: Stage): CopyInstruction[] {
  return stage.instructions
    .filter((instruction) => instruction.keyword === 'COPY')
    .map(({ value, line }) => {
      const words = value.split(/\s+/);
      const flags = words.filter((word) => word.startsWith('--'));
      const paths = words.filter((word) => !word.startsWith('--'));
      const fromStage = flags.find((flag) => flag.startsWith('--from='))?.slice('--from='.length);
      return { fromStage, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '', line };
    });
}

/** The stages a target is built from, base first: `FROM other-stage` chains them. */
export function stageChain(dockerfile: Dockerfile, target: string): Stage[] {
  const chain: Stage[] = [];
  let stage = dockerfile.stages.find((candidate) => candidate.name === target);
  while (stage !== undefined) {
    chain.unshift(stage);
    const base = stage.from;
    stage = dockerfile.stages.find((candidate) => candidate.name === base);
  }
  return chain;
}

/** The last value of a setting along the chain, as the built image has it. */
export function lastSetting(chain: Stage[], keyword: string): Instruction | undefined {
  return chain
    .flatMap((stage) => stage.instructions)
    .filter((i) => i.keyword === keyword)
    .at(-1);
}

/** The exec-form entrypoint of a target, e.g. ["node", "--import", "tsx", "apps/x/cli.ts"]. */
export function entrypointOf(chain: Stage[]): string[] | undefined {
  const instruction = lastSetting(chain, 'ENTRYPOINT');
  if (instruction === undefined) return undefined;
  const parsed: unknown = JSON.parse(instruction.value);
  return Array.isArray(parsed) && parsed.every((word) => typeof word === 'string')
    ? parsed
    : undefined;
}
