/**
 * Type-aware checks, used only when the parser gives a TypeScript program. The `typescript`
 * module is loaded lazily from there, so the plugin loads in JavaScript-only projects.
 */
import { createRequire } from 'node:module';
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';

export interface TypeTools {
  checker: ts.TypeChecker;
  ts: typeof ts;
  services: ParserServicesWithTypeInformation;
}

let tsModule: typeof ts | undefined;

/** The type checker and helpers when the file was parsed with type information, else `undefined`. */
export function typeTools(sourceCode: Readonly<SourceCode>): TypeTools | undefined {
  const services = sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return undefined;
  tsModule ??= createRequire(import.meta.url)('typescript') as typeof ts;
  return { checker: services.program.getTypeChecker(), ts: tsModule, services: services as ParserServicesWithTypeInformation };
}

export function typeOf(tools: TypeTools, node: TSESTree.Node): ts.Type | undefined {
  try {
    return tools.services.getTypeAtLocation(node);
  } catch {
    // A node the TypeScript side has no counterpart for (rare, e.g. in broken code).
    return undefined;
  }
}

/** A type with a callable `then`: a Promise, a PromiseLike, a custom thenable. */
export function isThenable(tools: TypeTools, type: ts.Type): boolean {
  const { checker } = tools;
  for (const part of type.isUnion() ? type.types : [type]) {
    const then = part.getProperty('then');
    if (!then) continue;
    const thenType = checker.getTypeOfSymbol(then);
    if (thenType.getCallSignatures().length > 0) return true;
  }
  return false;
}

/** Whether calling a value of this type returns a thenable. */
export function returnsThenable(tools: TypeTools, type: ts.Type): boolean {
  return type.getCallSignatures().some((signature) => isThenable(tools, signature.getReturnType()));
}

/** What a parameter's type says about keying it. */
export type TypeKind = 'primitive' | 'object' | 'array' | 'function' | 'non-json' | 'unknown';

const nonJsonNames: ReadonlySet<string> = new Set(['Date', 'Map', 'Set', 'WeakMap', 'WeakSet', 'RegExp', 'URL', 'Buffer', 'Uint8Array']);

export function classifyType(tools: TypeTools, type: ts.Type): { kind: TypeKind; optional: boolean } {
  const { ts: t, checker } = tools;
  let optional = false;
  let parts = type.isUnion() ? type.types : [type];
  if (parts.some((part) => (part.flags & (t.TypeFlags.Undefined | t.TypeFlags.Void)) !== 0)) {
    optional = true;
    parts = parts.filter((part) => (part.flags & (t.TypeFlags.Undefined | t.TypeFlags.Void | t.TypeFlags.Null)) === 0);
  }
  const kinds = new Set<TypeKind>();
  for (const part of parts) {
    const flags = part.flags;
    if (flags & (t.TypeFlags.Any | t.TypeFlags.Unknown | t.TypeFlags.TypeParameter | t.TypeFlags.Never)) kinds.add('unknown');
    else if (flags & (t.TypeFlags.StringLike | t.TypeFlags.NumberLike | t.TypeFlags.BooleanLike | t.TypeFlags.BigIntLike | t.TypeFlags.EnumLike | t.TypeFlags.ESSymbolLike | t.TypeFlags.Null)) kinds.add('primitive');
    else if (part.getCallSignatures().length > 0) kinds.add('function');
    else if (part.isIntersection()) kinds.add(part.types.some((t) => checker.isArrayType(t)) ? 'array' : 'object');
    else if (checker.isArrayType(part) || checker.isTupleType(part)) kinds.add('array');
    else if (nonJsonNames.has(part.getSymbol()?.getName() ?? '')) kinds.add('non-json');
    else if (flags & t.TypeFlags.Object) {
      const symbol = part.getSymbol();
      kinds.add(symbol && symbol.flags & t.SymbolFlags.Class ? 'non-json' : 'object');
    } else kinds.add('unknown');
  }
  if (kinds.size === 1) return { kind: [...kinds][0] ?? 'unknown', optional };
  for (const strongest of ['array', 'object', 'non-json', 'function'] as const) if (kinds.has(strongest) && !kinds.has('unknown')) return { kind: strongest, optional };
  return { kind: 'unknown', optional };
}
