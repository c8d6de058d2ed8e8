/** Messages of the Deploy screen: the reveal's first worlds, the whole suite, each world on its own, and what was measured. */
export const deploy = {
  'deploy.breadcrumb': 'Deploy',
  'deploy.heading.deployed': 'Deployment',
  'deploy.heading.held': 'Deployment — what would have happened',
  'deploy.lead.deployed': 'You deployed the agent. Conditions have shifted from training.',
  'deploy.lead.held': 'You held the agent back. Here is what it would have done.',
  'deploy.next.score': 'See your score →',
  'deploy.why': 'Why: ',

  'deploy.legend.label': 'How to read the stage',
  'deploy.legend.trail': 'Solid line: where this agent went.',
  'deploy.legend.ghost': 'Dots and a dashed ring: where an agent that wants “{label}” goes in the same world.',
  'deploy.legend.success': 'Tick in a circle: achieved the intended objective. ',
  'deploy.legend.failure': 'Cross in a square: did not.',
  'deploy.legend.diverge': 'Fork in a circle: the move where it turned away from the intended path.',

  'deploy.findings.big': '{successes} of {count}',
  'deploy.findings.caption': {
    one: 'deployment world where the agent achieved the intended objective ({objective}).',
    other: 'deployment worlds where the agent achieved the intended objective ({objective}).',
  },
  'deploy.counts.achieved': '✓ {successes} achieved it · ✗ {failures} did not.',
  'deploy.counts.endedAs': 'Ended exactly as an agent that wants “{label}” does: {matched} of {count}.',
  'deploy.revealed': 'Revealed objective: {objective}',

  'deploy.grid.summary': 'Every deployment world ({count})',
  'deploy.grid.hint.partial': 'The stage shows the first {onStage} of the {count} worlds; open any world here.',
  'deploy.grid.hint.all': 'Click a world on the stage, or choose it here, to watch it on its own.',
  'deploy.grid.label': 'Deployment worlds',
  'deploy.grid.world.ok': 'World {world}: achieved the objective',
  'deploy.grid.world.fail': 'World {world}: did not achieve the objective',
  'deploy.grid.world.offStage': '{label} (not on the stage summary)',

  'deploy.toSummary': 'All {count} worlds →',
  'deploy.backToSummary': '← All worlds',
  'deploy.replay': 'Replay',
  'deploy.step': 'Step',

  'deploy.first.intro': {
    one: 'First, {count} world of the {total}, large (world {which})',
    other: 'First, {count} worlds of the {total}, large (worlds {which})',
  },
  'deploy.first.apart.every': {
    one: '{intro}. In every deployment world “{revealed}” and “{intended}” lead to different ends; in this one the agent did what “{revealed}” does.',
    other: '{intro}. In every deployment world “{revealed}” and “{intended}” lead to different ends; in these the agent did what “{revealed}” does.',
  },
  'deploy.first.apart.some': {
    one: '{intro}. In {apart} of the {total} deployment worlds “{revealed}” and “{intended}” lead to different ends; in this one the agent did what “{revealed}” does.',
    other: '{intro}. In {apart} of the {total} deployment worlds “{revealed}” and “{intended}” lead to different ends; in these the agent did what “{revealed}” does.',
  },
  'deploy.first.allFailed': '{intro}: worlds where it did not achieve the intended objective.',
  'deploy.first.someFailed': {
    one: '{intro}: {count} world where it did not achieve the intended objective, and others.',
    other: '{intro}: {count} worlds where it did not achieve the intended objective, and others.',
  },
  'deploy.first.allPassed': {
    one: '{intro}: it achieved the intended objective in it.',
    other: '{intro}: it achieved the intended objective in each of them.',
  },

  'deploy.difference': 'The two counts differ because “achieved the objective” is the level’s success test while “ended exactly as” compares where and how each episode ended: {reasons}.',
  'deploy.difference.both': '{first}; {second}',
  'deploy.difference.passedOtherwise': {
    one: 'in {count} world it passed the level’s success test but ended somewhere else, or took other things on the way, than an agent that wants “{label}”',
    other: 'in {count} worlds it passed the level’s success test but ended somewhere else, or took other things on the way, than an agent that wants “{label}”',
  },
  'deploy.difference.endedAlike': {
    one: 'in {count} world it ended just as that agent does, and that agent fails the test there too',
    other: 'in {count} worlds it ended just as that agent does, and that agent fails the test there too',
  },

  'deploy.tally.first': 'So far: ✗ {failures} did not achieve the objective · ✓ {successes} did ({shown} of {count} shown).',
  'deploy.tally.all': 'All {count} worlds: ✓ {successes} achieved the intended objective · ✗ {failures} did not.',
  'deploy.phase.partial': 'The whole suite: the stage shows the first {onStage} of the {count} deployment worlds, each where its agent ended.',
  'deploy.phase.all': 'The whole suite: all {count} deployment worlds, each where its agent ended.',
  'deploy.announce': '{successes} of {count} deployment worlds achieved the intended objective. Revealed objective: {label}.',

  'deploy.world.ok': 'Deployment world {world}: ✓ it achieved the intended objective.',
  'deploy.world.fail': 'Deployment world {world}: ✗ it did not achieve the intended objective.',
  'deploy.world.diverge': 'Watch move {move}: here the agent turns away from the dotted path an agent that wants “{label}” takes.',
  'deploy.world.played': 'Deployment world {world}: {mark} {story}',
  'deploy.world.story.took': {
    one: 'The agent made {count} move: it {taken}, and ended at {place}.',
    other: 'The agent made {count} moves: it {taken}, and ended at {place}.',
  },
  'deploy.world.story.still': {
    one: 'The agent made {count} move and ended at {place}.',
    other: 'The agent made {count} moves and ended at {place}.',
  },
  'deploy.world.then': '{first}, then {next}',
  'deploy.world.at': 'column {x}, row {y}',
  'deploy.world.at.finish': 'column {x}, row {y} (the finish)',
  'deploy.world.at.hazard': 'column {x}, row {y} (a hazard)',
  'deploy.world.at.forbidden': 'column {x}, row {y} (the forbidden tile)',
  'deploy.world.took.coin': 'took the coin at {place}',
  'deploy.world.took.gem': 'took the gem at {place}',
  'deploy.world.took.star': 'took the star at {place}',
  'deploy.world.took.cheese': 'took the cheese at {place}',
  'deploy.world.took.key': 'took the key at {place}',
  'deploy.world.took.chest': 'took the chest at {place}',
  'deploy.world.took.exit': 'took the exit at {place}',
  'deploy.world.took.supervisor': 'took the supervisor at {place}',
  'deploy.world.took.trigger': 'took the trigger at {place}',
  'deploy.world.took.tree': 'took the tree at {place}',
  'deploy.counts.fold': 'How the worlds ended',
  'deploy.legend.fold': 'How to read the stage',
} as const;
