import memoize from 'memoize';
import { Counter } from 'prom-client';

const cacheMisses = new Counter({ name: 'report_cache_misses', help: 'report cache misses' });
const seen = new Set<string>();
const stats = { builds: 0 };

/** Counts report builds in a metric: a cache hit serves a report without moving it, so the metric undercounts. */
export const buildReport = memoize((id: string) => { // expect: no-side-effect-memoize
  cacheMisses.inc();
  return { id, rows: [] as string[] };
});

/** Records every id it builds in a module-level set. */
export const buildSummary = memoize((id: string) => { // expect: no-side-effect-memoize
  seen.add(id);
  return `summary:${id}`;
});

/** Bumps a stats object field. */
export const buildChart = memoize((id: string) => { // expect: no-side-effect-memoize
  stats.builds += 1;
  return `chart:${id}`;
});

/** Builds into a local array and a local map only. */
export const buildIndex = memoize((ids: string) => {
  const out: string[] = [];
  const byFirst = new Map<string, string>();
  for (const id of ids.split(',')) {
    out.push(id);
    byFirst.set(id[0] ?? '', id);
  }
  return { out, byFirst };
});

/** Measures its own duration with performance.now(), and returns it: the duration is frozen. */
export const timedParse = memoize((text: string) => { // expect: no-side-effect-memoize
  const started = performance.now();
  const value = JSON.parse(text) as unknown;
  return { value, ms: performance.now() - started };
});
