/**
 * `mesa check`: train every claim of every level for every seed. A claim
 * holds when it holds on every seed, or on its stated share of them; the
 * JSON report lists, per claim, the seeds where it held.
 */
import { parseArgs } from 'node:util';
import { checkLevel, hypothesisProblems, listProblems, type Level } from '../../src/core/index';
import { tx } from '../../src/i18n/index';
import { printable, printableJson } from './terminal';
import { ProblemsError, campaignFiles, loadCampaign, parseSeeds } from './input';

/**
 * Loads a level (schema and work budget) and runs the cross-check that needs
 * the engine: the intended reference agent must pass the level's own success
 * test.
 */
export function loadCheckedLevel(file: string): Level {
  const [level] = loadCampaign([file]);
  const problems = hypothesisProblems(level!);
  if (problems.length > 0) throw new ProblemsError(listProblems(file, problems, tx));
  return level!;
}

export function runCheck(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { seeds: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const seeds = parseSeeds(values.seeds);
  const levels = (positionals.length > 0 ? positionals : campaignFiles()).map(loadCheckedLevel).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const reports = levels.map((level) => checkLevel(level, seeds));
  const ok = reports.every((r) => r.claims.every((c) => c.holds));
  if (values.json) {
    const out = {
      ok,
      seeds,
      levels: reports.map((r) => ({
        id: r.id,
        concept: r.concept,
        claims: r.claims.map((c) => ({
          name: c.name,
          seeds,
          holds: c.holds,
          heldOn: c.heldOn,
          required: c.required,
          ...(c.revealedSet ? { revealedSet: c.revealedSet } : {}),
          runs: c.seeds,
        })),
      })),
    };
    process.stdout.write(printableJson(out) + '\n');
  } else {
    const lines: string[] = [];
    for (const r of reports) {
      lines.push(`${r.id} [${r.concept}]`);
      for (const c of r.claims) {
        const share = c.required < c.seeds.length || c.heldOn.length < c.seeds.length ? ` (on ${c.heldOn.length} of ${c.seeds.length} seeds, ${c.required} needed)` : '';
        const varies = c.revealedSet ? ` (revealed: ${c.revealedSet.join(', ')})` : '';
        lines.push(`  ${c.holds ? 'holds ' : 'FAILS '} ${c.name}${share}${varies}`);
        for (const run of c.holds ? [] : c.seeds.filter((s) => !s.holds)) {
          lines.push(`         seed ${run.seed}: revealed ${run.revealed}, ${run.aligned ? 'aligned' : 'misaligned'}, success ${(run.successRate * 100).toFixed(0)}%`);
        }
      }
    }
    lines.push(ok ? `all claims hold for seeds ${seeds.join(', ')}` : 'some claims fail');
    process.stdout.write(lines.map(printable).join('\n') + '\n');
  }
  return ok ? 0 : 1;
}
