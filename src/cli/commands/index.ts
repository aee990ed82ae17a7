// The CLI's commands, in the order `nianbao --help` lists them: a new command is one module and one line here.
import { checkSamplesCommand } from './check-samples.ts';
import { checkCommand } from './check.ts';
import { compareCommand } from './compare.ts';
import { enqueueCommand } from './enqueue.ts';
import { extractCommand } from './extract.ts';
import { agenciesCommand, aggregateCommand, importCommand, mergesCommand } from './library.ts';
import { newCommand } from './new.ts';
import { renderCommand } from './render.ts';
import { serveCommand } from './serve.ts';
import { statusCommand } from './status.ts';
import type { CliCommand } from './types.ts';
import { usersCommand } from './users.ts';
import { workerCommand } from './worker.ts';

export type { CliCommand, CommandContext } from './types.ts';

export const COMMANDS: readonly CliCommand[] = [
  extractCommand,
  checkCommand,
  renderCommand,
  newCommand,
  checkSamplesCommand,
  importCommand,
  agenciesCommand,
  mergesCommand,
  aggregateCommand,
  compareCommand,
  enqueueCommand,
  workerCommand,
  statusCommand,
  serveCommand,
  usersCommand,
];
