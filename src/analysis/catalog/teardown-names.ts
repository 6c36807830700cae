/**
 * How code names a teardown: the beginning of a function's or a method's name, read without case
 * (`close`, `closeAll`, `stopping`, `tearDown`, `cleanup`, `cleanOnce`). A teardown is meant to run
 * once; a slot that keeps its promise answers every later call with that one outcome on purpose.
 */
export const teardownNameStarts: readonly string[] = [
  'close', 'dispos', 'destroy', 'shutdown', 'terminat', 'stop', 'teardown', 'disconnect', 'quit', 'kill',
  'clean', 'release', 'finalis', 'finaliz', 'unsubscribe', 'unregister',
];

/** Words a teardown's name may start with before what it tears down (`startDisposal`, `beginShutdown`); not `run`, which as often runs work that loads. */
export const teardownLeadVerbs: readonly string[] = ['start', 'begin', 'schedule', 'trigger'];
