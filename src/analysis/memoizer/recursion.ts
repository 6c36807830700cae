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
import { functionOfVariable, resolveIdentifier, within, valueDef } from '../syntax/references.js';
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
  const def = valueDef(resolveIdentifier(model.sourceCode, id));
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

/** A parameter's name, for a plain identifier parameter (with or without a default). */
function paramName(param: TSESTree.Parameter): string | undefined {
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return target.type === AST_NODE_TYPES.Identifier ? target.name : undefined;
}

/**
 * How many parameters the recursion moves through: a parameter counts when some recursive call
 * passes something other than the parameter itself in its place (`f(i - 1, j)`, `f(i, j - 1)`).
 */
function varyingParams(fn: FunctionNode, sites: readonly TSESTree.Node[]): number {
  const names = fn.params.map(paramName);
  if (names.some((n) => n === undefined)) return 0;
  let count = 0;
  names.forEach((name, index) => {
    const varies = sites.some((site) => {
      if (site.type !== AST_NODE_TYPES.CallExpression) return false;
      const arg = site.arguments[index];
      return arg !== undefined && !(arg.type === AST_NODE_TYPES.Identifier && arg.name === name);
    });
    if (varies) count++;
  });
  return count;
}

/** The literal arguments of each outside call of the memoized variable: the distinct subproblems a grid recursion meets from the largest. */
function visibleGrid(fn: FunctionNode, binding: Binding, arity: number, model: FileModel): number | undefined {
  if (binding.kind !== 'variable') return undefined;
  let largest: number | undefined;
  for (const call of model.calls) {
    if (within(call, fn) || !namesBinding(call.callee, binding, model) || call.arguments.length < arity) continue;
    let cells = 1;
    for (const arg of call.arguments.slice(0, arity)) {
      const value = unwrap(arg);
      const n = value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number' ? value.value : value.type === AST_NODE_TYPES.Identifier ? loopBound(value, model) : undefined;
      if (n === undefined || n < 0) {
        cells = 0;
        break;
      }
      cells *= n + 1;
    }
    if (cells > 0 && (largest === undefined || cells > largest)) largest = cells;
  }
  return largest;
}

export interface Thrash {
  /** The call sites that re-enter the memoized binding, in source order. */
  sites: TSESTree.Node[];
  size: number;
  /** The literal input range that overflows the bound, when that is the reason. */
  range: number | undefined;
  /** For a recursion over several parameters: how many it moves through, and the subproblems its visible inputs make. */
  grid?: { params: number; cells: number | undefined };
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
  // A branching recursion over two or more parameters meets a grid of subproblems: a bound no larger
  // than its call sites times its parameters is evicted on every path, whatever the input; visible
  // literal inputs say how large the grid is.
  const params = varyingParams(fn, sites);
  if (params >= 2) {
    const cells = visibleGrid(fn, binding, fn.params.length, model);
    if (size.size <= params * sites.length || (cells !== undefined && cells > size.size)) return { sites, size: size.size, range: undefined, grid: { params, cells } };
    return undefined;
  }
  const range = visibleRange(fn, binding, model);
  return range !== undefined && range > size.size ? { sites, size: size.size, range } : undefined;
}
