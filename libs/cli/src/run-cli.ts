// Shared entry for the step CLIs: parse flags, run, and turn errors into one readable paragraph.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatError, PipelineError } from '@pipeline/errors';
import { readOptionsFile, type OptionValues } from './read-options-file.ts';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export interface CliDefinition {
  /** Program name shown in usage, e.g. "ingest". */
  name: string;
  summary: string;
  options: OptionSpecs;
  run(values: OptionValues): Promise<void>;
}

const COMMON_OPTIONS: OptionSpecs = {
  'options-file': { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean' },
};

export function usageText(definition: CliDefinition): string {
  const lines = Object.entries(definition.options).map(([name, spec]) =>
    spec.type === 'boolean' ? `  --${name}` : `  --${name} <value>`,
  );
  return [
    `usage: ${definition.name} [options]`,
    definition.summary,
    '',
    ...lines,
    '  --options-file <file.json>  read options from a JSON object; flags win',
    '  --verbose                   show stack traces',
  ].join('\n');
}

export async function parseCliArgs(
  definition: CliDefinition,
  argv: string[],
): Promise<OptionValues> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...definition.options, ...COMMON_OPTIONS } });
  } catch (cause) {
    throw new PipelineError('USAGE', (cause as Error).message, {
      hint: `Run \`${definition.name} --help\` to see the options.`,
    });
  }
  const flags = parsed.values as OptionValues;
  const fromFile = flags['options-file']
    ? await readOptionsFile(String(flags['options-file']))
    : {};
  for (const key of Object.keys(fromFile)) {
    if (!(key in definition.options)) {
      throw new PipelineError('USAGE', `unknown option '${key}' in the options file`, {
        file: String(flags['options-file']),
        field: key,
      });
    }
  }
  return { ...fromFile, ...flags };
}

/** Runs a CLI and sets the exit code; never calls process.exit so output is flushed. */
export async function runCli(definition: CliDefinition, argv = process.argv.slice(2)) {
  const verbose = argv.includes('--verbose') || Boolean(process.env.DEBUG);
  try {
    if (argv.includes('--help')) {
      process.stdout.write(`${usageText(definition)}\n`);
      return;
    }
    await definition.run(await parseCliArgs(definition, argv));
  } catch (error) {
    process.stderr.write(`${formatError(error, verbose)}\n`);
    process.exitCode = 1;
  }
}
