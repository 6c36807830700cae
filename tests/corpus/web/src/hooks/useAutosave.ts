import { useEffect, useRef } from 'react';
import memoize from 'lodash/memoize';
import throttle from 'lodash/throttle';

// One throttled wrapper per callback: components that pass the same save function share it.
const throttled = memoize((fn: (...args: unknown[]) => void) => throttle(fn, 1_000, { trailing: true }));

export function useAutosave<T>(value: T, save: (value: T) => Promise<void>) {
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => {
    const run = throttled(() => { // expect: no-unhashable-args
      void save(latest.current);
    });
    run();
  }, [value, save]);
}

export function useThrottledCallback(callback: () => void) {
  const ref = useRef(callback);
  ref.current = callback;
  return throttled(stableInvoker(ref));
}

const invokers = new WeakMap<object, () => void>();

function stableInvoker(ref: { current: () => void }): () => void {
  let invoke = invokers.get(ref);
  if (!invoke) {
    invoke = () => ref.current();
    invokers.set(ref, invoke);
  }
  return invoke;
}
