/**
 * Recursion through a memoized binding: the calls inside a memoized function (and the same-file
 * helpers it calls) that go back through the memoizer, and the input range the file visibly calls it
 * with. A cache smaller than that working set evicts what the recursion is about to need.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { unwrap, walkNodes, type FunctionNode } from '../syntax/ast.js';
import type { FileModel, MemoizerCall } from '../model/file-model.js';
import { cacheSize, wrappedFunction } from './memoizer-call.js';
import { functionOfVariable, resolveIdentifier, within } from '../syntax/references.js';
import { memoizedBinding, namesBinding, type Binding } from './memoized-binding.js';

/** How far calls into same-file helpers are followed (`fib` → `step` → `fib`). */
const HELPER_DEPTH = 3;

/** The calls (and callback references, `children.map(walk)`) in `fn` and the helpers it reaches that re-enter the binding. */
function recursiveSites(fn: FunctionNode, binding: Binding, model: FileModel): TSESTree.Node[] {
  const sites: TSESTree.Node[] = [];
  const visited = new Set<TSESTree.Node>([fn]);
  let frontier: FunctionNode[] = [fn];
  for (let depth = 0; depth <= HELPER_DEPTH && frontier.length > 0; depth++) {
    const next: FunctionNode[] = [];
    for (const body of frontier) {
      walkNodes(body.body, model.facts.visitorKeys, (node) => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return true;
        if (namesBinding(node.callee, binding, model)) sites.push(node);
        for (const arg of node.arguments) if (arg.type === AST_NODE_TYPES.Identifier && namesBinding(arg, binding, model)) sites.push(arg);
        const callee = unwrap(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier) {
          const helper = functionOfVariable(resolveIdentifier(model.sourceCode, callee));
          if (helper && !visited.has(helper)) {
            visited.add(helper);
            next.push(helper);
          }
        }
        return true;
      });
    }
    frontier = next;
  }
  return sites.sort((a, b) => a.range[0] - b.range[0]);
}

/** `i` declared by `for (let i = 0; i < N; …)` with a literal `N`: the loop's range. */
function loopBound(id: TSESTree.Identifier, model: FileModel): number | undefined {
  const def = resolveIdentifier(model.sourceCode, id)?.defs[0];
  const declaration = def?.node.parent;
  const loop = declaration?.parent;
  if (loop?.type !== AST_NODE_TYPES.ForStatement || loop.init !== declaration || loop.test?.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const { operator, left, right } = loop.test;
  if ((operator !== '<' && operator !== '<=') || left.type !== AST_NODE_TYPES.Identifier || left.name !== id.name) return undefined;
  return right.type === AST_NODE_TYPES.Literal && typeof right.value === 'number' ? right.value : undefined;
}

/** The largest literal argument, or literal loop bound, the file calls the memoized variable with from outside it. */
function visibleRange(fn: FunctionNode, binding: Binding, model: FileModel): number | undefined {
  if (binding.kind !== 'variable') return undefined;
  let range: number | undefined;
  for (const call of model.calls) {
    if (within(call, fn) || !namesBinding(call.callee, binding, model)) continue;
    for (const arg of call.arguments) {
      const value = unwrap(arg);
      const n = value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number' ? value.value : value.type === AST_NODE_TYPES.Identifier ? loopBound(value, model) : undefined;
      if (n !== undefined && (range === undefined || n > range)) range = n;
    }
  }
  return range;
}

export interface Thrash {
  /** The call sites that re-enter the memoized binding, in source order. */
  sites: TSESTree.Node[];
  size: number;
  /** The literal input range that overflows the bound, when that is the reason. */
  range: number | undefined;
}

/**
 * A memoizer whose cache is too small for the recursion it wraps: one entry (any recursion evicts
 * the entry the caller needs), fewer entries than distinct recursive call sites, or, for a branching
 * recursion, fewer than the literal range the file calls it with.
 */
export function findThrash(call: MemoizerCall, model: FileModel): Thrash | undefined {
  const size = cacheSize(call);
  if (!size) return undefined;
  const fn = wrappedFunction(call, model)?.node;
  const binding = fn ? memoizedBinding(call, model) : undefined;
  if (!fn || !binding) return undefined;
  const sites = recursiveSites(fn, binding, model);
  if (sites.length === 0) return undefined;
  if (size.size <= 1 || size.size < sites.length) return { sites, size: size.size, range: undefined };
  if (sites.length < 2) return undefined;
  const range = visibleRange(fn, binding, model);
  return range !== undefined && range > size.size ? { sites, size: size.size, range } : undefined;
}
