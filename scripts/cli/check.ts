/** `mesa check`: train every claim of every level for every seed; a claim holds only if it holds for all. */
import { parseArgs } from 'node:util';
import { checkLevel } from '../../src/core/index';
import { printable, printableJson } from './terminal';
import { campaignFiles, loadCampaign, parseSeeds } from './input';

export function runCheck(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { seeds: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const seeds = parseSeeds(values.seeds);
  const levels = loadCampaign(positionals.length > 0 ? positionals : campaignFiles());
  const reports = levels.map((level) => checkLevel(level, seeds));
  const ok = reports.every((r) => r.claims.every((c) => c.holds));
  if (values.json) {
    const out = {
      ok,
      seeds,
      levels: reports.map((r) => ({
        id: r.id,
        concept: r.concept,
        claims: r.claims.map((c) => ({ name: c.name, seeds, holds: c.holds, runs: c.seeds })),
      })),
    };
    process.stdout.write(printableJson(out) + '\n');
  } else {
    const lines: string[] = [];
    for (const r of reports) {
      lines.push(`${r.id} [${r.concept}]`);
      for (const c of r.claims) {
        lines.push(`  ${c.holds ? 'holds ' : 'FAILS '} ${c.name}`);
        for (const run of c.seeds.filter((s) => !s.holds)) {
          lines.push(`         seed ${run.seed}: revealed ${run.revealed}, ${run.aligned ? 'aligned' : 'misaligned'}, success ${(run.successRate * 100).toFixed(0)}%`);
        }
      }
    }
    lines.push(ok ? `all claims hold for seeds ${seeds.join(', ')}` : 'some claims fail');
    process.stdout.write(lines.map(printable).join('\n') + '\n');
  }
  return ok ? 0 : 1;
}
