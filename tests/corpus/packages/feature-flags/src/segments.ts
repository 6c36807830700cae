import _ from 'lodash';
import memoize from 'memoize';

export interface Segment {
  id: string;
  rules: { attribute: string; operator: 'eq' | 'in'; value: string | string[] }[];
}

const SEGMENTS_URL = process.env.SEGMENTS_URL ?? 'https://flags.internal/v1/segments';

async function loadSegments(environment: string): Promise<Segment[]> {
  const res = await fetch(`${SEGMENTS_URL}?env=${environment}`);
  if (!res.ok) throw new Error(`segments ${res.status}`);
  return (await res.json()) as Segment[];
}

export const segmentsFor = _.memoize(loadSegments); // expect: no-unsafe-async-memoize

export const segmentById = _.memoize(async (id: string) => { // expect: no-unsafe-async-memoize
  try {
    const res = await fetch(`${SEGMENTS_URL}/${id}`);
    return (await res.json()) as Segment;
  } catch (err) {
    console.error(`segment ${id} failed to load`, err);
    throw err;
  }
});

export const segmentCount = memoize(async (environment: string) => { // expect: no-unsafe-async-memoize
  const url = new URL(`?env=${encodeURIComponent(environment)}`, SEGMENTS_URL);
  try {
    const res = await fetch(url);
    return ((await res.json()) as Segment[]).length;
  } catch {
    return 0;
  }
});

export const segmentNames = memoize(async (environment: string) => {
  try {
    const segments = await loadSegments(environment);
    return segments.map((s) => s.id);
  } catch {
    return [] as string[];
  }
});
