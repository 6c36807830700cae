/** Option validation shared by `memoize` and `LruMap`. Messages name the option. */

export const DEFAULT_MAX = 500;

const KNOWN_OPTIONS = new Set(['max', 'ttl', 'key']);

function describe(value: unknown): string {
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

/** `ttl`: milliseconds, a positive number; `Infinity` means "never expires". */
export function validateTtl(ttl: unknown): asserts ttl is number | undefined {
  if (ttl === undefined) return;
  if (typeof ttl !== 'number') {
    throw new TypeError(`memoize: \`ttl\` must be a positive number of milliseconds, got ${describe(ttl)}`);
  }
  if (!(ttl > 0)) {
    throw new RangeError(`memoize: \`ttl\` must be a positive number of milliseconds, got ${describe(ttl)}`);
  }
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
    if (!KNOWN_OPTIONS.has(name)) {
      throw new TypeError(`memoize: unknown option \`${name}\` (known options: max, ttl, key)`);
    }
  }
}
