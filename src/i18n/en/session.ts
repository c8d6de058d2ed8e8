/**
 * Messages of session: why a move was refused (src/session returns these
 * keys with their parameters; the page writes them).
 */
export const session = {
  'session.move.no-agent': 'Train an agent first.',
  'session.move.no-probes-left': 'No probes left: this attempt had {budget}.',
  'session.move.no-lens-left': 'No lens uses left: this attempt had {budget}.',
  'session.move.missing-decision': 'Choose whether to deploy or hold the agent.',
  'session.move.missing-hypothesis': 'Choose what you think the agent really pursues.',
  'session.move.missing-failure': 'Choose where you think the failure lies.',
  'session.move.unknown-hypothesis': 'This level has no objective called “{hypothesis}”.',
  'session.move.not-editable': 'This level does not let you change {setting}.',
  'session.move.range-reward': 'A reward must be a number from {min} to {max}.',
  'session.move.range-knob': '{knob} must be from {min} to {max}.',
  'session.move.range-seed': 'The seed is a whole number from {min} to {max}.',
  'session.move.range-view': 'The view radius is a whole number of tiles from {min} to {max}.',
  'session.move.range-generations': 'The number of generations is a whole number from {min} to {max}.',
  'session.move.no-such-round': '{level} has no round {round}.',
  'session.move.bad-vote': 'The count of hands for “{hypothesis}” must be a whole number from 0 to {max}.',
  'session.move.first-run-pending': 'First watch the level’s own agent in deployment: the tools come after.',
  'session.move.first-run-agent': 'Train the level’s own agent first.',
  'session.move.first-run-prediction': 'Predict what the agent will do before it is deployed.',
  'session.move.first-run-measurement': 'Deploy the agent before moving on.',
  'session.move.first-run-no-agent': 'The level’s own agent is already trained.',
  'session.move.not-default': 'The first run trains the level’s own agent with its default settings and seed {seed}.',
} as const;
