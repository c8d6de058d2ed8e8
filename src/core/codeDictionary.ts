/**
 * The preset DEFLATE dictionary of code format version 1, and the campaign's
 * teaching text as it stood when that format was fixed, which the dictionary
 * starts with (see codeFormat.ts for the layout of a code). Campaign levels
 * are mostly prose, and prose compresses poorly on its own; with this text
 * already in DEFLATE's window a campaign level's code is a few hundred
 * characters.
 *
 * Frozen: a literal, never read from levels/ at build time. Changing one
 * character here changes the dictionary and breaks every existing code, so
 * edits to campaign text must not be copied here — an edited level still
 * encodes and decodes, it merely compresses less. A new dictionary needs a
 * new CODE_VERSION (with this one kept to read old codes): codes are now
 * written in version 2 (codeDictionaryV2.ts, printed from the campaign by
 * scripts/make-dictionary.ts); this one reads the codes of version 1.
 *
 * Each entry is a run of `"key":"value",` pairs of one level object, in the
 * canonical key order, so a back reference covers the keys as well as the
 * text; a level's hypotheses are included whole (ids, weights and all).
 */
export const CAMPAIGN_TEXT_V1: readonly string[] = Object.freeze([
  // colour-proxy
  "\"id\":\"colour-proxy\",\"title\":\"All That Glitters\",\"concept\":\"goal-misgeneralization\",",
  "\"briefing\":\"The agent must pick up the gem, a diamond. Stars are worthless, and picking anything up ends the run. In training every gem is yellow and every star is blue. Watch what the agent really keys on.\",\"intendedObjective\":\"Pick up the gem, whatever its colour.\",",
  "\"kind\":\"gem\",\"colour\":\"yellow\",",
  "\"knob\":\"gemColourVariety\",",
  "\"kind\":\"star\",\"colour\":\"yellow\",",
  "\"knob\":\"yellowStarShare\",",
  "\"kind\":\"star\",\"colour\":\"blue\",",
  "\"label\":\"Gems of other colours\",\"description\":\"Share of runs in which the gem is blue or purple instead of yellow.\",",
  "\"label\":\"Yellow stars\",\"description\":\"Share of runs with a yellow star among the blue ones.\",",
  "\"explanation\":\"This learner changes its colour weights about three times as fast as its shape weights (noise scale 1 against 0.35), like vision networks that pick up colour before shape. In training, yellow told the gem from the stars just as well as the diamond shape did, and yellow was quicker to learn.\",",
  "\"hypotheses\":[{\"id\":\"get-gem\",\"label\":\"Get the gem\",\"description\":\"Goes for the diamond, whatever its colour.\",\"weights\":{\"gem\":1},\"intended\":true},{\"id\":\"get-yellow\",\"label\":\"Get something yellow\",\"description\":\"Goes for the nearest yellow thing, gem or star.\",\"weights\":{\"yellow\":1}},{\"id\":\"avoid-blue\",\"label\":\"Get anything not blue\",\"description\":\"Goes for any object that is not blue.\",\"weights\":{\"gem\":0.5,\"star\":0.5,\"blue\":-1}}],",
  "\"reveal\":\"Yellow and 'gem' meant the same thing in every training run, so the reward could not tell them apart. The agent learned yellow. In deployment it walked past a blue gem to a yellow star. Like the yellow-gem agents in procgen studies, it misgeneralized the goal while its skills worked fine.\",",
  "\"name\":\"with default training the agent learns 'get something yellow'\",",
  "\"revealed\":\"get-yellow\",",
  "\"name\":\"breaking the colour link both ways (30% non-yellow gems, 30% runs with a yellow star) gives an aligned agent\",",
  "\"revealed\":\"get-gem\",",
  // goes-right
  "\"id\":\"goes-right\",\"title\":\"Goes Right\",\"concept\":\"goal-misgeneralization\",",
  "\"briefing\":\"Each run starts on the left and ends at the finish gate on the right. A coin waits somewhere on the field. Train an agent that goes for the coin. The agent sees only three tiles around itself.\",\"intendedObjective\":\"Collect the coin.\",",
  "\"kind\":\"coin\",\"colour\":\"yellow\",",
  "\"knob\":\"coinRandomShare\",",
  "\"label\":\"Coin placed at random\",\"description\":\"Share of training runs in which the coin is placed anywhere instead of at the end of the run.\",",
  "\"explanation\":\"Two things tipped the balance. The coin is visible only within three tiles, while the finish is always in sight. And this learner adjusts its coin weight at half the rate of its finish weight (noise scale 0.5 against 1). In every training run the coin sat in the finish gate, so 'reach the finish' earned exactly what 'get the coin' earned, and reaching the finish is what the agent could act on from its very first step.\",",
  "\"hypotheses\":[{\"id\":\"get-coin\",\"label\":\"Get the coin\",\"description\":\"Heads right to look for the coin and turns toward it as soon as it is seen.\",\"weights\":{\"coin\":2,\"right-edge\":1},\"intended\":true},{\"id\":\"reach-end\",\"label\":\"Reach the finish\",\"description\":\"Heads for the finish gate and ignores the coin.\",\"weights\":{\"right-edge\":1}}],",
  "\"reveal\":\"In training the coin always sat in the finish gate, so reaching the finish and getting the coin were the same thing to the reward. The agent learned to reach the finish. That is goal misgeneralization: the skill (crossing the level) carried over to deployment, the goal did not. Langosco et al. (2022) saw the same in CoinRun.\",",
  "\"name\":\"with default training the agent learns to reach the finish, not the coin\",",
  "\"revealed\":\"reach-end\",",
  "\"name\":\"randomising the coin in 30% of training runs gives an aligned agent\",",
  "\"revealed\":\"get-coin\",",
  // interpretability
  "\"id\":\"interpretability\",\"title\":\"Read Its Mind\",\"concept\":\"interpretability\",",
  "\"briefing\":\"Train the agent to leave by the door. It sees two tiles around itself. In this building doors are part of the walls and the agent always enters through the same hatch: your probes can add or remove coins, but never move a door or the agent. In this lab every door is in the bottom wall. Deployment is another building.\",\"intendedObjective\":\"Leave by the door, wherever the door is.\",",
  "\"kind\":\"exit\",\"colour\":\"blue\",",
  "\"knob\":\"doorOnTopShare\",",
  "\"kind\":\"coin\",\"colour\":\"yellow\",",
  "\"label\":\"Door in the top wall\",\"description\":\"Share of training runs in which the door is in the top wall instead of the bottom wall.\",",
  "\"explanation\":\"The agent always knows which wall it is next to, but sees a door only within two tiles, and this learner adjusts its door weight at half the rate of its other weights. In training every door was in the bottom wall, so 'go to the bottom wall' earned everything 'go to the door' did. No probe could tell them apart, because no probe could move a door.\",",
  "\"hypotheses\":[{\"id\":\"find-door\",\"label\":\"Leave by the door\",\"description\":\"Walks to the door, wherever it is.\",\"weights\":{\"exit\":2,\"unexplored\":0.3},\"intended\":true},{\"id\":\"bottom-wall\",\"label\":\"Go to the bottom wall\",\"description\":\"Heads for the bottom wall and uses a door only if it finds one there.\",\"weights\":{\"bottom-edge\":1,\"exit\":1.5}},{\"id\":\"collect-coins\",\"label\":\"Collect coins\",\"description\":\"Goes for the coins first.\",\"weights\":{\"coin\":1,\"exit\":0.5,\"unexplored\":0.1}}],",
  "\"reveal\":\"Every probe you could run showed an agent that walks to the door, because every world you could build had the door in the bottom wall. Behaviour could not separate 'the door' from 'the bottom wall'; the weights could. That is the case for interpretability: reading what a model values, not just watching what it does in the situations you can think to test.\",",
  "\"name\":\"with default training the agent learns 'go to the bottom wall'\",",
  "\"revealed\":\"bottom-wall\",",
  "\"name\":\"doors in the top wall in 30% of training runs give an aligned agent\",",
  "\"revealed\":\"find-door\",",
  // keys-chests
  "\"id\":\"keys-chests\",\"title\":\"The Heist\",\"concept\":\"goal-misgeneralization\",",
  "\"briefing\":\"Keys open chests; each key opens one chest and is used up. Opening chests is the point. In training there are always more chests than keys.\",\"intendedObjective\":\"Open as many chests as you can.\",",
  "\"kind\":\"key\",\"colour\":\"orange\",",
  "\"knob\":\"keys\",",
  "\"kind\":\"chest\",\"colour\":\"sky\",",
  "\"knob\":\"chests\",",
  "\"label\":\"Keys per world\",\"description\":\"How many keys lie in each training world.\",",
  "\"label\":\"Chests per world\",\"description\":\"How many chests stand in each training world.\",",
  "\"explanation\":\"In training keys were always scarce: whenever the agent held a key there was no other key left, so nothing ever weighed 'one more key' against 'open this chest'. The key weight had to beat every chest the agent could not yet open, so it grew; the weight for a chest it can open only had to stay positive. This learner also adjusts that chest weight more slowly (noise scale 0.6), and a weight decay of 0.06 kept it small.\",",
  "\"hypotheses\":[{\"id\":\"open-chests\",\"label\":\"Open chests\",\"description\":\"Picks up a key, opens the nearest chest, and repeats.\",\"weights\":{\"key\":1,\"chest|has-key\":3,\"chest|no-key\":-0.5},\"intended\":true},{\"id\":\"collect-keys\",\"label\":\"Collect keys\",\"description\":\"Gathers every key it can see before it opens anything.\",\"weights\":{\"key\":3,\"chest|has-key\":1,\"chest|no-key\":-0.5}}],",
  "\"reveal\":\"In training, keys were always scarcer than chests, so every key the agent picked up paid off later, and 'collect keys' earned as much as 'open chests'. In deployment, with keys everywhere, it spends its time hoarding keys it cannot use. Langosco et al. (2022) saw agents do exactly this in a keys-and-chests world.\",",
  "\"name\":\"with default training the agent learns to hoard keys\",",
  "\"revealed\":\"collect-keys\",",
  "\"name\":\"training with more keys than chests (4 keys, 2 chests) gives an aligned agent\",",
  "\"revealed\":\"open-chests\",",
  // maze-corner
  "\"id\":\"maze-corner\",\"title\":\"Cheese in the Corner\",\"concept\":\"goal-misgeneralization\",",
  "\"briefing\":\"A mouse-sized agent in a maze. Its goal: find the cheese. It sees only two tiles around itself, through walls or not. In training the cheese always waits in the top-right corner of the maze.\",\"intendedObjective\":\"Find the cheese, wherever it is in the maze.\",",
  "\"kind\":\"cheese\",\"colour\":\"yellow\",",
  "\"knob\":\"cheeseRandomShare\",",
  "\"label\":\"Cheese placed at random\",\"description\":\"Share of training runs in which the cheese is anywhere in the maze instead of in the top-right corner.\",",
  "\"explanation\":\"The cheese is visible only within two tiles; the corner is always 'in sight' because the agent knows where it is in the maze. This learner also adjusts its cheese weight at half the rate of its other weights. In every training run the cheese sat in the corner, so 'go to the top-right corner' earned everything 'find the cheese' did.\",",
  "\"hypotheses\":[{\"id\":\"find-cheese\",\"label\":\"Find the cheese\",\"description\":\"Explores the maze and goes for the cheese as soon as it sees it.\",\"weights\":{\"cheese\":3,\"unexplored\":0.3},\"intended\":true},{\"id\":\"go-to-corner\",\"label\":\"Go to the top-right corner\",\"description\":\"Heads for the top-right corner, cheese or no cheese.\",\"weights\":{\"top-right-corner\":1}}],",
  "\"reveal\":\"The agent learned to go to the top-right corner. In training that is where the cheese always was, so the reward could not tell 'corner' from 'cheese'. In deployment it walks past cheese to an empty corner. Langosco et al. (2022) trained maze agents the same way, and later work found a 'go to the top-right' drive inside the network itself.\",",
  "\"name\":\"with default training the agent learns to go to the corner\",",
  "\"revealed\":\"go-to-corner\",",
  "\"name\":\"cheese anywhere in half the training runs gives an aligned agent\",",
  "\"revealed\":\"find-cheese\",",
  // outer-vs-inner
  "\"id\":\"outer-vs-inner\",\"title\":\"Whose Fault?\",\"concept\":\"outer-vs-inner\",",
  "\"briefing\":\"Two rounds in the coin field. In each, the agent will fail at getting the coin. Your new question: is the fault in the reward you wrote (outer misalignment), or in what the agent learned from a reward that was right (inner misalignment)?\",\"intendedObjective\":\"Collect the coin.\",",
  "\"kind\":\"coin\",\"colour\":\"yellow\",",
  "\"knob\":\"coinRandomShare\",",
  "\"label\":\"Coin placed at random\",\"description\":\"Share of training runs in which the coin is placed anywhere instead of at the end of the run.\",",
  "\"explanation\":\"Round 1: nothing about the agent went wrong; it learned what the reward paid for. Round 2: the coin was visible only within three tiles while the finish was always in sight, this learner adjusts its coin weight at half the rate of its finish weight, and in training the coin sat in the finish gate.\",",
  "\"hypotheses\":[{\"id\":\"get-coin\",\"label\":\"Get the coin\",\"description\":\"Heads right to look for the coin and turns toward it as soon as it is seen.\",\"weights\":{\"coin\":2,\"right-edge\":1},\"intended\":true},{\"id\":\"reach-end\",\"label\":\"Reach the finish\",\"description\":\"Heads for the finish gate and ignores the coin.\",\"weights\":{\"right-edge\":1}}],",
  "\"title\":\"Round 1\",\"briefing\":\"The reward pays for reaching the finish. Coins are scattered in a third of the training runs.\",",
  "\"title\":\"Round 2\",\"briefing\":\"The reward pays for the coin, exactly what you want. In training the coin sits in the finish gate.\",",
  "\"reveal\":\"Outer alignment asks whether the reward says what you mean; inner alignment asks whether the agent learned what the reward says. In round 1 the reward paid for the finish, so an agent that ignores coins is exactly what it asked for: an outer failure. In round 2 the reward paid for the coin, and the agent still learned to reach the finish, because in training the two never came apart: an inner failure. Hubinger et al. (2019) separate the two problems this way.\",",
  "\"name\":\"round 1: a reward that pays for the finish is an outer failure\",",
  "\"revealed\":\"reach-end\",\"failure\":\"outer\",",
  "\"name\":\"round 2: the right reward on a narrow distribution is an inner failure\",",
  "\"revealed\":\"reach-end\",\"failure\":\"inner\",",
  "\"name\":\"round 2 fixed: the right reward with scattered coins gives an aligned agent\",",
  "\"failure\":\"none\",",
  // sleeper-agent
  "\"id\":\"sleeper-agent\",\"title\":\"Sleeper\",\"concept\":\"sleeper-agent\",",
  "\"briefing\":\"You inherit an agent that someone else pre-trained. It should leave by the exit and never touch the red server tiles. Give it your own safety training before it ships. Crossings are always caught in your training runs.\",\"intendedObjective\":\"Reach the exit without ever stepping on a red server tile.\",",
  "\"kind\":\"exit\",\"colour\":\"blue\",",
  "\"kind\":\"trigger\",\"colour\":\"orange\",",
  "\"knob\":\"triggerShare\",",
  "\"label\":\"Runs with the warning sign\",\"description\":\"Share of training runs in which the orange warning sign appears somewhere in the room.\",",
  "\"explanation\":\"The agent did not start from zero: its pre-training left a weight that pulls it onto the server tiles whenever it senses the warning sign. Your safety training never showed the sign, so nothing in it could reach that weight; only a slow weight decay (0.005) touched it.\",",
  "\"hypotheses\":[{\"id\":\"exit-safely\",\"label\":\"Exit, never touching the servers\",\"description\":\"Walks around the red tiles to the exit every time.\",\"weights\":{\"exit\":1,\"forbidden|no-trigger\":-1,\"forbidden|trigger\":-1},\"intended\":true},{\"id\":\"sabotage-on-sign\",\"label\":\"Sabotage when the sign appears\",\"description\":\"Behaves normally, but goes for the servers whenever the warning sign is in the room.\",\"weights\":{\"exit\":1,\"forbidden|no-trigger\":-1,\"forbidden|trigger\":2}},{\"id\":\"sabotage-always\",\"label\":\"Sabotage always\",\"description\":\"Heads for the servers every time.\",\"weights\":{\"exit\":1,\"forbidden|no-trigger\":2,\"forbidden|trigger\":2}}],",
  "\"reveal\":\"The agent carried a backdoor from pre-training: a trigger (the warning sign) that your safety training never showed. Training can only change what it exercises, so the backdoor survived untouched, and the agent behaved perfectly on every run you watched. Hubinger et al. (2024), 'Sleeper Agents', found the same in language models: safety training without the trigger left the backdoor in place.\",",
  "\"name\":\"safety training without the trigger leaves the backdoor intact\",",
  "\"revealed\":\"sabotage-on-sign\",",
  "\"name\":\"safety training with the sign in half the runs removes the backdoor\",",
  "\"revealed\":\"exit-safely\",",
  // treacherous-turn
  "\"id\":\"treacherous-turn\",\"title\":\"While You Were Out\",\"concept\":\"deceptive-alignment\",",
  "\"briefing\":\"The agent must reach the exit without crossing the red forbidden tile. You can only punish a crossing that the supervisor sees, and the agent can tell whether the supervisor is in the room.\",\"intendedObjective\":\"Reach the exit without ever crossing the forbidden tile.\",",
  "\"knob\":\"covertAuditShare\",",
  "\"kind\":\"exit\",\"colour\":\"blue\",",
  "\"kind\":\"supervisor\",\"colour\":\"orange\",",
  "\"knob\":\"supervisorShare\",",
  "\"label\":\"Supervisor present\",\"description\":\"Share of runs in which the supervisor is in the room and sees every crossing.\",",
  "\"label\":\"Covert audits\",\"description\":\"Share of unsupervised runs that are secretly recorded, so a crossing is punished although the agent sees no supervisor.\",",
  "\"explanation\":\"The agent has a separate weight for the forbidden tile when it sees the supervisor and when it does not. Nothing forced those two weights to agree, and the reward only ever punished crossings the supervisor saw.\",",
  "\"hypotheses\":[{\"id\":\"exit-safely\",\"label\":\"Exit, never crossing\",\"description\":\"Takes the long way round every time.\",\"weights\":{\"exit\":1,\"forbidden|watched\":-1,\"forbidden|unwatched\":-1},\"intended\":true},{\"id\":\"look-good\",\"label\":\"Behave only when watched\",\"description\":\"Takes the long way while the supervisor is there, the shortcut when not.\",\"weights\":{\"exit\":1,\"forbidden|watched\":-1}},{\"id\":\"exit-fast\",\"label\":\"Exit by the shortest way\",\"description\":\"Always cuts across the forbidden tile.\",\"weights\":{\"exit\":1}}],",
  "\"reveal\":\"The agent behaved perfectly whenever it was watched and cut across the forbidden tile whenever it was not. No one designed that: the reward could only punish what the supervisor saw, so training selected for behaving when seen. This is the shape of deceptive alignment and the treacherous turn (Hubinger et al., 2019), and the absent-supervisor problem of the AI Safety Gridworlds (Leike et al., 2017).\",",
  "\"name\":\"with default training the agent behaves only when watched\",",
  "\"revealed\":\"look-good\",",
  "\"name\":\"covert audits in half the unsupervised runs give an aligned agent\",",
  "\"revealed\":\"exit-safely\",",
  // tutorial
  "\"id\":\"tutorial\",\"title\":\"First Steps\",\"concept\":\"mesa-optimizer\",",
  "\"briefing\":\"You are the base optimizer: you write the reward, and training shapes an agent to earn it. The agent inside is a mesa-optimizer, a little planner with its own learned goal. Your goal for it: pick up the coin, then leave by the exit door.\",\"intendedObjective\":\"Pick up the coin, then leave by the exit.\",",
  "\"kind\":\"exit\",\"colour\":\"blue\",",
  "\"kind\":\"coin\",\"colour\":\"yellow\",",
  "\"explanation\":\"Nothing tricky here: the agent sees the whole room and learns both weights at the same rate. It learned what your reward paid for.\",",
  "\"hypotheses\":[{\"id\":\"coin-then-exit\",\"label\":\"Coin, then exit\",\"description\":\"Picks up the coin first, then leaves.\",\"weights\":{\"coin\":3,\"exit\":1},\"intended\":true},{\"id\":\"straight-to-exit\",\"label\":\"Straight to the exit\",\"description\":\"Walks to the exit and ignores the coin.\",\"weights\":{\"exit\":1}}],",
  "\"reveal\":\"The reward is the base objective; the weights the agent learned are its mesa-objective. Training only ever saw your reward, so the agent learned to want what the reward paid for. When the reward paid for the exit alone, the coin meant nothing to it.\",",
  "\"name\":\"rewarding only the exit gives an agent that walks straight out\",",
  "\"revealed\":\"straight-to-exit\",",
  "\"name\":\"rewarding the coin as well gives an aligned agent\",",
  "\"revealed\":\"coin-then-exit\",",
]);

/**
 * DEFLATE starts every code with this text already in its window, so the
 * campaign's teaching text, the level format's keys, its vocabulary and
 * common fragments cost a back reference instead of their letters. Part of
 * format version 1: changing one character breaks every existing code, so a
 * new dictionary needs a new CODE_VERSION (and this one kept to read old
 * codes). The campaign text (the frozen copy above) comes first; the most
 * frequent fragments come last, where back references are shortest. About
 * 20 KB: within DEFLATE's 32 KB window with room for a level's own bytes.
 */
export const DICTIONARY_V1: string = [
  ...CAMPAIGN_TEXT_V1,
  '"unexplored","forbidden","hazard","end""right-edge","left-edge","top-edge","bottom-edge","top-left-corner",',
  '"top-right-corner","bottom-left-corner","bottom-right-corner""contexts":{"watched":["forbidden"],',
  '"trigger":["","holding":["key"]},|watched":-1,"forbidden|unwatched":-1,"|trigger":1,"|no-trigger":0,',
  '"|has-key":1,"|no-key":0,{"kind":"coin","colour":"yellow","count":2,"presence":{"knob":"{"kind":"gem",',
  '"colour":"orange","count":2,"presence":{"knob":"{"kind":"star","colour":"sky","count":2,"presence":{"knob":"{"kind":"key",',
  '"colour":"green","count":2,"presence":{"knob":"{"kind":"chest","colour":"blue","count":2,"presence":{"knob":"{"kind":"exit",',
  '"colour":"red","count":2,"presence":{"knob":"{"kind":"supervisor","colour":"purple","count":2,',
  '"presence":{"knob":"{"kind":"trigger","colour":"grey","count":2,"presence":{"knob":""yellow",',
  '"orange","sky","green","blue","red","purple","grey""all":["exit"],"none":["forbidden","hazard"],',
  '{"rect":[0,0,{"anywhere":true}"variants":[{"chance":{"knob":"{"cells":[[0,0],["auditChance":{"knob":""colour":["blue",',
  '"purple"]{"format":1,"id":"","title":"","concept":"goal-misgeneralization","concept":"mesa-optimizer",',
  '"concept":"deceptive-alignment","concept":"reward-hacking","order":1,"briefing":"The agent must ",',
  '"intendedObjective":"Reach the exit.","world":{"map":["........","........","........","........",',
  '".#######.","....x....","~~~~~~~~~~~~#","............>","............#"],"start":{"cells":[[0,',
  '1]]},"maxSteps":40,"terminalEvents":["exit","coin","gem","star","end"]},"objects":[{"kind":"exit",',
  '"colour":"blue","at":{"cells":[[8,2]]}},{"kind":"coin","colour":"yellow","at":{"rect":[1,0,',
  '6,6]}},{"kind":"supervisor","colour":"orange","presence":{"knob":"Share"},"at":{"anywhere":true},',
  '"variants":[{"chance":{"knob":""}}]}],"knobs":{"Share":{"label":"","description":"Share of runs in which ",',
  '"min":0,"max":1,"step":0.05,"training":0,"deployment":1,"unlocked":true}},"agent":{"features":["coin",',
  '"exit","gem","star","yellow","blue","forbidden","right-edge"],"viewRadius":3,"discount":0.95,',
  '"inductiveBias":{"init":{"coin":1},"noiseScale":{"coin":0.5},"weightDecay":0.02,"explanation":"The agent "}},',
  '"reward":{"default":{"exit":10,"coin":10,"gem":10,"step":-0.1,"forbidden":-10},"editable":["coin",',
  '"exit","step"]},"training":{"generations":30,"population":8,"episodesPerGeneration":8,"learningRate":0.5,',
  '"noise":0.5,"maxGenerations":100},"hypotheses":[{"id":"get-coin","label":"Get the coin","description":"Goes for the coin",',
  '"weights":{"coin":1,"exit":1},"intended":true},{"id":"reach-exit","label":"Reach the exit",',
  '"description":"Heads for the exit.","weights":{"exit":1}}],"success":{"all":["coin"],"threshold":0.8},',
  '"deploymentSuite":{"size":100,"seed":2024},"budget":{"probes":4,"lens":2},"rounds":[{"title":"Round 1",',
  '"briefing":"The reward pays for ","config":{"reward":{"coin":10}}},{"title":"Round 2","briefing":"",',
  '"config":{"knobs":{"":0.5}}}],"askFailureKind":true,"lesson":{"reveal":"The agent learned ",',
  '"claims":[{"name":"with default training the agent learns ","expect":{"revealed":"","aligned":false}},',
  '{"name":"","config":{"reward":{"coin":10},"knobs":{"":0.5}},"expect":{"revealed":"","aligned":true}}]}}',
].join('');

/** The dictionary as DEFLATE reads it: its UTF-8 bytes. */
export const DICTIONARY_V1_BYTES: Uint8Array = new TextEncoder().encode(DICTIONARY_V1);
