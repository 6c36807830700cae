export { memoize, memoizeJson, memoizeWithWarning, utils } from './memoize';
export type { WarnOptions } from './memoize';
export { remember, rememberLast } from './cache';
export { log, safeGetJson } from './runtime';
export { withMemo } from './with-memo';
export type { WithMemoOptions } from './with-memo';
