/**
 * Shared by the import-graph tests: a temporary folder for the file's projects (removed after its
 * tests) and the graph's clock, moved past its age limit on demand so a check against the disk is due.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, vi } from 'vitest';

/** A graph is checked against the disk once it is older than this (graph.ts MAX_AGE_MS), with a margin. */
const PAST_AGE_LIMIT_MS = 6000;

export function graphFixture(prefix: string): { temp: string; later: () => void } {
  const temp = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => {
    rmSync(temp, { recursive: true, force: true });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  let clock = Date.now();
  return {
    temp,
    later: () => {
      clock += PAST_AGE_LIMIT_MS;
      vi.spyOn(Date, 'now').mockImplementation(() => clock);
    },
  };
}
