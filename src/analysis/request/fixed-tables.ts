/**
 * Constant tables and lists of a module: a lookup in one yields one of its values, and a value a
 * membership test found in one is one of them (`SUPPORTED.includes(lang)`).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { calleeName, memberName, unwrap } from '../syntax/ast.js';
import { calledFunction } from '../model/called-functions.js';
import type { FileModel } from '../model/file-model.js';
import { resolveIdentifier, valueDef } from '../syntax/references.js';
import { jsonModulePattern } from '../catalog/file-roles.js';
import { membershipMethods } from '../catalog/validators.js';

/** Calls that change the object they are given (`Object.assign(TABLE, extra)`). */
const MUTATING_STATICS: ReadonlySet<string> = new Set(['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf']);
/** Array methods that change the array. */
const MUTATING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'splice', 'fill', 'copyWithin', 'set', 'add']);

/** Whether a read of the table at `ref` (its identifier) can change what it holds: a write through it, or a mutating call. */
function mutatesTable(ref: TSESTree.Identifier): boolean {
  // `table.d3[id] = …`: a write through a field of the table writes the table.
  let inner: TSESTree.Node = ref;
  while (inner.parent.type === AST_NODE_TYPES.MemberExpression && inner.parent.object === inner && inner.parent.parent.type === AST_NODE_TYPES.MemberExpression && inner.parent.parent.object === inner.parent) inner = inner.parent;
  const parent = inner.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === inner) {
    const outer = parent.parent;
    if (outer.type === AST_NODE_TYPES.AssignmentExpression && outer.left === parent) return true;
    if (outer.type === AST_NODE_TYPES.UpdateExpression) return true;
    if (outer.type === AST_NODE_TYPES.UnaryExpression && outer.operator === 'delete') return true;
    return outer.type === AST_NODE_TYPES.CallExpression && outer.callee === parent && MUTATING_METHODS.has(memberName(parent) ?? '');
  }
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === ref) {
    const callee = unwrap(parent.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && MUTATING_STATICS.has(memberName(callee) ?? '');
  }
  return false;
}

/** `SUPPORTED_LANGS.includes(lang)` over a constant list of the module (`isFixedTable`): the value tested. */
export function constantListMember(test: TSESTree.Node, model: FileModel): TSESTree.Node | undefined {
  const call = unwrap(test);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || !membershipMethods.has(memberName(callee) ?? '')) return undefined;
  const [value] = call.arguments;
  return value && value.type !== AST_NODE_TYPES.SpreadElement && isFixedTable(callee.object, model) ? value : undefined;
}

/**
 * A module-level `const` table written out in the code (`const MODEL_TO_ENCODING = { 'gpt-4o': 'o200k_base', … }`,
 * `Object.freeze([…])`), or a JSON file the module imports (`import constants from './constants.json'`),
 * or a plain field of one (`constants.d3`), that nothing in the file writes to: a lookup in it yields
 * one of its values.
 */
export function isFixedTable(node: TSESTree.Node, model: FileModel): boolean {
  let table = unwrap(node);
  while (table.type === AST_NODE_TYPES.MemberExpression && !table.computed) table = unwrap(table.object);
  if (table.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(model.sourceCode, table);
  const def = valueDef(variable);
  const unchanged = (): boolean => !variable?.references.some((ref) => !ref.init && ref.identifier.type === AST_NODE_TYPES.Identifier && mutatesTable(ref.identifier));
  if (def && (def.type as string) === 'ImportBinding') return jsonModulePattern.test(model.imports.get(table.name)?.module ?? '') && unchanged();
  if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.parent.kind !== 'const' || !def.node.init) return false;
  const scope: string = variable.scope.type;
  if (scope !== 'module' && scope !== 'global') return false;
  let init = unwrap(def.node.init);
  // `const constants = require('./constants.json')`.
  if (init.type === AST_NODE_TYPES.CallExpression && calleeName(init.callee) === 'require' && init.arguments[0]?.type === AST_NODE_TYPES.Literal) return jsonModulePattern.test(String(init.arguments[0].value)) && unchanged();
  if (init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.MemberExpression && memberName(init.callee) === 'freeze' && init.arguments[0]) init = unwrap(init.arguments[0]);
  const written =
    (init.type === AST_NODE_TYPES.ObjectExpression && init.properties.length > 0 && init.properties.every((p) => p.type === AST_NODE_TYPES.Property)) ||
    (init.type === AST_NODE_TYPES.ArrayExpression && init.elements.length > 0 && init.elements.every((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement));
  return written && unchanged();
}

/**
 * `isValidTab(raw)`: a call of a function (of this file, or exported by another file of the project)
 * whose body returns only a membership test of its parameter against a constant list or table
 * (`TABS.includes(v ?? '')`, `KNOWN.has(v)`, `v in LABELS`): the argument it tests. What the
 * function is named, or declared to narrow to, is not evidence; its body is.
 */
export function fixedSetPredicateArgument(test: TSESTree.Node, model: FileModel): TSESTree.Node | undefined {
  const call = unwrap(test);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const found = calledFunction(call.callee, model);
  if (!found) return undefined;
  const { fn, model: fnModel } = found;
  const body = fn.body.type === AST_NODE_TYPES.BlockStatement ? soleReturn(fn.body) : fn.body;
  const tested = body ? membershipTested(body, fnModel) : undefined;
  const index = tested ? fn.params.findIndex((p) => p.type === AST_NODE_TYPES.Identifier && p.name === tested.name) : -1;
  const arg = index >= 0 ? call.arguments[index] : undefined;
  return arg && arg.type !== AST_NODE_TYPES.SpreadElement ? arg : undefined;
}

/** The argument of a block's only statement, when it is a `return`. */
function soleReturn(block: TSESTree.BlockStatement): TSESTree.Expression | undefined {
  const [only] = block.body;
  return block.body.length === 1 && only?.type === AST_NODE_TYPES.ReturnStatement && only.argument ? only.argument : undefined;
}

/** The name a membership test checks against a constant list or table (`LIST.includes(v)`, `v in TABLE`), seen through `v ?? ''`. */
function membershipTested(node: TSESTree.Node, model: FileModel): TSESTree.Identifier | undefined {
  const expression = unwrap(node);
  const tested =
    expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === 'in'
      ? isFixedTable(expression.right, model)
        ? expression.left
        : undefined
      : constantListMember(expression, model);
  if (!tested) return undefined;
  let value = unwrap(tested);
  // `v ?? ''`, `v || ''`: a fallback that is a literal adds one value.
  if (value.type === AST_NODE_TYPES.LogicalExpression && (value.operator === '??' || value.operator === '||') && unwrap(value.right).type === AST_NODE_TYPES.Literal) value = unwrap(value.left);
  return value.type === AST_NODE_TYPES.Identifier ? value : undefined;
}
