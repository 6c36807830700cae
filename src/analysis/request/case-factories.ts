/**
 * Factories that make something only for the keys they list: `createDriver(name)` whose body is
 * `switch (name) { case 'local': return …; case 's3': return …; default: throw … }`. A value made by
 * one exists only for a listed key, so a store written with it after the call holds as many entries
 * as there are cases.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { unwrap, type FunctionNode } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { functionOfVariable, resolveIdentifier } from '../syntax/references.js';
import { ownMethod } from '../syntax/own-method.js';

/** The function a call runs: a function of this file by name, or a method of the class it is written in (`this.createDriver`). */
function calledFunction(call: TSESTree.CallExpression, model: FileModel): FunctionNode | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return functionOfVariable(resolveIdentifier(model.sourceCode, callee));
  return callee.type === AST_NODE_TYPES.MemberExpression ? ownMethod(callee) : undefined;
}

/** A branch that leaves the function: its last statement returns or throws (an empty case falls through to the next). */
const leaves = (statements: readonly TSESTree.Statement[]): boolean => {
  const last = statements.at(-1);
  return last === undefined || last.type === AST_NODE_TYPES.ReturnStatement || last.type === AST_NODE_TYPES.ThrowStatement;
};

/**
 * The argument of `call` that the called factory switches on, when the factory returns only from
 * cases of literals and throws for any other value (in `default`, or right after the switch).
 */
export function listedOnlyArgument(call: TSESTree.CallExpression, model: FileModel): TSESTree.Node | undefined {
  const fn = calledFunction(call, model);
  if (fn?.body.type !== AST_NODE_TYPES.BlockStatement || fn.async) return undefined;
  const statements = fn.body.body;
  const at = statements.findIndex((s) => s.type === AST_NODE_TYPES.SwitchStatement);
  const switched = statements[at];
  if (switched?.type !== AST_NODE_TYPES.SwitchStatement) return undefined;
  const discriminant = unwrap(switched.discriminant);
  const index = fn.params.findIndex((p) => p.type === AST_NODE_TYPES.Identifier && discriminant.type === AST_NODE_TYPES.Identifier && p.name === discriminant.name);
  // Nothing before the switch may return a value made otherwise.
  if (index < 0 || statements.slice(0, at).some((s) => s.type === AST_NODE_TYPES.ReturnStatement)) return undefined;
  const cases = switched.cases.filter((c) => c.test !== null);
  if (cases.length === 0 || !cases.every((c) => unwrap(c.test as TSESTree.Expression).type === AST_NODE_TYPES.Literal && leaves(c.consequent))) return undefined;
  const fallback = switched.cases.find((c) => c.test === null);
  const throwsOtherwise = fallback ? fallback.consequent.at(-1)?.type === AST_NODE_TYPES.ThrowStatement : statements[at + 1]?.type === AST_NODE_TYPES.ThrowStatement;
  return throwsOtherwise ? call.arguments[index] : undefined;
}
