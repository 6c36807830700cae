/**
 * Which parser reads which file. memo-guard parses what the project parses: the project's own
 * ESLint config when it sets a parser for the file; otherwise a choice by what the project is
 * (Flow, Babel with proposals, TypeScript, plain JavaScript), with the optional parsers
 * (hermes-eslint, @babel/eslint-parser) loaded only when a file needs them. A file a parser cannot
 * read is tried with the next parser that could read it; only when none can is it a parse failure.
 */
import type { Linter } from 'eslint';
import { importFrom } from './resolve.js';
import type { ProjectKind } from './project-kind.js';

/** `project:<n>` is the n-th distinct parser setup the project's own ESLint config gives. */
export type ParserId = 'espree' | 'typescript' | 'typescript-untyped' | 'hermes' | 'babel' | `project:${number}`;

/** The optional parsers memo-guard loads itself, and what to install for each. */
export const optionalParsers = {
  hermes: { pkg: 'hermes-eslint', syntax: 'Flow' },
  babel: { pkg: '@babel/eslint-parser', syntax: 'Babel' },
} as const;
export type OptionalParser = keyof typeof optionalParsers;

export const tsExtension = /\.[cm]?tsx?$/;

/** An `@flow` (or `@noflow`) pragma in the comments before the first statement. */
export function hasFlowPragma(text: string): boolean {
  let i = text.startsWith('#!') ? text.indexOf('\n') + 1 || text.length : 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      const comment = text.slice(i, end < 0 ? text.length : end);
      if (/@(?:no)?flow\b/.test(comment)) return true;
      if (end < 0) return false;
      i = end + 1;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const comment = text.slice(i, end < 0 ? text.length : end);
      if (/@(?:no)?flow\b/.test(comment)) return true;
      if (end < 0) return false;
      i = end + 2;
    } else {
      return false;
    }
  }
}

/**
 * The parsers to try for one file, best first. `projectParser` is the project's own parser setup
 * for the file, when its config sets one; `flowPragma` whether the file starts with `@flow`.
 */
export function parserChain(
  file: string,
  { kind, typed, projectParser, flowPragma }: { kind: ProjectKind; typed: boolean; projectParser?: ParserId; flowPragma: boolean },
): ParserId[] {
  const chain: ParserId[] = projectParser ? [projectParser] : [];
  if (tsExtension.test(file)) {
    chain.push(typed ? 'typescript' : 'typescript-untyped', 'typescript-untyped');
  } else {
    if (flowPragma) chain.push('hermes');
    chain.push('espree');
    if (kind.flow) chain.push('hermes');
    if (kind.babelConfig) chain.push('babel');
    // hermes-eslint reads plain JavaScript, JSX and Flow without any configuration: the last resort.
    chain.push('hermes');
  }
  return [...new Set(chain)];
}

export function isOptionalParser(id: ParserId): id is OptionalParser {
  return id === 'hermes' || id === 'babel';
}

interface ParseResult {
  scopeManager?: LegacyScopeManager | null;
  [key: string]: unknown;
}
interface ParserModule {
  meta?: unknown;
  parseForESLint?: (text: string, options?: unknown) => ParseResult;
}

interface LegacyVariable {
  references: unknown[];
}
interface LegacyReference {
  identifier: { name: string };
  resolved: LegacyVariable | null;
}
interface LegacyScope {
  set: Map<string, LegacyVariable>;
  variables: LegacyVariable[];
  through: LegacyReference[];
  implicit?: { set: Map<string, unknown>; variables: { name: string }[]; left: LegacyReference[] };
  __defineGeneric?: (name: string, set: Map<string, LegacyVariable>, variables: LegacyVariable[], node: null, def: null) => void;
}
interface LegacyScopeManager {
  scopes: LegacyScope[];
  globalScope?: LegacyScope;
  addGlobals?: (names: readonly string[]) => void;
}

/**
 * ESLint 10 calls `scopeManager.addGlobals(names)`, which scope managers built on eslint-scope 5
 * (@babel/eslint-parser 7, the version Babel 7 projects have) lack: every file would crash. This
 * adds the method the way eslint-scope 9 defines it (declare the globals in the global scope and
 * resolve the references that were left unresolved), or, when the scope manager is not one it
 * knows, drops it so that ESLint analyses the scopes itself.
 */
export function withAddGlobals(parser: Linter.Parser): Linter.Parser {
  const module = parser as ParserModule;
  const parseForESLint = module.parseForESLint?.bind(parser);
  if (!parseForESLint) return parser;
  return {
    ...(module.meta ? { meta: module.meta } : {}),
    parseForESLint(text: string, options?: unknown): ParseResult {
      const result = parseForESLint(text, options);
      const manager = result.scopeManager;
      if (!manager || typeof manager.addGlobals === 'function') return result;
      const global = manager.globalScope ?? manager.scopes[0];
      if (!global?.__defineGeneric) {
        const rest = { ...result };
        delete rest.scopeManager;
        return rest;
      }
      const scope = global;
      manager.addGlobals = (names: readonly string[]): void => {
        for (const name of names) scope.__defineGeneric?.(name, scope.set, scope.variables, null, null);
        const added = new Set(names);
        scope.through = scope.through.filter((reference) => {
          const variable = added.has(reference.identifier.name) ? scope.set.get(reference.identifier.name) : undefined;
          if (!variable) return true;
          reference.resolved = variable;
          variable.references.push(reference);
          return false;
        });
        if (scope.implicit) {
          const implicit = scope.implicit;
          implicit.variables = implicit.variables.filter((v) => !added.has(v.name));
          for (const name of added) implicit.set.delete(name);
          implicit.left = implicit.left.filter((r) => !added.has(r.identifier.name));
        }
      };
      return result;
    },
  } as Linter.Parser;
}

export type Loaded = { parser: Linter.Parser; from: 'project' | 'memo-guard' } | { error: string };

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}

/** Loads an optional parser from the project (or next to memo-guard); never throws. */
export async function loadOptionalParser(id: OptionalParser, cwd: string): Promise<Loaded> {
  const { pkg } = optionalParsers[id];
  try {
    const found = await importFrom<Record<string, unknown> & { default?: Record<string, unknown> }>(pkg, cwd);
    if (!found) return { error: 'not installed' };
    const candidates = [found.module, found.module.default];
    const parser = candidates.find((c) => typeof c?.parseForESLint === 'function' || typeof c?.parse === 'function');
    if (!parser) return { error: 'it exports no parser' };
    return { parser: withAddGlobals(parser as unknown as Linter.Parser), from: found.from };
  } catch (error) {
    return { error: firstLine(error) };
  }
}

/** The name a parser gives itself (`meta.name`, or espree's `name`), if any. */
export function parserName(parser: unknown): string | undefined {
  if (typeof parser !== 'object' || parser === null) return typeof parser === 'string' ? parser : undefined;
  const p = parser as { meta?: { name?: unknown }; name?: unknown };
  if (typeof p.meta?.name === 'string') return p.meta.name;
  return typeof p.name === 'string' ? p.name : undefined;
}

/** True for ESLint's default parser (what a config that sets no parser gives). */
export function isDefaultParser(parser: unknown): boolean {
  return parser === undefined || parser === 'espree' || parserName(parser) === 'espree';
}
