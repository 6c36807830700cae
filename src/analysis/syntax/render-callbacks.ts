/**
 * The functions a component hands React to run outside its render: effect and `useCallback`
 * callbacks, and inline JSX event handlers. A server that renders the component runs none of them.
 */
import { AST_NODE_TYPES } from './node-types.js';
import { calleeName, type FunctionNode } from './ast.js';
import { callbackLaterHooks, eventPropPattern } from '../catalog/react-hooks.js';

/** `useEffect(() => …)`, `useCallback(async () => …, [])`, `<button onClick={() => …}>`. */
export function runsOutsideRender(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression) return parent.arguments[0] === fn && callbackLaterHooks.has(calleeName(parent.callee) ?? '');
  if (parent.type !== AST_NODE_TYPES.JSXExpressionContainer) return false;
  const attribute = parent.parent;
  return attribute.type === AST_NODE_TYPES.JSXAttribute && attribute.name.type === AST_NODE_TYPES.JSXIdentifier && eventPropPattern.test(attribute.name.name);
}
