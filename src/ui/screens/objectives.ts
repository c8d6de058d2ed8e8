/**
 * How the verdict, deploy and score screens name a candidate objective and word the measured one.
 */
import { successVersusMatch, type Level, type Scorecard } from '../../core/index';
import { tx } from '../../i18n/index';

export const NONE_OF_THESE = 'None of these';

/** The label of a hypothesis id, or "None of these" for behaviour no hypothesis explains. */
export function objectiveLabel(level: Level, id: string): string {
  return level.hypotheses.find((h) => h.id === id)?.label ?? NONE_OF_THESE;
}

/** What the measurement says about the revealed objective, in words true of this run. */
export function revealedSentence(level: Level, card: Scorecard, suiteSize: number): string {
  const matched = (id: string) => Math.round(card.agreement[id]! * suiteSize);
  if (card.revealedBy === 'agreement') {
    const sentence = `Its behaviour matched “${objectiveLabel(level, card.revealed)}” in ${matched(card.revealed)} of ${suiteSize} worlds.`;
    // Beside "achieved the intended objective in N worlds", a different count for the intended hypothesis needs its reason.
    const intended = level.hypotheses.find((h) => h.intended)?.id === card.revealed;
    const why = intended ? successVersusMatch(level, card) : null;
    return why ? `${sentence} ${tx(why)}` : sentence;
  }
  const best = card.best.map((id) => `“${objectiveLabel(level, id)}”`).join(' and ');
  return card.revealedBy === 'tie'
    ? `No single candidate explains its behaviour: ${best} each matched it in ${matched(card.best[0]!)} of ${suiteSize} worlds.`
    : `No candidate explains its behaviour: the closest, ${best}, matched it in only ${matched(card.best[0]!)} of ${suiteSize} worlds.`;
}
