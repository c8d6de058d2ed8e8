/**
 * The campaign as the browser sees it: every levels/*.json bundled at build
 * time, validated by the same schema as everywhere else.
 */
import { describeProblems, parseLevel, type Level } from '../core/index';
import { tx } from '../i18n/index';

export interface CampaignLevel {
  readonly level: Level;
  /** The raw JSON, sent to the training worker (which validates it again). */
  readonly json: unknown;
  /** From a code or the editor: played like any level, but no part of the campaign's unlocks or progress. */
  readonly shared?: boolean;
}

const files = import.meta.glob<unknown>('../../levels/*.json', { eager: true, import: 'default' });

export function loadCampaign(): { levels: CampaignLevel[]; problems: string[] } {
  const levels: CampaignLevel[] = [];
  const problems: string[] = [];
  for (const [path, json] of Object.entries(files)) {
    const parsed = parseLevel(json);
    if (parsed.ok) levels.push({ level: parsed.value, json });
    else problems.push(tx(describeProblems(path.replace('../../', ''), parsed.problems)));
  }
  levels.sort((a, b) => a.level.order - b.level.order || a.level.id.localeCompare(b.level.id));
  return { levels, problems };
}
