/**
 * `mesa encode` and `mesa decode`: level files to sharing codes and back.
 *
 *   mesa encode <level.json>                                  the level code
 *   mesa encode <level.json> --seed N [--config config.json]  a challenge code
 *   mesa decode <code>                                        the code's content as JSON
 *
 * `decode` prints JSON with two-space indentation and the level schema's key
 * order, every default filled in (the same order `levels/*.json` use), so its
 * output saved as a file encodes back to the same code. A challenge code
 * prints `{ level, config, seed }`, a result code the report. A bad code
 * exits 2 with the decoder's one-line message.
 */
import { parseArgs } from 'node:util';
import { canonicalConfig, canonicalLevel, decodeAny, describeCodeError, encodeChallenge, encodeLevel, type CodeResult } from '../../src/core/index';
import { tx } from '../../src/i18n/index';
import { printable, printableJson } from './terminal';
import { UsageError, loadConfig, loadLevel, parseSeed } from './input';

export function runEncode(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { seed: { type: 'string' }, config: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('encode: give exactly one level file');
  const file = positionals[0]!;
  const level = loadLevel(file);
  if (values.config !== undefined && values.seed === undefined) throw new UsageError('encode: a challenge code needs --seed as well as --config');
  const code = values.seed === undefined ? encodeLevel(level) : encodeChallenge({ level, config: loadConfig(level, values.config), seed: parseSeed(values.seed, 1) });
  process.stdout.write(printable(unwrap(code, `encode: ${file}`)) + '\n');
  return 0;
}

export function runDecode(args: string[]): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError('decode: give exactly one code');
  const decoded = unwrap(decodeAny(positionals[0]!), 'decode');
  const out =
    decoded.kind === 'level'
      ? canonicalLevel(decoded.level, { omitDefaults: false })
      : decoded.kind === 'challenge'
        ? {
            level: canonicalLevel(decoded.challenge.level, { omitDefaults: false }),
            config: canonicalConfig(decoded.challenge.config),
            seed: decoded.challenge.seed,
          }
        : decoded.report;
  process.stdout.write(printableJson(out, 2) + '\n');
  return 0;
}

function unwrap<T>(result: CodeResult<T>, context: string): T {
  if (!result.ok) throw new UsageError(`${context}: ${tx(describeCodeError(result.error))}`);
  return result.value;
}
