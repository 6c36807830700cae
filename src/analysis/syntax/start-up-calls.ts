/**
 * Code that runs only while a module loads: the module's top level, and the functions it calls from
 * there and from nowhere else (`async function bootstrap() { … } bootstrap();`). What runs there runs
 * once per process, before any later caller exists.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope, SourceCode } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from './node-types.js';
import { callsProcessExit, isFunction, memberName, unwrap, type FunctionNode } from './ast.js';

/** How a name is used: never read, only called while the module loads, or also otherwise (later, or handed on as a value). */
export type StartUpUse = 'unused' | 'start-up' | 'later';

/** The variable a module-level name declares (an ES module's scope, CommonJS's wrapper scope, or the global one). */
export function moduleVariable(sourceCode: Readonly<SourceCode>, name: string): Scope.Variable | undefined {
  const global = sourceCode.scopeManager?.globalScope;
  if (!global) return undefined;
  for (const scope of [...global.childScopes.filter((s) => s.block.type === AST_NODE_TYPES.Program), global]) {
    const variable = scope.set.get(name);
    if (variable && variable.defs.length > 0) return variable;
  }
  return undefined;
}

/** The module-level name a function or value is declared under (`function init()`, `export const init = …`), if it is one. */
export function moduleLevelName(node: TSESTree.Node): string | undefined {
  const atTop = (statement: TSESTree.Node): boolean =>
    statement.parent?.type === AST_NODE_TYPES.Program || (statement.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.parent.parent.type === AST_NODE_TYPES.Program);
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) return node.id && atTop(node) ? node.id.name : undefined;
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return atTop(declarator.parent) ? declarator.id.name : undefined;
}

/** `export { init }`, `module.exports = { init }`, `module.exports.init = init`, `exports.init = init`: the reference exports the name. */
function exportsName(id: TSESTree.Identifier): boolean {
  const parent = id.parent;
  if (parent.type === AST_NODE_TYPES.ExportSpecifier || parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  const isModuleExports = (node: TSESTree.Node): boolean => {
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.Identifier) return n.name === 'exports';
    return n.type === AST_NODE_TYPES.MemberExpression && memberName(n) === 'exports' && unwrap(n.object).type === AST_NODE_TYPES.Identifier && (unwrap(n.object) as TSESTree.Identifier).name === 'module';
  };
  const assignedTo = (value: TSESTree.Node): TSESTree.Node | undefined =>
    value.parent?.type === AST_NODE_TYPES.AssignmentExpression && value.parent.right === value ? value.parent.left : undefined;
  // `exports.init = init`, `module.exports.init = init`, `module.exports = init`.
  const left = assignedTo(id);
  if (left) return isModuleExports(left) || (left.type === AST_NODE_TYPES.MemberExpression && isModuleExports(left.object));
  // `module.exports = { init }`.
  if (parent.type === AST_NODE_TYPES.Property && parent.value === id && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const target = assignedTo(parent.parent);
    return target !== undefined && isModuleExports(target);
  }
  return false;
}

/** Whether `id` is called right there (`init()`, `await init()`, `init().catch(log)`), not handed on. */
function isCallee(id: TSESTree.Identifier): boolean {
  const parent = id.parent;
  return parent.type === AST_NODE_TYPES.CallExpression && parent.callee === id;
}

/** The function `node` runs in; `null` for code a class instance runs (a field's initialiser), `undefined` for the module's top level. */
function runsIn(node: TSESTree.Node): FunctionNode | null | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
    if ((current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) && !current.static) return null;
  }
  return undefined;
}

/**
 * How `variable` is used in its file: `'start-up'` when every read is a call made at module level or
 * from a start-up function (`exports` references aside, when `allowExports`), `'later'` when any read is
 * anything else, `'unused'` when nothing reads it.
 */
export function startUpUse(variable: Scope.Variable, startUp: ReadonlySet<FunctionNode>, allowExports: boolean): StartUpUse {
  let use: StartUpUse = 'unused';
  for (const ref of variable.references) {
    if (ref.init === true || !ref.isRead()) continue;
    const id = ref.identifier;
    if (id.type !== AST_NODE_TYPES.Identifier) return 'later';
    if (allowExports && exportsName(id)) continue;
    if (!isCallee(id)) return 'later';
    const fn = runsIn(id);
    if (fn === null || (fn !== undefined && !startUp.has(fn))) return 'later';
    use = 'start-up';
  }
  return use;
}

/** Whether every read of `variable` calls it right there (`exports` references aside, when `allowExports`): nothing hands it on. */
export function onlyCalled(variable: Scope.Variable, allowExports = false): boolean {
  return variable.references.every(
    (ref) => ref.init === true || !ref.isRead() || inTypeQuery(ref.identifier) || (ref.identifier.type === AST_NODE_TYPES.Identifier && (isCallee(ref.identifier) || (allowExports && exportsName(ref.identifier)))),
  );
}

/** `ReturnType<typeof createResolver>`: a name read by the type checker only, which runs nothing. */
function inTypeQuery(id: TSESTree.Node): boolean {
  return id.parent?.type === AST_NODE_TYPES.TSTypeQuery;
}

/** The function a top-level statement declares under a name (`function main() {}`, `const main = async () => {}`), not exported. */
function declaredFunctions(program: TSESTree.Program): { fn: FunctionNode; name: string }[] {
  const found: { fn: FunctionNode; name: string }[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.FunctionDeclaration) found.push({ fn: statement, name: statement.id.name });
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of statement.declarations) {
      const init = d.init ? unwrap(d.init) : undefined;
      if (d.id.type === AST_NODE_TYPES.Identifier && init && isFunction(init)) found.push({ fn: init, name: d.id.name });
    }
  }
  return found;
}

const startUpSets = new WeakMap<TSESTree.Program, ReadonlySet<FunctionNode>>();

/**
 * The functions of a file that run only while it loads: declared at its top level, not exported, and
 * only ever called, from its top level or from another such function. Found by elimination: start
 * from every candidate and drop those with a use elsewhere until none changes.
 */
export function startUpFunctions(model: { program: TSESTree.Program; sourceCode: Readonly<SourceCode> }): ReadonlySet<FunctionNode> {
  const known = startUpSets.get(model.program);
  if (known) return known;
  const candidates = declaredFunctions(model.program).flatMap(({ fn, name }) => {
    const variable = moduleVariable(model.sourceCode, name);
    return variable ? [{ fn, variable }] : [];
  });
  const startUp = new Set(candidates.map((c) => c.fn));
  for (let changed = true; changed; ) {
    changed = false;
    for (const { fn, variable } of candidates) {
      if (!startUp.has(fn)) continue;
      // A function calling itself (a retry) may run again later: not counted as start-up.
      startUp.delete(fn);
      if (startUpUse(variable, startUp, false) === 'start-up') startUp.add(fn);
      else changed = true;
    }
  }
  startUpSets.set(model.program, startUp);
  return startUp;
}

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * The function (or `null` for the module's top level) a rejection thrown at `node` leaves, when no
 * `try` with a `catch` around it on the way catches it; `undefined` when one does.
 */
function uncaughtUpTo(node: TSESTree.Node): FunctionNode | null | undefined {
  for (let current = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (isFunction(parent)) return parent;
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === current && parent.handler) return undefined;
  }
  return null;
}

/**
 * `main();`, `void main();`, `await main();` at the top level, or `main().catch((e) => { …; process.exit(1); })`:
 * a module-level call of a start-up function whose rejection ends the process (Node ends it on an
 * unhandled rejection, and an ES module whose top-level `await` rejects fails to load).
 */
function endsProcessOnRejectionAtTop(call: TSESTree.CallExpression, visitorKeys: VisitorKeys): boolean {
  const parent = call.parent;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement) return true;
  if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return true;
  if (parent.type === AST_NODE_TYPES.AwaitExpression) return uncaughtUpTo(parent) === null;
  if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== call || memberName(parent) !== 'catch') return false;
  const handler = parent.parent.type === AST_NODE_TYPES.CallExpression ? parent.parent.arguments[0] : undefined;
  return handler !== undefined && isFunction(handler) && callsProcessExit(handler.body, visitorKeys);
}

/** The start-up functions a module-level call runs so that their rejection ends the process. */
function fatalStartUpFunctions(model: { program: TSESTree.Program; sourceCode: Readonly<SourceCode> }, visitorKeys: VisitorKeys): Set<FunctionNode> {
  const fatal = new Set<FunctionNode>();
  const startUp = startUpFunctions(model);
  for (const { fn, name } of declaredFunctions(model.program)) {
    if (!startUp.has(fn)) continue;
    const variable = moduleVariable(model.sourceCode, name);
    const atTop = variable?.references.some((ref) => {
      const call = ref.identifier.parent;
      return call.type === AST_NODE_TYPES.CallExpression && call.callee === ref.identifier && runsIn(call) === undefined && endsProcessOnRejectionAtTop(call, visitorKeys);
    });
    if (atTop === true) fatal.add(fn);
  }
  return fatal;
}

/**
 * Whether some read of `variable` calls it while the module loads and awaits the result so that a
 * rejection ends the process: `await waitForCouchInit()` (also inside `Promise.all([…])`) at an ES
 * module's top level, or in a start-up function whose own rejection ends it (`bootstrap()` called bare,
 * or an async function called in place at the top level, `(async () => { … })();`), with no `try`
 * around that catches it.
 */
export function awaitedFatallyAtStartUp(variable: Scope.Variable, model: { program: TSESTree.Program; sourceCode: Readonly<SourceCode> }, visitorKeys: VisitorKeys): boolean {
  let fatal: Set<FunctionNode> | undefined;
  return variable.references.some((ref) => {
    const call = ref.identifier.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== ref.identifier) return false;
    // `await Promise.all([waitForCouchInit(), waitForElasticsearchInit()])` rejects with either.
    let awaited: TSESTree.Node = call;
    const list = call.parent;
    if (list.type === AST_NODE_TYPES.ArrayExpression && list.parent.type === AST_NODE_TYPES.CallExpression && list.parent.arguments[0] === list) {
      const combinator = unwrap(list.parent.callee);
      const isAll = combinator.type === AST_NODE_TYPES.MemberExpression && memberName(combinator) === 'all' && unwrap(combinator.object).type === AST_NODE_TYPES.Identifier && (unwrap(combinator.object) as TSESTree.Identifier).name === 'Promise';
      if (isAll) awaited = list.parent;
    }
    if (awaited.parent.type !== AST_NODE_TYPES.AwaitExpression) return false;
    const leaves = uncaughtUpTo(awaited.parent);
    if (leaves === null) return true;
    if (leaves === undefined) return false;
    // `(async () => { const boss = await getBoss(); … })();` at the top level, with no catch.
    const iife = leaves.parent;
    if (iife.type === AST_NODE_TYPES.CallExpression && iife.callee === leaves && runsIn(iife) === undefined && endsProcessOnRejectionAtTop(iife, visitorKeys)) return true;
    fatal ??= fatalStartUpFunctions(model, visitorKeys);
    return fatal.has(leaves);
  });
}
