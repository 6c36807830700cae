/**
 * The reach summary of a file (see model/file-summary.ts): its functions numbered, who calls whom,
 * which exports lead where, and the calls that may run another module's exports, read from the
 * file's model once. For the file being linted only the parts inside the file are computed.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../../syntax/node-types.js';
import { calleeName, enclosingFunction, functionName, isFunction, memberName, propertyName, unwrap, walk, type FunctionNode } from '../../syntax/ast.js';
import { callRefOf, callTargets } from '../../syntax/call-targets.js';
import { exportIndex } from '../../syntax/export-index.js';
import { moduleLevelValue } from '../../syntax/module-values.js';
import { awaitedFatallyAtStartUp, moduleVariable, onlyCalled, startUpFunctions, startUpUse } from '../../syntax/start-up-calls.js';
import { callResultSite } from '../../syntax/instantiations.js';
import { memberRoot } from '../../syntax/references.js';
import { keyGrowsThroughCallsHere, keyGrowsWithRequests } from '../../request/key-flow.js';
import { verifiedAccount } from '../../request/key-source.js';
import { keyParameters } from '../../request/key-parameters.js';
import { receiverFacts } from '../../request/handlers.js';
import { moduleFactoryCalls } from '../../cache/module-factories.js';
import type { FileModel } from '../../model/file-model.js';
import type { CallShape, ExportHook, ReachCall, ReachSummary } from '../../model/file-summary.js';
import { isArgsKey } from '../../model/key-args.js';
import { reexportsOf } from './summarize.js';
import { providerIdleOnServer } from '../../syntax/first-render.js';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** `export default auth` where `const auth = new AuthStrategy()`: the instance or object behind a module-level name. */
function moduleValue(model: FileModel, node: TSESTree.Node): TSESTree.Node {
  if (node.type !== AST_NODE_TYPES.Identifier) return node;
  const init = moduleLevelValue(model, node.name);
  const value = init ? unwrap(init) : undefined;
  return value?.type === AST_NODE_TYPES.NewExpression || value?.type === AST_NODE_TYPES.ObjectExpression ? value : node;
}

/** Every export of the file, by the functions and names it leads to. */
function exportHooks(model: FileModel): { byFn: Map<FunctionNode, ExportHook[]>; byName: Map<string, ExportHook[]> } {
  const hooks = { byFn: new Map<FunctionNode, ExportHook[]>(), byName: new Map<string, ExportHook[]>() };
  const classByName = new Map(model.classes.flatMap((cls) => (cls.id ? [[cls.id.name, cls] as const] : [])));
  for (const [exportName, values] of exportIndex(model)) {
    for (const value of values) {
      const node = moduleValue(model, unwrap(value));
      const local = node.type === AST_NODE_TYPES.Identifier ? node.name : exportName;
      if (isFunction(node)) {
        push(hooks.byFn, node, { exportName });
        continue;
      }
      const cls = node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression ? node : classByName.get(node.type === AST_NODE_TYPES.NewExpression ? (calleeName(node.callee) ?? '') : local);
      if (node.type !== AST_NODE_TYPES.ClassDeclaration) push(hooks.byName, local, { exportName });
      if (cls) {
        const isClass = node.type !== AST_NODE_TYPES.NewExpression;
        for (const member of cls.body.body) {
          if ((member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) || member.computed || !member.value) continue;
          const name = propertyName(member.key);
          if (name === undefined) continue;
          if (isFunction(member.value)) push(hooks.byFn, member.value, { exportName, member: name, isClass });
          // A memoized field (`getUser = memoize(…)`) is reached by its name.
          if (member.type === AST_NODE_TYPES.PropertyDefinition) push(hooks.byName, name, { exportName, member: name, isClass });
        }
      } else if (node.type === AST_NODE_TYPES.ObjectExpression) {
        for (const prop of node.properties) {
          if (prop.type !== AST_NODE_TYPES.Property || prop.computed || prop.key.type !== AST_NODE_TYPES.Identifier) continue;
          const v = unwrap(prop.value);
          if (isFunction(v)) push(hooks.byFn, v, { exportName, member: prop.key.name });
          else if (v.type === AST_NODE_TYPES.Identifier) push(hooks.byName, v.name, { exportName, member: prop.key.name });
        }
      }
    }
  }
  return hooks;
}

function shapeOf(call: TSESTree.CallExpression): CallShape | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return { kind: 'name', name: callee.name };
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const member = memberName(callee);
  const root = memberRoot(callee.object);
  const withMember = member !== undefined ? { member } : {};
  if (root.type === AST_NODE_TYPES.ThisExpression) return { kind: 'this', deep: callee.object.type === AST_NODE_TYPES.MemberExpression, ...withMember };
  return root.type === AST_NODE_TYPES.Identifier ? { kind: 'member', root: root.name, ...withMember } : undefined;
}

/** The parameter of the function around `call` that an argument is, `-1` when it is none. */
function parameterOf(arg: TSESTree.Node, call: TSESTree.CallExpression, fn: FunctionNode | undefined, model: FileModel): number {
  const found = fn ? keyParameters([{ key: arg, at: call }], model).get(fn) : undefined;
  // `opts.key` stands for the parameter `opts` here (which field is not followed through calls).
  return typeof found === 'number' ? found : typeof found === 'object' && !isArgsKey(found) ? found.arg : -1;
}

/** What an argument of a call inside `fn` is: one of `fn`'s parameters (its index), a value that cannot grow with requests (`-2`), or else `-1`. */
function argumentRole(arg: TSESTree.Node, call: TSESTree.CallExpression, fn: FunctionNode | undefined, model: FileModel): number {
  if (isFunction(arg) || arg.type === AST_NODE_TYPES.SpreadElement) return parameterOf(arg, call, fn, model);
  // `req.user.id` is a field of the handler's `req` parameter, but the verified caller's: it cannot grow.
  if (!keyGrowsWithRequests(arg, call, model)) return -2;
  return parameterOf(arg, call, fn, model);
}

/** For an object-literal argument (`{ queueName: FULL_REFRESH, message }`): whether each field can grow; `null` otherwise. */
function fieldGrowth(arg: TSESTree.Node, call: TSESTree.CallExpression, model: FileModel): Record<string, boolean> | null {
  if (arg.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const fields: Record<string, boolean> = {};
  for (const prop of arg.properties) {
    const name = prop.type === AST_NODE_TYPES.Property && !prop.computed ? propertyName(prop.key) : undefined;
    if (prop.type !== AST_NODE_TYPES.Property || name === undefined || name === '__proto__') return null;
    fields[name] = !isFunction(prop.value) && keyGrowsWithRequests(prop.value, call, model);
  }
  return fields;
}

/** `this.chat.sendMessage(user, id, body)` with `@CurrentUser() user`: which arguments are the verified caller's record, when one is. */
function callerArguments(call: TSESTree.CallExpression, model: FileModel): { callers?: boolean[] } {
  const callers = call.arguments.map((arg) => arg.type !== AST_NODE_TYPES.SpreadElement && verifiedAccount(arg, model));
  return callers.some(Boolean) ? { callers } : {};
}

/** Module-level names: what an imported factory's result or an instance may be bound to. */
function moduleLevelNames(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of declaration.declarations) if (d.id.type === AST_NODE_TYPES.Identifier) names.add(d.id.name);
  }
  return names;
}

/** The calls that may run another module's export, with what the reach asks of each. */
function outwardCalls(model: FileModel, idOf: ReadonlyMap<FunctionNode, number>, locals: ReadonlySet<string>): ReachCall[] {
  const handlerPath = model.handlerPath();
  const found: ReachCall[] = [];
  for (const call of model.calls) {
    const callee = shapeOf(call);
    if (!callee) continue;
    if (callee.kind === 'name' && !locals.has(callee.name)) continue;
    if (callee.kind === 'member' && !locals.has(callee.root)) continue;
    if (callee.kind === 'this' && !callee.deep) continue;
    const fn = enclosingFunction(call);
    const parent = call.parent;
    const alias = parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier && fn === undefined ? parent.id.name : undefined;
    const grows = call.arguments.map((arg) => !isFunction(arg) && keyGrowsWithRequests(arg, call, model));
    const params = call.arguments.map((arg) => parameterOf(arg, call, fn, model));
    found.push({
      callee,
      fn: fn ? (idOf.get(fn) ?? -1) : -1,
      line: call.loc.start.line,
      onPath: handlerPath.isOnPath(call),
      grows,
      params,
      ...(params.some((p) => p >= 0) ? { growsHere: call.arguments.map((arg, i) => ((params[i] ?? -1) >= 0 && grows[i] === true ? keyGrowsThroughCallsHere(arg, call, model) : grows[i] === true)) } : {}),
      ...(call.arguments.some((arg) => arg.type === AST_NODE_TYPES.ObjectExpression) ? { fields: call.arguments.map((arg) => fieldGrowth(arg, call, model)) } : {}),
      ...callerArguments(call, model),
      ...(alias !== undefined ? { alias } : {}),
      ...(callee.kind === 'name' ? { kept: callResultSite(call, model.facts.visitorKeys) } : {}),
    });
  }
  return found;
}

/** Names the handler path calls, with the first call that passes each as an argument (`app.get('/u', getUser)`). */
function registrations(model: FileModel, locals: ReadonlySet<string>): Record<string, number> {
  const found: Record<string, number> = {};
  const { calledNames } = model.handlerPath();
  for (const call of model.calls) {
    for (const arg of call.arguments) {
      if (arg.type === AST_NODE_TYPES.Identifier && locals.has(arg.name) && calledNames.has(arg.name) && !Object.hasOwn(found, arg.name)) found[arg.name] = call.loc.start.line;
    }
  }
  return found;
}

function subclasses(model: FileModel): ReachSummary['subclasses'] {
  const found: ReachSummary['subclasses'] = [];
  for (const cls of model.classes) {
    const base = cls.superClass ? unwrap(cls.superClass) : undefined;
    if (base?.type !== AST_NODE_TYPES.Identifier) continue;
    const thisCalls = new Set<string>();
    walk(cls.body, model.facts.visitorKeys, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.ThisExpression) thisCalls.add(memberName(callee) ?? '');
    });
    found.push({ base: base.name, thisCalls: [...thisCalls] });
  }
  return found;
}

function providers(model: FileModel, locals: ReadonlySet<string>): ReachSummary['providers'] {
  const found: ReachSummary['providers'] = [];
  walk(model.program, model.facts.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.JSXAttribute || node.name.type !== AST_NODE_TYPES.JSXIdentifier) return;
    const value = node.value?.type === AST_NODE_TYPES.JSXExpressionContainer ? node.value.expression : undefined;
    // Not one a server's render never reaches (behind `if (!token) return <div />` on effect-set state).
    if (value?.type === AST_NODE_TYPES.Identifier && locals.has(value.name) && !providerIdleOnServer(node, model.facts.visitorKeys)) found.push({ name: value.name, attribute: node.name.name });
  });
  return found;
}

/** The imported names the file only ever calls directly, those it only calls while it loads, those it awaits then so that a rejection ends the process, and those it never uses. */
function importUses(model: FileModel): { called: string[]; startUp: string[]; fatal: string[]; unused: string[] } {
  const startUp = startUpFunctions(model);
  const uses = { called: [] as string[], startUp: [] as string[], fatal: [] as string[], unused: [] as string[] };
  for (const local of model.imports.keys()) {
    const variable = moduleVariable(model.sourceCode, local);
    if (!variable) continue;
    if (variable.references.length === 0) uses.unused.push(local);
    if (onlyCalled(variable)) uses.called.push(local);
    if (startUpUse(variable, startUp, false) === 'start-up') uses.startUp.push(local);
    if (awaitedFatallyAtStartUp(variable, model, model.facts.visitorKeys)) uses.fatal.push(local);
  }
  return uses;
}

/**
 * The reach summary of a file's model, with the number of each of its functions. `outward`: also the
 * calls that may run other modules' exports (what an importer is read for).
 */
export function summarizeReach(model: FileModel, outward: boolean): { summary: ReachSummary; idOf: ReadonlyMap<FunctionNode, number> } {
  const idOf = new Map(model.functions.map((fn, i) => [fn, i] as const));
  const aliases = new Map(moduleFactoryCalls(model).map((call) => [call.binding, call.returned] as const));
  const facts = receiverFacts(model, aliases);
  const hooks = exportHooks(model);
  const callers = model.functions.map((): number[] => []);
  const callersByName = new Map<string, number[]>();
  for (const [i, fn] of model.functions.entries()) {
    for (const ref of model.callsByFunction.get(fn) ?? []) {
      for (const target of callTargets(ref, facts)) {
        const id = idOf.get(target);
        if (id !== undefined) callers[id]?.push(i);
      }
      if (typeof ref.receiver === 'string' && ref.receiver !== 'other') push(callersByName, ref.name, i);
    }
  }
  const namedCalls: ReachSummary['namedCalls'] = [];
  for (const call of model.calls) {
    const ref = callRefOf(call.callee);
    const caller = ref ? enclosingFunction(call) : undefined;
    const id = caller ? idOf.get(caller) : undefined;
    if (!ref || id === undefined) continue;
    // A method call counts when it runs functions of this file (`this.getSync(name)`, `registry.getSync(name)`).
    const targets = ref.receiver === 'plain' ? [] : callTargets(ref, facts).flatMap((fn) => idOf.get(fn) ?? []);
    if (ref.receiver !== 'plain' && targets.length === 0) continue;
    // `this.getQueueUrl(queueName)` with `queueName` destructured from `({ queueName, message })`, or a local made of a field (`const timeZone = input.timeZone ?? ZONE`): that field of the parameter.
    const fields = call.arguments.map((arg) => {
      const found = caller ? keyParameters([{ key: arg, at: call }], model).get(caller) : undefined;
      return typeof found === 'object' && !isArgsKey(found) && found.fields.length === 1 ? (found.fields[0] ?? null) : null;
    });
    namedCalls.push({
      fn: id,
      name: ref.name,
      ...(targets.length > 0 ? { targets } : {}),
      params: call.arguments.map((arg) => argumentRole(arg, call, caller, model)),
      ...(fields.some((f) => f !== null) ? { fields } : {}),
    });
  }
  const locals = new Set([...model.imports.keys(), ...(outward ? moduleLevelNames(model.program) : [])]);
  const uses = outward ? importUses(model) : undefined;
  const summary: ReachSummary = {
    imports: [...model.imports].map(([local, binding]) => ({ local, module: binding.module, export: binding.export })),
    reexports: reexportsOf(model.program, model.imports),
    functions: model.functions.map((fn, i) => {
      const holder = enclosingFunction(fn);
      const name = functionName(fn);
      return { ...(name !== undefined ? { name } : {}), holder: holder ? (idOf.get(holder) ?? -1) : -1, callers: callers[i] ?? [], hooks: hooks.byFn.get(fn) ?? [] };
    }),
    functionsByName: Object.fromEntries([...model.functionsByName].map(([name, fns]) => [name, fns.map((fn) => idOf.get(fn) ?? -1)])),
    callersByName: Object.fromEntries(callersByName),
    hooksByName: Object.fromEntries(hooks.byName),
    namedCalls,
    calls: outward ? outwardCalls(model, idOf, locals) : [],
    registrations: outward ? registrations(model, locals) : {},
    subclasses: outward ? subclasses(model) : [],
    providers: outward ? providers(model, new Set(model.imports.keys())) : [],
    calledImports: uses?.called ?? [],
    unusedImports: uses?.unused ?? [],
    startUpImports: uses?.startUp ?? [],
    fatalStartUpImports: uses?.fatal ?? [],
  };
  return { summary, idOf };
}
