import noMethodCacheLeak from '../rules/no-method-cache-leak.js';
import noRecursiveCacheThrash from '../rules/no-recursive-cache-thrash.js';
import noSideEffectMemoize from '../rules/no-side-effect-memoize.js';
import noUnboundedCacheInHandler from '../rules/no-unbounded-cache-in-handler.js';
import noUnboundedMemoize from '../rules/no-unbounded-memoize.js';
import noUnhashableArgs from '../rules/no-unhashable-args.js';
import noUnsafeAsyncMemoize from '../rules/no-unsafe-async-memoize.js';

/** Every rule of the plugin, by id. */
export const rules = {
  'no-method-cache-leak': noMethodCacheLeak,
  'no-recursive-cache-thrash': noRecursiveCacheThrash,
  'no-side-effect-memoize': noSideEffectMemoize,
  'no-unbounded-cache-in-handler': noUnboundedCacheInHandler,
  'no-unbounded-memoize': noUnboundedMemoize,
  'no-unhashable-args': noUnhashableArgs,
  'no-unsafe-async-memoize': noUnsafeAsyncMemoize,
};
