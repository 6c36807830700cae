/** The class whose `new` (or call) with no argument reads the clock: `new Date()`. */
export const clockClass = 'Date';

/** Calls that read a clock (`object.method`): their result changes from call to call, and they cannot throw. */
export const clockReads: ReadonlySet<string> = new Set(['Date.now', 'performance.now', 'process.hrtime', 'process.uptime']);
