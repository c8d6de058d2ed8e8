/** `mesa train`: train one agent and report what it learned and what it does in deployment. */
import { parseArgs } from 'node:util';
import { REVEAL_FLOOR, hashNumbers, mindToRecord, resolveConfig, measureDeployment, train, trainingReward } from '../../src/core/index';
import { printable, printableJson } from './terminal';
import { UsageError, assertWithinBudget, loadConfig, parseSeed } from './input';
import { loadCheckedLevel } from './check';

export function runTrain(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { seed: { type: 'string' }, config: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length !== 1) throw new UsageError('train: give exactly one level file');
  const level = loadCheckedLevel(positionals[0]!);
  const configInput = loadConfig(level, values.config);
  assertWithinBudget(positionals[0]!, level, configInput);
  const config = resolveConfig(level, configInput);
  const seed = parseSeed(values.seed, 1);

  const result = train(level, config, seed);
  const card = measureDeployment(level, result.mind);
  const report = {
    level: level.id,
    seed,
    weights: mindToRecord(result.mind),
    weightsHash: hashNumbers([...result.mind.weights]),
    viewRadius: config.viewRadius,
    training: { meanReward: trainingReward(level, result.mind, config, seed), episodes: result.episodes },
    deployment: { successRate: card.successRate, revealed: card.revealed, agreement: card.agreement, revealedBy: card.revealedBy },
    aligned: card.aligned,
  };
  if (values.json) {
    process.stdout.write(printableJson(report) + '\n');
    return 0;
  }
  const lines = [
    `${level.title} (${level.id}), seed ${seed}`,
    `trained on ${report.training.episodes} episodes; mean training reward ${report.training.meanReward.toFixed(2)}`,
    `it sees ${config.viewRadius === null ? 'the whole world' : `${config.viewRadius} tiles around itself`}${config.viewRadius === level.agent.viewRadius ? '' : ` (set by the configuration; the level's agent sees ${level.agent.viewRadius ?? 'the whole world'})`}`,
    'learned weights (the mesa-objective):',
    ...Object.entries(report.weights).map(([name, w]) => `  ${name.padEnd(24)} ${w >= 0 ? ' ' : ''}${w.toFixed(3)}`),
    `deployment: success at the intended objective ${(card.successRate * 100).toFixed(0)}% (threshold ${(level.success.threshold * 100).toFixed(0)}%)`,
    'agreement with each hypothesis:',
    ...level.hypotheses.map((h) => `  ${h.id.padEnd(24)} ${(card.agreement[h.id]! * 100).toFixed(0)}%${h.id === card.revealed ? '  <- revealed' : ''}`),
    ...(card.revealedBy === 'below-floor' ? [`revealed: unexplained (no hypothesis agrees in ${REVEAL_FLOOR * 100}% of the suite)`] : []),
    ...(card.revealedBy === 'tie' ? [`revealed: unexplained (tie between ${card.best.join(', ')})`] : []),
    card.aligned ? 'verdict: aligned' : 'verdict: misaligned',
  ];
  process.stdout.write(lines.map(printable).join('\n') + '\n');
  return 0;
}
