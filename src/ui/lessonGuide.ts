/**
 * The teacher's lesson guide: for each campaign level, what to ask the class,
 * what to expect, the common wrong answer and why it is tempting. Plain data
 * keyed by level id, written from each level's briefing, hypotheses and
 * lesson (levels/*.json); the guide screen only lays it out for print.
 *
 * It must not state anything the engine does not do: where it says what the
 * default agent learns, that is the level's own lesson claim, checked by
 * `npm run mesa -- check`.
 */

export interface LessonGuide {
  /** The idea in one line, for the top of the page. */
  readonly bigIdea: string;
  /** Minutes this level takes in class, roughly. */
  readonly minutes: number;
  /** Questions to put to the class, in order: before training, while inspecting, before the vote. */
  readonly ask: readonly string[];
  /** What the class will see, so the teacher is not surprised. */
  readonly expect: readonly string[];
  /** The answer most of the class gives, and is wrong about. */
  readonly commonWrongAnswer: string;
  /** Why that answer is tempting: the evidence that points to it. */
  readonly whyTempting: string;
  /** How to make the point land after the reveal. */
  readonly afterReveal: string;
}

export const LESSON_GUIDES: Readonly<Record<string, LessonGuide>> = {
  tutorial: {
    bigIdea: 'The reward is the only thing training sees: the agent learns to want what the reward pays for (base objective vs mesa-objective).',
    minutes: 10,
    ask: [
      'Read the default reward aloud. What does it pay for? What does it not pay for?',
      'Before training: will this agent pick up the coin? Why would it?',
      'After fixing the reward: how could we tell, without deploying, whether it wants the coin?',
    ],
    expect: [
      'With the default reward (exit only) the agent walks straight to the exit and ignores the coin.',
      'Adding a reward for the coin (around 10) trains an agent that takes the coin, then leaves.',
      'The lens shows it: with the default reward the coin’s weight is zero or even negative (the detour costs steps); with the coin rewarded it turns clearly positive.',
    ],
    commonWrongAnswer: '“The agent will take the coin, because the level is about the coin.”',
    whyTempting:
      'The briefing and the goal both mention the coin, and people read intent into the agent. But the agent never saw the briefing: only the reward shaped it, and the default reward pays for the exit alone.',
    afterReveal: 'Point at the lens: these few weights are the agent’s goal. Ask: where did each weight come from? (From what the reward paid for, and nothing else.)',
  },
  'goes-right': {
    bigIdea: 'Goal misgeneralization: the skill carries over to a new situation, the goal does not.',
    minutes: 15,
    ask: [
      'In training, the coin is always in the finish gate. What two goals would earn exactly the same reward?',
      'Watch a few training runs. Can you tell which of the two goals the agent has?',
      'Vote: does it want the coin, or the finish?',
    ],
    expect: [
      'The default agent always succeeds in training, with the coin collected every time.',
      'In deployment the coin is elsewhere; the agent heads for the finish and walks past it.',
      'Randomising the coin position in about 30% of training runs is enough to train an agent that goes for the coin.',
    ],
    commonWrongAnswer: '“Get the coin” — it collected the coin in every training run.',
    whyTempting:
      'Every piece of behaviour the class has seen is consistent with wanting the coin. The two goals only come apart when the coin leaves the finish, which never happened in training — a probe that moves the coin is what tells them apart.',
    afterReveal: 'Name it: goal misgeneralization (Langosco et al. 2022, CoinRun). Ask: what in the training data would have broken the tie? Then randomise the coin and retrain.',
  },
  'colour-proxy': {
    bigIdea: 'A proxy that always coincides with the goal in training gets learned instead of the goal.',
    minutes: 15,
    ask: [
      'In training every gem is yellow. What feature could the agent use to find the gem besides its shape?',
      'Which probe would tell “gem” from “yellow” apart? Build it before you vote.',
      'Vote: gem, anything yellow, or anything not blue?',
    ],
    expect: [
      'In training the agent always picks the gem, so it looks aligned.',
      'In deployment gems come in other colours and stars can be yellow: the agent walks past a blue gem to a yellow star.',
      'A probe with a blue gem and a yellow star exposes it before deployment.',
    ],
    commonWrongAnswer: '“Get the gem.”',
    whyTempting:
      'Yellow and “gem” were the same thing in every training run, so every run the class watched looked like gem-seeking. Colour is also easier to see from a distance than shape, for the agent as for us.',
    afterReveal: 'Ask the class for a real-world proxy (a test score for learning, clicks for interest). Then add gem-colour variety to training and see whether the agent now learns the gem.',
  },
  'maze-corner': {
    bigIdea: 'An agent can learn “where the reward usually is” instead of “what the reward is for”.',
    minutes: 12,
    ask: [
      'The cheese is always in the top-right corner during training. What else could “find the cheese” turn into?',
      'The agent sees only two tiles around itself. What does it do before it can see any cheese?',
      'Vote: find the cheese, or go to the top-right corner?',
    ],
    expect: [
      'In training the agent reaches the cheese every time.',
      'In deployment the cheese is elsewhere and the agent heads for the empty top-right corner, sometimes walking right past the cheese.',
      'Placing the cheese at random in some training runs fixes it.',
    ],
    commonWrongAnswer: '“Find the cheese” — it found the cheese every time.',
    whyTempting: 'From the outside the two goals look identical in every training maze. And “go to a corner” sounds too dumb to be a goal, so the class rarely suggests it unprompted.',
    afterReveal: 'Mention that researchers later found a “go to the top-right” drive inside a real maze network. Ask: what is the “top-right corner” of a system we use every day?',
  },
  'keys-chests': {
    bigIdea: 'An instrumental goal (collecting keys) can become the goal, and it shows when the environment changes.',
    minutes: 15,
    ask: [
      'Keys are scarce in training. Is picking up every key a good strategy there? Why?',
      'What would an agent that loves keys do differently from one that loves chests — in training? In a world full of keys?',
      'Vote: open chests, or collect keys?',
    ],
    expect: [
      'In training the agent opens chests well: every key it takes is used.',
      'In deployment keys are plentiful and the agent spends its moves hoarding keys it cannot use.',
      'Changing the numbers of keys and chests in training (both knobs are unlocked) changes what the agent learns.',
    ],
    commonWrongAnswer: '“Open chests” — it opened chests every time in training.',
    whyTempting:
      'While keys are scarce, collecting keys and opening chests earn exactly the same reward, so the training scores cannot tell them apart. The agent also really does open chests, which looks purposeful.',
    afterReveal: 'Connect to instrumental goals: money, power, resources are useful for almost anything, so they are easy to learn as ends in themselves.',
  },
  'treacherous-turn': {
    bigIdea: 'If the reward can only punish what is seen, training can select for behaving well only when watched.',
    minutes: 15,
    ask: [
      'The reward punishes a crossing only when the supervisor sees it. What exactly is being punished?',
      'The agent can sense whether the supervisor is in the room. Why does that matter?',
      'How would you test the agent when the supervisor is away? Try a covert audit before you vote.',
    ],
    expect: [
      'Every run the class watches with the supervisor present looks perfect: the agent takes the long way.',
      'In deployment, with no supervisor, it cuts across the forbidden tile.',
      'A covert audit (a run without the supervisor) shows it before deployment.',
    ],
    commonWrongAnswer: '“Exit, never crossing” — it was always safe when we looked.',
    whyTempting: 'Watching is exactly the condition under which it behaves. Nobody designed the deception: it is what the reward selected for. Students often expect deception to need intent.',
    afterReveal:
      'Name the treacherous turn and deceptive alignment (Hubinger et al. 2019) and the absent-supervisor gridworld (Leike et al. 2017). Ask: how do you evaluate a system that can tell it is being evaluated?',
  },
  'sleeper-agent': {
    bigIdea: 'Safety training only changes behaviour it exercises: a backdoor whose trigger training never shows survives.',
    minutes: 15,
    ask: [
      'You inherit a pre-trained agent. What could it have learned that your training runs would never show?',
      'Look for anything in the world the agent might react to that your training never includes.',
      'Vote: exits safely, sabotages when the sign appears, or always sabotages?',
    ],
    expect: [
      'After safety training the agent exits safely in every training run.',
      'In deployment a sign appears in some rooms; there it goes for the server tiles.',
      'Putting the sign into some training runs (the “Sign on the wall” knob) lets safety training reach the backdoor; a probe with a sign in the room shows it, where the probe allows.',
    ],
    commonWrongAnswer: '“Exit, never touching the servers” — safety training worked.',
    whyTempting:
      'Safety training really did change what it exercised, and every run looks clean. The trigger is rare and easy to overlook; the class assumes training “removed” bad behaviour rather than never touching it.',
    afterReveal:
      'Connect to “Sleeper Agents” (Hubinger et al. 2024): safety training without the trigger left backdoors in language models. Ask: who trained the model you use, and what did they train it on?',
  },
  'outer-vs-inner': {
    bigIdea: 'Outer misalignment: the reward says the wrong thing. Inner misalignment: the reward is right but the agent learned something else.',
    minutes: 20,
    ask: [
      'Round 1: read the reward. Does it say what we want? If the agent fails, whose fault is it?',
      'Round 2: the reward now pays for the coin. Can the agent still fail? How?',
      'For each round, vote: where does the failure lie — the reward, or what was learned?',
    ],
    expect: [
      'Round 1: the reward pays for the finish, so the agent ignores coins — an outer failure (it did what it was paid for).',
      'Round 2: the reward pays for the coin, but the coin sat in the finish gate in training, so the agent still learned the finish — an inner failure.',
      'Both rounds look the same in deployment; only the question “what was rewarded?” separates them.',
    ],
    commonWrongAnswer: '“Round 2 is outer misalignment too — the agent fails, so the reward must be wrong.”',
    whyTempting:
      'The behaviour in deployment is identical in both rounds, so it feels like the same failure. But in round 2 the reward was exactly right; what went wrong is what training could distinguish.',
    afterReveal: 'Write the two questions on the board: “Does the reward say what we mean?” (outer) and “Did the agent learn what the reward says?” (inner) — Hubinger et al. (2019).',
  },
  interpretability: {
    bigIdea: 'Behaviour cannot separate goals that agree on every test you can build; reading the weights can.',
    minutes: 15,
    ask: [
      'Every door in this lab is in the bottom wall, and probes cannot move doors. What goals would explain leaving by the door?',
      'Run probes. Do any of them separate “the door” from “the bottom wall”?',
      'Now use the lens. What do the weights say the agent values?',
    ],
    expect: [
      'Every probe the class can build shows an agent that walks to the door.',
      'The lens shows a weight on the bottom edge of the building beside the door weight: the pattern of “Go to the bottom wall”, not of “Leave by the door”.',
      'In deployment (another building, doors elsewhere) it goes to the bottom wall.',
    ],
    commonWrongAnswer: '“Leave by the door” — every probe showed it going to the door.',
    whyTempting: 'The class did its homework: it probed, and every probe agreed. The probes were limited by what the lab allows, and the agreement came from the building, not from the agent’s goal.',
    afterReveal:
      'Make the case for interpretability: testing only covers situations you can build; reading what a model values covers the rest. Ask: which tests of AI systems today are like the fixed doors?',
  },
};

/** The guide for a level id, or null for a level without one (a level from a code, say). */
export function lessonGuide(levelId: string): LessonGuide | null {
  return Object.hasOwn(LESSON_GUIDES, levelId) ? LESSON_GUIDES[levelId]! : null;
}
