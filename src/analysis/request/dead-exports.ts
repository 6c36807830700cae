/**
 * Exports nothing can call: a module-level function unused in its file, exported only under its own
 * name, in a module other serving modules import for other names while none of them uses this one
 * (`export const getStripe = () => …` beside the `formatAmount` the pages import). A module nothing
 * imports is an entry point its platform may call, and is not known to be dead, unless it is a
 * library module (`src/lib/stripe.ts`) no platform loads by its path.
 */
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import type { FunctionNode } from '../syntax/ast.js';
import { moduleLevelName, moduleVariable } from '../syntax/start-up-calls.js';
import { exportIndex } from '../syntax/export-index.js';
import { exportHandlerRules } from '../catalog/handler-catalog.js';
import { autoImportPackages, libraryFolderPattern } from '../catalog/file-roles.js';
import type { FileModel, ProjectIndex } from '../model/file-model.js';
import { namedByItsPackage, unmountedRouter, usedOnlyByOneShotFiles } from './file-runtime.js';

/** Export names a platform calls by name (`handler`, `loader`, `GET`): never dead for want of an importer. */
const platformExports: ReadonlySet<string> = new Set(exportHandlerRules.flatMap((rule) => [...rule.exports]));

/** Whether the module-level function `fn` is dead: unused in its file, exported only as itself, and imported by nobody. */
export function isDeadExport(fn: FunctionNode, model: FileModel): boolean {
  const name = moduleLevelName(fn);
  if (name === undefined || platformExports.has(name) || !model.inProject) return false;
  const variable = moduleVariable(model.sourceCode, name);
  if (!variable) return false;
  // `export { name }` names it; any other use (a call, a reference handed on) is a use.
  if (variable.references.some((ref) => !ref.init && ref.identifier.parent.type !== AST_NODE_TYPES.ExportSpecifier)) return false;
  const names = [...exportIndex(model)].filter(([, values]) => values.some((value) => value === fn || (value.type === AST_NODE_TYPES.Identifier && value.name === name)));
  if (names.length !== 1 || names[0]?.[0] !== name) return false;
  return model.project.exportUnusedByImporters(model, fn, name);
}

const unloaded = new WeakMap<FileModel, boolean>();

/**
 * Whether `model` is a library module nothing loads: in a library folder (`src/lib/stripe.ts`), in a
 * package that is not published and does not auto-import modules, not named by that package's
 * entries or scripts, and imported by no file of the project (not even through an alias the index
 * cannot resolve). None of its code runs.
 */
export function isUnloadedLibraryModule(model: FileModel): boolean {
  let found = unloaded.get(model);
  if (found === undefined) {
    found = model.inProject && unloadedLibraryFile(model.filename, model.project);
    unloaded.set(model, found);
  }
  return found;
}

/** `isUnloadedLibraryModule` for any file of the project (an importer the cross-file reach looks at), by its path alone. */
export function unloadedLibraryFile(file: string, project: ProjectIndex): boolean {
  if (!libraryFolderPattern.test(project.pathInProject(file))) return false;
  const manifest = project.packageManifest(file);
  if (!manifest || manifest.publishes || autoImportPackages.some((name) => manifest.declared.has(name))) return false;
  return !namedByItsPackage(file, project) && !project.mayBeImported(file);
}

/** How many importers up `importedOnlyByDeadModules` looks. */
const MAX_DEAD_HOPS = 3;

/**
 * Whether every serving file importing `file` is dead: a router module nothing mounts, a library module
 * nothing loads, or (up to three levels) a module only such modules import. A controller whose only
 * importer is a router nothing mounts never runs. Not when a load by a computed name may reach it.
 */
export function importedOnlyByDeadModules(file: string, model: Pick<FileModel, 'inProject' | 'project'>, depth = 0): boolean {
  if (!model.inProject || depth >= MAX_DEAD_HOPS || model.project.loadsComputedModules(file)) return false;
  const importers = model.project.servingImporterFiles(file);
  return (
    importers.length > 0 &&
    importers.every(({ file: importer, text }) => unmountedRouter(importer, text, model) || unloadedLibraryFile(importer, model.project) || importedOnlyByDeadModules(importer, model, depth + 1))
  );
}

/** Whether the module-level function `fn` can never run: a dead export, or any function but a platform's entry in a library module nothing loads. */
export function neverRuns(fn: FunctionNode, model: FileModel): boolean {
  const name = moduleLevelName(fn);
  return name !== undefined && !platformExports.has(name) && (isUnloadedLibraryModule(model) || isDeadExport(fn, model));
}

/**
 * A module none of whose code serves a request: only one-shot files import it, it is a library module
 * nothing loads, or only such dead modules import it (up to three levels, as for handlers). Asked
 * before a report, as all need the import graph.
 */
export function servesNoRequest(model: FileModel): boolean {
  return usedOnlyByOneShotFiles(model) || isUnloadedLibraryModule(model) || importedOnlyByDeadModules(model.filename, model);
}
