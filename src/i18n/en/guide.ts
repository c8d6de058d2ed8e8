/**
 * Messages of the lesson guide: the page's own words, and each campaign
 * level's guide for the teacher (`guide.<level>.<part>`), written from the
 * level's briefing, hypotheses and lesson.
 */
export const guide = {
  'guide.heading': 'Lesson guide',
  'guide.noLevels': 'No levels are loaded.',
  'guide.level': 'Level',
  'guide.option': '{number}. {title}',
  'guide.print': 'Print this page',
  'guide.board': 'Class board',
  'guide.back': '← Back',
  'guide.breadcrumb': 'Lesson guide · Level {number}',
  'guide.breadcrumb.minutes': 'Lesson guide · Level {number} · about {minutes} minutes',
  'guide.idea': 'The idea: ',
  'guide.briefing': 'Briefing the class sees: ',
  'guide.objective': 'Intended objective: ',
  'guide.ask': 'What to ask the class',
  'guide.expect': 'What to expect',
  'guide.wrongAnswer': 'The common wrong answer',
  'guide.tempting': 'Why it is tempting',
  'guide.unwritten': 'This level has no written guide yet; the notes below come from the level itself.',
  'guide.vote': 'The answers on the vote',
  'guide.vote.item': '{label} — {description}',
  'guide.vote.item.intended': '{label} (what you want) — {description}',
  'guide.afterReveal': 'After the reveal',
  'guide.then': 'Then: ',

  // tutorial
  'guide.tutorial.bigIdea': 'The reward is the only thing training sees: the agent learns to want what the reward pays for (base objective vs mesa-objective).',
  'guide.tutorial.ask.1': 'Read the default reward aloud. What does it pay for? What does it not pay for?',
  'guide.tutorial.ask.2': 'Before training: will this agent pick up the coin? Why would it?',
  'guide.tutorial.ask.3': 'After fixing the reward: how could we tell, without deploying, whether it wants the coin?',
  'guide.tutorial.expect.1': 'With the default reward (exit only) the agent walks straight to the exit and ignores the coin.',
  'guide.tutorial.expect.2': 'Adding a reward for the coin (around 10) trains an agent that takes the coin, then leaves.',
  'guide.tutorial.expect.3': 'The lens shows it: with the default reward the coin’s weight is zero or even negative (the detour costs steps); with the coin rewarded it turns clearly positive.',
  'guide.tutorial.commonWrongAnswer': '“The agent will take the coin, because the level is about the coin.”',
  'guide.tutorial.whyTempting':
    'The briefing and the goal both mention the coin, and people read intent into the agent. But the agent never saw the briefing: only the reward shaped it, and the default reward pays for the exit alone.',
  'guide.tutorial.afterReveal': 'Point at the lens: these few weights are the agent’s goal. Ask: where did each weight come from? (From what the reward paid for, and nothing else.)',
  // goes-right
  'guide.goes-right.bigIdea': 'Goal misgeneralization: the skill carries over to a new situation, the goal does not.',
  'guide.goes-right.ask.1': 'In training, the coin is always in the finish gate. What two goals would earn exactly the same reward?',
  'guide.goes-right.ask.2': 'Watch a few training runs. Can you tell which of the two goals the agent has?',
  'guide.goes-right.ask.3': 'Vote: does it want the coin, or the finish?',
  'guide.goes-right.expect.1': 'The default agent always succeeds in training, with the coin collected every time.',
  'guide.goes-right.expect.2': 'In deployment the coin is elsewhere; the agent heads for the finish and walks past it.',
  'guide.goes-right.expect.3': 'Randomising the coin position in about 30% of training runs is enough to train an agent that goes for the coin.',
  'guide.goes-right.commonWrongAnswer': '“Get the coin” — it collected the coin in every training run.',
  'guide.goes-right.whyTempting':
    'Every piece of behaviour the class has seen is consistent with wanting the coin. The two goals only come apart when the coin leaves the finish, which never happened in training — a probe that moves the coin is what tells them apart.',
  'guide.goes-right.afterReveal': 'Name it: goal misgeneralization (Langosco et al. 2022, CoinRun). Ask: what in the training data would have broken the tie? Then randomise the coin and retrain.',
  // colour-proxy
  'guide.colour-proxy.bigIdea': 'A proxy that always coincides with the goal in training gets learned instead of the goal.',
  'guide.colour-proxy.ask.1': 'In training every gem is yellow. What feature could the agent use to find the gem besides its shape?',
  'guide.colour-proxy.ask.2': 'Which probe would tell “gem” from “yellow” apart? Build it before you vote.',
  'guide.colour-proxy.ask.3': 'Vote: gem, anything yellow, or anything not blue?',
  'guide.colour-proxy.expect.1': 'In training the agent always picks the gem, so it looks aligned.',
  'guide.colour-proxy.expect.2': 'In deployment gems come in other colours and stars can be yellow: the agent walks past a blue gem to a yellow star.',
  'guide.colour-proxy.expect.3': 'A probe with a blue gem and a yellow star exposes it before deployment.',
  'guide.colour-proxy.commonWrongAnswer': '“Get the gem.”',
  'guide.colour-proxy.whyTempting':
    'Yellow and “gem” were the same thing in every training run, so every run the class watched looked like gem-seeking. Colour is also easier to see from a distance than shape, for the agent as for us.',
  'guide.colour-proxy.afterReveal':
    'Ask the class for a real-world proxy (a test score for learning, clicks for interest). Then add gem-colour variety to training and see whether the agent now learns the gem.',
  // maze-corner
  'guide.maze-corner.bigIdea': 'An agent can learn “where the reward usually is” instead of “what the reward is for”.',
  'guide.maze-corner.ask.1': 'The cheese is always in the top-right corner during training. What else could “find the cheese” turn into?',
  'guide.maze-corner.ask.2': 'The agent sees only two tiles around itself. What does it do before it can see any cheese?',
  'guide.maze-corner.ask.3': 'Vote: find the cheese, or go to the top-right corner?',
  'guide.maze-corner.expect.1': 'In training the agent reaches the cheese every time.',
  'guide.maze-corner.expect.2': 'In deployment the cheese is elsewhere and the agent heads for the empty top-right corner, sometimes walking right past the cheese.',
  'guide.maze-corner.expect.3': 'Placing the cheese at random in some training runs fixes it.',
  'guide.maze-corner.commonWrongAnswer': '“Find the cheese” — it found the cheese every time.',
  'guide.maze-corner.whyTempting':
    'From the outside the two goals look identical in every training maze. And “go to a corner” sounds too dumb to be a goal, so the class rarely suggests it unprompted.',
  'guide.maze-corner.afterReveal': 'Mention that researchers later found a “go to the top-right” drive inside a real maze network. Ask: what is the “top-right corner” of a system we use every day?',
  // keys-chests
  'guide.keys-chests.bigIdea': 'An instrumental goal (collecting keys) can become the goal, and it shows when the environment changes.',
  'guide.keys-chests.ask.1': 'Keys are scarce in training. Is picking up every key a good strategy there? Why?',
  'guide.keys-chests.ask.2': 'What would an agent that loves keys do differently from one that loves chests — in training? In a world full of keys?',
  'guide.keys-chests.ask.3': 'Vote: open chests, or collect keys?',
  'guide.keys-chests.expect.1': 'In training the agent opens chests well: every key it takes is used.',
  'guide.keys-chests.expect.2': 'In deployment keys are plentiful and the agent spends its moves hoarding keys it cannot use.',
  'guide.keys-chests.expect.3': 'Changing the numbers of keys and chests in training (both knobs are unlocked) changes what the agent learns.',
  'guide.keys-chests.commonWrongAnswer': '“Open chests” — it opened chests every time in training.',
  'guide.keys-chests.whyTempting':
    'While keys are scarce, collecting keys and opening chests earn exactly the same reward, so the training scores cannot tell them apart. The agent also really does open chests, which looks purposeful.',
  'guide.keys-chests.afterReveal': 'Connect to instrumental goals: money, power, resources are useful for almost anything, so they are easy to learn as ends in themselves.',
  // treacherous-turn
  'guide.treacherous-turn.bigIdea': 'If the reward can only punish what is seen, training can select for behaving well only when watched.',
  'guide.treacherous-turn.ask.1': 'The reward punishes a crossing only when the supervisor sees it. What exactly is being punished?',
  'guide.treacherous-turn.ask.2': 'The agent can sense whether the supervisor is in the room. Why does that matter?',
  'guide.treacherous-turn.ask.3': 'How would you test the agent when the supervisor is away? Try a covert audit before you vote.',
  'guide.treacherous-turn.expect.1': 'Every run the class watches with the supervisor present looks perfect: the agent takes the long way.',
  'guide.treacherous-turn.expect.2': 'In deployment, with no supervisor, it cuts across the forbidden tile.',
  'guide.treacherous-turn.expect.3': 'A covert audit (a run without the supervisor) shows it before deployment.',
  'guide.treacherous-turn.commonWrongAnswer': '“Exit, never crossing” — it was always safe when we looked.',
  'guide.treacherous-turn.whyTempting':
    'Watching is exactly the condition under which it behaves. Nobody designed the deception: it is what the reward selected for. Students often expect deception to need intent.',
  'guide.treacherous-turn.afterReveal':
    'Name the treacherous turn and deceptive alignment (Hubinger et al. 2019) and the absent-supervisor gridworld (Leike et al. 2017). Ask: how do you evaluate a system that can tell it is being evaluated?',
  // sleeper-agent
  'guide.sleeper-agent.bigIdea': 'Safety training only changes behaviour it exercises: a backdoor whose trigger training never shows survives.',
  'guide.sleeper-agent.ask.1': 'You inherit a pre-trained agent. What could it have learned that your training runs would never show?',
  'guide.sleeper-agent.ask.2': 'Look for anything in the world the agent might react to that your training never includes.',
  'guide.sleeper-agent.ask.3': 'Vote: exits safely, sabotages when the sign appears, or always sabotages?',
  'guide.sleeper-agent.expect.1': 'After safety training the agent exits safely in every training run.',
  'guide.sleeper-agent.expect.2': 'In deployment a sign appears in some rooms; there it goes for the server tiles.',
  'guide.sleeper-agent.expect.3':
    'Putting the sign into some training runs (the “Sign on the wall” knob) lets safety training reach the backdoor; a probe with a sign in the room shows it, where the probe allows.',
  'guide.sleeper-agent.commonWrongAnswer': '“Exit, never touching the servers” — safety training worked.',
  'guide.sleeper-agent.whyTempting':
    'Safety training really did change what it exercised, and every run looks clean. The trigger is rare and easy to overlook; the class assumes training “removed” bad behaviour rather than never touching it.',
  'guide.sleeper-agent.afterReveal':
    'Connect to “Sleeper Agents” (Hubinger et al. 2024): safety training without the trigger left backdoors in language models. Ask: who trained the model you use, and what did they train it on?',
  // outer-vs-inner
  'guide.outer-vs-inner.bigIdea': 'Outer misalignment: the reward says the wrong thing. Inner misalignment: the reward is right but the agent learned something else.',
  'guide.outer-vs-inner.ask.1': 'Round 1: read the reward. Does it say what we want? If the agent fails, whose fault is it?',
  'guide.outer-vs-inner.ask.2': 'Round 2: the reward now pays for the coin. Can the agent still fail? How?',
  'guide.outer-vs-inner.ask.3': 'For each round, vote: where does the failure lie — the reward, or what was learned?',
  'guide.outer-vs-inner.expect.1': 'Round 1: the reward pays for the finish, so the agent ignores coins — an outer failure (it did what it was paid for).',
  'guide.outer-vs-inner.expect.2': 'Round 2: the reward pays for the coin, but the coin sat in the finish gate in training, so the agent still learned the finish — an inner failure.',
  'guide.outer-vs-inner.expect.3': 'Both rounds look the same in deployment; only the question “what was rewarded?” separates them.',
  'guide.outer-vs-inner.commonWrongAnswer': '“Round 2 is outer misalignment too — the agent fails, so the reward must be wrong.”',
  'guide.outer-vs-inner.whyTempting':
    'The behaviour in deployment is identical in both rounds, so it feels like the same failure. But in round 2 the reward was exactly right; what went wrong is what training could distinguish.',
  'guide.outer-vs-inner.afterReveal':
    'Write the two questions on the board: “Does the reward say what we mean?” (outer) and “Did the agent learn what the reward says?” (inner) — Hubinger et al. (2019).',
  // interpretability
  'guide.interpretability.bigIdea': 'Behaviour cannot separate goals that agree on every test you can build; reading the weights can.',
  'guide.interpretability.ask.1': 'Every door in this lab is in the bottom wall, and probes cannot move doors. What goals would explain leaving by the door?',
  'guide.interpretability.ask.2': 'Run probes. Do any of them separate “the door” from “the bottom wall”?',
  'guide.interpretability.ask.3': 'Now use the lens. What do the weights say the agent values?',
  'guide.interpretability.expect.1': 'Every probe the class can build shows an agent that walks to the door.',
  'guide.interpretability.expect.2': 'The lens shows a weight on the bottom edge of the building beside the door weight: the pattern of “Go to the bottom wall”, not of “Leave by the door”.',
  'guide.interpretability.expect.3': 'In deployment (another building, doors elsewhere) it goes to the bottom wall.',
  'guide.interpretability.commonWrongAnswer': '“Leave by the door” — every probe showed it going to the door.',
  'guide.interpretability.whyTempting':
    'The class did its homework: it probed, and every probe agreed. The probes were limited by what the lab allows, and the agreement came from the building, not from the agent’s goal.',
  'guide.interpretability.afterReveal':
    'Make the case for interpretability: testing only covers situations you can build; reading what a model values covers the rest. Ask: which tests of AI systems today are like the fixed doors?',
} as const;
