/**
 * Which of its function's parameters a cache key is built from (`link.code`: parameter `link`, field
 * `code`), so a caller's arguments can be judged in its place.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { enclosingFunction, memberName, propertyName, unwrap, type FunctionNode } from '../syntax/ast.js';
import type { FileModel, KeyArg } from '../model/file-model.js';
import { resolveIdentifier, valueDef } from '../syntax/references.js';
import { isPathFunction } from '../syntax/path-calls.js';
import { encodingCalls } from '../catalog/key-transforms.js';
import { localFunction } from './key-source.js';
import { isFixedTable } from './fixed-tables.js';
import { keyArgOfIndexes, keyedIndexes } from '../model/key-args.js';

const ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', '**']);

/** A name a key is built from, and the field of it that is read (`opts.queue`: `opts`, `queue`). */
interface KeyName {
  id: TSESTree.Identifier;
  field?: string;
}

/**
 * The names a key is built from: `link.code` from `link`'s field `code`, `` `${opts.key}:${JSON.stringify(opts.value)}` ``
 * from `opts`'s `key` and `value`, a function-local `const cacheKey = …` from what it is built of. `undefined`
 * when the key is made some other way.
 */
function keyNames(key: TSESTree.Node, model: FileModel | undefined, hops = 0): KeyName[] | undefined {
  const node = unwrap(key);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return [];
    case AST_NODE_TYPES.Identifier: {
      // `TIER_DEFAULTS`, a constant table of the module, and any module-level `const` or import used whole
      // (`input.timeZone ?? REPORT_TIME_ZONE`): one value for the process, no name a caller gives.
      if (model && (isFixedTable(node, model) || moduleLevelBinding(node, model))) return [];
      const def = model && hops < 2 ? valueDef(resolveIdentifier(model.sourceCode, node)) : undefined;
      const declarator = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node : undefined;
      if (declarator?.parent.kind === 'const' && declarator.id.type === AST_NODE_TYPES.Identifier && enclosingFunction(declarator)) {
        if (declarator.init) return keyNames(declarator.init, model, hops + 1);
        // `for (const rule of rules)`: an element of what the loop walks, built from the same names.
        const loop = declarator.parent.parent;
        if (loop.type === AST_NODE_TYPES.ForOfStatement && loop.left === declarator.parent) return keyNames(loop.right, model, hops + 1);
      }
      return [{ id: node }];
    }
    case AST_NODE_TYPES.ChainExpression:
      return keyNames(node.expression, model, hops);
    case AST_NODE_TYPES.LogicalExpression:
      // `overrides?.ip ?? DEFAULTS.ip`: either side.
      return node.operator === '&&' ? undefined : joinNames([node.left, node.right], model, hops);
    case AST_NODE_TYPES.MemberExpression: {
      // `TIER_DEFAULTS[tier]`: one of a constant table's values, whatever `tier` is.
      if (node.computed && model && isFixedTable(node.object, model)) return [];
      if (node.computed) return joinNames([node.object, node.property], model, hops);
      const object = unwrap(node.object);
      const field = memberName(node);
      const inner = keyNames(node.object, model, hops);
      if (object.type !== AST_NODE_TYPES.Identifier || field === undefined) return inner;
      return inner?.map((name) => (name.id === object && name.field === undefined ? { id: name.id, field } : name));
    }
    case AST_NODE_TYPES.TemplateLiteral:
      return joinNames(node.expressions, model, hops);
    case AST_NODE_TYPES.BinaryExpression:
      // `prefix + id`, `windowSeconds * 1000`: made of both sides.
      return ARITHMETIC.has(node.operator) ? joinNames([node.left, node.right], model, hops) : undefined;
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(node.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      // `authIssuer(apiUrl)`, a function of this file: built from what it is given (it sees no request of its own).
      if (model && node.callee.type === AST_NODE_TYPES.Identifier && localFunction(node.callee, model)) return joinNames(node.arguments, model, hops);
      // `path.resolve(appPath)`, `join(root, name)`: a path made of the arguments alone.
      if (model && isPathFunction(callee, model.imports)) return joinNames(node.arguments, model, hops);
      if (name === undefined || !encodingCalls.has(name)) return undefined;
      const parts: TSESTree.Node[] = [...node.arguments];
      // `id.toLowerCase()`: built from `id`; `JSON.stringify(x)`: from `x` only.
      if (callee.type === AST_NODE_TYPES.MemberExpression && !(unwrap(callee.object).type === AST_NODE_TYPES.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'JSON')) parts.push(callee.object);
      return joinNames(parts, model, hops);
    }
    default:
      return undefined;
  }
}

/** A name bound once while the module loads: an import, or a `const` at the top of the module. */
function moduleLevelBinding(node: TSESTree.Identifier, model: FileModel): boolean {
  const variable = resolveIdentifier(model.sourceCode, node);
  const def = valueDef(variable);
  if (!variable || !def) return false;
  if ((def.type as string) === 'ImportBinding') return true;
  const scope: string = variable.scope.type;
  return (scope === 'module' || scope === 'global') && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.parent.kind === 'const';
}

function joinNames(parts: readonly TSESTree.Node[], model: FileModel | undefined, hops: number): KeyName[] | undefined {
  const names: KeyName[] = [];
  for (const part of parts) {
    const found = keyNames(part, model, hops);
    if (!found) return undefined;
    names.push(...found);
  }
  return names;
}

/**
 * Which parameter of `fn` declares `name`, and the field when it is destructured from an options
 * object (`({ queueName, message })`); `-1` when none does. A default value does not change which argument it is.
 */
function parameterOfName(fn: FunctionNode, name: KeyName): { index: number; field?: string } {
  for (const [index, p] of fn.params.entries()) {
    const param = p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p;
    if (param.type === AST_NODE_TYPES.Identifier && param.name === name.id.name) return { index, ...(name.field !== undefined ? { field: name.field } : {}) };
    if (param.type !== AST_NODE_TYPES.ObjectPattern || name.field !== undefined) continue;
    for (const prop of param.properties) {
      if (prop.type !== AST_NODE_TYPES.Property || prop.computed) continue;
      const value = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? prop.value.left : prop.value;
      const field = propertyName(prop.key);
      if (value.type === AST_NODE_TYPES.Identifier && value.name === name.id.name && field !== undefined) return { index, field };
    }
  }
  return { index: -1 };
}

/** The key argument made of these parameters: one argument (or fields of it), or several whole. */
function keyArgFrom(found: readonly { index: number; field?: string }[]): KeyArg | undefined {
  const indexes = new Set(found.map((f) => f.index));
  if (indexes.size > 1) return keyArgOfIndexes(indexes);
  const [index] = indexes;
  if (index === undefined) return undefined;
  if (found.some((f) => f.field === undefined)) return index;
  return { arg: index, fields: [...new Set(found.map((f) => f.field ?? ''))].sort() };
}

/** Two writes of one function keyed differently: keyed by every argument either reads. */
function unionOf(a: KeyArg, b: KeyArg): KeyArg {
  const left = keyedIndexes(a);
  const right = keyedIndexes(b);
  return left && right ? keyArgOfIndexes([...left, ...right]) : 'all';
}

/**
 * For functions whose writes are keyed by their own parameters (`function tenantFor(host) {
 * cache.set(host, …) }`), which parameter (or several; fields of one: `send({ queue })`): a caller
 * in another file decides whether the key grows. A key built only of parameters and constants
 * (`` `${opts.key}:${opts.version}` ``) counts; one that also takes something else does not.
 */
export function keyParameters(writes: readonly { key: TSESTree.Node | undefined; at: TSESTree.Node }[], model?: FileModel): Map<FunctionNode | string, KeyArg> {
  const found = new Map<FunctionNode | string, KeyArg>();
  for (const { key, at } of writes) {
    const names = key ? keyNames(key, model) : undefined;
    if (!names || names.length === 0) continue;
    // The function whose parameters the key is built of: the writer's own, or one around it
    // (`async function find(keyword) { … (async () => { cache[keyword] = … })() … }`).
    for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) {
      const params = names.map((name) => parameterOfName(fn, name));
      const missing = params.filter((p) => p.index === -1).length;
      if (missing === params.length) continue;
      if (missing > 0) break;
      const keyArg = keyArgFrom(params);
      if (keyArg === undefined) break;
      const seen = found.get(fn);
      found.set(fn, seen === undefined || JSON.stringify(seen) === JSON.stringify(keyArg) ? keyArg : unionOf(seen, keyArg));
      break;
    }
  }
  return found;
}
