export { runCli, parseCliArgs, usageText } from './run-cli.ts';
export type { CliDefinition } from './run-cli.ts';
export type { OptionValues } from './read-options-file.ts';
export { createLogger, formatDuration } from './logger.ts';
export type { Logger } from './logger.ts';
export {
  requiredString,
  optionalString,
  optionalNumber,
  optionalBoolean,
} from './option-readers.ts';
export { isEntryPoint } from './is-entry-point.ts';
