/**
 * Whether every instance of a class lives for one operation only: each place the project makes one
 * (`new Name(…)`, in the class's own file and in the files that import it) keeps it while one call
 * runs, or in a field of another class whose instances do; or the class's declaration says so (a
 * request-scoped provider, an ORM row). One instance kept by a module, or handed on where we cannot
 * follow, or no place found at all, and the answer is no: its lifetime is not known to be short.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../syntax/node-types.js';
import { exportIndex } from '../../syntax/export-index.js';
import type { FileModel } from '../../model/file-model.js';
import type { FileSummary } from '../../model/file-summary.js';
import { declaredLifetime, instanceSites, topLevelClasses, type DeclaredLifetime, type InstanceSite } from '../../syntax/instantiations.js';
import { commandFile, isRequestFile } from '../../request/file-runtime.js';
import { readSource } from '../files/sources.js';
import { importersOf } from '../files/graph.js';
import { resolveModule } from '../files/resolve.js';
import { ownEntry } from '../summaries/own-entry.js';

/** How many importers of one file are read, and how many classes deep `class:Name` sites are followed. */
const MAX_IMPORTERS = 200;
const MAX_DEPTH = 3;
const MAX_BARRELS = 2;

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** What one file says of a class: its declared lifetime and the sites in that file. */
interface ClassFacts {
  declared: DeclaredLifetime | undefined;
  /** The sites of `new Name(…)`, and of calls of its static factories (`Name.create(…)`), in that file. */
  sites: readonly InstanceSite[];
  /** Its static methods that return a new instance (`create` for `static async create() { return new Name(); }`). */
  factories: readonly string[];
  /** The names other files import it by. */
  exportNames: readonly string[];
}

/** The sites of a class (`sites` by key, as the file's walk recorded them), a factory's return replaced by the calls of that factory. */
function classSites(name: string, sitesOf: (key: string) => readonly InstanceSite[] | undefined): { sites: InstanceSite[]; factories: string[] } {
  const own = sitesOf(name) ?? [];
  const factories = own.filter((site) => site.startsWith('factory:')).map((site) => site.slice('factory:'.length));
  const sites = [...own.filter((site) => !site.startsWith('factory:')), ...factories.flatMap((m) => sitesOf(`${name}.${m}`) ?? [])];
  return { sites, factories };
}

const ownFacts = new WeakMap<FileModel, Map<string, ClassFacts>>();

/** The linted file's own classes, read from its syntax tree (never from a summary: that would parse it again). */
function factsOfModel(model: FileModel): Map<string, ClassFacts> {
  let found = ownFacts.get(model);
  if (found) return found;
  found = new Map();
  const classes = topLevelClasses(model.program);
  const sites = instanceSites(model.program, model.facts.visitorKeys, new Set(classes.keys()));
  const exports = exportIndex({ program: model.program });
  // `export class X`, `export default X`, `export { X as Y }`: any export whose value is the class.
  const exportNames = (name: string): string[] =>
    [...exports].filter(([, list]) => list.some((v) => (v.type === AST_NODE_TYPES.Identifier ? v.name === name : v === classes.get(name)))).map(([exported]) => exported);
  for (const [name, cls] of classes) found.set(name, { declared: declaredLifetime(cls), ...classSites(name, (key) => sites.get(key)), exportNames: exportNames(name) });
  ownFacts.set(model, found);
  return found;
}

function factsOfSummary(summary: FileSummary, name: string): ClassFacts {
  return {
    declared: ownEntry(summary.lifetimes, name),
    ...classSites(name, (key) => ownEntry(summary.instances, key)),
    // A summary does not say which value an export name has: the class's own name is the one followed.
    exportNames: summary.exports.includes(name) ? [name] : summary.exports.includes('default') ? ['default'] : [],
  };
}

/**
 * The sites in files importing `file` that make instances of the class it exports as `exportNames`,
 * through barrels that re-export it (two at most); `undefined` when they cannot all be read.
 */
function importerSites(file: string, exportNames: readonly string[], factories: readonly string[], model: FileModel, hops = 0): InstanceSite[] | undefined {
  const found: InstanceSite[] = [];
  let looked = 0;
  for (const importerFile of importersOf(file)) {
    if (looked++ >= MAX_IMPORTERS) return undefined;
    // Instances a test makes never serve: they say nothing of the ones the application makes.
    if (!isRequestFile(importerFile, model.project)) continue;
    const importer = model.project.summaryOf(importerFile, model.settings);
    if (!importer) return undefined;
    // A command-line program's instances, wherever it keeps them, live for one run of it.
    const oneRun = commandFile(importerFile, readSource(importerFile), model.project);
    for (const binding of importer.imports) {
      if (binding.export !== '*' && !exportNames.includes(binding.export)) continue;
      if (resolveModule(binding.module, importerFile) !== file) continue;
      // A namespace import (`new models.Account()`) is not followed: its sites are not known.
      if (binding.export === '*') return undefined;
      const sites = [binding.local, ...factories.map((m) => `${binding.local}.${m}`)].flatMap((key) => ownEntry(importer.instances, key) ?? []);
      for (const site of sites) {
        // `class:Holder` names a class of the importer: carry its file along.
        if (oneRun) found.push('call');
        else found.push(site.startsWith('class:') ? (`class:${importerFile}\0${site.slice(6)}` as InstanceSite) : site);
      }
    }
    // A barrel (`export { S3FileHandle } from './FileHandle'`, `export * from './FileHandle'`): its importers too.
    const passedOn = importer.reexports.flatMap((r) => {
      if (resolveModule(r.module, importerFile) !== file) return [];
      if (r.kind === 'all') return [...exportNames];
      return exportNames.includes(r.imported) ? [r.exported] : [];
    });
    if (passedOn.length > 0) {
      if (hops >= MAX_BARRELS) return undefined;
      const through = importerSites(importerFile, passedOn, factories, model, hops + 1);
      if (!through) return undefined;
      found.push(...through);
    }
  }
  return found;
}

function perOperation(file: string, name: string, facts: ClassFacts, model: FileModel, depth: number, seen: Set<string>): boolean {
  if (facts.declared) return facts.declared === 'operation';
  const key = `${file}\0${name}`;
  if (seen.has(key) || depth > MAX_DEPTH) return false;
  seen.add(key);
  const sites: InstanceSite[] = [...facts.sites];
  if (facts.exportNames.length > 0) {
    const elsewhere = importerSites(file, facts.exportNames, facts.factories, model);
    if (!elsewhere) return false;
    sites.push(...elsewhere);
  }
  // No place makes it: a library's users, a subclass or a container may, so how long it lives is not known.
  if (sites.length === 0) return false;
  return sites.every((site) => {
    if (site === 'call') return true;
    if (!site.startsWith('class:')) return false;
    const holder = site.slice(6);
    const at = holder.indexOf('\0');
    const holderFile = at === -1 ? file : holder.slice(0, at);
    const holderName = at === -1 ? holder : holder.slice(at + 1);
    return classPerOperation(holderFile, holderName, model, depth + 1, seen);
  });
}

function classPerOperation(file: string, name: string, model: FileModel, depth: number, seen: Set<string>): boolean {
  if (file === model.filename) {
    const facts = factsOfModel(model).get(name);
    return facts !== undefined && perOperation(file, name, facts, model, depth, seen);
  }
  const summary = model.project.summaryOf(file, model.settings);
  return summary !== undefined && perOperation(file, name, factsOfSummary(summary, name), model, depth, seen);
}

/** Whether every instance of `cls`, a class of `model`, lives for one operation (see the module's comment). */
export function instancesPerOperation(model: FileModel, cls: ClassNode): boolean {
  const declared = declaredLifetime(cls);
  if (declared) return declared === 'operation';
  const name = cls.id?.name ?? (cls.parent.type === AST_NODE_TYPES.VariableDeclarator && cls.parent.id.type === AST_NODE_TYPES.Identifier ? cls.parent.id.name : undefined);
  if (name === undefined) return false;
  return classPerOperation(model.filename, name, model, 0, new Set());
}
