/** The player's attempt as pure moves (start, train, probe, lens, verdict → score), and the routes between screens. */
export * from './attempt';
export * from './firstRun';
export * from './measure';
export * from './progress';
export * from './replay';
export * from './route';
