import memoize from 'lodash/memoize';
import debounce from 'lodash/debounce';

type Handler = (event: Event) => void;

/**
 * Returns the same debounced wrapper for the same handler, so adding and removing a listener
 * with `debounced(onResize)` works as expected.
 */
export const debounced = memoize((handler: Handler) => debounce(handler, 150));

export function onResize(handler: Handler) {
  const wrapped = debounced(handler);
  window.addEventListener('resize', wrapped, { passive: true });
  return () => window.removeEventListener('resize', wrapped);
}

export function onScroll(handler: Handler, target: HTMLElement | Window = window) {
  const wrapped = debounced(handler);
  target.addEventListener('scroll', wrapped, { passive: true });
  return () => target.removeEventListener('scroll', wrapped);
}

export function flushAll(handlers: Handler[]) {
  for (const handler of handlers) {
    debounced(handler).flush();
  }
}
