// Observability helper for /metrics.

/** Heap in use after a full GC (when node runs with --expose-gc), so that what is left is what is retained. */
export function heapAfterGc() {
  globalThis.gc?.();
  return { heapUsed: process.memoryUsage().heapUsed, gcExposed: typeof globalThis.gc === 'function' };
}
