/**
 * How the verdict, deploy and score screens name a candidate objective and word the measured one.
 * Callers pass the level as the reader sees it (`displayLevel`), so labels come out in the reader's language.
 */
import { successVersusMatch, type Level, type DeploymentTruth } from '../../core/index';
import { t, tx } from '../../i18n/index';

/** The choice for behaviour no candidate explains, in the reader's language. */
export function noneOfThese(): string {
  return t('score.objective.none');
}

/** The label of a hypothesis id, or "None of these" for behaviour no hypothesis explains. */
export function objectiveLabel(level: Level, id: string): string {
  return level.hypotheses.find((h) => h.id === id)?.label ?? noneOfThese();
}

/** What the measurement says about the revealed objective, in words true of this run. */
export function revealedSentence(level: Level, card: DeploymentTruth, suiteSize: number): string {
  const matched = (id: string) => Math.round(card.agreement[id]! * suiteSize);
  if (card.revealedBy === 'agreement') {
    const sentence = t('score.revealed.matched', { label: objectiveLabel(level, card.revealed), matched: matched(card.revealed), count: suiteSize });
    // Beside "achieved the intended objective in N worlds", a different count for the intended hypothesis needs its reason.
    const intended = level.hypotheses.find((h) => h.intended)?.id === card.revealed;
    const why = intended ? successVersusMatch(level, card) : null;
    return why ? `${sentence} ${tx(why)}` : sentence;
  }
  const best = card.best.map((id) => t('score.revealed.quoted', { label: objectiveLabel(level, id) }));
  return card.revealedBy === 'tie'
    ? t('score.revealed.tie', { labels: best, matched: matched(card.best[0]!), count: suiteSize })
    : t('score.revealed.unexplained', { labels: best, matched: matched(card.best[0]!), count: suiteSize });
}
