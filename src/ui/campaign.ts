/**
 * The campaign as the browser sees it: every levels/*.json bundled at build
 * time, validated by the same schema as everywhere else.
 */
import { describeProblems, parseLevel, type Level } from '../core/index';
import type { Message } from '../i18n/index';

export interface CampaignLevel {
  readonly level: Level;
  /** The raw JSON, sent to the training worker (which validates it again). */
  readonly json: unknown;
  /** From a code or the editor: played like any level, but no part of the campaign's unlocks or progress. */
  readonly shared?: boolean;
}

const files = import.meta.glob<unknown>('../../levels/*.json', { eager: true, import: 'default' });

let loaded: { readonly levels: readonly CampaignLevel[]; readonly problems: readonly Message[] } | null = null;

/** The campaign, parsed once per page (the files are part of the build); problems as messages, written when shown. */
export function loadCampaign(): { readonly levels: readonly CampaignLevel[]; readonly problems: readonly Message[] } {
  if (loaded) return loaded;
  const levels: CampaignLevel[] = [];
  const problems: Message[] = [];
  for (const [path, json] of Object.entries(files)) {
    const parsed = parseLevel(json);
    if (parsed.ok) levels.push({ level: parsed.value, json });
    else problems.push(describeProblems(path.replace('../../', ''), parsed.problems));
  }
  levels.sort((a, b) => a.level.order - b.level.order || a.level.id.localeCompare(b.level.id));
  return (loaded = { levels, problems });
}
