/**
 * Functions that run a callback once, later, whatever happened meanwhile: a removal there, scheduled
 * where an entry is written, expires that entry. (A periodic sweep, `setInterval(() => cache.clear())`,
 * is not one: a rejection stays until the next sweep.)
 */
export const oneShotTimers: ReadonlySet<string> = new Set(['setTimeout', 'setImmediate', 'queueMicrotask', 'nextTick']);

/** Functions that schedule or cancel a callback: calling one with plain arguments cannot throw. */
export const schedulingFunctions: ReadonlySet<string> = new Set(['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'queueMicrotask']);
