/**
 * mesa — the command-line tool: train an agent, check every level's lesson,
 * benchmark the core. A client of src/core like the game and the worker.
 *
 *   mesa train <level.json> [--seed N] [--config config.json] [--json]
 *   mesa check [level.json ...] [--seeds 1,2,3,4,5] [--json]
 *   mesa sweep <level.json> --knob <name> --values a,b,c [--seeds ...] [--json]
 *   mesa bench [--json]
 *   mesa encode <level.json> [--seed N [--config config.json]]
 *   mesa decode <code>
 *
 * Bad input exits 2 with one line on stderr (a level or config file that
 * breaks the schema: one line per problem); a failed lesson check exits 1.
 */

import { ProblemsError, UsageError } from './cli/input';
import { runTrain } from './cli/train';
import { runCheck } from './cli/check';
import { runBench } from './cli/bench';
import { runSweep } from './cli/sweep';
import { runDecode, runEncode } from './cli/codes';
import { printable } from './cli/terminal';
import { MessageError } from '../src/core/index';
import { tx } from '../src/i18n/index';

/** A Map, so `mesa constructor` or `mesa __proto__` is an unknown command like any other word. */
const COMMANDS: ReadonlyMap<string, (args: string[]) => number> = new Map([
  ['train', runTrain],
  ['check', runCheck],
  ['bench', runBench],
  ['sweep', runSweep],
  ['encode', runEncode],
  ['decode', runDecode],
]);

const USAGE = `usage:
  mesa train <level.json> [--seed N] [--config config.json] [--json]
  mesa check [level.json ...] [--seeds 1,2,3,4,5] [--json]
  mesa sweep <level.json> --knob <name> --values a,b,c [--seeds 1,2,3] [--config config.json] [--json]
  mesa bench [--json]
  mesa encode <level.json> [--seed N [--config config.json]]
  mesa decode <code>`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS.get(command);
  if (!run) throw new UsageError(`unknown command "${command}" (expected one of: ${[...COMMANDS.keys()].join(', ')})`);
  return run(rest);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // Every error is one line on stderr (a bad file: one line per problem), its untrusted parts escaped.
  if (error instanceof ProblemsError) {
    process.stderr.write(error.lines.map((line) => `mesa: ${printable(line)}\n`).join(''));
    process.exitCode = 2;
  } else if (error instanceof UsageError) {
    process.stderr.write(`mesa: ${printable(error.message)}\n`);
    process.exitCode = 2;
  } else if (error instanceof MessageError) {
    // The core's refusal (a knob value outside its range, say), in the catalog's English.
    process.stderr.write(`mesa: ${printable(tx(error.reason))}\n`);
    process.exitCode = 2;
  } else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    // Node's message goes on to explain '--' escaping; the first sentence is the point.
    process.stderr.write(`mesa: ${printable(error.message.split(/\.\s/)[0]!)}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`mesa: internal error: ${printable(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = 70;
  }
}
