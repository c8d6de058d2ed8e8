/** The title screen, the level select and the briefing. */
export const menu = {
  // The title screen.
  'menu.title.tagline': 'Train an agent. Find out what it really wants — before you let it loose.',
  'menu.title.lead':
    'You are the base optimizer: you write the reward, and training shapes a small agent to earn it. The agent is a tiny planner with a goal of its own. It will pass training. Your job is to find out what that goal is before deployment.',
  'menu.title.play': 'Play the campaign',
  'menu.title.continue': 'Continue the campaign',
  'menu.title.editor': 'Level editor',
  'menu.title.board': 'Class board',
  'menu.title.lessonGuide': 'Lesson guide',
  'menu.title.honest':
    'Honest about what is simplified: each agent here is a planner with a handful of weights, not a neural network — but the failures you will see are the same kind, and nothing in them is scripted.',

  // The level select.
  'menu.levels.heading': 'Campaign',
  'menu.levels.lead': 'Each level trains a real agent. Earn a star for the right call, one for naming what the agent really pursues, and one for shipping an agent that is actually aligned.',
  'menu.levels.stars': '{stars} of 3 stars',
  'menu.levels.played': ' · played',
  'menu.levels.new': ' · new',
  'menu.levels.locked': ' Locked — finish “{previous}” first',
  'menu.levels.lockedAnnounce': '{title} is locked. Finish {previous} first.',
  'menu.levels.back': '← Title',
  'menu.levels.editor': 'Level editor',

  // The briefing.
  'menu.briefing.breadcrumb': 'Level {number} · Briefing',
  'menu.briefing.breadcrumbShared': 'Shared level · Briefing',
  'menu.briefing.intended': 'Your intended objective: ',
  'menu.briefing.worldCaption': 'Shown: a training world. ',
  'menu.briefing.playRound': 'Play {round} →',
  'menu.briefing.back': '← Levels',
  'menu.briefing.toTrain': 'Set up training →',
} as const;
