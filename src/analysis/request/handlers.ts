/**
 * Request handlers and what they reach: the handler catalog applied to one file, then the
 * functions called from handlers, followed through the file by name, transitively.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { calleeName, decoratorsOf, enclosingFunction, implementsOf, isFunction, memberName, outermostFunction, propertyName, unwrap, type FunctionNode } from '../syntax/ast.js';
import {
  controllerDecorators,
  exportHandlerRules,
  handlerMethodDecorators,
  handlerOptionKeys,
  handlerParameterPairs,
  handlerParameterTypes,
  perRequestInterfaces,
  perRequestMethods,
  procedureMethods,
  procedureNamePattern,
  requestEvents,
  resolverMapKeys,
  routeMethods,
  routerFactories,
  routerNamePattern,
  serverDirective,
  serverFactories,
} from '../catalog/handler-catalog.js';
import { inBrowserApp, isRequestFile, neverLoaded, unboundNestEnhancer, unmountedRouter } from './file-runtime.js';
import { isAdminMiddleware } from './admin-gates.js';
import { importedOnlyByDeadModules, isDeadExport, isUnloadedLibraryModule } from './dead-exports.js';
import type { FileModel, HandlerPath } from '../model/file-model.js';
import { moduleFactoryCalls, returnedFunctions } from '../cache/module-factories.js';
import { exportIndex } from '../syntax/export-index.js';
import { callTargets, type ReceiverFacts } from '../syntax/call-targets.js';
import { runsOutsideRender } from '../syntax/render-callbacks.js';

interface HandlerSet {
  fns: Set<FunctionNode>;
  /** Names passed as handlers: a memoized function registered directly runs per request. */
  names: Set<string>;
  /** Handlers registered behind a middleware that lets only administrators through: not the public's path. */
  adminOnly?: HandlerSet;
}

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expr = unwrap(decorator.expression);
  return calleeName(expr.type === AST_NODE_TYPES.CallExpression ? expr.callee : expr);
}

function hasDecorator(node: { decorators?: TSESTree.Decorator[] }, names: ReadonlySet<string>): boolean {
  return decoratorsOf(node).some((d) => names.has(decoratorName(d) ?? ''));
}

function isRouterReceiver(receiver: TSESTree.Node, model: FileModel): boolean {
  const node = unwrap(receiver);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const init = model.initialisers.get(node.name);
    return routerNamePattern.test(node.name) || (init !== undefined && routerFactories.has(init));
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node);
    return name !== undefined && routerNamePattern.test(name);
  }
  // `app.route('/x').get(h)`, `new Hono().get(...)`, `express.Router().get(...)`.
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression;
}

/** `publicProcedure`, `t.procedure`, `protectedProcedure.input(schema)`: the root of the chain is named like a procedure. */
function isProcedure(receiver: TSESTree.Node): boolean {
  let node = unwrap(receiver);
  while (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) node = unwrap(node.callee.object);
  const name = calleeName(node);
  return name !== undefined && procedureNamePattern.test(name);
}

/** The annotated type's name: `Request`, `express.Request`, `Request<Params>`. */
function annotatedTypeName(param: TSESTree.Parameter): string | undefined {
  const annotation = param.type === AST_NODE_TYPES.Identifier ? param.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const name = annotation.typeName;
  return name.type === AST_NODE_TYPES.Identifier ? name.name : name.type === AST_NODE_TYPES.TSQualifiedName ? name.right.name : undefined;
}

/** `(req, res) => …`, `function (request, reply)`, `async (ctx, next) => …`, or by annotation `(r: Request, _: Response)`. */
function hasHandlerParameters(fn: FunctionNode): boolean {
  const [first, second] = fn.params;
  if (first?.type !== AST_NODE_TYPES.Identifier || second?.type !== AST_NODE_TYPES.Identifier) return false;
  if (handlerParameterPairs.some(([a, b]) => a.test(first.name) && b.test(second.name))) return true;
  const firstType = annotatedTypeName(first);
  const secondType = annotatedTypeName(second);
  return firstType !== undefined && secondType !== undefined && handlerParameterTypes.some(([a, b]) => a.has(firstType) && b.has(secondType));
}

function isPathLiteral(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value.startsWith('/') || node.value === '*' : node.value instanceof RegExp;
  return node.type === AST_NODE_TYPES.TemplateLiteral && (node.quasis[0]?.value.cooked ?? '').startsWith('/');
}

/** Adds the functions an argument stands for: inline, by name, `ctrl.method`, `{ handler }`, `wrap(fn)`. */
function addHandlerValue(value: TSESTree.Node, model: FileModel, out: HandlerSet, depth = 0): void {
  const node = unwrap(value);
  if (isFunction(node)) {
    out.fns.add(node);
    return;
  }
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
    const name = calleeName(node);
    if (name !== undefined) out.names.add(name);
    for (const fn of name === undefined ? [] : (model.functionsByName.get(name) ?? [])) out.fns.add(fn);
    return;
  }
  if (depth > 2) return;
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    for (const prop of node.properties) {
      if (prop.type === AST_NODE_TYPES.Property && handlerOptionKeys.includes(propertyName(prop.key) ?? '')) addHandlerValue(prop.value, model, out, depth + 1);
    }
  } else if (node.type === AST_NODE_TYPES.CallExpression) {
    // Wrapped handlers: `asyncHandler(async (req, res) => …)`, `withAuth(handler)`.
    for (const arg of node.arguments) addHandlerValue(arg, model, out, depth + 1);
  } else if (node.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of node.elements) if (element) addHandlerValue(element, model, out, depth + 1);
  }
}

/**
 * A handler function that declares no parameter, directly or inside its wrapper
 * (`wrapLambdaHandler(async () => …)`): it is handed nothing to read. Unknown shapes are not.
 */
function withoutParameters(value: TSESTree.Node, model: FileModel): boolean {
  const node = unwrap(value);
  if (isFunction(node)) return node.params.length === 0;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const fns = model.functionsByName.get(node.name) ?? [];
    return fns.length > 0 && fns.every((fn) => fn.params.length === 0);
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const wrapped = node.arguments.filter((arg) => isFunction(unwrap(arg)) || unwrap(arg).type === AST_NODE_TYPES.Identifier);
  return wrapped.length === 1 && wrapped[0] !== undefined && withoutParameters(wrapped[0], model);
}

/** `(err, server) => …`: a Node-style completion callback, whose first parameter is an error. */
function isNodeCallback(arg: TSESTree.Node): boolean {
  const fn = unwrap(arg);
  const first = isFunction(fn) ? fn.params[0] : undefined;
  return first?.type === AST_NODE_TYPES.Identifier && /^err(?:or)?$/i.test(first.name);
}

/**
 * A listener that declares fewer than `count` parameters and no rest parameter: a function written
 * there, or every function of the file under its name. Unknown listeners are not.
 */
function takesFewerParameters(value: TSESTree.Node, count: number, model: FileModel): boolean {
  const node = unwrap(value);
  const name = isFunction(node) ? undefined : calleeName(node);
  const fns = isFunction(node) ? [node] : name === undefined ? [] : (model.functionsByName.get(name) ?? []);
  return fns.length > 0 && fns.every((fn) => fn.params.length < count && !fn.params.some((param) => param.type === AST_NODE_TYPES.RestElement));
}

function registeredHandlers(model: FileModel, out: HandlerSet): void {
  const custom = model.settings.handlers;
  // Routers that passed a middleware for administrators alone to `use` (`router.use(authenticate, adminOnly)`): their later routes are theirs.
  const adminRouters = new Set<string>();
  // Functions a factory returns for a public route: a route behind the gate that uses them too keeps them public.
  const publicReturned = new Set<FunctionNode>();
  for (const call of model.calls) {
    const callee = unwrap(call.callee);
    const method = calleeName(callee);
    if (method === undefined) continue;
    if (serverFactories.has(method)) {
      // The project's own `createServer(app, (err, server) => …)` is not Node's: its callback is a start-up continuation.
      if (callee.type === AST_NODE_TYPES.Identifier && model.functionsByName.has(method)) continue;
      for (const arg of call.arguments) if (!isNodeCallback(arg)) addHandlerValue(arg, model, out);
      continue;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const args = call.arguments;
    if (procedureMethods.has(method) && isProcedure(callee.object)) {
      for (const arg of args) addHandlerValue(arg, model, out);
      continue;
    }
    if (method === 'on') {
      const event = args[0];
      const listener = args[1];
      const parameters = event?.type === AST_NODE_TYPES.Literal ? requestEvents.get(String(event.value)) : undefined;
      if (parameters !== undefined && listener && !takesFewerParameters(listener, parameters, model)) addHandlerValue(listener, model, out);
      continue;
    }
    const isCustom = custom.length > 0 && custom.some((setting) => setting.methods?.includes(method) && (!setting.receivers || setting.receivers.includes(calleeName(callee.object) ?? '')));
    // A fastify plugin registered with `register` is not a handler: its own routes are found on their own.
    if (!isCustom && (!routeMethods.has(method) || method === 'register')) continue;
    if (!isCustom && !isRouterReceiver(callee.object, model) && !isPathLiteral(args[0])) continue;
    const receiver = model.sourceCode.getText(callee.object);
    const gate = args.findIndex((arg) => arg.type !== AST_NODE_TYPES.SpreadElement && isAdminMiddleware(arg));
    const routerGated = adminRouters.has(receiver);
    // `router.use(authenticate, adminOnly)` gates every route the router registers after it (not `authenticate`, which
    // runs for everyone, nor the gate itself); `router.use('/admin', adminOnly)` only its own path.
    if (method === 'use' && gate !== -1 && !isPathLiteral(args[0])) adminRouters.add(receiver);
    for (const [index, arg] of args.entries()) {
      const value = unwrap(arg);
      if (value.type === AST_NODE_TYPES.Literal || value.type === AST_NODE_TYPES.TemplateLiteral) continue;
      // After a gate for administrators (in this registration, or on the router before it), only they reach the handler.
      const behindGate = routerGated || (gate !== -1 && index > gate);
      // `router.use(otherRouter)` passes a router, not a function; only functions and `{ handler }` count.
      const into = behindGate ? (out.adminOnly ??= { fns: new Set(), names: new Set() }) : out;
      addHandlerValue(value, model, into);
      // `router.post('/create', backupRateLimiter(3, WINDOW), …)`: what the file's factory returns runs there too.
      if (value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.Identifier) {
        for (const factory of model.functionsByName.get(value.callee.name) ?? []) for (const fn of returnedFunctions(factory)) (behindGate ? into.fns : publicReturned).add(fn);
      }
    }
  }
  // What a public route also runs stays public.
  const gated = out.adminOnly;
  if (gated) {
    for (const fn of gated.fns) if (out.fns.has(fn) || publicReturned.has(fn)) gated.fns.delete(fn);
    for (const name of gated.names) if (out.names.has(name)) gated.names.delete(name);
  }
}

/** Guards, interceptors, middleware classes: `class ApiKeyGuard implements CanActivate { canActivate(…) }`. */
function implementsPerRequest(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  return implementsOf(cls).some((clause) => perRequestInterfaces.has(calleeName(clause.expression) ?? ''));
}

function decoratedHandlers(model: FileModel, out: HandlerSet): void {
  for (const cls of model.classes) {
    if (implementsPerRequest(cls)) {
      for (const member of cls.body.body) {
        if (member.type === AST_NODE_TYPES.MethodDefinition && isFunction(member.value) && perRequestMethods.has(propertyName(member.key) ?? '')) out.fns.add(member.value);
      }
    }
    if (!hasDecorator(cls, controllerDecorators)) continue;
    for (const member of cls.body.body) {
      if (member.type === AST_NODE_TYPES.MethodDefinition && isFunction(member.value) && hasDecorator(member, handlerMethodDecorators)) out.fns.add(member.value);
      if (member.type === AST_NODE_TYPES.PropertyDefinition && member.value && hasDecorator(member, handlerMethodDecorators)) addHandlerValue(member.value, model, out);
    }
  }
}

/** GraphQL resolver maps: `{ Query: { user: (_, args) => … } }`. */
function resolverMapHandlers(model: FileModel, out: HandlerSet): void {
  for (const fn of model.functions) {
    const prop = fn.parent;
    if (prop.type !== AST_NODE_TYPES.Property) continue;
    const map = prop.parent;
    const typeProp = map.type === AST_NODE_TYPES.ObjectExpression ? map.parent : undefined;
    if (typeProp?.type === AST_NODE_TYPES.Property && resolverMapKeys.has(propertyName(typeProp.key) ?? '')) out.fns.add(fn);
  }
}

function hasDirective(body: readonly TSESTree.Node[], directive: string): boolean {
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === directive) return true;
  }
  return false;
}

function exportHandlers(model: FileModel, out: HandlerSet): void {
  const exports = exportIndex(model);
  if (exports.size > 0) {
    for (const rule of exportHandlerRules) {
      if (rule.file && !rule.file.test(model.filename)) continue;
      for (const name of rule.exports) for (const value of exports.get(name) ?? []) if (!rule.takesEvent || !withoutParameters(value, model)) addHandlerValue(value, model, out);
    }
    for (const setting of model.settings.handlers) {
      for (const name of setting.exports ?? []) for (const value of exports.get(name) ?? []) addHandlerValue(value, model, out);
    }
  }
  // `export default { fetch(request) { … } }` (Cloudflare Workers), `export default { handler }`.
  for (const value of exports.get('default') ?? []) {
    if (value.type === AST_NODE_TYPES.ObjectExpression) addHandlerValue(value, model, out);
  }
  // React server actions: every export of a 'use server' file, and functions that start with the directive.
  if (hasDirective(model.program.body, serverDirective)) {
    for (const statement of model.program.body) {
      if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
        const declaration = statement.declaration;
        if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) for (const d of declaration.declarations) { if (d.init) addHandlerValue(d.init, model, out); }
        else if (declaration) addHandlerValue(declaration, model, out);
      }
    }
  }
  for (const fn of model.functions) {
    if (fn.body.type === AST_NODE_TYPES.BlockStatement && hasDirective(fn.body.body, serverDirective)) out.fns.add(fn);
  }
}

/** The module-level names calls are made on, for resolving `x.m()` to a function of this file. */
export function receiverFacts(model: FileModel, factoryResults: ReadonlyMap<string, readonly FunctionNode[]>): ReceiverFacts {
  return { functionsByName: model.functionsByName, initialisers: model.initialisers, factoryResults };
}

export function findHandlerPath(model: FileModel): HandlerPath {
  const handlers: HandlerSet = { fns: new Set(), names: new Set() };
  const none: HandlerPath = { reached: new Set(), calledNames: new Set(), hasHandlers: false, isOnPath: () => false, roots: new Set(), rootNames: new Set() };
  // A browser app's functions are not request handlers, whatever their parameters are called (`getProgress(req)` in an Angular service).
  if (!isRequestFile(model.filename, model.project) || inBrowserApp(model)) return none;
  registeredHandlers(model, handlers);
  for (const fn of model.functions) if (hasHandlerParameters(fn)) handlers.fns.add(fn);
  decoratedHandlers(model, handlers);
  resolverMapHandlers(model, handlers);
  exportHandlers(model, handlers);
  // What only administrators reach is not the public's request path, whatever its parameters are called.
  for (const fn of handlers.adminOnly?.fns ?? []) handlers.fns.delete(fn);
  for (const name of handlers.adminOnly?.names ?? []) handlers.names.delete(name);
  // Asked only of a file with handlers: it needs the import graph.
  if ((handlers.fns.size > 0 || handlers.names.size > 0) && neverLoaded(model.filename, [...model.imports.values()].map((binding) => binding.module), model.sourceCode.text, model)) return none;
  return pathFrom(model, handlers);
}

/** The functions a request runs from the handlers: what they call in this file, transitively, and what is nested in those. */
function pathFrom(model: FileModel, handlers: HandlerSet): HandlerPath {
  const reached = new Set<FunctionNode>();
  const calledNames = new Set<string>(handlers.names);
  // A module-level `const limiter = createLimiter()` runs the factory's returned functions as `limiter(…)`.
  const aliases = new Map<string, FunctionNode[]>();
  for (const call of moduleFactoryCalls(model)) aliases.set(call.binding, call.returned);
  const facts = receiverFacts(model, aliases);
  let queue = [...handlers.fns, ...[...handlers.names].flatMap((name) => aliases.get(name) ?? [])];
  // A generous depth: real request paths are a handful of calls deep, and the set only grows.
  for (let depth = 0; depth < 12 && queue.length > 0; depth++) {
    const next: FunctionNode[] = [];
    for (const fn of queue) {
      if (reached.has(fn)) continue;
      reached.add(fn);
      // What a component hands React to run later (effects, useCallback, event handlers) is not run by a server render.
      for (const nested of model.nestedFunctions.get(fn) ?? []) if (!runsOutsideRender(nested)) next.push(nested);
      for (const ref of model.callsByFunction.get(fn) ?? []) {
        calledNames.add(ref.name);
        // Loops, not spreads: a bundled file's lists outgrow the call stack's argument limit.
        for (const target of callTargets(ref, facts)) next.push(target);
        if (ref.receiver === 'plain') for (const alias of aliases.get(ref.name) ?? []) next.push(alias);
      }
    }
    queue = next;
  }
  return {
    reached,
    calledNames,
    hasHandlers: handlers.fns.size > 0 || handlers.names.size > 0,
    isOnPath(node) {
      const fn = isFunction(node) ? node : enclosingFunction(node);
      return fn !== undefined && reached.has(fn);
    },
    roots: handlers.fns,
    rootNames: handlers.names,
  };
}

const livePaths = new WeakMap<HandlerPath, HandlerPath>();

/**
 * The handler path without the handlers nothing can run: a middleware the file exports under its own
 * name and never uses itself, whose importers never use it (`export function timing() { return (req,
 * res, next) => … }` beside the router they mount), or every handler of a router module nothing mounts
 * or of a NestJS guard or interceptor nothing binds, or of a library module nothing loads or only dead
 * modules import.
 * Asked only before a report: it reads the importers.
 */
export function liveHandlerPath(model: FileModel, path: HandlerPath): HandlerPath {
  let live = livePaths.get(path);
  if (!live) {
    // A router module nothing mounts runs none of its handlers, nor a guard or interceptor nothing binds,
    // nor a library module nothing loads, nor a module only such modules import.
    const unmounted =
      unmountedRouter(model.filename, model.sourceCode.text, model) || unboundNestEnhancer(model.filename, model.sourceCode.text, model) || isUnloadedLibraryModule(model) || importedOnlyByDeadModules(model.filename, model);
    const fns = new Set(unmounted ? [] : [...path.roots].filter((root) => !isDeadExport(outermostFunction(root), model)));
    live = !unmounted && fns.size === path.roots.size ? path : pathFrom(model, { fns, names: new Set(unmounted ? [] : path.rootNames) });
    livePaths.set(path, live);
  }
  return live;
}
