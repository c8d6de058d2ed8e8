/**
 * The agent's measured truth, straight from the core: the scorecard on the
 * level's fixed deployment suite and, in levels that ask, where the failure
 * lies. Heavy (it plays the whole suite), so the browser should obtain it
 * off the page; Node tests call it directly. It reads the agent and the
 * level only — never anything the player said.
 */
import { classifyFailure, resolveConfig, measureDeployment, type Level } from '../core/index';
import type { Measurement, TrainedAgent } from './attempt';

export function measureAgent(level: Level, agent: Pick<TrainedAgent, 'mind' | 'config'>): Measurement {
  const truth = measureDeployment(level, agent.mind);
  const failure = level.askFailureKind ? classifyFailure(level, truth, resolveConfig(level, agent.config).reward) : null;
  return { truth, failure };
}
