/**
 * The public face of the core: everything the worker, the game and the
 * command-line tool use. Pure TypeScript; no DOM, no Phaser, no clock.
 */
export * from './vocabulary';
export * from './level';
export * from './world';
export * from './generator';
export * from './agent';
export * from './planner';
export * from './reward';
export * from './config';
export * from './trainer';
export * from './anatomy';
export * from './scoring';
export * from './lesson';
export * from './random';
export * from './hash';
export * from './errors';
export * from './verdict';
export * from './inspect';
export * from './sweep';
export * from './codes';
export * from './budget';
export * from './recording';
export * from './deployment';
export * from './plainNames';
export * from './storyTemplate';
export * from './narrative';
export * from './message';
