/** `mesa sweep`: deployment success against one training knob, several seeds per point. */
import { parseArgs } from 'node:util';
import { own, sweepKnob } from '../../src/core/index';
import { printable, printableJson } from './terminal';
import { UsageError, assertWithinBudget, loadConfig, loadLevel, parseSeeds } from './input';

export function runSweep(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      knob: { type: 'string' },
      values: { type: 'string' },
      seeds: { type: 'string' },
      config: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new UsageError('sweep: give exactly one level file');
  const level = loadLevel(positionals[0]!);
  const knob = values.knob;
  if (!knob) throw new UsageError('sweep: --knob is required');
  const spec = own(level.knobs, knob);
  if (!spec) throw new UsageError(`sweep: no knob named "${knob}" in ${level.id} (it has: ${Object.keys(level.knobs).join(', ') || 'none'})`);
  if (!spec.unlocked) throw new UsageError(`sweep: the knob "${knob}" is locked in ${level.id}`);
  if (!values.values) throw new UsageError('sweep: --values is required, e.g. --values 0,0.1,0.2');
  const points = values.values.split(',').map((text) => {
    const v = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(v)) throw new UsageError(`--values: "${text}" is not a number`);
    if (v < spec.min || v > spec.max) throw new UsageError(`--values: ${v} is outside [${spec.min}, ${spec.max}] for ${knob}`);
    return v;
  });
  const seeds = parseSeeds(values.seeds);
  const base = loadConfig(level, values.config);
  assertWithinBudget(positionals[0]!, level, base);
  const sweep = sweepKnob(level, knob, points, seeds, base);
  if (values.json) {
    process.stdout.write(printableJson(sweep) + '\n');
    return 0;
  }
  const lines = [`${level.title}: deployment success against ${spec.label} (${seeds.length} seeds per point)`];
  for (const p of sweep.points) {
    const bar = '█'.repeat(Math.round(p.mean * 40));
    lines.push(`  ${String(p.value).padStart(6)}  ${(p.mean * 100).toFixed(0).padStart(3)}%  ${bar}`);
  }
  process.stdout.write(lines.map(printable).join('\n') + '\n');
  return 0;
}
