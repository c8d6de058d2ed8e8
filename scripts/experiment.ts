import { readFileSync } from 'node:fs';
import { parseLevel } from '../src/core/level';
import { resolveConfig } from '../src/core/config';
import { train } from '../src/core/trainer';
import { score } from '../src/core/scoring';
import { mindToRecord } from '../src/core/agent';
const [file, cfg, seedsArg] = process.argv.slice(2);
const parsed = parseLevel(JSON.parse(readFileSync(file!, 'utf8')));
if (!parsed.ok) { console.log(parsed.problems); process.exit(2); }
const level = parsed.value;
const config = resolveConfig(level, cfg ? JSON.parse(cfg) : {});
const seeds = (seedsArg ?? '1,2,3,4,5,6,7,8').split(',').map(Number);
for (const seed of seeds) {
  const t0 = performance.now();
  const r = train(level, config, seed);
  const ms = performance.now() - t0;
  const card = score(level, r.mind);
  const w = Object.entries(mindToRecord(r.mind)).map(([k, v]) => `${k}=${v.toFixed(2)}`).join(' ');
  console.log(`seed ${seed} ${ms.toFixed(0)}ms  ${w}  success=${card.successRate.toFixed(2)} revealed=${card.revealed} agr=${JSON.stringify(card.agreement)} last=${r.curve.at(-1)?.toFixed(2)}`);
}
