/**
 * A stamp of what the index has read for a file's project: the texts (`sourceChanges`), the
 * resolutions and the import graph. An answer derived from them is current while the stamp is the
 * same; in a project with no import graph to check the disk, for at most a second.
 */
import { graphGeneration } from './graph.js';
import { resolutionGeneration } from './resolve.js';
import { sourceChanges } from './sources.js';

export function indexGeneration(file: string): string {
  return `${String(sourceChanges())}:${String(resolutionGeneration())}:${String(graphGeneration(file) ?? `t${String(Math.floor(Date.now() / 1000))}`)}`;
}
