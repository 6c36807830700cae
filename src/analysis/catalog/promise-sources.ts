/**
 * Libraries whose calls return promises, known without types: a task queue's `add()` resolves or
 * rejects with the task, and a concurrency limiter's call does the same.
 */

export interface PromiseSource {
  module: string;
  /** `default` or a named export: the class or factory that makes the queue or limiter. */
  export: string;
  /** Methods of the instance that return the task's promise; empty: calling the instance itself does. */
  methods: readonly string[];
}

export const promiseSources: readonly PromiseSource[] = [
  { module: 'p-queue', export: 'default', methods: ['add', 'addAll'] },
  { module: 'p-limit', export: 'default', methods: [] },
  { module: 'p-throttle', export: 'default', methods: [] },
  { module: 'bottleneck', export: 'default', methods: ['schedule'] },
];

/** A promise's own methods, each chaining a callback after it settles: `then`, `catch`, `finally`. */
export const settlingMethods: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);
