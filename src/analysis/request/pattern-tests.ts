/**
 * A test against a pattern that admits few strings (`/^\d{6}$/.test(pin)`, `ISO.test(code)` with
 * `const ISO = /^[A-Z]{2,4}$/`): a value past it is one of those few, whatever the request sent.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { memberName, unwrap } from '../syntax/ast.js';
import { constDeclarator } from '../syntax/references.js';
import { patternValueCount } from '../syntax/pattern-values.js';
import { maxPatternKeys } from '../catalog/handler-catalog.js';
import type { FileModel } from '../model/file-model.js';

/** The regular expression literal a node is, or a const initialised with one. */
function regexLiteral(node: TSESTree.Node, model: FileModel): TSESTree.RegExpLiteral | undefined {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal) return 'regex' in value ? value : undefined;
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const declarator = constDeclarator(model.sourceCode, value);
  const init = declarator ? unwrap(declarator.init) : undefined;
  return init?.type === AST_NODE_TYPES.Literal && 'regex' in init ? init : undefined;
}

/** The value `RE.test(value)` checks, when `RE` lets through at most `maxPatternKeys` whole strings. */
export function boundedPatternTest(node: TSESTree.Node, model: FileModel): TSESTree.Node | undefined {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return undefined;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || memberName(callee) !== 'test') return undefined;
  const literal = regexLiteral(callee.object, model);
  const [value] = call.arguments;
  if (!literal || value?.type === AST_NODE_TYPES.SpreadElement) return undefined;
  return patternValueCount(literal.regex.pattern, literal.regex.flags) <= maxPatternKeys ? value : undefined;
}
