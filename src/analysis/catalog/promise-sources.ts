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

/**
 * Node's own servers, by module and the functions that make one: their `listen(…, callback)` takes
 * the callback as a 'listening' listener, called with no argument (a failure to listen is an
 * 'error' event), so nothing the callback does on an error argument ever runs.
 */
export const coreServerModules: ReadonlySet<string> = new Set(['http', 'https', 'http2', 'net', 'tls'].flatMap((m) => [m, `node:${m}`]));
export const coreServerFactories: ReadonlySet<string> = new Set(['createServer', 'createSecureServer']);

/**
 * Clients whose `connect()` waits instead of rejecting: node-redis (`redis` 4 and later, `@redis/client`)
 * retries a failed connection for as long as its reconnect strategy allows, and its default strategy
 * never gives up. Given a `reconnectStrategy` of its own (which may stop and reject), a client is not one.
 */
export const retryingConnectClients: readonly { modules: readonly string[]; factory: string; method: string; stopOption: string }[] = [
  { modules: ['redis', '@redis/client'], factory: 'createClient', method: 'connect', stopOption: 'reconnectStrategy' },
];

/**
 * Promise-returning calls that do their work in the process, by the text of their callee (the Web
 * Crypto API, `crypto.subtle.importKey(…)`): no network, disk or service is asked, so they reject, if
 * at all, the same way for the same arguments every time.
 */
export const localPromiseCalls: ReadonlySet<string> = new Set(
  ['importKey', 'exportKey', 'generateKey', 'deriveKey', 'deriveBits', 'digest', 'sign', 'verify', 'encrypt', 'decrypt', 'wrapKey', 'unwrapKey'].map((m) => `subtle.${m}`),
);
