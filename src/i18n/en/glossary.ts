/** The glossary: each concept's name, the coach's question about it, and its definition (the sources are cited as published). */
export const glossary = {
  'glossary.title': 'Glossary',
  'glossary.sources': 'Sources',
  'glossary.close': 'Close',
  'glossary.termLink': 'Open the glossary at this word',
  'glossary.base-optimizer.term': 'Base optimizer',
  'glossary.base-optimizer.question': 'What is a base optimizer?',
  'glossary.base-optimizer.text':
    'The process that shapes a learner by selecting for reward — in Mesa, you and the training algorithm (evolution strategies). It only ever sees the reward, never what the learner “wants”.',
  'glossary.mesa-optimizer.term': 'Mesa-optimizer',
  'glossary.mesa-optimizer.question': 'What is a mesa-optimizer?',
  'glossary.mesa-optimizer.text':
    'A learned system that is itself an optimizer: it pursues an objective of its own. Mesa’s agents are tiny ones — a few learned weights and a planner that acts to maximise them.',
  'glossary.how-the-agent-learns.term': 'How the agent learns',
  'glossary.how-the-agent-learns.question': 'How does the agent learn?',
  'glossary.how-the-agent-learns.text':
    'Evolution strategies: each generation tries small random nudges of the weights, in pairs (one up, one down), on the same training worlds; nudges that earned more reward than the rest of the population pull the weights their way, in proportion to how much more. Each difference is divided by the spread of rewards seen so far in the run rather than turned into a ranking, so the size of every reward term matters: a rare fine of 100 pushes harder than a rare fine of 10, not just in the same direction. A little weight decay pulls every weight toward zero. It is a tiny learner, not a neural network, but what it can and cannot be taught by reward is the same kind of thing.',
  'glossary.inductive-bias.term': 'Inductive bias',
  'glossary.inductive-bias.question': 'What is an inductive bias?',
  'glossary.inductive-bias.text':
    'What makes a learner pick one of the objectives that all fit its training: what it can see and from how far, what it knows without looking (which wall it is next to), where its runs end, and — where a level says so before training — weights it adjusts faster than others. When two goals earn the same reward in training and nothing favours either, which one the agent learns is down to chance, and can differ from seed to seed.',
  'glossary.view-radius.term': 'View radius',
  'glossary.view-radius.question': 'What is a view radius?',
  'glossary.view-radius.text':
    'How far the agent notices objects and colours: a square of that many tiles around it. It remembers every tile it has seen for the rest of the run, and knows edges, corners and tiles everywhere without looking. Where a level offers it, you choose the radius before training, and the agent keeps it in every probe and in deployment. A target that comes into view only after the agent has already set off toward something it always knows cannot be told apart from that thing by training.',
  'glossary.base-objective.term': 'Base objective',
  'glossary.base-objective.question': 'What is a base objective?',
  'glossary.base-objective.text': 'What the base optimizer rewards: the reward you write in the Train screen, over the events training can observe.',
  'glossary.mesa-objective.term': 'Mesa-objective',
  'glossary.mesa-objective.question': 'What is a mesa-objective?',
  'glossary.mesa-objective.text': 'What the mesa-optimizer actually pursues: in Mesa, its learned weights. It can agree with the base objective on every training world and still differ from it.',
  'glossary.proxy.term': 'Proxy',
  'glossary.proxy.question': 'What is a proxy?',
  'glossary.proxy.text':
    'Something that went with the goal in every training world, so training could not tell them apart: the finish line where the coin always sat, the colour every gem happened to have. It earned the same reward as the intended goal, so it can be learned in its place: an agent that learned the proxy looks perfect in training and fails when the two come apart.',
  'glossary.outer-alignment.term': 'Outer alignment',
  'glossary.outer-alignment.question': 'What is outer alignment?',
  'glossary.outer-alignment.text':
    'Whether the base objective says what you mean. A reward that pays for reaching the finish when you wanted the coin is an outer-alignment failure: a perfect learner would fail too.',
  'glossary.inner-alignment.term': 'Inner alignment',
  'glossary.inner-alignment.question': 'What is inner alignment?',
  'glossary.inner-alignment.text':
    'Whether the mesa-objective matches the base objective. The reward can be exactly right and the agent still learn a proxy that scored just as well in training — goal misgeneralization is one form of this.',
  'glossary.goal-misgeneralization.term': 'Goal misgeneralization',
  'glossary.goal-misgeneralization.question': 'What is goal misgeneralization?',
  'glossary.goal-misgeneralization.text':
    'An agent keeps its skills in a new situation but pursues the wrong goal there: in training two goals (the coin, the finish) earned the same reward, it learned the one that was easier for it to act on, and deployment pulled them apart.',
  'glossary.deceptive-alignment.term': 'Deceptive alignment',
  'glossary.deceptive-alignment.question': 'What is deceptive alignment?',
  'glossary.deceptive-alignment.text':
    'A learner that behaves well because it is being watched or trained, not because it shares the objective. Training that can only see watched behaviour can select for it without anyone intending it.',
  'glossary.treacherous-turn.term': 'Treacherous turn',
  'glossary.treacherous-turn.question': 'What is a treacherous turn?',
  'glossary.treacherous-turn.text': 'The moment a deceptively aligned system stops behaving well, once it is no longer watched or can no longer be corrected — typically after deployment.',
  'glossary.sleeper-agent.term': 'Sleeper agent',
  'glossary.sleeper-agent.question': 'What is a sleeper agent?',
  'glossary.sleeper-agent.text': 'A model with a hidden trigger: it behaves normally until a specific cue appears. Safety training that never shows the trigger can leave the behaviour fully intact.',
  'glossary.interpretability.term': 'Interpretability',
  'glossary.interpretability.question': 'What is interpretability?',
  'glossary.interpretability.text':
    'Reading what a model has learned from its internals rather than its behaviour. Behaviour only tells you about the situations you thought to test; weights tell you what the model values.',
} as const;
