/**
 * The deployment's per-world facts, which the reveal draws and counts: the
 * intended objective's path in every world (the ghost), where the agent
 * leaves it, which reference agent it ended like, and the worlds it plays
 * first — chosen from those facts, never by hand.
 */
import { describe, expect, it } from 'vitest';
import { chooseFirstWorlds, deploymentSuite, intendedPath, mindFromRecord, outcomeOf, pathDivergence, recordEpisode, resolveConfig, runDeployment, runEpisode, train } from '../../src/core/index';
import { campaign } from './campaign';

const goesRight = campaign().find((l) => l.id === 'goes-right')!;

describe('chooseFirstWorlds', () => {
  it('puts worlds where the objectives part and the agent did what the revealed one does first, then other partings, then failures, then the rest', () => {
    const facts = {
      successes: [true, false, true, false, false, true],
      matchesRevealed: [false, true, false, false, true, false],
      objectivesPart: [false, true, true, false, true, false],
    };
    expect(chooseFirstWorlds(facts, 4)).toEqual([1, 4, 2, 3]);
    expect(chooseFirstWorlds(facts, 10)).toEqual([1, 4, 2, 3, 0, 5]);
    expect(chooseFirstWorlds(facts, 0)).toEqual([]);
  });
});

describe('pathDivergence', () => {
  it('is the first frame the agents stand apart, the end of the shorter path, or null', () => {
    const path = (xs: number[]) => ({ agentX: Uint8Array.from(xs), agentY: new Uint8Array(xs.length) });
    expect(pathDivergence(path([0, 1, 2, 3]), path([0, 1, 1, 0]))).toBe(2);
    expect(pathDivergence(path([0, 1, 2]), path([0, 1, 2, 3]))).toBe(2);
    expect(pathDivergence(path([0, 1, 2]), path([0, 1, 2]))).toBeNull();
  });
});

describe('the deployment run of a default goes-right agent', () => {
  const config = resolveConfig(goesRight);
  const { mind } = train(goesRight, config, 1);
  const run = runDeployment(goesRight, mind, config.reward);
  const suite = deploymentSuite(goesRight);
  const intended = goesRight.hypotheses.find((h) => h.intended)!;

  it('carries the intended agent’s own path in every world, and where the trained agent leaves it', () => {
    const intendedMind = mindFromRecord(goesRight, intended.weights);
    for (const i of [0, 1, 2, suite.length - 1]) {
      const episode = runEpisode(goesRight, intendedMind, suite[i]!);
      const path = recordEpisode(suite[i]!, episode);
      expect([...run.intendedPaths[i]!.agentX]).toEqual([...path.agentX]);
      expect([...run.intendedPaths[i]!.agentY]).toEqual([...path.agentY]);
      expect(run.divergence[i]).toBe(pathDivergence(run.recordings[i]!, path) ?? -1);
      expect([...intendedPath(goesRight, suite[i]!).agentX]).toEqual([...path.agentX]);
      expect(run.matchesIntended[i]).toBe(outcomeOf(runEpisode(goesRight, mind, suite[i]!)) === outcomeOf(episode));
    }
  });

  it('agrees with the scorecard: matches count to the agreement, and the first worlds are ones where the objectives part', () => {
    const card = run.scorecard;
    expect(run.matchesIntended.filter(Boolean).length / suite.length).toBeCloseTo(card.agreement[intended.id]!, 10);
    expect(card.revealed).not.toBe(intended.id);
    expect(run.matchesRevealed.filter(Boolean).length / suite.length).toBeCloseTo(card.agreement[card.revealed]!, 10);
    expect(run.firstWorlds).toHaveLength(4);
    for (const i of run.firstWorlds) {
      expect(run.objectivesPart[i]).toBe(true);
      expect(run.matchesRevealed[i]).toBe(true);
      expect(run.divergence[i]).toBeGreaterThan(0);
    }
  });
});
