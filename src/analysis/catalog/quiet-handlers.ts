/**
 * Rejection handlers passed by name that return instead of rethrowing: `.catch(noop)`,
 * `.catch(console.error)`, `.catch(logger.warn)`. A chain ending in one of them cannot reject.
 */

/** Functions that do nothing or hand back what they get (lodash, es-toolkit, ramda, hand-written). */
export const quietFunctionNames: ReadonlySet<string> = new Set(['noop', 'noOp', 'identity', 'ignore', 'ignoreError', 'swallow', 'swallowError']);

/** Methods of a console or a logger: they write the error down and return. */
export const loggingMethods: ReadonlySet<string> = new Set(['error', 'warn', 'info', 'debug', 'log', 'trace', 'fatal']);

/** Names of objects that log: `console`, `logger`, `this.log`, `appLogger`. */
export const loggerName = /^(?:console|log|logger|\w*Logger)$/i;
