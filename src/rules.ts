import noUnboundedCacheInHandler from '../rules/no-unbounded-cache-in-handler.js';
import noUnboundedMemoize from '../rules/no-unbounded-memoize.js';
import noUnhashableArgs from '../rules/no-unhashable-args.js';
import noUnsafeAsyncMemoize from '../rules/no-unsafe-async-memoize.js';

/** Every rule of the plugin, by id. */
export const rules = {
  'no-unbounded-cache-in-handler': noUnboundedCacheInHandler,
  'no-unbounded-memoize': noUnboundedMemoize,
  'no-unhashable-args': noUnhashableArgs,
  'no-unsafe-async-memoize': noUnsafeAsyncMemoize,
};
