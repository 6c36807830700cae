/**
 * Whether a hand-rolled collection is a cache or a store. A cache holds values it can recompute
 * from the key: every function that reads it also fills it on a miss (`get`/`has`, else compute
 * and `set`), so evicting an entry only costs a recomputation. A store holds the only copy of
 * something (a user, a session, a counter): entries written in one place and read in another,
 * iterated, counted, exported or updated from their previous value. Evicting from a store loses
 * data, so only a cache may be bounded by an autofix. When unsure, the answer is "store".
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { enclosingFunction, memberName, unwrap, walk, type FunctionNode } from '../syntax/ast.js';
import type { Collection, FileModel } from '../model/file-model.js';
import { valueDef } from '../syntax/references.js';

export type CacheUse = 'cache' | 'store';

interface MapCall {
  method: 'get' | 'has' | 'set';
  call: TSESTree.CallExpression;
  key: TSESTree.Node;
  owner: FunctionNode | undefined;
}

/** `{ pages: c.size }`, `log(c.size)`: the size reported as a value, deciding nothing. */
function reportsSize(ref: TSESTree.Node): boolean {
  const member = ref.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref || member.computed || memberName(member) !== 'size') return false;
  const parent = member.parent;
  return (parent.type === AST_NODE_TYPES.Property && parent.value === member) || (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(member));
}

/** `c.get(k)`, `c.has(k)`, `c.set(k, v)` on this reference; `undefined` for any other use. */
function mapCallOf(ref: TSESTree.Node): MapCall | undefined {
  const member = ref.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref || member.computed) return undefined;
  const method = memberName(member);
  const call = member.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return undefined;
  if (method !== 'get' && method !== 'has' && method !== 'set') return undefined;
  const key = call.arguments[0];
  if (!key || key.type === AST_NODE_TYPES.SpreadElement || call.arguments.length !== (method === 'set' ? 2 : 1)) return undefined;
  return { method, call, key, owner: enclosingFunction(call) };
}

/**
 * The value a local variable of `owner` holds at `position`: the last of its initialiser and the
 * assignments to it that start before `position` (enough for straight-line cache code).
 */
function reachingValue(id: TSESTree.Identifier, position: number, model: FileModel, owner: FunctionNode): TSESTree.Node | undefined {
  const reference = model.sourceCode.getScope(id).references.find((r) => r.identifier === id);
  const variable = reference?.resolved;
  const def = valueDef(variable);
  if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || enclosingFunction(def.node) !== owner) return undefined;
  let best: TSESTree.Node | undefined = def.node.init ?? undefined;
  for (const ref of variable.references) {
    const parent = ref.identifier.parent;
    if (ref.init || !ref.isWrite() || parent.type !== AST_NODE_TYPES.AssignmentExpression || parent.range[0] >= position) continue;
    if (!best || parent.range[0] > best.range[0]) best = parent.right;
  }
  return best;
}

/** The expressions a written value is made of: itself, and what the locals it reads hold at that point. */
function valueSources(value: TSESTree.Node, model: FileModel, owner: FunctionNode): TSESTree.Node[] {
  const sources = [value];
  walk(value, model.facts.visitorKeys, (child) => {
    if (child.type !== AST_NODE_TYPES.Identifier) return;
    const source = reachingValue(child, value.range[0], model, owner);
    if (source) sources.push(source);
  });
  return sources;
}

/** Names an expression uses as whole values (`id`, `slug`), not as the root of a member (`req` in `req.params.id`). */
function plainNames(nodes: readonly TSESTree.Node[], model: FileModel): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) {
    walk(node, model.facts.visitorKeys, (child) => {
      if (child.type !== AST_NODE_TYPES.Identifier) return;
      const parent = child.parent;
      if (parent.type === AST_NODE_TYPES.MemberExpression) return;
      if (parent.type === AST_NODE_TYPES.Property && parent.key === child && !parent.shorthand) return;
      names.add(child.name);
    });
  }
  return names;
}

/** The operands of a computation: call and `new` arguments, template expressions, operator operands (not object or array literals). */
function operands(node: TSESTree.Node): readonly TSESTree.Node[] {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return node.arguments;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions;
    case AST_NODE_TYPES.BinaryExpression:
      return [node.left, node.right];
    default:
      return [];
  }
}

/**
 * Whether the value is computed from the key: a call, `new`, template or operator in it takes the
 * key itself, or a name the key is built from, as (part of) an operand. Data copied as is (`req.body`,
 * `{ id, ...req.body }`) is not.
 */
function computedFromKey(sources: readonly TSESTree.Node[], key: TSESTree.Node, keyNames: ReadonlySet<string>, model: FileModel): boolean {
  const keyText = model.sourceCode.getText(unwrap(key));
  let found = false;
  for (const source of sources) {
    walk(source, model.facts.visitorKeys, (node) => {
      if (found) return;
      // A method of the key itself: `title.toLowerCase().replace(…)`, `url.split('/')`.
      if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
        let root: TSESTree.Node = unwrap(node.callee.object);
        while (root.type === AST_NODE_TYPES.CallExpression && root.callee.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.callee.object);
        if (model.sourceCode.getText(root) === keyText || (root.type === AST_NODE_TYPES.Identifier && keyNames.has(root.name))) found = true;
      }
      for (const arg of operands(node)) {
        walk(arg, model.facts.visitorKeys, (part) => {
          if (model.sourceCode.getText(part) === keyText) found = true;
        });
        if ([...plainNames([arg], model)].some((name) => keyNames.has(name))) found = true;
      }
    });
  }
  return found;
}

const sameKey = (a: TSESTree.Node, b: TSESTree.Node, model: FileModel): boolean => model.sourceCode.getText(unwrap(a)) === model.sourceCode.getText(unwrap(b));

/** The declaration is exported (`export const c = new Map()`): other modules may read its entries. */
function isExported(collection: Collection): boolean {
  let node: TSESTree.Node = collection.init;
  while (node.parent) {
    node = node.parent;
    if (node.type === AST_NODE_TYPES.ExportNamedDeclaration || node.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
    if (node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.ClassBody) return false;
  }
  return false;
}

/**
 * "cache" only for a `Map` used through `get`/`has`/`set` alone, where each function that touches it
 * reads a key, and on the miss writes that same key with a value computed from it (not from the
 * map's previous value, not from anything else). Everything else is a "store".
 */
export function cacheUse(collection: Collection, model: FileModel): CacheUse {
  if (collection.kind !== 'map' || collection.escapes || isExported(collection)) return 'store';
  const calls: MapCall[] = [];
  for (const ref of collection.refs) {
    if (reportsSize(ref)) continue;
    const call = mapCallOf(ref);
    if (!call) return 'store';
    calls.push(call);
  }
  const owners = new Set(calls.map((c) => c.owner));
  for (const owner of owners) {
    if (owner === undefined) return 'store';
    const mine = calls.filter((c) => c.owner === owner);
    const writes = mine.filter((c) => c.method === 'set');
    const reads = mine.filter((c) => c.method !== 'set');
    // A reader that never fills the map (a GET handler reading what a POST handler stored), a
    // writer that never reads (a POST handler storing), or a lookup that only tests presence.
    if (writes.length === 0 || !mine.some((c) => c.method === 'get')) return 'store';
    for (const write of writes) {
      const [key, value] = write.call.arguments as [TSESTree.Node, TSESTree.Node];
      // The miss path: a read of the same key before the write.
      if (!reads.some((read) => read.call.range[1] <= write.call.range[0] && sameKey(read.key, key, model))) return 'store';
      const sources = valueSources(value, model, owner);
      // Made from the map's previous value (`c.set(k, (c.get(k) ?? 0) + 1)`, `{ ...prev, … }`): a counter or a record, not a cache.
      if (calls.some((c) => c.method === 'get' && sources.some((source) => source.range[0] <= c.call.range[0] && c.call.range[1] <= source.range[1]))) return 'store';
      // Computed from the key: recomputed on a miss, not data that arrived with the request.
      const keyNames = plainNames([key, ...valueSources(key, model, owner).slice(1)], model);
      if (!computedFromKey(sources, key, keyNames, model)) return 'store';
    }
  }
  return 'cache';
}
