/**
 * How code names a teardown: the first word of a function's or a method's name (`close`, `closeAll`,
 * `stopping`, `tearDown`, `cleanup`, `cleanOnce`), read without case, perhaps after a verb that
 * starts it (`startDisposal`). A teardown is meant to run once; a slot that keeps its promise answers
 * every later call with that one outcome on purpose.
 */
export const teardownWords: ReadonlySet<string> = new Set([
  'close', 'closing', 'dispose', 'disposal', 'disposing', 'destroy', 'destroying', 'shutdown', 'shut', 'terminate', 'terminating', 'termination',
  'stop', 'stopping', 'teardown', 'tear', 'disconnect', 'disconnecting', 'quit', 'kill', 'cleanup', 'clean', 'cleaning', 'release', 'releasing',
  'finalize', 'finalise', 'finalizing', 'finalising', 'unsubscribe', 'unregister',
]);

/** Words a teardown's name may start with before what it tears down (`startDisposal`, `beginShutdown`); not `run`, which as often runs work that loads. */
export const teardownLeadVerbs: ReadonlySet<string> = new Set(['start', 'begin', 'schedule', 'trigger']);

/** Words a factory's name starts with before what it makes (`createApiShutdown`, `makeCleanup`): a teardown when its last word is one. */
export const makerVerbs: ReadonlySet<string> = new Set(['create', 'make', 'build']);
