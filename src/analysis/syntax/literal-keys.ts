/**
 * Loop variables that take only the keys an object literal writes out: `for (const name in CHECKS)`,
 * `for (const name of Object.keys(CHECKS))`, `for (const [name, check] of Object.entries(CHECKS))`,
 * where `CHECKS` is an object literal (or a `const` holding one that nothing adds keys to) whose
 * keys are all written out: however the values vary, the names are the ones in the code.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from './node-types.js';
import { memberName, unwrap } from './ast.js';
import { resolveIdentifier, valueDef } from './references.js';

/** `Object.keys` and `Object.entries`: the key is the value, or the first element of each pair. */
const KEY_READERS: ReadonlySet<string> = new Set(['keys', 'entries']);

/** Whether the loop variable `name` of `declarator` (a `for…in` or `for…of` binding) takes only the written keys of an object literal. */
export function iteratesLiteralKeys(declarator: TSESTree.VariableDeclarator, name: string, sourceCode: Readonly<SourceCode>): boolean {
  const loop = declarator.parent.parent;
  const id = declarator.id;
  const isName = (node: TSESTree.Node | null | undefined): boolean => node?.type === AST_NODE_TYPES.Identifier && node.name === name;
  if (loop.type === AST_NODE_TYPES.ForInStatement) return isName(id) && literalKeyed(loop.right, sourceCode);
  if (loop.type !== AST_NODE_TYPES.ForOfStatement) return false;
  const right = unwrap(loop.right);
  if (right.type !== AST_NODE_TYPES.CallExpression || right.arguments.length !== 1 || right.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const reader = memberName(right.callee);
  const object = unwrap(right.callee.object);
  if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'Object' || reader === undefined || !KEY_READERS.has(reader)) return false;
  const keyBinding = reader === 'keys' ? id : id.type === AST_NODE_TYPES.ArrayPattern ? id.elements[0] : undefined;
  return isName(keyBinding) && right.arguments[0] !== undefined && literalKeyed(right.arguments[0], sourceCode);
}

/** An object literal whose every key is written out: no spread, no computed key but a literal. */
function writtenOut(object: TSESTree.ObjectExpression): boolean {
  return object.properties.every((p) => p.type === AST_NODE_TYPES.Property && (!p.computed || p.key.type === AST_NODE_TYPES.Literal));
}

/** The object literal itself, or a `const` initialised with one and only read (`CHECKS.db`, `Object.keys(CHECKS)`), never written into. */
function literalKeyed(node: TSESTree.Node, sourceCode: Readonly<SourceCode>): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return writtenOut(value);
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(sourceCode, value);
  const declarator = valueDef(variable)?.node;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.parent.kind !== 'const' || !declarator.init) return false;
  const init = unwrap(declarator.init);
  if (init.type !== AST_NODE_TYPES.ObjectExpression || !writtenOut(init)) return false;
  return (variable?.references ?? []).every((ref) => ref.init === true || onlyRead(ref.identifier));
}

/** A use that cannot add keys: a plain field read, the object a loop or `Object.keys`/`values`/`entries` reads. */
function onlyRead(id: TSESTree.Node): boolean {
  let use: TSESTree.Node = id;
  while (use.parent?.type === AST_NODE_TYPES.TSAsExpression || use.parent?.type === AST_NODE_TYPES.TSNonNullExpression || use.parent?.type === AST_NODE_TYPES.TSSatisfiesExpression) use = use.parent;
  const parent = use.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.MemberExpression) {
    if (parent.object !== use) return false;
    const target = parent.parent;
    const written = (target.type === AST_NODE_TYPES.AssignmentExpression && target.left === parent) || (target.type === AST_NODE_TYPES.UpdateExpression && target.argument === parent) || (target.type === AST_NODE_TYPES.UnaryExpression && target.operator === 'delete');
    return !written;
  }
  if (parent.type === AST_NODE_TYPES.ForInStatement || parent.type === AST_NODE_TYPES.ForOfStatement) return parent.right === use;
  if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(parent.callee.object);
  return object.type === AST_NODE_TYPES.Identifier && object.name === 'Object' && ['keys', 'values', 'entries'].includes(memberName(parent.callee) ?? '');
}
