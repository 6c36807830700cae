/**
 * What a component's render on a server gives a test. State hooks hold their initial values there
 * (`useState(null)`) unless the render itself sets them: an effect or an event handler that sets them
 * never runs on a server. `typeof window` is `'undefined'` there. So what a component renders after
 * `if (!config || !token) return <div />`, with both `useState(null)` and set only in effects and
 * handlers, a server never renders.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { calleeName, enclosingFunction, findProperty, programOf, unwrap, walk, type FunctionNode } from './ast.js';
import { runsOutsideRender } from './render-callbacks.js';
import { moduleLevelValue } from './module-values.js';
import { combinedValue, skippedWithin } from './guarded-code.js';
import { browserOnlyGlobals, clientOnlyLoader, stateHook } from '../catalog/react-hooks.js';

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** Whether a literal initial value is truthy: `null`, `false`, `0`, `''`, `undefined` and no value are not; `undefined` when it is not a literal. */
function initialTruth(init: TSESTree.Node | undefined): boolean | undefined {
  if (!init) return false;
  const value = unwrap(init);
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') return false;
  if (value.type !== AST_NODE_TYPES.Literal || 'regex' in value || 'bigint' in value) return undefined;
  return Boolean(value.value);
}

/** Whether every use of `setter` in `component` is a call inside a function the render hands React to run later (an effect, a `useCallback`, an event handler). */
function setOnlyAfterRender(setter: string, declared: TSESTree.Identifier, component: FunctionNode, visitorKeys: VisitorKeys): boolean {
  let later = true;
  walk(component.body, visitorKeys, (node) => {
    if (!later || node.type !== AST_NODE_TYPES.Identifier || node.name !== setter || node === declared) return;
    const call = node.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== node) {
      later = false;
      return;
    }
    let deferred = false;
    for (let fn = enclosingFunction(node); fn && fn !== component; fn = enclosingFunction(fn)) if (runsOutsideRender(fn)) deferred = true;
    if (!deferred) later = false;
  });
  return later;
}

/** The truth of state `name` on a server's render of `component`: a `const [name, setName] = useState(literal)` only set after the render. */
function stateTruth(name: string, component: FunctionNode, visitorKeys: VisitorKeys): boolean | undefined {
  if (component.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  for (const statement of component.body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const') continue;
    for (const d of statement.declarations) {
      if (d.id.type !== AST_NODE_TYPES.ArrayPattern || !d.init) continue;
      const [value, setter] = d.id.elements;
      if (value?.type !== AST_NODE_TYPES.Identifier || value.name !== name) continue;
      const init = unwrap(d.init);
      if (init.type !== AST_NODE_TYPES.CallExpression || calleeName(init.callee) !== stateHook || init.arguments[0]?.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const truth = initialTruth(init.arguments[0]);
      // No setter at all: the value never changes.
      if (truth === undefined || !setter) return truth;
      return setter.type === AST_NODE_TYPES.Identifier && setOnlyAfterRender(setter.name, setter, component, visitorKeys) ? truth : undefined;
    }
  }
  return undefined;
}

/** `typeof window === 'undefined'` (a browser-only global): `true` on a server, and `false` for `!==`. */
function typeofBrowserGlobal(test: TSESTree.BinaryExpression): boolean | undefined {
  const [typeofSide, other] = test.left.type === AST_NODE_TYPES.UnaryExpression ? [test.left, test.right] : [test.right, test.left];
  if (typeofSide.type !== AST_NODE_TYPES.UnaryExpression || typeofSide.operator !== 'typeof') return undefined;
  const argument = unwrap(typeofSide.argument);
  if (argument.type !== AST_NODE_TYPES.Identifier || !browserOnlyGlobals.has(argument.name) || other.type !== AST_NODE_TYPES.Literal || other.value !== 'undefined') return undefined;
  return test.operator === '===' || test.operator === '==';
}

/** What a test gives on a server's render of `component`, or `undefined` when that does not decide it. */
export function valueOnServerRender(test: TSESTree.Node, component: FunctionNode, visitorKeys: VisitorKeys): boolean | undefined {
  return combinedValue(test, (node) => {
    if (node.type === AST_NODE_TYPES.BinaryExpression) return node.operator === '===' || node.operator === '==' || node.operator === '!==' || node.operator === '!=' ? typeofBrowserGlobal(node) : undefined;
    return node.type === AST_NODE_TYPES.Identifier ? stateTruth(node.name, component, visitorKeys) : undefined;
  });
}

/**
 * Whether a server's render of the component around `node` never reaches it: it sits in a branch
 * the render's state closes, or after a guard that returns on it. Only the nearest function counts
 * as the component; JSX in a callback (`items.map((i) => <Row />)`) is taken as rendered.
 */
export function skippedOnServerRender(node: TSESTree.Node, visitorKeys: VisitorKeys): boolean {
  const component = enclosingFunction(node);
  if (!component) return false;
  const valueOf = (test: TSESTree.Node): boolean | undefined => valueOnServerRender(test, component, visitorKeys);
  for (let child: TSESTree.Node = node; child.parent && child.parent !== component; child = child.parent) {
    if (skippedWithin(child, child.parent, valueOf)) return true;
  }
  return false;
}

/** Whether module-level `name` is a component made by `dynamic(() => import(…), { ssr: false })`: a server renders only its fallback. */
function loadedOnlyInBrowser(name: string, program: TSESTree.Program): boolean {
  const made = moduleLevelValue({ program }, name);
  const call = made ? unwrap(made) : undefined;
  const options = call?.type === AST_NODE_TYPES.CallExpression && calleeName(call.callee) === clientOnlyLoader.callee ? call.arguments[1] : undefined;
  const option = options?.type === AST_NODE_TYPES.ObjectExpression ? findProperty(options, [clientOnlyLoader.option]) : undefined;
  const value = option ? unwrap(option.value) : undefined;
  return value?.type === AST_NODE_TYPES.Literal && value.value === false;
}

/** Whether module-level `name` is imported from a package by a bare, unscoped name (`import { Toaster } from 'react-hot-toast'`): not the app's own code. */
function importedFromPackage(name: string, program: TSESTree.Program): boolean {
  return program.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      /^[a-z]/.test(statement.source.value) &&
      statement.specifiers.some((specifier) => specifier.local.name === name),
  );
}

/**
 * Whether a server's render of the element around `attribute` (`<QueryClientProvider client={c}>`)
 * renders none of the app's code inside it: every child is a component `dynamic(…, { ssr: false })`
 * made, whose children a server never renders, or a package's element with no children (`<Toaster />`).
 */
function contentOnlyInBrowser(attribute: TSESTree.JSXAttribute): boolean {
  const element = attribute.parent.parent;
  const program = programOf(element);
  const children = element.children.filter((child) => !(child.type === AST_NODE_TYPES.JSXText && child.value.trim() === ''));
  return (
    children.length > 0 &&
    children.every((child) => {
      if (child.type !== AST_NODE_TYPES.JSXElement || child.openingElement.name.type !== AST_NODE_TYPES.JSXIdentifier) return false;
      const name = child.openingElement.name.name;
      return loadedOnlyInBrowser(name, program) || (child.children.length === 0 && importedFromPackage(name, program));
    })
  );
}

/**
 * Whether a server's render never uses what `attribute` hands a provider: the render never reaches the
 * provider (`skippedOnServerRender`), or the provider's content is only rendered in a browser.
 */
export function providerIdleOnServer(attribute: TSESTree.JSXAttribute, visitorKeys: VisitorKeys): boolean {
  return skippedOnServerRender(attribute, visitorKeys) || contentOnlyInBrowser(attribute);
}
