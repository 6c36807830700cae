/**
 * The project index: what the model of a file may ask about the project's other files. One object
 * per process over the caches of project/files (texts, parses, resolutions, the import graph), so
 * the answers never depend on the order in which ESLint visits files.
 */
import path from 'node:path';
import type { MemoGuardSettings } from '../catalog/settings.js';
import { buildProjectFileModel } from '../model/build-model.js';
import type { FileModel, ProjectIndex } from '../model/file-model.js';
import { importersOf, loadsComputedModules, namedByUnresolvedSpecifier, outermostPackageRoot, projectRoot } from './files/graph.js';
import { indexGeneration } from './files/generation.js';
import { oneShotFilePattern } from '../catalog/file-roles.js';
import { declaredMajor, packageManifest } from './files/packages.js';
import { LruMap } from '../../memoize/lru-map.js';
import { fileMayExport } from './files/export-hints.js';
import { appMentions, rendersPerRequest } from './files/next-rendering.js';
import { resolveModule } from './files/resolve.js';
import { parseSource, readSource } from './files/sources.js';
import { keepSummaryOfParsed, summaryOf } from './summaries/summary-store.js';
import { exportedValue, importedMemoizedBindings, importedProjectMemoizers, importedValue } from './cross-file/project-memoizers.js';
import { instancesPerOperation } from './cross-file/instance-lifetime.js';
import { awaitedFatallyByImporters, calledAtModuleLevelElsewhere, calledFromImporters, crossFileHandler, exportedCollectionEntry, exportUnusedByImporters, objectLiteralCallsByImporters, providedElsewhere, removedByImporters, resultsKeptByImporters, startUpUseByImporters } from './cross-file/reach.js';

/** The model of another project file, or `undefined` when it cannot be parsed here. */
function fileModel(file: string, settings: MemoGuardSettings): FileModel | undefined {
  const sourceCode = parseSource(file);
  if (!sourceCode) return undefined;
  keepSummaryOfParsed(file, settings, sourceCode);
  return buildProjectFileModel(sourceCode, file, settings, projectIndex);
}

/** The path of `file` inside its project, as the file-role patterns match it. */
const paths = new Map<string, string>();
function pathInProject(file: string): string {
  let found = paths.get(file);
  if (found === undefined) {
    found = (path.isAbsolute(file) ? path.relative(projectRoot(file), file) : file).replace(/\\/g, '/');
    paths.set(file, found);
  }
  return found;
}

/** `file`'s path from the outermost package folder above it, with `/` separators (see `outermostPackageRoot`). */
function pathInOutermostPackage(file: string): string {
  return (path.isAbsolute(file) ? path.relative(outermostPackageRoot(file), file) : file).replace(/\\/g, '/');
}

/** The files that import `file` and can serve (not tests, scripts or fixtures). */
function servingImporters(file: string): string[] {
  return [...importersOf(file)].filter((importer) => !oneShotFilePattern.test(pathInProject(importer)));
}

/** Whether a serving file of the project imports `file`. */
function importedByServingFile(file: string): boolean {
  return servingImporters(file).length > 0;
}

/** The serving files that import `file`, with their texts (an unreadable one's empty). */
function servingImporterFiles(file: string): { file: string; text: string }[] {
  return servingImporters(file).map((importer) => ({ file: importer, text: readSource(importer) ?? '' }));
}

/** Whether an import the graph does not show may load `file`: a computed load that reaches it, or a specifier that resolves to nothing here and may name it. */
function loadableUnseen(file: string): boolean {
  return loadsComputedModules(file) || namedByUnresolvedSpecifier(file);
}

/** Whether an import may load `file`: a file of the project imports it, or an import not in the graph may. */
function mayBeImported(file: string): boolean {
  return importersOf(file).size > 0 || loadableUnseen(file);
}

/** Whether files of the project import `file` and none of them serves, with no import out of the graph's sight that may load it too. */
function importedOnlyByOneShotFiles(file: string): boolean {
  return importersOf(file).size > 0 && !importedByServingFile(file) && !loadableUnseen(file);
}

/** How far up the importers `loadedFrom` looks: further, the file is taken as loaded. */
const MAX_LOAD_HOPS = 12;
const MAX_LOAD_FILES = 400;

/**
 * Whether a chain of serving importers leads from `file` to a file whose text has `marker`: a module of
 * an app that loads only what its modules import (NestJS) runs only when the bootstrap reaches it.
 * Taken as loaded when the search goes too far to tell.
 */
function loadedFrom(file: string, marker: string): boolean {
  // Kept while the texts and the graph are as they were: every NestJS importer the reach reads asks.
  const generation = indexGeneration(file);
  const key = `${file}\0${marker}`;
  const known = loadedMemo.get(key);
  if (known?.generation === generation) return known.loaded;
  const loaded = searchLoadedFrom(file, marker);
  loadedMemo.set(key, { generation, loaded });
  return loaded;
}
const loadedMemo = new LruMap<string, { generation: string; loaded: boolean }>(4096);

function searchLoadedFrom(file: string, marker: string): boolean {
  const seen = new Set([file]);
  let frontier = [file];
  for (let hop = 0; hop < MAX_LOAD_HOPS && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const current of frontier) {
      for (const importer of importersOf(current)) {
        if (seen.has(importer) || oneShotFilePattern.test(pathInProject(importer))) continue;
        if (readSource(importer)?.includes(marker) === true || seen.size >= MAX_LOAD_FILES) return true;
        seen.add(importer);
        next.push(importer);
      }
    }
    frontier = next;
  }
  return frontier.length > 0;
}

export const projectIndex: ProjectIndex = {
  rootOf: projectRoot,
  pathInProject,
  pathInOutermostPackage,
  resolve: resolveModule,
  mayExport: fileMayExport,
  summaryOf,
  fileModel,
  declaredMajor,
  packageManifest,
  rendersPerRequest,
  appMentions,
  instancesPerOperation,
  exportedValue: (model, name) => exportedValue(model, name),
  importedValue,
  importedProjectMemoizers,
  importedMemoizedBindings,
  calledAtModuleLevelElsewhere,
  calledFromImporters,
  crossFileHandler,
  providedElsewhere,
  exportedCollectionEntry,
  removedByImporters,
  importedByServingFile,
  servingImporterFiles,
  loadsComputedModules,
  mayBeImported,
  importedOnlyByOneShotFiles,
  loadedFrom,
  objectLiteralCallsByImporters,
  startUpUseByImporters,
  exportUnusedByImporters,
  resultsKeptByImporters,
  awaitedFatallyByImporters,
};
