/**
 * Whether code runs only when a lookup found what it asked for: the answer of an awaited call (`const
 * response = await fetch(\`…/detail/${id}\`)`), checked by its status (`if (!response.ok) return`,
 * `if (response.statusCode !== 200) { … return } else { … }`), or a field of what came back, checked
 * present (`const config = data?.data?.portalConfig; if (config) { … }`). A key written there is one
 * the store already holds a record for, so the keys a request can add are bounded by what exists.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { branchLeaves, isFunction, memberName, unwrap } from '../syntax/ast.js';
import { resolveIdentifier, valueDef } from '../syntax/references.js';
import type { FileModel } from '../model/file-model.js';

/** What a local const holds: the answer of an awaited call, or a field read from one. */
interface Found {
  /** The text of the awaited call's arguments: what was looked up. */
  lookup: string;
  /** `'answer'` for the awaited call's result (a response), `'field'` for a field read from it. */
  kind: 'answer' | 'field';
}

const MAX_HOPS = 4;

/**
 * A search rather than a lookup (`/search?q=${q}`, `?query=${text}`): it answers any question, so
 * its success says nothing about what exists.
 */
const SEARCH = /search|[?&][\w-]+=\$\{/i;

/** Status fields of an HTTP response and the value that means found. */
const okStatuses: ReadonlySet<number> = new Set([200]);
const statusFields: ReadonlySet<string> = new Set(['status', 'statusCode']);

/** What an expression holds, if it came from a lookup: followed through local consts, `await res.json()` and field reads. */
function foundAt(node: TSESTree.Node, model: FileModel, hops = 0): Found | undefined {
  if (hops > MAX_HOPS) return undefined;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ChainExpression) return foundAt(value.expression, model, hops + 1);
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const from = foundAt(value.object, model, hops + 1);
    return from ? { lookup: from.lookup, kind: 'field' } : undefined;
  }
  if (value.type === AST_NODE_TYPES.AwaitExpression) {
    const call = unwrap(value.argument);
    if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
    // `await response.json()`: the body of an answer already in hand.
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && call.arguments.length === 0) {
      const from = foundAt(callee.object, model, hops + 1);
      if (from) return from;
    }
    if (call.arguments.length === 0) return undefined;
    const lookup = call.arguments.map((arg) => model.sourceCode.getText(arg)).join(', ');
    return SEARCH.test(lookup) ? undefined : { lookup, kind: 'answer' };
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveIdentifier(model.sourceCode, value);
  const declarator = valueDef(variable)?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.parent.kind !== 'const' || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  return foundAt(declarator.init, model, hops + 1);
}

/** `x.status === 200` (`'==='`) or `x.status !== 200` (`'!=='`): the response read, or undefined. */
function statusTest(test: TSESTree.Node, operators: readonly string[]): TSESTree.Node | undefined {
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !operators.includes(test.operator)) return undefined;
  const [left, right] = [unwrap(test.left), unwrap(test.right)];
  const [member, literal] = left.type === AST_NODE_TYPES.MemberExpression ? [left, right] : [right, left];
  if (member.type !== AST_NODE_TYPES.MemberExpression || !statusFields.has(memberName(member) ?? '')) return undefined;
  return literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'number' && okStatuses.has(literal.value) ? member.object : undefined;
}

/** The lookups a true `test` says found something: `config`, `res.ok`, `res.status === 200`, either side of `&&`. */
function succeeded(test: TSESTree.Node, model: FileModel): string[] {
  const node = unwrap(test);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '&&') return [...succeeded(node.left, model), ...succeeded(node.right, model)];
  // A field of the answer that is there (`if (config)`); the answer itself is there whatever was found.
  const found = foundAt(node, model);
  if (found?.kind === 'field' && !(node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'ok')) return [found.lookup];
  const response = node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'ok' ? node.object : statusTest(node, ['===', '==']);
  const answered = response ? foundAt(response, model) : undefined;
  return answered ? [answered.lookup] : [];
}

/** The lookups a true `test` says found nothing: `!config`, `!res.ok`, `res.status !== 200`, either side of `||`. */
function failed(test: TSESTree.Node, model: FileModel): string[] {
  const node = unwrap(test);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '||') return [...failed(node.left, model), ...failed(node.right, model)];
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') return succeeded(node.argument, model);
  const response = statusTest(node, ['!==', '!=']);
  const answered = response ? foundAt(response, model) : undefined;
  return answered ? [answered.lookup] : [];
}

/**
 * The lookups that must have found something for `at` to run (the text of what each asked for): an
 * `if` around `at` whose test says found (or whose `else` `at` is in, when the test says not found),
 * and an earlier `if` that leaves when the test says not found.
 */
export function lookupsFoundBefore(at: TSESTree.Node, model: FileModel): string[] {
  const found: string[] = [];
  for (let node: TSESTree.Node = at; node.parent && !isFunction(node); node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === node) found.push(...succeeded(parent.test, model));
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.alternate === node) found.push(...failed(parent.test, model));
    if (parent.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const statement of parent.body) {
      if (statement === node) break;
      if (statement.type === AST_NODE_TYPES.IfStatement && branchLeaves(statement.consequent)) found.push(...failed(statement.test, model));
    }
  }
  return found;
}
