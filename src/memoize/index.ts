/**
 * The runtime memoizer: `import { memoize, LruMap } from 'eslint-plugin-memo-guard/memoize'`.
 * Zero dependencies; see docs/memoize.md.
 */
export { memoize } from './memoize.js';
export type { CacheInfo, Memoized, MemoizeOptions } from './memoize.js';
export { LruMap } from './lru-map.js';
export { structuralKey } from './structural-key.js';
