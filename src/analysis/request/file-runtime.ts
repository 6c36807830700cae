/**
 * Where and for how long a file's code runs: in a server process that serves requests, once from a
 * command line, in a browser, or not at all (tests, fixtures, build output). A cache lives as long as
 * what runs it.
 */
import path from 'node:path';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import type { FileModel, ProjectIndex } from '../model/file-model.js';
import { exportedRouterPattern, importDrivenFrameworks, importStatementPattern, nestEnhancerPattern, providerListPattern, routerMadePattern, startsServerPattern, wholeReexportPattern } from '../catalog/handler-catalog.js';
import { browserPathPattern, browserUiPackages, clientDirective, commandFolderPattern, commandLineParsers, longRunningPackages, nonRequestFilePattern, oneShotFilePattern, serverFromMajor, serverPackages } from '../catalog/file-roles.js';

/** Whether a file can serve requests at all: tests, mocks and benchmarks cannot (judged by the path inside its project). */
export function isRequestFile(filename: string, project: ProjectIndex): boolean {
  return !nonRequestFilePattern.test(project.pathInProject(filename));
}

/**
 * A command-line program: a `#!` line, a file under a command folder (`bin/`, `cli/`, `*-cli/`,
 * `cli-config/`) of its project, the project's own folder included (`targets/alert-cli/` with its own
 * package.json), or a file of a private package that needs an argument parser at run time and
 * nothing that keeps a process running (a scraper run by `node build/index.js all` from cron). What
 * it keeps lives for one run.
 */
export function runsAsCommand(model: FileModel): boolean {
  return commandFile(model.filename, model.sourceCode.text, model.project);
}

/** `runsAsCommand` for any file of the project (another file's too), from its name, its text and its package. */
export function commandFile(filename: string, text: string | undefined, project: ProjectIndex): boolean {
  if (text?.startsWith('#!')) return true;
  const inProject = project.pathInProject(filename);
  const root = path.isAbsolute(filename) ? path.basename(project.rootOf(filename)) : '';
  if (commandFolderPattern.test(root ? `${root}/${inProject}` : inProject)) return true;
  const manifest = project.packageManifest(filename);
  if (!manifest?.private || !commandLineParsers.some((name) => manifest.runtime.has(name))) return false;
  return !serverPackages.some((name) => manifest.declared.has(name)) && !longRunningPackages.some((name) => manifest.declared.has(name));
}

/** Whether the file never ships or runs once and exits: tests, fixtures, benchmarks, stories, scripts, CLIs (`#!`). */
export function neverServes(model: FileModel): boolean {
  return oneShotFilePattern.test(model.project.pathInProject(model.filename)) || runsAsCommand(model);
}

/**
 * A module only files that never serve import (a helper two import scripts share): it runs only
 * inside their one-shot runs. Not when its package names it as an entry or in a script, or when it
 * starts a server itself; asked before a report, as it needs the import graph.
 */
export function usedOnlyByOneShotFiles(model: FileModel): boolean {
  if (!model.inProject || startsServerPattern.test(model.sourceCode.text)) return false;
  return !namedByItsPackage(model.filename, model.project) && model.project.importedOnlyByOneShotFiles(model.filename);
}

/** Whether the file's package names it in its entries or scripts (`"main": "lib/index.js"`, `"warm": "tsx src/shared/names.ts"`): it runs or is handed out by path. */
export function namedByItsPackage(file: string, project: ProjectIndex): boolean {
  const named = `${path.basename(path.dirname(file))}/${path.basename(file).replace(/\.[cm]?[jt]sx?$/, '')}`;
  return project.packageManifest(file)?.entryText.includes(named) === true;
}

/**
 * A file of a browser app: its package declares a UI library that runs in the browser (react-dom, vue,
 * svelte, …) and nothing that renders it on a server or serves requests (Next.js, Remix, SvelteKit,
 * Express, …). A cache there lives as long as a page, not a process.
 */
export function inBrowserApp(model: FileModel): boolean {
  const file = model.filename;
  if (!path.isAbsolute(file)) return false;
  const renders = (m: string): boolean => {
    const major = model.project.declaredMajor(file, m);
    return major !== undefined && major >= (serverFromMajor.get(m) ?? 0);
  };
  return browserUiPackages.some((m) => model.project.declaredMajor(file, m) !== undefined) && !serverPackages.some(renders);
}

/** A client module (`'use client'` first): a server module importing it gets references the browser runs, not its functions. */
export function isClientModule(model: FileModel): boolean {
  const first = model.program.body[0];
  return first?.type === AST_NODE_TYPES.ExpressionStatement && first.directive === clientDirective;
}

/** Whether the file runs in a browser, as far as the code says: a browser app, a client component, a front-end folder. */
export function runsInBrowser(model: FileModel): boolean {
  return inBrowserApp(model) || isClientModule(model) || browserPathPattern.test(model.project.pathInProject(model.filename));
}

/** Longest line of hand-written code worth the name; a bundler's or minifier's output runs far longer. */
const MAX_AUTHORED_LINE = 1000;

/** A minified or bundled file (one that ships someone's build output): nobody maintains it by hand. */
export function isBuildOutput(model: FileModel): boolean {
  const text = model.sourceCode.text;
  if (text.length < MAX_AUTHORED_LINE) return false;
  return model.sourceCode.lines.some((line) => line.length > MAX_AUTHORED_LINE);
}

/**
 * A router module nothing mounts: it makes a router and exports it, starts no server, and no serving
 * file imports it, and no load by a computed name may reach it (`require(path.join(dir, f))` in a
 * route loader would mount it unseen). Asked before a report: it needs the import graph.
 */
export function unmountedRouter(file: string, text: string, model: Pick<FileModel, 'inProject' | 'project'>): boolean {
  if (!model.inProject) return false;
  const exported = exportedRouterPattern.exec(text)?.[1];
  if (exported === undefined || !routerMadePattern(exported).test(text) || startsServerPattern.test(text)) return false;
  return !model.project.importedByServingFile(file) && !model.project.loadsComputedModules(file);
}

/**
 * A NestJS guard or interceptor nothing binds: every serving file importing it names it only in its
 * imports and in modules' `providers` and `exports` lists (a barrel re-exporting it, by name or whole, a
 * subclass or any other mention counts as a use). Nest makes such a class and never runs its `canActivate` or
 * `intercept`. Asked before a report: it reads the importers.
 */
export function unboundNestEnhancer(file: string, text: string, model: Pick<FileModel, 'inProject' | 'project'>): boolean {
  if (!model.inProject) return false;
  const name = nestEnhancerPattern.exec(text)?.[1];
  if (name === undefined) return false;
  const importers = model.project.servingImporterFiles(file).map((importer) => importer.text);
  if (importers.length === 0 || importers.some((importer) => wholeReexportPattern.test(importer))) return false;
  const mention = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
  return importers.every((importer) => !mention.test(importer.replace(importStatementPattern, '').replace(providerListPattern, '')));
}

/**
 * A file of an app whose framework loads only what its modules import (NestJS), written for it (it
 * imports from the framework), that boots nothing and that no chain of serving importers leads to from
 * the file that boots the app: a middleware, controller or interceptor of a module the app never
 * imports, whose handlers never run. `model`: the linted file's (its project, whether it is in one).
 */
export function neverLoaded(file: string, importedModules: readonly string[], text: string, model: Pick<FileModel, 'inProject' | 'project'>): boolean {
  if (!model.inProject) return false;
  const framework = importDrivenFrameworks.find((f) => model.project.declaredMajor(file, f.module) !== undefined);
  if (!framework || text.includes(framework.bootstrap)) return false;
  return importedModules.some((module) => module.startsWith(framework.packages)) && !model.project.loadedFrom(file, framework.bootstrap);
}
