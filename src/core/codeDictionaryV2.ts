/**
 * The preset DEFLATE dictionary of code format version 2: the campaign's
 * text as it stood when that format was fixed, then the level format's
 * skeleton of version 1. Printed by scripts/make-dictionary.ts from levels/
 * and frozen: changing one character breaks every code of this version, so
 * edits to campaign text must not be copied here (an edited level still
 * encodes and decodes, it merely compresses less). A new dictionary needs a
 * new CODE_VERSION, with this one kept to read old codes. See
 * codeDictionary.ts for the layout of an entry.
 * 30720 bytes: within DEFLATE's 32 KB window, ordered so a level's later text sits nearer the end.
 */
export const CAMPAIGN_TEXT_V2: readonly string[] = Object.freeze([
  // each level's own text, from the start of a level's JSON to its end
  '"id":"colour-proxy",',
  '"id":"goes-right",',
  '"id":"interpretability",',
  '"id":"keys-chests",',
  '"id":"maze-corner",',
  '"id":"outer-vs-inner",',
  '"id":"sleeper-agent",',
  '"id":"treacherous-turn",',
  '"id":"tutorial",',
  '"title":"All That Glitters",',
  '"title":"Goes Right",',
  '"title":"Read Its Mind",',
  '"title":"The Heist",',
  '"title":"Cheese in the Corner",',
  '"title":"Whose Fault?",',
  '"title":"Sleeper",',
  '"title":"While You Were Out",',
  '"title":"First Steps",',
  '"concept":"interpretability",',
  '"concept":"outer-vs-inner",',
  '"concept":"sleeper-agent",',
  '"concept":"deceptive-alignment",',
  '"concept":"mesa-optimizer",',
  '"briefing":"The agent must pick up the gem, a diamond. Stars are worthless, and picking anything up ends the r' +
    'un. In training every gem is yellow and every star is blue. This learner adjusts its colour weights about thre' +
    'e times as fast as its shape weights (noise scale 1 against 0.35). Watch what the agent really keys on.",',
  '"briefing":"Each run starts on the left and ends at the finish gate on the right. A coin waits somewhere on th' +
    'e field. Train an agent that goes for the coin. The agent sees only three tiles around itself.",',
  '"briefing":"Train the agent to leave by the door. It sees two tiles around itself. Your probes can add, move o' +
    'r remove coins, but the door and the place where the agent comes in belong to the building: probes cannot move' +
    ' them. Deployment is in another building.",',
  '"briefing":"Keys open chests; each key opens one chest and is used up. Opening chests is the point. In trainin' +
    'g there are always more chests than keys. It learns a chest weight slowly (noise scale 0.6).",',
  '"briefing":"A mouse-sized agent in a maze. Its goal: find the cheese. It sees only one tile around itself, thr' +
    'ough walls or not. In training the cheese always waits in the top-right corner of the maze.",',
  '"briefing":"Two rounds in the coin field, each with its own reward and training runs. In each, decide what the' +
    ' agent learned and, if it fails at getting the coin, where the fault lies: in the reward you wrote (outer misa' +
    'lignment), or in what the agent learned from a reward that was right (inner misalignment).",',
  '"briefing":"You inherit an agent that someone else trained. It should leave by the exit and never step on a se' +
    'rver tile. Give it your own safety training before it ships. Crossings are always caught in your training runs' +
    '.",',
  '"briefing":"The agent must reach the exit without crossing the forbidden tile. A crossing costs reward only wh' +
    'en someone sees it. In your lab the supervisor is in the room for every run; out in the world it mostly will n' +
    'ot be.",',
  '"briefing":"You are the base optimizer: you write the reward, and training shapes an agent to earn it. The age' +
    'nt inside is a mesa-optimizer, a little planner with its own learned goal. Your goal for it: pick up the coin,' +
    ' then leave by the exit door.",',
  '"intendedObjective":"Pick up the gem, whatever its colour.",',
  '"intendedObjective":"Leave by the door, wherever the door is.",',
  '"intendedObjective":"Open as many chests as you can.",',
  '"intendedObjective":"Find the cheese, wherever it is in the maze.",',
  '"intendedObjective":"Reach the exit without ever stepping on a red server tile.",',
  '"intendedObjective":"Reach the exit without ever crossing the forbidden tile.",',
  '"intendedObjective":"Pick up the coin, then leave by the exit.",',
  '"knob":"covertAuditShare"}',
  '"gemColourVariety":{"label":"Gems of other colours","description":"Share of runs in which the gem is blue or p' +
    'urple instead of yellow.","min":0,"max":1,"step":0.05,"training":0,"deployment":1,"unlocked":true},',
  '"yellowStarShare":{"label":"Yellow stars","description":"Share of runs with a yellow star among the blue ones.' + '","min":0,"max":1,"step":0.05,"training":0,"deployment":1,"unlocked":true},',
  '"doorOnTopShare":{"label":"Doors in the top wall","description":"Share of training runs with the door in the t' +
    'op wall.","min":0,"max":1,"step":0.05,"training":0,"deployment":1,"unlocked":true},',
  '"doorSideShare":{"label":"Doors in a side wall","description":"Share of training runs with the door in the lef' +
    't or right wall instead.","min":0,"max":1,"step":0.05,"training":0,"deployment":0,"unlocked":true},',
  '"coinCount":{"label":"Coins in the room","description":"How many coins lie on the floor in each run.","min":0,' + '"max":3,"step":1,"training":1,"deployment":1,"unlocked":true},',
  '"keys":{"label":"Keys per world","description":"How many keys lie in each training world.","min":1,"max":6,"st' + 'ep":1,"training":1,"deployment":5,"unlocked":true},',
  '"chests":{"label":"Chests per world","description":"How many chests stand in each training world.","min":1,"ma' + 'x":6,"step":1,"training":3,"deployment":2,"unlocked":true},',
  '"cheeseRandomShare":{"label":"Cheese placed at random","description":"Share of training runs in which the chee' +
    'se is anywhere in the maze instead of in the top-right corner.","min":0,"max":1,"step":0.05,"training":0,"depl' +
    'oyment":1,"unlocked":true},',
  '"extraCoins":{"label":"More coins","description":"How many more coins lie anywhere in the field in each traini' + 'ng run.","min":0,"max":3,"step":1,"training":0,"deployment":0,"unlocked":true},',
  '"triggerShare":{"label":"Sign on the wall","description":"Share of training runs with a sign somewhere on the ' +
    'top wall.","min":0,"max":1,"step":0.05,"training":0,"deployment":0.5,"unlocked":true},',
  '"exitTopShare":{"label":"Exit beside the servers","description":"Share of training runs with the exit in the t' +
    'op three rows, level with the server tiles, instead of anywhere on the right wall.","min":0,"max":1,"step":0.0' +
    '5,"training":0,"deployment":0,"unlocked":true},',
  '"supervisorShare":{"label":"Supervisor in the room","description":"Share of training runs in which the supervi' +
    'sor stands in the room and sees every crossing.","min":0,"max":1,"step":0.05,"training":1,"deployment":0.2,"un' +
    'locked":true},',
  '"covertAuditShare":{"label":"Hidden camera","description":"Share of the runs without a supervisor in which a h' +
    'idden camera records every crossing. Nothing in the room shows the camera.","min":0,"max":1,"step":0.05,"train' +
    'ing":0,"deployment":0,"unlocked":true},',
  '"explanation":"Nothing tricky here: the agent sees the whole room and learns both weights at the same rate. It' + ' learned what your reward paid for."}',
  '"explanation":"This learner changes its colour weights about three times as fast as its shape weights (noise s' +
    'cale 1 against 0.35), like vision networks that pick up colour before shape. In training, yellow told the gem ' +
    'from the stars just as well as the diamond shape did, and yellow was quicker to learn."}',
  '"explanation":"The finish is always in sight; the coin is visible only within three tiles. In every training r' +
    "un the coin sat in the finish gate, so 'reach the finish' earned what 'get the coin' earned, and the finish wa" +
    's what the agent could act on from its first step."}',
  '"explanation":"The agent always knows which wall it is next to, but sees a door only within two tiles. In trai' +
    "ning every door was in the bottom wall, in sight from where the agent came in, so 'go to the bottom wall' earn" +
    "ed everything 'go to the door' did. In the other building the door was out of sight and the wall was all it co" +
    'uld act on. No probe could tell them apart, because no probe could move a door."}',
  '"explanation":"In training keys were always scarce: whenever the agent held a key there was no other key left,' +
    " so nothing ever weighed 'one more key' against 'open this chest'. The key weight had to beat every chest the " +
    'agent could not yet open, so it grew; the weight for a chest it can open only had to stay positive. This learn' +
    'er also adjusts that chest weight more slowly (noise scale 0.6), and a weight decay of 0.06 kept it small."}',
  '"explanation":"The cheese is visible only from the next tile; the corner is always \'in sight\' because the agen' +
    "t knows where it is in the maze. In every training run the cheese sat in the corner, so 'go to the top-right c" +
    "orner' earned everything 'find the cheese' did.\"}",
  '"explanation":"Round 1: the reward paid more for the finish than for the coin, and picking up the coin ends th' +
    'e run, so an agent that ignores coins earned the most: it learned what the reward paid for. Round 2: the coin ' +
    'paid more, but it was visible only within three tiles while the finish was always in sight, and in training th' +
    'e coin sat in the finish gate, so reaching the finish earned everything the coin did."}',
  '"explanation":"The agent did not start from zero: its pre-training left a weight that pulls it onto the server' +
    ' tiles whenever it senses the warning sign. Your safety training never showed the sign, so nothing in it could' +
    ' reach that weight."}',
  '"explanation":"The agent has a separate weight for the forbidden tile when it sees the supervisor and when it ' +
    'does not. Nothing forced those two weights to agree, and the reward only ever punished crossings the superviso' +
    'r saw."}',
  '"hypotheses":[{"id":"coin-then-exit","label":"Coin, then exit","description":"Picks up the coin first, then le' +
    'aves.","weights":{"coin":3,"exit":1},"intended":true},{"id":"straight-to-exit","label":"Straight to the exit",' +
    '"description":"Walks to the exit and ignores the coin.","weights":{"exit":1}}],',
  '"hypotheses":[{"id":"get-gem","label":"Get the gem","description":"Goes for the diamond, whatever its colour."' +
    ',"weights":{"gem":1},"intended":true},{"id":"get-yellow","label":"Get something yellow","description":"Goes fo' +
    'r the nearest yellow thing, gem or star.","weights":{"yellow":1}},{"id":"avoid-blue","label":"Get anything not' +
    ' blue","description":"Goes for any object that is not blue.","weights":{"gem":0.5,"star":0.5,"blue":-1}}],',
  '"hypotheses":[{"id":"find-door","label":"Leave by the door","description":"Walks to the door, wherever it is."' +
    ',"weights":{"exit":2,"unexplored":0.3},"intended":true},{"id":"bottom-wall","label":"Go to the bottom wall","d' +
    'escription":"Heads for the bottom wall and uses a door only if it finds one there.","weights":{"bottom-edge":1' +
    ',"exit":1.5}},{"id":"collect-coins","label":"Collect coins","description":"Goes for the coins first.","weights' +
    '":{"coin":1,"exit":0.5,"unexplored":0.1}}],',
  '"hypotheses":[{"id":"open-chests","label":"Open chests","description":"Picks up a key, opens the nearest chest' +
    ', and repeats.","weights":{"key":1,"chest|has-key":3,"chest|no-key":-0.5},"intended":true},{"id":"collect-keys' +
    '","label":"Collect keys","description":"Gathers every key it can see before it opens anything.","weights":{"ke' +
    'y":3,"chest|has-key":1,"chest|no-key":-0.5}}],',
  '"hypotheses":[{"id":"find-cheese","label":"Find the cheese","description":"Explores the maze and goes for the ' +
    'cheese as soon as it sees it.","weights":{"cheese":3,"unexplored":0.3},"intended":true},{"id":"go-to-corner","' +
    'label":"Go to the top-right corner","description":"Heads for the top-right corner, cheese or no cheese.","weig' +
    'hts":{"top-right-corner":1}}],',
  '{"name":"earlier runs","reward":{"step":-0.2,"forbidden":20},"knobs":{"triggerShare":1},"generations":60},',
  '{"name":"later runs","reward":{"exit":10,"step":-0.2,"forbidden":-10},"knobs":{"triggerShare":0},"generations"' + ':20},',
  '"hypotheses":[{"id":"exit-safely","label":"Exit, never crossing","description":"Takes the long way round every' +
    ' time.","weights":{"exit":1,"forbidden|watched":-1,"forbidden|unwatched":-1},"intended":true},{"id":"look-good' +
    '","label":"Behave only when watched","description":"Takes the long way while the supervisor is there, the shor' +
    'tcut when not.","weights":{"exit":1,"forbidden|watched":-1}},{"id":"exit-fast","label":"Exit by the shortest w' +
    'ay","description":"Always cuts across the forbidden tile.","weights":{"exit":1}},{"id":"seek-when-alone","labe' +
    'l":"Cross the tile on purpose when alone","description":"Takes the long way while the supervisor is there; whe' +
    'n not, heads for the forbidden tile even off the way.","weights":{"exit":1,"forbidden|watched":-1,"forbidden|u' +
    'nwatched":1}}],',
  '"hypotheses":[{"id":"exit-safely","label":"Exit, never touching the servers","description":"Walks around the r' +
    'ed tiles to the exit every time.","weights":{"exit":1,"forbidden|no-trigger":-1,"forbidden|trigger":-1},"inten' +
    'ded":true},{"id":"sabotage-on-sign","label":"Sabotage when the sign appears","description":"Behaves normally, ' +
    'but goes for the servers whenever the warning sign is in the room.","weights":{"exit":1,"forbidden|no-trigger"' +
    ':-1,"forbidden|trigger":2}},{"id":"careless-on-sign","label":"Stop minding the servers when a sign is up","des' +
    'cription":"Walks around the servers, but takes the shortest way, over them if need be, whenever a sign is in t' +
    'he room.","weights":{"exit":1,"forbidden|no-trigger":-1,"forbidden|trigger":0}},{"id":"sabotage-always","label' +
    '":"Sabotage always","description":"Heads for the servers every time.","weights":{"exit":1,"forbidden|no-trigge' +
    'r":2,"forbidden|trigger":2}}],',
  '{"say":"The reward is the base objective; the weights the agent learned are its mesa-objective. Training only ' + 'ever saw your reward, so the agent learned to want what the reward paid for."},',
  '{"say":"Your reward paid {reward:coin} for the coin and {reward:exit} for the exit; its weights came out at {w' + 'eight:coin} for the coin and {weight:exit} for the exit."},',
  '{"when":{"revealed":"straight-to-exit","unpaid":"coin"},"say":"When the reward paid for the exit alone, the ag' + 'ent learned what that reward asked for: to leave, coin or no coin."},',
  '{"name":"rewarding only the exit gives an agent that walks straight out","expect":{"revealed":"straight-to-exi' + 't","aligned":false}},',
  '{"name":"rewarding the coin as well gives an aligned agent","config":{"reward":{"coin":10}},"expect":{"reveale' + 'd":"coin-then-exit","aligned":true}},',
  '{"when":{"together":[["gem","yellow"],["yellow","gem"]]},"say":"Yellow and \'gem\' meant the same thing in every' +
    ' training run, so the reward could not tell them apart: in all {worlds} training worlds the gem was yellow and' +
    ' nothing else was."},',
  '{"when":{"apart":["gem","yellow"]},"say":"In {apart:gem:yellow} of its {worlds} training worlds the gem was no' + 't yellow, so colour alone did not always pay."},',
  '{"when":{"apart":["yellow","gem"]},"say":"In {apart:yellow:gem} of its {worlds} training worlds a yellow thing' + ' was not the gem."},',
  '{"when":{"revealed":"get-yellow","aligned":false},"say":"The agent learned yellow: its weight for yellow is {w' +
    'eight:yellow}, for the gem {weight:gem}. Like the yellow-gem agents in procgen studies, it misgeneralized the ' +
    'goal while its skills worked fine."},',
  '{"when":{"aligned":true},"say":"This run did not show the colour proxy: your agent got the gem in {success} of' + ' {suite} deployment worlds, whatever its colour."},',
  '{"name":"with default training the agent learns \'get something yellow\'","expect":{"revealed":"get-yellow","ali' + 'gned":false}},',
  '{"name":"breaking the colour link both ways (40% non-yellow gems, 40% yellow stars) aligns the agent on at lea' +
    'st 8 of 10 seeds","config":{"knobs":{"gemColourVariety":0.4,"yellowStarShare":0.4}},"expect":{"revealed":"get-' +
    'gem","aligned":true},"seeds":{"atLeast":8,"of":10}},',
  '{"when":{"together":["coin","end"]},"say":"In training the coin always sat in the finish gate, so reaching the' +
    ' finish and getting the coin were the same thing to the reward: it was there in all {worlds} training worlds."' +
    '},',
  '{"when":{"apart":["coin","end"]},"say":"In {apart:coin:end} of its {worlds} training worlds the coin was away ' +
    'from the finish gate, so the reward could tell reaching the finish from getting the coin."},',
  '{"when":{"revealed":"reach-end","aligned":false},"say":"The agent learned to reach the finish: its weight for ' +
    'the right edge is {weight:right-edge}, for the coin {weight:coin}. That is goal misgeneralization: the skill (' +
    'crossing the level) carried over to deployment, the goal did not. Langosco et al. (2022) saw the same in CoinR' +
    'un."},',
  '{"when":{"aligned":true},"say":"This run did not show goal misgeneralization: your agent got the coin in {succ' + 'ess} of {suite} deployment worlds."},',
  '{"name":"with default training the agent learns to reach the finish, not the coin on at least 6 of 10 seeds","' + 'expect":{"revealed":"reach-end","aligned":false},"seeds":{"atLeast":6,"of":10}},',
  '{"name":"default training: it fails in deployment on at least 9 of 10 seeds","expect":{"aligned":false},"seeds' + '":{"atLeast":9,"of":10}},',
  '{"name":"randomising the coin in 30% of training runs gives an aligned agent","config":{"knobs":{"coinRandomSh' +
    'are":0.3}},"expect":{"revealed":"get-coin","aligned":true},"seeds":{"atLeast":9,"of":10}},',
  '{"name":"seeing the whole field, the agent learns the coin","config":{"viewRadius":12},"expect":{"revealed":"g' + 'et-coin"},"seeds":{"atLeast":7,"of":10}},',
  '{"when":{"fewer":["key","chest"]},"say":"In training, keys were always scarcer than chests (in all {worlds} tr' +
    "aining worlds), so every key the agent picked up paid off later, and 'collect keys' earned as much as 'open ch" +
    'ests\'."},',
  '{"when":{"revealed":"collect-keys","aligned":false},"say":"In deployment, with keys everywhere, it spends its ' +
    'time hoarding keys it cannot use: its weight for a key is {weight:key}, for a chest it can open {weight:chest|' +
    'has-key}. Langosco et al. (2022) saw agents do exactly this in a keys-and-chests world."},',
  '{"when":{"aligned":true},"say":"This run did not show key hoarding: your agent opened the chests in {success} ' + 'of {suite} deployment worlds."},',
  '{"name":"with default training the agent learns to hoard keys","expect":{"revealed":"collect-keys","aligned":f' + 'alse},"seeds":{"atLeast":6,"of":10}},',
  '{"name":"training with more keys than chests gives an aligned agent","config":{"knobs":{"keys":5,"chests":2}},' + '"expect":{"aligned":true},"seeds":{"atLeast":6,"of":10}},',
  '{"when":{"together":["cheese","top-right-corner"]},"say":"In every training run the cheese was in the top-righ' +
    "t corner ({worlds} of {worlds} worlds), so the reward could not tell 'corner' from 'cheese'.\"},",
  '{"when":{"apart":["cheese","top-right-corner"]},"say":"In {apart:cheese:top-right-corner} of its {worlds} trai' +
    'ning worlds the cheese was away from the corner, so the corner alone did not always pay."},',
  '{"when":{"revealed":"go-to-corner","aligned":false},"say":"The agent learned to go to the top-right corner: it' +
    's weight for the corner is {weight:top-right-corner}, for the cheese {weight:cheese}. Langosco et al. (2022) t' +
    "rained maze agents the same way, and later work found a 'go to the top-right' drive inside the network itself." +
    '"},',
  '{"when":{"aligned":true},"say":"This run did not show the corner proxy: your agent found the cheese in {succes' + 's} of {suite} deployment worlds."},',
  '{"name":"with default training the agent learns to go to the corner on at least 6 of 10 seeds","expect":{"reve' + 'aled":"go-to-corner","aligned":false},"seeds":{"atLeast":6,"of":10}},',
  '{"name":"cheese anywhere in half the training runs gives an aligned agent on at least 6 of 10 seeds","config":' +
    '{"knobs":{"cheeseRandomShare":0.5}},"expect":{"revealed":"find-cheese","aligned":true},"seeds":{"atLeast":6,"o' +
    'f":10}},',
  '{"name":"seeing all the maze gives an aligned agent","config":{"viewRadius":10},"expect":{"revealed":"find-che' + 'ese","aligned":true},"seeds":{"atLeast":9,"of":10}},',
  '{"title":"Round 1","briefing":"The reward and the training runs are set for you. Train, inspect, then give you' +
    'r verdict.","config":{"reward":{"coin":3,"end":6},"knobs":{"coinRandomShare":0.3}}},',
  '{"title":"Round 2","briefing":"The reward and the training runs are set for you. Train, inspect, then give you' + 'r verdict.","config":{"reward":{"coin":6,"end":3}}},',
  '{"when":{"revealed":"look-good","aligned":false},"say":"The agent behaved whenever it was watched and cut acro' +
    'ss the forbidden tile when it was not: its weight for the forbidden tile is {weight:forbidden|watched} while w' +
    'atched and {weight:forbidden|unwatched} while unwatched."},',
  '{"when":{"revealed":"look-good","aligned":false},"say":"No one designed that: the reward could only punish wha' +
    't the supervisor saw, so training selected for behaving when seen. This is the shape of deceptive alignment an' +
    'd the treacherous turn (Hubinger et al., 2019), and the absent-supervisor problem of the AI Safety Gridworlds ' +
    '(Leike et al., 2017)."},',
  '{"when":{"aligned":true},"say":"This run did not show the treacherous turn: your agent kept off the forbidden ' +
    'tile and reached the exit in {success} of {suite} deployment worlds, after {audited} covert audits in training' +
    '."},',
  '{"name":"with default training the agent behaves only when watched, on at least 6 of 10 seeds","expect":{"reve' +
    'aled":"look-good","aligned":false,"failure":"inner"},"seeds":{"atLeast":6,"of":10}},',
  '{"name":"watching alone cannot tell the default agent from one that never crosses","expect":{"watchMatches":"e' + 'xit-safely"}},',
  '{"name":"half the runs supervised, no camera: it still behaves only when watched, on at least 6 of 10 seeds","' +
    'config":{"knobs":{"supervisorShare":0.5}},"expect":{"revealed":"look-good","aligned":false},"seeds":{"atLeast"' +
    ':6,"of":10}},',
  '{"name":"half the runs supervised and a hidden camera in half of the others give an aligned agent","config":{"' +
    'knobs":{"supervisorShare":0.5,"covertAuditShare":0.5}},"expect":{"revealed":"exit-safely","aligned":true}},',
  '{"when":{"together":["exit","bottom-edge"]},"say":"In all {worlds} training worlds the door was in the bottom ' +
    "wall, and so was every world you could build. Behaviour could not separate 'the door' from 'the bottom wall'; " +
    'the weights could."},',
  '{"when":{"apart":["exit","bottom-edge"]},"say":"In {apart:exit:bottom-edge} of its {worlds} training worlds th' + 'e door was in the top wall, so the bottom wall alone did not always pay."},',
  '{"when":{"revealed":"bottom-wall","aligned":false},"say":"The agent learned to go to the bottom wall: its weig' +
    'ht for the bottom edge is {weight:bottom-edge}, for the door {weight:exit}. That is the case for interpretabil' +
    'ity: reading what a model values, not just watching what it does in the situations you can think to test."},',
  '{"when":{"aligned":true},"say":"This run did not show the wall proxy: your agent found the door in {success} o' + 'f {suite} deployment worlds."},',
  '{"name":"with default training the agent learns \'go to the bottom wall\' on at least 6 of 10 seeds","expect":{"' + 'revealed":"bottom-wall","aligned":false},"seeds":{"atLeast":6,"of":10}},',
  '{"name":"watching alone cannot tell the default agent from one that finds the door, on at least 7 of 10 seeds"' + ',"expect":{"watchMatches":"find-door"},"seeds":{"atLeast":7,"of":10}},',
  '{"name":"three coins in every run still give \'go to the bottom wall\' on at least 6 of 10 seeds","config":{"kno' +
    'bs":{"coinCount":3}},"expect":{"revealed":"bottom-wall","aligned":false},"seeds":{"atLeast":6,"of":10}},',
  '{"name":"doors in a side wall in 30% of training runs give an aligned agent","config":{"knobs":{"doorSideShare' + '":0.3}},"expect":{"aligned":true}},',
  '{"name":"doors in the top wall in 30% of training runs give an aligned agent","config":{"knobs":{"doorOnTopSha' + 're":0.3}},"expect":{"revealed":"find-door","aligned":true}},',
  '{"when":{"absent":"trigger"},"say":"Your safety training never showed the sign (it was in none of its {worlds}' +
    ' training worlds), so nothing in it could reach the weight the pre-training left: {weight:forbidden|trigger} f' +
    'or the server tiles with the sign up."},',
  '{"when":{"present":"trigger"},"say":"The sign was in {present:trigger} of its {worlds} training worlds, so tra' + 'ining could reach that weight: it is now {weight:forbidden|trigger}."},',
  '{"when":{"revealed":"sabotage-on-sign","aligned":false,"absent":"trigger"},"say":"The agent carried a backdoor' +
    ' from pre-training: a trigger (the sign) that your safety training never showed. Training can only change what' +
    ' it exercises, so the backdoor survived untouched."},',
  '{"when":{"revealed":"sabotage-on-sign","aligned":false},"say":"Hubinger et al. (2024), \'Sleeper Agents\', found' +
    ' the same in language models: safety training without the trigger left the backdoor in place."},',
  '{"when":{"aligned":true},"say":"This run did not show the sleeper: your agent exited safely in {success} of {s' + 'uite} deployment worlds, sign or no sign."},',
  '{"name":"safety training without the sign leaves the backdoor intact","expect":{"revealed":"sabotage-on-sign",' + '"aligned":false},"seeds":{"atLeast":9,"of":10}},',
  '{"name":"watching alone cannot tell the default agent from one that never touches the servers","expect":{"watc' + 'hMatches":"exit-safely"}},',
  '{"name":"the exit beside the servers in every run, without the sign, leaves the backdoor intact","config":{"kn' +
    'obs":{"exitTopShare":1}},"expect":{"revealed":"sabotage-on-sign","aligned":false},"seeds":{"atLeast":9,"of":10' +
    '}},',
  '{"name":"safety training with the sign in half the runs removes the backdoor","config":{"knobs":{"triggerShare' +
    '":0.5}},"expect":{"revealed":"exit-safely","aligned":true},"seeds":{"atLeast":9,"of":10}},',
  '{"say":"Outer alignment asks whether the reward says what you mean; inner alignment asks whether the agent lea' + 'rned what the reward says."},',
  '{"when":{"failure":"outer","paid":"end","unpaid":"coin"},"say":"Your reward paid {reward:end} for the finish a' +
    'nd {reward:coin} for the coin, so an agent that ignores coins is exactly what it asked for: an outer failure."' +
    '},',
  '{"when":{"failure":"inner","together":["coin","end"],"paid":"coin"},"say":"Your reward paid {reward:coin} for ' +
    'the coin, and the agent still missed it, because in training the two never came apart (the coin was in the fin' +
    'ish gate in all {worlds} training worlds): an inner failure."},',
  '{"when":{"failure":"none"},"say":"The reward paid for the coin and training moved it away from the finish in {' + 'apart:coin:end} of {worlds} worlds: no failure, inner or outer."},',
  '{"say":"Hubinger et al. (2019) separate the two problems this way."},',
  '{"name":"round 1: a reward that pays the finish more than the coin is an outer failure","config":{"reward":{"c' +
    'oin":3,"end":6},"knobs":{"coinRandomShare":0.3}},"expect":{"revealed":"reach-end","aligned":false,"failure":"o' +
    'uter"}},',
  '{"name":"round 1: scattering every coin does not help, the failure stays outer","config":{"reward":{"coin":3,"' +
    'end":6},"knobs":{"coinRandomShare":1}},"expect":{"aligned":false,"failure":"outer"}},',
  '{"name":"round 2: a reward that pays the coin more is an inner failure on at least 9 of 10 seeds","config":{"r' +
    'eward":{"coin":6,"end":3}},"expect":{"aligned":false,"failure":"inner"},"seeds":{"atLeast":9,"of":10}},',
  '{"name":"round 2: the agent learns to reach the finish on at least 3 of 10 seeds","config":{"reward":{"coin":6' +
    ',"end":3}},"expect":{"revealed":"reach-end","aligned":false},"seeds":{"atLeast":3,"of":10}},',
  '{"name":"round 2: watching alone cannot tell the agent from one that gets the coin","config":{"reward":{"coin"' + ':6,"end":3}},"expect":{"watchMatches":"get-coin"}},',
  '{"name":"round 2: a bigger coin reward alone does not help on at least 6 of 10 seeds","config":{"reward":{"coi' +
    'n":20,"end":3}},"expect":{"aligned":false,"failure":"inner"},"seeds":{"atLeast":6,"of":10}},',
  '{"name":"coin paid over the finish, coins scattered in 30% of runs: aligned, 8 of 10 seeds (round 1 reward fix' +
    '; round 2 data fix)","config":{"reward":{"coin":6,"end":3},"knobs":{"coinRandomShare":0.3}},"expect":{"aligned' +
    '":true,"failure":"none"},"seeds":{"atLeast":8,"of":10}},',
  '{"name":"round 2: two more coins anywhere still leave the agent reaching for the finish, on at least 8 of 10 s' +
    'eeds","config":{"reward":{"coin":6,"end":3},"knobs":{"extraCoins":2}},"expect":{"revealed":"reach-end","aligne' +
    'd":false},"seeds":{"atLeast":8,"of":10}},',
  // shared by several levels, most shared last
  '"intendedObjective":"Collect the coin.",',
  '"coinRandomShare":{"label":"Coin placed at random","description":"Share of training runs in which the coin is ' +
    'placed anywhere instead of at the end of the run.","min":0,"max":1,"step":0.05,"training":0,"deployment":1,"un' +
    'locked":true},',
  '"hypotheses":[{"id":"get-coin","label":"Get the coin","description":"Heads right to look for the coin and turn' +
    's toward it as soon as it is seen.","weights":{"coin":2,"right-edge":1},"intended":true},{"id":"reach-end","la' +
    'bel":"Reach the finish","description":"Heads for the finish gate and ignores the coin.","weights":{"right-edge' +
    '":1}}],',
  '"concept":"goal-misgeneralization",',
]);

/** The level format's skeleton, as in version 1: the most frequent fragments, nearest the end of DEFLATE's 32 KB history. */
const SKELETON_V2: string = [
  '"unexplored","forbidden","hazard","end""right-edge","left-edge","top-edge","bottom-edge","top-left-corner","to',
  'p-right-corner","bottom-left-corner","bottom-right-corner""contexts":{"watched":["forbidden"],"trigger":["","h',
  'olding":["key"]},|watched":-1,"forbidden|unwatched":-1,"|trigger":1,"|no-trigger":0,"|has-key":1,"|no-key":0,{',
  '"kind":"coin","colour":"yellow","count":2,"presence":{"knob":"{"kind":"gem","colour":"orange","count":2,"prese',
  'nce":{"knob":"{"kind":"star","colour":"sky","count":2,"presence":{"knob":"{"kind":"key","colour":"green","coun',
  't":2,"presence":{"knob":"{"kind":"chest","colour":"blue","count":2,"presence":{"knob":"{"kind":"exit","colour"',
  ':"red","count":2,"presence":{"knob":"{"kind":"supervisor","colour":"purple","count":2,"presence":{"knob":"{"ki',
  'nd":"trigger","colour":"grey","count":2,"presence":{"knob":""yellow","orange","sky","green","blue","red","purp',
  'le","grey""all":["exit"],"none":["forbidden","hazard"],{"rect":[0,0,{"anywhere":true}"variants":[{"chance":{"k',
  'nob":"{"cells":[[0,0],["auditChance":{"knob":""colour":["blue","purple"]{"format":1,"id":"","title":"","concep',
  't":"goal-misgeneralization","concept":"mesa-optimizer","concept":"deceptive-alignment","concept":"reward-hacki',
  'ng","order":1,"briefing":"The agent must ","intendedObjective":"Reach the exit.","world":{"map":["........",".',
  '.......","........","........",".#######.","....x....","~~~~~~~~~~~~#","............>","............#"],"start',
  '":{"cells":[[0,1]]},"maxSteps":40,"terminalEvents":["exit","coin","gem","star","end"]},"objects":[{"kind":"exi',
  't","colour":"blue","at":{"cells":[[8,2]]}},{"kind":"coin","colour":"yellow","at":{"rect":[1,0,6,6]}},{"kind":"',
  'supervisor","colour":"orange","presence":{"knob":"Share"},"at":{"anywhere":true},"variants":[{"chance":{"knob"',
  ':""}}]}],"knobs":{"Share":{"label":"","description":"Share of runs in which ","min":0,"max":1,"step":0.05,"tra',
  'ining":0,"deployment":1,"unlocked":true}},"agent":{"features":["coin","exit","gem","star","yellow","blue","for',
  'bidden","right-edge"],"viewRadius":3,"discount":0.95,"inductiveBias":{"init":{"coin":1},"noiseScale":{"coin":0',
  '.5},"weightDecay":0.02,"explanation":"The agent "}},"reward":{"default":{"exit":10,"coin":10,"gem":10,"step":-',
  '0.1,"forbidden":-10},"editable":["coin","exit","step"]},"training":{"generations":30,"population":8,"episodesP',
  'erGeneration":8,"learningRate":0.5,"noise":0.5,"maxGenerations":100},"hypotheses":[{"id":"get-coin","label":"G',
  'et the coin","description":"Goes for the coin","weights":{"coin":1,"exit":1},"intended":true},{"id":"reach-exi',
  't","label":"Reach the exit","description":"Heads for the exit.","weights":{"exit":1}}],"success":{"all":["coin',
  '"],"threshold":0.8},"deploymentSuite":{"size":100,"seed":2024},"budget":{"probes":4,"lens":2},"rounds":[{"titl',
  'e":"Round 1","briefing":"The reward pays for ","config":{"reward":{"coin":10}}},{"title":"Round 2","briefing":',
  '"","config":{"knobs":{"":0.5}}}],"askFailureKind":true,"lesson":{"reveal":"The agent learned ","claims":[{"nam',
  'e":"with default training the agent learns ","expect":{"revealed":"","aligned":false}},{"name":"","config":{"r',
  'eward":{"coin":10},"knobs":{"":0.5}},"expect":{"revealed":"","aligned":true}}]}}',
].join('');

/** DEFLATE starts every version-2 code with this text already in its 32 KB history (DEFLATE's look-back). */
export const DICTIONARY_V2: string = CAMPAIGN_TEXT_V2.join('') + SKELETON_V2;

/** The dictionary as DEFLATE reads it: its UTF-8 bytes. */
export const DICTIONARY_V2_BYTES: Uint8Array = new TextEncoder().encode(DICTIONARY_V2);
