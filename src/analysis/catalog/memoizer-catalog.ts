/**
 * The memoizer catalog: which libraries memoize, how each one keys, when it is bounded, whether it
 * is safe with promises, and how a fix bounds it. Rules read this table; they never name a library.
 */

/** How a memoizer turns a call's arguments into a cache key. */
export type Keying =
  /** The first argument only, by identity (lodash, memoize/mem, es-toolkit). */
  | 'first-arg'
  /** Every argument, by identity (moize, micro-memoize, nano-memoize, this package). */
  | 'all-identity'
  /** `fn.length` arguments by identity: a default or rest parameter is left out of the key (memoizee). */
  | 'fn-length'
  /** `JSON.stringify` of the arguments (fast-memoize, radash). */
  | 'json'
  /** A key function is required (ramda `memoizeWith`). */
  | 'custom'
  /** Identity on purpose, with a tiny or weak cache (memoize-one, reselect). */
  | 'identity-by-design'
  /** By value: deep equality or a serialization that keeps types apart (moize.deep, moize.serialize). */
  | 'value'
  /**
   * `String()` of each of `fn.length` arguments (memoizee `primitive: true`): every object becomes
   * `[object Object]` and an array its joined elements, so different arguments share one entry.
   */
  | 'string';

/** What an option of the memoizer's options object means. */
export interface OptionRule {
  /** Property names in the options object. */
  names: readonly string[];
  /** Only these literal values count; default: any value except `false`, `undefined`, `Infinity`. */
  values?: readonly (string | boolean)[];
}

/**
 * How a fix bounds an unbounded call of this memoizer. Only the kinds that keep behaviour (keying,
 * the cache API callers use, what is passed to the function) are autofixes; `suggest-replace` is
 * offered as a suggestion that says what changes.
 */
export type BoundFix =
  /** Add or replace a numeric size option (memoizee `max`, moize `maxSize`, …). */
  | { kind: 'size-option'; option: string }
  /** Add `cache: new LruMap(max)` (memoize/mem and p-memoize take any Map-like cache). */
  | { kind: 'cache-option'; option: string }
  /** Add `cache: { create: () => new LruMap(max) }` (fast-memoize's cache factory: its keys stay as they are). */
  | { kind: 'cache-factory'; option: string }
  /** `moize.infinite(fn)` → `moize(fn, { maxSize })`: the same library with its own bound. */
  | { kind: 'base-size-option'; option: string }
  /**
   * Replace the call with this package's `memoize(fn, { max })`, keyed as before: `first-arg` keeps
   * the first argument as the key (`key: (first) => first`), a resolver stays the key. The memoized
   * function's `.cache.clear()` / `.cache.delete(k)` become `cacheClear()` / `cacheDelete(k)`.
   */
  | { kind: 'replace'; key: 'first-arg' }
  /** A replacement that changes behaviour: a suggestion only; `change` says what changes. */
  | { kind: 'suggest-replace'; change: string };

export interface MemoizerSpec {
  /** Name used in messages, e.g. `lodash memoize`. */
  label: string;
  keying: Keying;
  /** Index of the wrapped function among the call's arguments. */
  fnArg: number;
  /** Index of the options object, if the memoizer takes one. */
  optionsArg?: number;
  /** A positional resolver (lodash's second argument). */
  resolverArg?: number;
  /** Options that replace the default keying with the user's own (a resolver, a deep or serialized key). */
  resolverOptions?: OptionRule;
  /** Options that switch the memoizer to another built-in keying (memoizee `primitive: true` keys on `String()`). */
  keyingOptions?: readonly { option: OptionRule; keying: Keying }[];
  /** `true`: never grows without bound (size-1, weak or bounded by default). Otherwise the options that bound it. */
  bounded: true | OptionRule | false;
  /** Options whose presence as `Infinity` makes a default-bounded memoizer unbounded again. */
  unboundOption?: string;
  /**
   * The `unboundOption` set to `Infinity` is this library's documented, explicit unbounded mode (a
   * choice, not an oversight): the strict rule leaves it alone; on a request path it still leaks.
   */
  explicitUnbound?: true;
  /** `true`: drops rejected promises. Otherwise the options that make it do so. */
  promiseSafe: true | OptionRule | false;
  /** Removes each entry once its call settles: it shares only calls in flight, and a later call runs the function again. */
  inFlightOnly?: true;
  /** Expires entries by time (counts for the `requireTtl` option). */
  ttlOptions?: OptionRule;
  fix?: BoundFix;
  /** The suggestion that makes it promise-safe in place, when the library has an option for it. */
  promiseOption?: string;
  /** How many entries it holds when no size option is given (memoize-one, moize, micro-memoize: 1). */
  defaultSize?: number;
  /** The numeric option that sets how many entries it holds. */
  sizeOption?: string;
  /**
   * The key covers only this many leading arguments, each as `keying` says (an in-house memoizer
   * keyed on `JSON.stringify(arg)`, or on two nested `WeakMap`s of a four-parameter closure).
   */
  keyedArgs?: number;
  /** Keys objects by identity on purpose, in a `WeakMap`: an object parameter is the intended key. */
  weakKeys?: true;
  /**
   * Memoizes its result on what its input selectors return, not on its own arguments (reselect's
   * `createSelector`): an argument reaches the key only through an input selector that returns it.
   */
  selectorInputs?: true;
  /**
   * Its cache lives for one server request (React `cache`): nothing outlives the request, and a
   * replacement by a process-wide memoizer would change that, so none is suggested.
   */
  requestScoped?: true;
  /**
   * How majors before each `major` treat a rejected promise, when the file's package declares a
   * range that allows only those (mem 3 and 4 dropped rejected promises by default, 5 kept them
   * unless told not to, 6 dropped the option), in rising order of `major`.
   */
  promiseSafeBefore?: readonly { major: number; promiseSafe: true | OptionRule | false }[];
  /**
   * What bounds the cache in majors before `major`, when the file's package declares a range that
   * allows only those (p-memoize before 6 took mem's `maxAge`, whose timer removes expired entries).
   */
  boundedBefore?: { major: number; bounded: OptionRule; ttlOptions: OptionRule };
}

/** Where a memoizer is imported from: a module and an export (`default` or a name). */
export interface MemoizerSource {
  module: string;
  export: string;
  /** A property of the export to call, for `moize.infinite(fn)`-style variants. */
  member?: string;
  spec: MemoizerSpec;
}

const lodash: MemoizerSpec = {
  label: 'lodash memoize',
  keying: 'first-arg',
  fnArg: 0,
  resolverArg: 1,
  bounded: false,
  promiseSafe: false,
  // lodash's MapCache compares keys like a Map (SameValueZero), as the runtime does.
  fix: { kind: 'replace', key: 'first-arg' },
};

const underscore: MemoizerSpec = {
  ...lodash,
  label: 'underscore memoize',
  fix: { kind: 'suggest-replace', change: "underscore turns the key into a string (`1` and `'1'` share an entry) and its `.cache` is a plain object; memo-guard's memoize keeps keys apart by type" },
};

const esToolkit: MemoizerSpec = {
  label: 'es-toolkit memoize',
  keying: 'first-arg',
  fnArg: 0,
  optionsArg: 1,
  resolverOptions: { names: ['getCacheKey'] },
  bounded: { names: ['cache'] },
  promiseSafe: false,
  fix: { kind: 'suggest-replace', change: "memo-guard's memoize passes every argument to the function (es-toolkit passes only the first) and has no `.cache` property" },
};

const radash: MemoizerSpec = {
  label: 'radash memo',
  keying: 'json',
  fnArg: 0,
  optionsArg: 1,
  resolverOptions: { names: ['key'] },
  // radash checks `ttl` on read and overwrites, but never removes an entry: still unbounded.
  bounded: false,
  promiseSafe: false,
  ttlOptions: { names: ['ttl'] },
  fix: { kind: 'suggest-replace', change: "memo-guard's memoize keys arguments by identity, not by their JSON text" },
};

/** radashi (radash's maintained fork): the same `memo`, and `promiseMemo`, which drops a rejected promise. */
const radashi: MemoizerSpec = { ...radash, label: 'radashi memo' };
const radashiPromiseMemo: MemoizerSpec = { ...radash, label: 'radashi promiseMemo', promiseSafe: true };

const ramda: MemoizerSpec = {
  label: 'ramda memoizeWith',
  keying: 'custom',
  fnArg: 1,
  resolverArg: 0,
  bounded: false,
  promiseSafe: false,
  fix: { kind: 'suggest-replace', change: "ramda turns the key into a property name (`1` and `'1'` share an entry); memo-guard's memoize compares keys by value and type" },
};

const fastMemoize: MemoizerSpec = {
  label: 'fast-memoize',
  keying: 'json',
  fnArg: 0,
  optionsArg: 1,
  resolverOptions: { names: ['serializer'] },
  bounded: { names: ['cache'] },
  promiseSafe: false,
  // Its own cache option: the keys (JSON text, or a number / boolean / null as is) stay exactly as they are.
  fix: { kind: 'cache-factory', option: 'cache' },
};

const memoizee: MemoizerSpec = {
  label: 'memoizee',
  keying: 'fn-length',
  fnArg: 0,
  optionsArg: 1,
  resolverOptions: { names: ['normalizer', 'length'] },
  keyingOptions: [{ option: { names: ['primitive'], values: [true] }, keying: 'string' }],
  // memoizee's `maxAge` removes entries on a timer, so it bounds the cache in time.
  bounded: { names: ['max', 'maxAge'] },
  promiseSafe: { names: ['promise'] },
  ttlOptions: { names: ['maxAge'] },
  fix: { kind: 'size-option', option: 'max' },
  promiseOption: 'promise',
  sizeOption: 'max',
};

const moize: MemoizerSpec = {
  label: 'moize',
  keying: 'all-identity',
  fnArg: 0,
  optionsArg: 1,
  resolverOptions: { names: ['isDeepEqual', 'isSerialized', 'transformArgs', 'matchesKey', 'matchesArg', 'isShallowEqual'] },
  bounded: true,
  unboundOption: 'maxSize',
  promiseSafe: { names: ['isPromise'] },
  ttlOptions: { names: ['maxAge'] },
  fix: { kind: 'size-option', option: 'maxSize' },
  promiseOption: 'isPromise',
  defaultSize: 1,
  sizeOption: 'maxSize',
};

// `moize.infinite` is `moize` with `maxSize: Infinity`: bounding it keeps moize, its keying and its API.
const moizeInfinite: MemoizerSpec = { ...moize, label: 'moize.infinite', bounded: false, fix: { kind: 'base-size-option', option: 'maxSize' }, defaultSize: Infinity };
const moizePromise: MemoizerSpec = { ...moize, label: 'moize.promise', promiseSafe: true };
const moizeDeep: MemoizerSpec = { ...moize, label: 'moize.deep', keying: 'value' };

const microMemoize: MemoizerSpec = {
  label: 'micro-memoize',
  keying: 'all-identity',
  fnArg: 0,
  optionsArg: 1,
  resolverOptions: { names: ['isEqual', 'isMatchingKey', 'transformKey'] },
  // No unbounded mode: micro-memoize 5 takes a non-finite `maxSize` (Infinity) as invalid and keeps 1 entry.
  bounded: true,
  promiseSafe: { names: ['isPromise', 'async'] },
  fix: { kind: 'size-option', option: 'maxSize' },
  promiseOption: 'isPromise',
  defaultSize: 1,
  sizeOption: 'maxSize',
};

const sindreMemoize: MemoizerSpec = {
  label: 'memoize (mem)',
  keying: 'first-arg',
  fnArg: 0,
  optionsArg: 1,
  resolverOptions: { names: ['cacheKey'] },
  // `maxAge` removes entries on a timer; `cache` counts when it is a bounded Map-like (see isBoundedCacheExpression).
  bounded: { names: ['cache', 'maxAge'] },
  promiseSafe: false,
  ttlOptions: { names: ['maxAge'] },
  fix: { kind: 'cache-option', option: 'cache' },
};

/** `mem`, the package's name before it was renamed `memoize` (version 10): its promise handling changed by major. */
const mem: MemoizerSpec = {
  ...sindreMemoize,
  promiseSafeBefore: [
    { major: 3, promiseSafe: false },
    { major: 5, promiseSafe: true },
    { major: 6, promiseSafe: { names: ['cachePromiseRejection'], values: [false] } },
  ],
};

const pMemoize: MemoizerSpec = {
  label: 'p-memoize',
  keying: 'first-arg',
  fnArg: 0,
  optionsArg: 1,
  resolverOptions: { names: ['cacheKey'] },
  bounded: { names: ['cache'] },
  promiseSafe: true,
  fix: { kind: 'cache-option', option: 'cache' },
  boundedBefore: { major: 6, bounded: { names: ['cache', 'maxAge'] }, ttlOptions: { names: ['maxAge'] } },
};

const memoizeOne: MemoizerSpec = {
  label: 'memoize-one',
  keying: 'identity-by-design',
  fnArg: 0,
  // Its second argument, `isEqual(newArgs, lastArgs)`, compares argument lists: not a key
  // resolver, so a call that passes one has no `memoize` equivalent and gets no replacement.
  bounded: true,
  promiseSafe: false,
  defaultSize: 1,
};

const nanoMemoize: MemoizerSpec = {
  label: 'nano-memoize',
  keying: 'all-identity',
  fnArg: 0,
  optionsArg: 1,
  resolverOptions: { names: ['serializer', 'equals'] },
  bounded: { names: ['maxAge'] },
  promiseSafe: false,
  ttlOptions: { names: ['maxAge'] },
  fix: { kind: 'suggest-replace', change: "nano-memoize passes only the first argument to a one-parameter function and recomputes falsy results; memo-guard's memoize passes every argument and caches every result" },
};

const memize: MemoizerSpec = {
  label: 'memize',
  keying: 'all-identity',
  fnArg: 0,
  optionsArg: 1,
  bounded: { names: ['maxSize'] },
  promiseSafe: false,
  fix: { kind: 'size-option', option: 'maxSize' },
  sizeOption: 'maxSize',
};

const reselect: MemoizerSpec = {
  label: 'reselect',
  keying: 'identity-by-design',
  fnArg: 0,
  bounded: true,
  promiseSafe: false,
};

/**
 * React's `cache` (server components): a cache per server request, keyed on every argument, primitives by
 * value and objects by identity (`Object.is`), so a fresh object literal at each call never matches. A
 * rejection is kept for the rest of that request only.
 */
const reactCache: MemoizerSpec = {
  label: 'React cache()',
  keying: 'all-identity',
  fnArg: 0,
  bounded: true,
  promiseSafe: true,
  requestScoped: true,
};

/** This package's own runtime memoizer: the reference the fixes switch to. */
export const memoGuardModule = 'eslint-plugin-memo-guard/memoize';
const memoGuard: MemoizerSpec = {
  label: 'memo-guard memoize',
  keying: 'all-identity',
  fnArg: 0,
  optionsArg: 1,
  resolverOptions: { names: ['key'], values: ['structural'] },
  // `max: Infinity` is the runtime's explicit unbounded mode: a choice, not an oversight.
  bounded: true,
  unboundOption: 'max',
  explicitUnbound: true,
  promiseSafe: true,
  ttlOptions: { names: ['ttl'] },
  fix: { kind: 'size-option', option: 'max' },
  defaultSize: 500,
  sizeOption: 'max',
};

function from(modules: readonly string[], exportName: string, spec: MemoizerSpec, member?: string): MemoizerSource[] {
  return modules.map((module) => (member === undefined ? { module, export: exportName, spec } : { module, export: exportName, member, spec }));
}

/** Every known memoizer, by import source and export. */
export const memoizerSources: readonly MemoizerSource[] = [
  ...from(['lodash', 'lodash-es'], 'memoize', lodash),
  ...from(['underscore'], 'memoize', underscore),
  ...from(['lodash/memoize', 'lodash/memoize.js', 'lodash-es/memoize', 'lodash-es/memoize.js', 'lodash.memoize'], 'default', lodash),
  ...from(['underscore/modules/memoize.js'], 'default', underscore),
  ...from(['es-toolkit', 'es-toolkit/function', 'es-toolkit/compat'], 'memoize', esToolkit),
  ...from(['radash'], 'memo', radash),
  ...from(['radashi'], 'memo', radashi),
  ...from(['radashi'], 'promiseMemo', radashiPromiseMemo),
  ...from(['ramda'], 'memoizeWith', ramda),
  ...from(['ramda/src/memoizeWith', 'ramda/es/memoizeWith'], 'default', ramda),
  ...from(['fast-memoize'], 'default', fastMemoize),
  ...from(['memoizee'], 'default', memoizee),
  // memoizee/weak keeps the first argument in a WeakMap: an entry lives as long as its key object.
  ...from(['memoizee/weak'], 'default', { ...memoizee, label: 'memoizee/weak', weakKeys: true }),
  ...from(['moize'], 'default', moize),
  ...from(['moize'], 'default', moizeInfinite, 'infinite'),
  ...from(['moize'], 'default', moizePromise, 'promise'),
  ...from(['moize'], 'default', moizeDeep, 'deep'),
  ...from(['moize'], 'default', { ...moizeDeep, label: 'moize.serialize' }, 'serialize'),
  ...from(['micro-memoize'], 'default', microMemoize),
  ...from(['micro-memoize'], 'memoize', microMemoize),
  ...from(['memoize'], 'default', sindreMemoize),
  ...from(['mem'], 'default', mem),
  ...from(['p-memoize'], 'default', pMemoize),
  ...from(['memoize-one'], 'default', memoizeOne),
  ...from(['nano-memoize'], 'default', nanoMemoize),
  ...from(['nano-memoize'], 'nanomemoize', nanoMemoize),
  ...from(['memize'], 'default', memize),
  ...from(['reselect'], 'weakMapMemoize', reselect),
  ...from(['reselect'], 'lruMemoize', reselect),
  ...from(['reselect'], 'defaultMemoize', reselect),
  ...from(['reselect'], 'createSelector', { ...reselect, label: 'reselect createSelector', fnArg: -1, selectorInputs: true }),
  ...from([memoGuardModule], 'memoize', memoGuard),
  ...from(['react'], 'cache', reactCache),
];

/**
 * How code removes entries from a memoized function's own cache, as member paths on the memoized
 * function: lodash, underscore and es-toolkit expose their `Map` as `.cache` (`f.cache.delete(k)`),
 * memoizee has `f.delete(...args)`, moize `f.remove(args)`, micro-memoize and nano-memoize
 * `f.clear()`, this package `f.cacheDelete(...args)` / `f.cacheClear()`.
 */
export const ownCacheRemovalPaths: readonly (readonly string[])[] = [
  ['cache', 'delete'],
  ['cache', 'clear'],
  ['delete'],
  ['clear'],
  ['remove'],
  ['cacheDelete'],
  ['cacheClear'],
];

/** Functions that empty the cache of the memoized function they are given: `memoizeClear(f)` (memoize, formerly mem). */
export const ownCacheClearFunctions: readonly { module: string; export: string }[] = [
  { module: 'memoize', export: 'memoizeClear' },
  { module: 'mem', export: 'memClear' },
  { module: 'p-memoize', export: 'pMemoizeClear' },
];

/** A method decorator that memoizes, and where it keeps its cache. */
export interface DecoratorSpec {
  module: string;
  export: string;
  label: string;
  /** `true`: one cache per decorated method, on the prototype, shared by all instances. */
  shared: boolean;
  /** What the shared cache keys on, for the message. */
  keying: string;
  /**
   * Where a key function can be given, which then keys calls on more than the first argument: the
   * decorator's argument at `keyArg` (a function, or `true`), or its option `keyOption` when that
   * argument is an object. Without one, every catalogued decorator keys on the first argument only.
   */
  keyArg?: number;
  keyOption?: string;
}

/**
 * None of these evicts: every distinct key stays for the life of the cache (typescript-memoize's
 * `MemoizeExpiring` replaces an expired entry when its key is asked again, and never removes one).
 * decko's `memoize` wraps `descriptor.value` once, with one plain-object cache keyed by `String(args[0])`.
 * lodash-decorators' `Memoize` is an instance decorator (a cache per instance); its `MemoizeAll` is
 * applied to the prototype on purpose. typescript-memoize keeps its `Map` in a property of `this`.
 */
export const memoDecorators: readonly DecoratorSpec[] = [
  { module: 'decko', export: 'memoize', label: 'decko', shared: true, keying: 'the first argument as a string' },
  { module: 'lodash-decorators', export: 'MemoizeAll', label: 'lodash-decorators MemoizeAll', shared: true, keying: 'the first argument', keyArg: 0, keyOption: 'resolver' },
  { module: 'lodash-decorators', export: 'memoizeAll', label: 'lodash-decorators memoizeAll', shared: true, keying: 'the first argument', keyArg: 0, keyOption: 'resolver' },
  { module: 'lodash-decorators/memoizeAll', export: 'default', label: 'lodash-decorators MemoizeAll', shared: true, keying: 'the first argument', keyArg: 0, keyOption: 'resolver' },
  { module: 'lodash-decorators', export: 'Memoize', label: 'lodash-decorators Memoize', shared: false, keying: 'the first argument', keyArg: 0, keyOption: 'resolver' },
  { module: 'lodash-decorators', export: 'memoize', label: 'lodash-decorators memoize', shared: false, keying: 'the first argument', keyArg: 0, keyOption: 'resolver' },
  // `@Memoize(true)` keys on every argument (`String(arg)` joined); `@Memoize({ expiring })` alone keys on the first.
  { module: 'typescript-memoize', export: 'Memoize', label: 'typescript-memoize', shared: false, keying: 'the first argument', keyArg: 0, keyOption: 'hashFunction' },
  { module: 'typescript-memoize', export: 'MemoizeExpiring', label: 'typescript-memoize', shared: false, keying: 'the first argument', keyArg: 1 },
];

/** Cache classes: constructing one gives a Map-like cache. `bounded` says whether it evicts by itself. */
export interface CacheClassSpec {
  module: string;
  export: string;
  label: string;
  bounded: boolean;
  /** Options (of the last constructor argument) that bound an otherwise unbounded cache. */
  boundOptions?: readonly string[];
  /** Methods that add entries, besides `set` (DataLoader's `load` caches every key it loads). */
  writeMethods?: readonly string[];
  /** A constructor argument that, given as `Infinity`, is the class's explicit unbounded mode (`new LruMap(Infinity)`). */
  unboundArg?: number;
  /** An argument that is not an options object (a connection URI, a store adapter) keeps the entries out of the process. */
  externalStoreArg?: true;
  /** A constructor argument that, given as a number, is the bound (`new LRU(200)` in lru-cache before 7). */
  sizeArg?: number;
  /** How majors before `major` behave, when the declared version range allows only those. */
  before?: { major: number; bounded: boolean; boundOptions?: readonly string[]; sizeArg?: number };
  /**
   * The argument of `set` that gives the entry a lifetime (`cache.set(k, v, ttl)`), after which the
   * class's own periodic check deletes it; `sweepOption`, given as 0 or `false`, turns that check off.
   */
  expiry?: { setArg: number; sweepOption: string };
}

export const cacheClassSources: readonly CacheClassSpec[] = [
  { module: 'lru-cache', export: 'LRUCache', label: 'lru-cache', bounded: true },
  // lru-cache before 7 is unbounded without `max` (`maxAge` only expires on read); a number given alone is `max` (`new LRU(200)`).
  { module: 'lru-cache', export: 'default', label: 'lru-cache', bounded: true, before: { major: 7, bounded: false, boundOptions: ['max', 'length'], sizeArg: 0 } },
  { module: 'quick-lru', export: 'default', label: 'quick-lru', bounded: true },
  { module: 'tiny-lru', export: 'LRU', label: 'tiny-lru', bounded: true },
  { module: 'tiny-lru', export: 'lru', label: 'tiny-lru', bounded: true },
  { module: '@isaacs/ttlcache', export: 'default', label: '@isaacs/ttlcache', bounded: true },
  { module: '@isaacs/ttlcache', export: 'TTLCache', label: '@isaacs/ttlcache', bounded: true },
  { module: 'mnemonist', export: 'LRUCache', label: 'mnemonist', bounded: true },
  { module: 'mnemonist/lru-cache', export: 'default', label: 'mnemonist', bounded: true },
  { module: 'mnemonist/lru-map', export: 'default', label: 'mnemonist', bounded: true },
  { module: 'expiry-map', export: 'default', label: 'expiry-map', bounded: true },
  { module: memoGuardModule, export: 'LruMap', label: 'memo-guard LruMap', bounded: true, unboundArg: 0 },
  // node-cache keeps every key unless `stdTTL` or a ttl given to each `set` expires them (its check period, every
  // 600 s unless `checkperiod: 0`, deletes them) or `maxKeys` caps them.
  { module: 'node-cache', export: 'default', label: 'node-cache', bounded: false, boundOptions: ['stdTTL', 'maxKeys'], expiry: { setArg: 2, sweepOption: 'checkperiod' } },
  // A QueryClient keeps every query it fetched; on the server nothing garbage-collects it (gcTime is Infinity there).
  ...['@tanstack/react-query', '@tanstack/query-core', 'react-query'].map((module) => ({
    module, export: 'QueryClient', label: 'QueryClient', bounded: false,
    writeMethods: ['prefetchQuery', 'fetchQuery', 'ensureQueryData', 'setQueryData', 'prefetchInfiniteQuery', 'fetchInfiniteQuery'],
  })),
  // Keyv keeps its entries in a `Map` unless given a store or a URI (Redis, …); a ttl is checked on read only.
  ...['default', 'Keyv'].map((exported) => ({
    module: 'keyv', export: exported, label: 'Keyv (in-memory Map store)', bounded: false, boundOptions: ['store', 'uri', 'adapter'], externalStoreArg: true as const,
  })),
  // A DataLoader caches every key it ever loads: meant to live for one request, a leak at module level.
  { module: 'dataloader', export: 'default', label: 'DataLoader', bounded: false, boundOptions: ['cache', 'cacheMap'], writeMethods: ['load', 'loadMany', 'prime'] },
];

/** A memoizer described in `settings['memo-guard'].memoizers`. */
export interface MemoizerSetting {
  module: string;
  export?: string;
  keying?: Keying;
  bounded?: boolean;
  promiseSafe?: boolean;
  resolverOptions?: string[];
}

/** Turns user settings into catalog entries, placed before the built-in ones so they win. */
export function memoizerSourcesFromSettings(settings: readonly MemoizerSetting[]): MemoizerSource[] {
  return settings.map((setting) => ({
    module: setting.module,
    export: setting.export ?? 'default',
    spec: {
      label: `${setting.module} ${setting.export ?? ''}`.trim(),
      keying: setting.keying ?? 'first-arg',
      fnArg: 0,
      optionsArg: 1,
      ...(setting.resolverOptions ? { resolverOptions: { names: setting.resolverOptions } } : {}),
      bounded: setting.bounded ?? false,
      promiseSafe: setting.promiseSafe ?? false,
      fix: { kind: 'suggest-replace', change: "memo-guard does not know this memoizer's keying or cache API, so callers may see different keys or a missing method" },
    },
  }));
}
