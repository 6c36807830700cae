/**
 * Promise tracking, in one place: what a miss caches for a thenable, and how a rejection takes
 * its entry out. Used by the in-process tiers and the shared tier alike.
 */

/** Objects and functions: what a WeakMap can hold, and what may be a thenable. */
export function isRef(value: unknown): value is object {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

/**
 * What a miss caches and returns for `value`: `value` itself, except a thenable that is not a
 * native promise (a lazy query builder runs its query on every `then`), which is adopted once by
 * `Promise.resolve` so that the memoizer and every caller share one run.
 */
export function adopt(value: unknown): unknown {
  if (!isRef(value) || value instanceof Promise) return value;
  let then: unknown;
  try {
    then = (value as { then?: unknown }).then;
  } catch {
    // A `then` getter that throws: not a thenable we can use; cached like any value.
    return value;
  }
  return typeof then === 'function' ? Promise.resolve(value) : value;
}

/**
 * If `value` (already adopted) is a promise, call `drop` when it rejects. The listener is attached
 * before `value` is returned to anyone, so by the time a caller sees the rejection the entry is
 * gone and a retry runs the function again. It also keeps an unawaited rejection from being
 * reported as unhandled.
 */
export function onRejection(value: unknown, drop: () => void): void {
  if (value instanceof Promise) value.then(undefined, drop);
}
