/** Option validation shared by `memoize` and `LruMap`. Messages name the option. */

export const DEFAULT_MAX = 500;

const KNOWN_OPTIONS = ['max', 'ttl', 'key', 'store', 'name', 'staleWhileRevalidate', 'staleIfError'];

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${String(value)}n`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return String(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** `max`: a positive integer or `Infinity`. */
export function validateMax(max: unknown, where: string): asserts max is number {
  if (typeof max !== 'number') {
    throw new TypeError(`${where}: \`max\` must be a positive integer or Infinity, got ${describe(max)}`);
  }
  if (max !== Infinity && !(Number.isSafeInteger(max) && max >= 1)) {
    throw new RangeError(`${where}: \`max\` must be a positive integer or Infinity, got ${describe(max)}`);
  }
}

/** A duration in ms (`ttl`, `staleWhileRevalidate`, ...): a positive number; `Infinity` means "never". */
export function validateDuration(value: unknown, option: string, where = 'memoize'): asserts value is number | undefined {
  if (value === undefined) return;
  if (typeof value !== 'number') {
    throw new TypeError(`${where}: \`${option}\` must be a positive number of milliseconds, got ${describe(value)}`);
  }
  if (!(value > 0)) {
    throw new RangeError(`${where}: \`${option}\` must be a positive number of milliseconds, got ${describe(value)}`);
  }
}

/** `ttl`: milliseconds, a positive number; `Infinity` means "never expires". */
export function validateTtl(ttl: unknown): asserts ttl is number | undefined {
  validateDuration(ttl, 'ttl');
}

/** `key`: 'identity', 'structural' or a resolver function. */
export function validateKey(key: unknown): void {
  if (key === undefined || key === 'identity' || key === 'structural' || typeof key === 'function') return;
  if (typeof key === 'string') {
    throw new RangeError(
      `memoize: unknown \`key\` mode ${describe(key)}; use 'identity', 'structural' or a function (...args) => key`,
    );
  }
  throw new TypeError(
    `memoize: \`key\` must be 'identity', 'structural' or a function (...args) => key, got ${describe(key)}`,
  );
}

/** The options object itself: an object (or undefined) with only known options. */
export function validateOptionsObject(options: unknown): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`memoize: \`options\` must be an object, got ${describe(options)}`);
  }
  for (const name of Object.keys(options)) {
    if (!KNOWN_OPTIONS.includes(name)) {
      throw new TypeError(`memoize: unknown option \`${name}\` (known options: ${KNOWN_OPTIONS.join(', ')})`);
    }
  }
}

/** The options that only make sense with a shared `store`, and what a store requires. */
export function validateSharedOptions(options: Record<string, unknown> | undefined, isStore: (value: unknown) => boolean): void {
  const store = options?.store;
  const swr = options?.staleWhileRevalidate;
  const sie = options?.staleIfError;
  validateDuration(swr, 'staleWhileRevalidate');
  validateDuration(sie, 'staleIfError');
  if (store === undefined) {
    for (const option of ['staleWhileRevalidate', 'staleIfError'] as const) {
      if (options?.[option] !== undefined) {
        throw new TypeError(`memoize: \`${option}\` needs a shared \`store\` (e.g. redisStore from 'eslint-plugin-memo-guard/memoize/redis')`);
      }
    }
    return;
  }
  if (!isStore(store)) {
    throw new TypeError(
      `memoize: \`store\` must be a store made by redisStore(client, { prefix }) from 'eslint-plugin-memo-guard/memoize/redis', got ${describe(store)}`,
    );
  }
  const name = options?.name;
  if (name === undefined) {
    throw new TypeError(
      'memoize: a shared `store` needs a `name` (a string unique per memoized function): it is part of every key in the store, and without it two functions (anonymous ones above all) would read each other\'s entries',
    );
  }
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(`memoize: \`name\` must be a non-empty string, got ${describe(name)}`);
  }
  if (options?.key === 'identity') {
    throw new TypeError(
      "memoize: `key: 'identity'` cannot be used with a shared `store`: object identity means nothing in another process, so two processes would never share an entry (or would share a wrong one); use the default (structural keys: plain data by value) or a resolver that returns a string",
    );
  }
  if ((swr !== undefined || sie !== undefined) && options?.ttl === undefined) {
    throw new TypeError('memoize: `staleWhileRevalidate` and `staleIfError` count from the end of `ttl`; set `ttl` too');
  }
}
