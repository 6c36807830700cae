/**
 * Where a cache key comes from: what a request carries (a handler's `req` / `ctx`, a parameter a
 * caller passes in, a field a middleware set) or something that is not new per request
 * (configuration, a literal, a module constant, a fixed table, a row the code just loaded, an element
 * of a collection being iterated).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { privateMethodCalls } from '../syntax/private-method-calls.js';
import { calleeName, decoratorsOf, enclosingFunction, isFunction, memberName, propertyName, unwrap, walk, type FunctionNode } from '../syntax/ast.js';
import { returnedExpressions } from '../promise/returns-promise.js';
import type { FileModel } from '../model/file-model.js';
import { assignmentOf, constDeclarator, resolveIdentifier, valueDef } from '../syntax/references.js';
import { schemaCheckedValue } from './schema-fields.js';
import { ownMethod } from '../syntax/own-method.js';
import { elementPickingMethods } from '../catalog/collection-methods.js';
import { routeSchemaCheckedValue } from './route-schemas.js';
import { middlewareFields } from './middleware-fields.js';
import { hasFixedMemberType, isFixedType } from '../model/fixed-types.js';
import { exportIndex } from '../syntax/export-index.js';
import { iteratesLiteralKeys } from '../syntax/literal-keys.js';
import { boundedPatternTest } from './pattern-tests.js';
import { constantListMember, fixedSetPredicateArgument, isFixedTable } from './fixed-tables.js';
import { accessorIdField, accountRecordName, authGuardPattern, perRequestIdWords, recordIdFields, authenticatedIdFields, authenticatedRequestFields, boundedRequestFields, clientRequestFields, lambdaEventParameter, lambdaPerInvocationFields, localeRequestFields, requestObjectName, authAccessorPattern, callerDecoratorPattern, contextGetter, requestSourceFunctions, requestStateFields, responseOnlyNames, socketParameterPattern, socketStateField, routeDescriptorMethods, serverConfigFields, serverConfigParameters } from '../catalog/handler-catalog.js';

/** Array methods whose callback receives the elements of a collection the code already holds. */
const iteratingMethods: ReadonlySet<string> = new Set(['map', 'forEach', 'filter', 'flatMap', 'reduce', 'some', 'every', 'find', 'findIndex', 'sort']);
const MAX_DEPTH = 16;

/** A parameter of a callback handed to `items.map(…)` and alike: an element of data already held. */
function isElementParameter(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  return iteratingMethods.has(memberName(call.callee) ?? '') && call.arguments[0] === fn;
}

/** The index of the parameter that declares `name` (directly, with a default, or destructured). */
function parameterIndex(fn: FunctionNode, name: TSESTree.Identifier): number {
  return fn.params.findIndex((param) => param.range[0] <= name.range[0] && name.range[1] <= param.range[1]);
}

/**
 * The calls of a function of this file, when all of them are in sight: a module-private function
 * only ever called directly, or a static method of a module-private class only ever called as
 * `Class.method(…)` (or `this.method(…)` from its other static methods). `undefined` when the
 * function is exported, passed as a value (a callback, a registered handler) or never called here.
 * With `exportsElsewhere`, an export (`export function`, `module.exports = { increment }`) does not
 * hide the calls: the file's own calls are all in sight, and other files' are judged where they are.
 */
export function callsInSight(fn: FunctionNode, model: FileModel, exportsElsewhere = false): TSESTree.CallExpression[] | undefined {
  if (fn.parent.type === AST_NODE_TYPES.MethodDefinition) return fn.parent.static ? staticMethodCalls(fn.parent, model) : privateMethodCalls(fn.parent, model.facts.visitorKeys);
  if (fn.parent.type === AST_NODE_TYPES.Property) return exportsElsewhere ? memberCalls(fn.parent, model) : undefined;
  const declarator = fn.parent.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : undefined;
  const binding = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn.id : declarator?.id.type === AST_NODE_TYPES.Identifier ? declarator.id : undefined;
  if (!binding || !binding.name) return undefined;
  const holder = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : declarator?.parent;
  if (!exportsElsewhere && isExported(holder)) return undefined;
  const exported = exportsElsewhere ? new Set([...exportIndex(model).values()].flat()) : new Set<TSESTree.Node>();
  const variable = resolveIdentifier(model.sourceCode, binding);
  const calls: TSESTree.CallExpression[] = [];
  for (const ref of variable?.references ?? []) {
    if (ref.init) continue;
    const parent = ref.identifier.parent;
    if (exported.has(ref.identifier) || parent.type === AST_NODE_TYPES.ExportSpecifier) continue;
    if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee !== ref.identifier) return undefined;
    calls.push(parent);
  }
  return calls.length > 0 ? calls : undefined;
}

/**
 * `getAuthPlugin: function (name, cb) {…}` in an object literal: every call in the file of a member
 * of that name (`self.getAuthPlugin(n)`, `instance.getAuthPlugin(n)`), when no read of such a member
 * hands it on instead (`app.use(auth.getAuthPlugin)`). Matched by name: a call of another object's
 * member of the same name counts too, which can only add calls to judge.
 */
function memberCalls(property: TSESTree.Property, model: FileModel): TSESTree.CallExpression[] | undefined {
  const name = property.computed ? undefined : propertyName(property.key);
  if (name === undefined || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  const handedOn: TSESTree.Node[] = [];
  walk(model.program, model.facts.visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || memberName(node) !== name) return;
    const parent = node.parent;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node) calls.push(parent);
    else handedOn.push(node);
  });
  return handedOn.length > 0 || calls.length === 0 ? undefined : calls;
}

function isExported(declaration: TSESTree.Node | undefined): boolean {
  return declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || declaration?.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

/** `RequestMapper.forVerb(req.method)`: the calls of a static method of a class this file keeps to itself. */
function staticMethodCalls(method: TSESTree.MethodDefinition, model: FileModel): TSESTree.CallExpression[] | undefined {
  const name = method.computed ? undefined : propertyName(method.key);
  const owner = method.parent.parent;
  if (!method.static || name === undefined || owner.type !== AST_NODE_TYPES.ClassDeclaration || !owner.id || isExported(owner)) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  const called = (member: TSESTree.Node): boolean => {
    const parent = member.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.computed || memberName(member) !== name) return true;
    if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee !== member) return false;
    calls.push(parent);
    return true;
  };
  // Every use of the class name reads a member (`RequestMapper.instances`) or constructs it; a class handed on may have its methods called anywhere.
  // A class declaration names two variables: one outside it, one inside its own body.
  for (const ref of model.sourceCode.scopeManager?.getDeclaredVariables(owner).flatMap((v) => v.references) ?? []) {
    const use = ref.identifier.parent;
    // `Map<string, RequestMapper>`, `): RequestMapper {`: a type, not a use of the class.
    if (!ref.isValueReference || (use.type === AST_NODE_TYPES.NewExpression && use.callee === ref.identifier)) continue;
    if (use.type !== AST_NODE_TYPES.MemberExpression || use.object !== ref.identifier || !called(use)) return undefined;
  }
  // `this.forVerb(…)` inside the class's static methods is the same call.
  const handedOn = { found: false };
  for (const member of owner.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || !member.static) continue;
    walk(member.value, model.facts.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression && !called(node)) handedOn.found = true;
    });
  }
  return handedOn.found || calls.length === 0 ? undefined : calls;
}

/**
 * A parameter declared with a type of a fixed set of values (a literal union, an enum, `boolean`),
 * which its callers are held to. Not a decorated one (`@Body('type') type: 'a' | 'b'`): the framework
 * fills it from the request, and nothing checks the type at run time.
 */
function hasFixedType(name: TSESTree.Identifier, model: FileModel): boolean {
  const annotation = declaredType(name);
  return annotation !== undefined && isFixedType(annotation, model);
}

/** The type a parameter is declared with, when no decorator has the framework fill it from the request. */
function declaredType(name: TSESTree.Identifier): TSESTree.TypeNode | undefined {
  return parameterDecorators(name).length === 0 ? name.typeAnnotation?.typeAnnotation : undefined;
}

/**
 * `options.sanitize` where the parameter is declared `options: { sanitize: boolean; … }` (written
 * out, or a type alias or interface of the file): a field its type holds to a fixed set, which the
 * callers are held to. Not a decorated parameter, which the framework fills from the request.
 */
function fixedTypeField(value: TSESTree.MemberExpression, model: FileModel): boolean {
  const object = unwrap(value.object);
  const field = value.computed ? undefined : memberName(value);
  if (object.type !== AST_NODE_TYPES.Identifier || field === undefined) return false;
  const def = valueDef(resolveIdentifier(model.sourceCode, object));
  if ((def?.type as string | undefined) !== 'Parameter' || def?.name.type !== AST_NODE_TYPES.Identifier) return false;
  const annotation = declaredType(def.name);
  return annotation !== undefined && hasFixedMemberType(annotation, field, model);
}

/** The decorators of the parameter a name declares, on the name or, with a default value, on the assignment pattern. */
function parameterDecorators(name: TSESTree.Identifier): readonly TSESTree.Decorator[] {
  return decoratorsOf(name.parent.type === AST_NODE_TYPES.AssignmentPattern && name.parent.left === name ? name.parent : name);
}

/**
 * A parameter carries what the callers pass. For a function whose calls are all in sight (see
 * `callsInSight`), that is known: the arguments at its call sites (`loadPreprocessorPath('sass', root)`
 * everywhere: the key is one of a few literals). Any other function may receive anything.
 */
function parameterFromRequest(fn: FunctionNode, name: TSESTree.Identifier, model: FileModel, depth: number, fields: readonly string[] = []): boolean {
  if (depth > MAX_DEPTH - 2) return true;
  const calls = callsInSight(fn, model);
  if (!calls) return true;
  const index = parameterIndex(fn, name);
  if (index === -1) return true;
  const param = fn.params[index];
  // `loadPublicPng(...filenames)`: every argument from its place on (a spread one may be anything).
  if (param?.type === AST_NODE_TYPES.RestElement) {
    if (param.argument !== name || fields.length > 0) return true;
    return calls.some((call) => call.arguments.some((arg, at) => (at >= index || arg.type === AST_NODE_TYPES.SpreadElement) && (arg.type === AST_NODE_TYPES.SpreadElement || fromRequest(arg, model, depth + 1))));
  }
  // `({ method, secret })`: the field the name is destructured from, read from each call's object.
  const own = param ? patternPath(param, name.name) : undefined;
  const path = own ? [...own, ...fields] : undefined;
  return calls.some((call) => {
    const arg = call.arguments[index];
    if (arg === undefined) return false;
    if (arg.type === AST_NODE_TYPES.SpreadElement || call.arguments.slice(0, index).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return true;
    const field = path && path.length > 0 ? fieldOfLiteral(arg, path) : undefined;
    return field !== null && fromRequest(field ?? arg, model, depth + 1);
  });
}

/**
 * Whether the initialiser of `name`'s declaration carries request data to it. Destructured from a
 * parameter (`const { env } = opts`), only the field it takes from what each caller passes counts
 * (`tryRedirect(request, { env, context })`: `env`).
 */
function initFromRequest(id: TSESTree.Node, name: TSESTree.Identifier, init: TSESTree.Expression, model: FileModel, depth: number): boolean {
  if (!fromRequest(init, model, depth + 1)) return false;
  const source = unwrap(init);
  const path = patternPath(id, name.name);
  if (source.type !== AST_NODE_TYPES.Identifier || !path || path.length === 0) return true;
  const def = valueDef(resolveIdentifier(model.sourceCode, source));
  if ((def?.type as string | undefined) !== 'Parameter' || !def || !isFunction(def.node) || def.name.type !== AST_NODE_TYPES.Identifier) return true;
  return parameterFromRequest(def.node, def.name, model, depth + 1, path);
}

/**
 * The value an object literal gives a field path (`{ method, secret }` and `['secret']`: `secret`);
 * `null` when the literal has no such field (the parameter gets its default, or nothing);
 * `undefined` when that cannot be told (not a literal, a spread, a computed key).
 */
function fieldOfLiteral(arg: TSESTree.Node, path: readonly string[]): TSESTree.Node | null | undefined {
  let value = unwrap(arg);
  for (const key of path) {
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    let found: TSESTree.Node | undefined;
    for (const property of value.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) return undefined;
      if (propertyName(property.key) === key) found = property.value;
    }
    if (!found) return null;
    value = unwrap(found);
  }
  return value;
}

/** `socket.data`: what the server's Socket.IO middleware put on the connection. */
function socketState(member: TSESTree.MemberExpression): boolean {
  const holder = unwrap(member.object);
  return memberName(member) === socketStateField && holder.type === AST_NODE_TYPES.Identifier && socketParameterPattern.test(holder.name);
}

/**
 * The request object itself, a handler's parameter (`req`, `request`, `ctx`), or the bag middleware
 * fills on it (Koa's `ctx.state`, Hono's `c.var`, Socket.IO's `socket.data`): not a field of what the
 * client sent (`req.body.user`) nor a local copy of one.
 */
function isRequestItself(node: TSESTree.Node, model: FileModel): boolean {
  let object = unwrap(node);
  if (object.type === AST_NODE_TYPES.MemberExpression && !object.computed && (requestStateFields.has(memberName(object) ?? '') || socketState(object))) object = unwrap(object.object);
  return object.type === AST_NODE_TYPES.Identifier && isParameter(object, model);
}

/**
 * The verified caller of the request: the request itself (whose `user` / `userId` the auth middleware
 * set), or what an auth accessor answers given only the request (`getAuth(req)`, `await auth()`),
 * directly or through a local it was put in (`const auth = getAuth(req)`).
 */
function isCallerHolder(node: TSESTree.Node, model: FileModel): boolean {
  return isRequestItself(node, model) || accessorResult(node, model);
}

/** What an auth accessor answered (`getAuth(req)`), directly or through a const it was put in (`const auth = getAuth(req)`). */
function accessorResult(node: TSESTree.Node, model: FileModel): boolean {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.Identifier) return isAuthAccessorCall(value, model);
  const declarator = constDeclarator(model.sourceCode, value);
  return declarator !== undefined && isAuthAccessorCall(declarator.init, model);
}

/** `getAuth(req)`, `await auth()`, `resolveAuth(c)`, `await requireStoreUser()`: an auth accessor or guard given nothing but the request. */
function isAuthAccessorCall(node: TSESTree.Node, model: FileModel): boolean {
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrap(value.argument);
  const name = value.type === AST_NODE_TYPES.CallExpression ? (calleeName(value.callee) ?? '') : '';
  if (value.type !== AST_NODE_TYPES.CallExpression || !(authAccessorPattern.test(name) || authGuardPattern.test(name))) return false;
  return value.arguments.every((arg) => isRequestItself(arg, model));
}

/** `c.get('userId')`, `c.get('user')`: what the auth middleware set on the request context, by its name. */
function contextRead(node: TSESTree.Node, model: FileModel): string | undefined {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(call.callee);
  const [name] = call.arguments;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || memberName(callee) !== contextGetter || !isRequestItself(callee.object, model)) return undefined;
  return name?.type === AST_NODE_TYPES.Literal && typeof name.value === 'string' ? name.value : undefined;
}

/** A name declared as a parameter of a function. */
function isParameter(name: TSESTree.Identifier, model: FileModel): boolean {
  return (valueDef(resolveIdentifier(model.sourceCode, name))?.type as string | undefined) === 'Parameter';
}

/** `res.locals.locale`: a chain of plain fields read from a handler's response parameter. */
function readsResponse(member: TSESTree.MemberExpression, model: FileModel): boolean {
  let object: TSESTree.Node = member;
  while (object.type === AST_NODE_TYPES.MemberExpression) {
    if (object.computed) return false;
    object = unwrap(object.object);
  }
  return object.type === AST_NODE_TYPES.Identifier && responseOnlyNames.has(object.name) && isParameter(object, model);
}

/** A handler's request parameter by its name (`req`, `request`, `ctx`, `context`), not any parameter. */
function isRequestParameter(node: TSESTree.Node, model: FileModel): boolean {
  const object = unwrap(node);
  return object.type === AST_NODE_TYPES.Identifier && requestObjectName.test(object.name) && isRequestItself(object, model);
}

/** A field every middleware of the file that sets it fills with a value that is not request data. */
function setByMiddleware(field: string | undefined, model: FileModel, depth: number): boolean {
  const values = field === undefined ? undefined : middlewareFields(model).get(field);
  return values !== undefined && values.every((value) => !fromRequest(value, model, depth + 1));
}

/** The second parameter of a Lambda handler `(event, context)`: the runtime's context, not the request. */
function isLambdaContext(node: TSESTree.Node, model: FileModel): boolean {
  const object = unwrap(node);
  if (object.type !== AST_NODE_TYPES.Identifier) return false;
  const def = valueDef(resolveIdentifier(model.sourceCode, object));
  if ((def?.type as string | undefined) !== 'Parameter') return false;
  const fn = def?.node as FunctionNode;
  const [event, context] = fn.params;
  return context === def?.name && event?.type === AST_NODE_TYPES.Identifier && lambdaEventParameter.test(event.name);
}

/** `x.field` or `const { field } = x`: what is used is a field of `x`, not `x` itself. */
function readsAField(node: TSESTree.Node): boolean {
  let outer: TSESTree.Node = node;
  while (outer.parent && (outer.parent.type === AST_NODE_TYPES.TSNonNullExpression || outer.parent.type === AST_NODE_TYPES.ChainExpression)) outer = outer.parent;
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) return true;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer && parent.id.type === AST_NODE_TYPES.ObjectPattern;
}

/** A function that returns a request handler it builds (`(opts) => (req, res) => …`): a handler factory. */
function returnsHandler(fn: FunctionNode, model: FileModel): boolean {
  const isHandler = (node: TSESTree.Node): boolean => {
    const value = unwrap(node);
    const first = isFunction(value) ? value.params[0] : undefined;
    return first?.type === AST_NODE_TYPES.Identifier && requestObjectName.test(first.name);
  };
  // The factory's own first parameter named like a request is a handler's, not a factory's.
  const own = fn.params[0];
  if (own?.type === AST_NODE_TYPES.Identifier && requestObjectName.test(own.name)) return false;
  return returnedExpressions(fn, model.facts).some(isHandler);
}

/**
 * A function that sets routes up (`registerRoutes(app, opts, pub)` calling `app.get(…, (req, res) => …)`):
 * a handler is written inside it and no request runs it. What it is given is fixed when the routes are set up.
 */
function registersHandlers(fn: FunctionNode, model: FileModel): boolean {
  let known = registering.get(fn);
  if (known === undefined) {
    const path = model.handlerPath();
    const own = fn.params[0];
    known = !(own?.type === AST_NODE_TYPES.Identifier && requestObjectName.test(own.name)) && !path.isOnPath(fn) && [...path.roots].some((root) => root !== fn && insideFunction(root, fn));
    registering.set(fn, known);
  }
  return known;
}
const registering = new WeakMap<FunctionNode, boolean>();

/** Whether `inner` is written inside `outer`. */
function insideFunction(inner: FunctionNode, outer: FunctionNode): boolean {
  for (let fn = enclosingFunction(inner); fn; fn = enclosingFunction(fn)) if (fn === outer) return true;
  return false;
}

/**
 * What a handler factory was given when its route was set up, or read from it: `genomes`, `genome.datasets`
 * in `init({ genomes })` returning `(req, res) => …`, through local constants and the parameters of
 * functions whose every call (all in sight) passes such a value.
 */
function isSetUpConfiguration(node: TSESTree.Node, model: FileModel, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ChainExpression) return isSetUpConfiguration(value.expression, model, depth + 1);
  if (value.type === AST_NODE_TYPES.MemberExpression) return isSetUpConfiguration(value.object, model, depth + 1);
  if (value.type !== AST_NODE_TYPES.Identifier) return false;
  const def = valueDef(resolveIdentifier(model.sourceCode, value));
  const kind: string | undefined = def?.type;
  if (def && kind === 'Parameter') {
    const fn = def.node as FunctionNode;
    if (returnsHandler(fn, model) || registersHandlers(fn, model)) return true;
    const calls = callsInSight(fn, model);
    const index = parameterIndex(fn, def.name as TSESTree.Identifier);
    if (!calls || calls.length === 0 || index === -1) return false;
    return calls.every((call) => {
      const arg = call.arguments[index];
      return arg !== undefined && arg.type !== AST_NODE_TYPES.SpreadElement && !call.arguments.slice(0, index).some((a) => a.type === AST_NODE_TYPES.SpreadElement) && isSetUpConfiguration(arg, model, depth + 1);
    });
  }
  // A local constant read from such a value (`const genome = genomes[q.genome]`).
  if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.parent.kind === 'const' && def.node.init && enclosingFunction(def.node)) {
    return isSetUpConfiguration(def.node.init, model, depth + 1);
  }
  return false;
}

/** The property names from a destructuring pattern down to the binding `name` (`{ user: { id: userId } }` → `['user', 'id']`). */
function patternPath(pattern: TSESTree.Node, name: string): string[] | undefined {
  const node = pattern.type === AST_NODE_TYPES.AssignmentPattern ? pattern.left : pattern;
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === name ? [] : undefined;
  if (node.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const key = propertyName(property.key);
    const rest = key === undefined ? undefined : patternPath(property.value, name);
    if (key !== undefined && rest) return [key, ...rest];
  }
  return undefined;
}

/**
 * The decorator call that gives a handler's parameter the verified caller (`@CurrentUser()`,
 * `@CurrentUser('id')`), if it has one.
 */
function callerDecorator(name: TSESTree.Identifier): TSESTree.CallExpression | undefined {
  for (const decorator of parameterDecorators(name)) {
    const call = unwrap(decorator.expression);
    if (call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.Identifier && callerDecoratorPattern.test(call.callee.name)) return call;
  }
  return undefined;
}

/**
 * A name holding the account the auth middleware verified: `const { user } = req`, `const user =
 * req.user`, a handler's `@CurrentUser() user`.
 */
export function verifiedAccount(node: TSESTree.Node, model: FileModel): boolean {
  const name = unwrap(node);
  // `req.user` itself, handed on whole (`processMessage(message, req.user)`).
  if (name.type === AST_NODE_TYPES.MemberExpression) return !name.computed && authenticatedRequestFields.has(memberName(name) ?? '') && isCallerHolder(name.object, model);
  if (name.type !== AST_NODE_TYPES.Identifier) return false;
  const def = valueDef(resolveIdentifier(model.sourceCode, name));
  if ((def?.type as string | undefined) === 'Parameter' && def?.name.type === AST_NODE_TYPES.Identifier && callerDecorator(def.name)) return true;
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.parent.kind !== 'const' || !def.node.init) return false;
  const init = unwrap(def.node.init);
  const path = patternPath(def.node.id, name.name);
  if (path?.length === 1 && authenticatedRequestFields.has(path[0] ?? '')) return isCallerHolder(init, model);
  return path?.length === 0 && init.type === AST_NODE_TYPES.MemberExpression && !init.computed && authenticatedRequestFields.has(memberName(init) ?? '') && isCallerHolder(init.object, model);
}

/**
 * A record of the verified caller that a middleware put on the request under the app's own name
 * (`req.patient`, `req.tiberAuth`), directly or through the const it was put in (`const auth =
 * req.tiberAuth`): any field of the request parameter that is not one the client fills. Its name.
 */
function appCallerRecord(node: TSESTree.Node, model: FileModel): string | undefined {
  let value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const declarator = constDeclarator(model.sourceCode, value);
    if (declarator?.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    value = unwrap(declarator.init);
  }
  if (value.type !== AST_NODE_TYPES.MemberExpression || value.computed) return undefined;
  const field = memberName(value);
  return field !== undefined && !clientRequestFields.has(field) && !boundedRequestFields.has(field) && isRequestParameter(value.object, model) ? field : undefined;
}

/** `req.patient.tenantId`, `req.patientUser._id`: an account's id on such a record (a bare `id` only on a record named for an account). */
function appCallerId(member: TSESTree.MemberExpression, model: FileModel): boolean {
  const field = member.computed ? undefined : memberName(member);
  if (field === undefined || !(authenticatedIdFields.has(field) || recordIdFields.has(field))) return false;
  const record = appCallerRecord(member.object, model);
  return record !== undefined && (authenticatedIdFields.has(field) || accountRecordName.test(record));
}

/**
 * `req.clinicId`, `req.companyId`: an id the app's middleware put on the request parameter under its
 * own name, as it puts its record of the caller (`req.patient`): a field the client cannot fill, named
 * for what it identifies and not for the request or the visitor (`req.traceId`, `req.sessionId`).
 */
function appCallerOwnId(field: string | undefined, holder: TSESTree.Node, model: FileModel): boolean {
  if (field === undefined || field === 'id' || !accessorIdField.test(field) || clientRequestFields.has(field) || boundedRequestFields.has(field)) return false;
  const lastWord = /([A-Z]?[a-z0-9]+)Id$/.exec(field)?.[1]?.toLowerCase();
  // A field this file's own middleware sets (`router.param('courseId', (req, res, next, id) => { req.courseId = id; … })`) is what it was set to.
  return lastWord !== undefined && !perRequestIdWords.has(lastWord) && !middlewareFields(model).has(field) && isRequestParameter(holder, model);
}

/** Fields read from the request that name the caller the auth middleware verified: `user.id`, `auth.sub`, `userId`. */
function verifiedCallerPath(path: readonly string[] | undefined): boolean {
  const [first, second] = path ?? [];
  if (first === undefined) return false;
  return (authenticatedRequestFields.has(first) && second !== undefined) || authenticatedIdFields.has(first);
}

/** Whether the expression carries data from a request (or from a caller that may pass one). */
export function fromRequest(node: TSESTree.Node, model: FileModel, depth: number): boolean {
  if (depth > MAX_DEPTH) return true;
  const value = unwrap(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return false;
    case AST_NODE_TYPES.AwaitExpression: {
      // `await req.json()`, `await params`, `await cookies()` read the request; `await repo.findOne(id)`
      // returns what the database holds for a key: a row, bounded by the data, not by the requests.
      const awaited = unwrap(value.argument);
      if (awaited.type === AST_NODE_TYPES.CallExpression) return callReadsRequest(awaited, model, depth);
      // `let q = db.from('t').select(); if (id) q = q.eq('id', id); const { data } = await q;`: the same
      // query built in steps, each step's last call only selecting, as an awaited chain's last call does.
      const steps = awaited.type === AST_NODE_TYPES.Identifier ? queryBuiltInSteps(awaited, model) : undefined;
      if (steps) return steps.some((step) => (step.extends ? step.inner.some((call) => call.arguments.some((arg) => fromRequest(arg, model, depth + 1))) : callReadsRequest(step.call, model, depth)));
      return fromRequest(awaited, model, depth + 1);
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = resolveIdentifier(model.sourceCode, value);
      const def = valueDef(variable);
      // A global, an import, a class or function name: configuration, not request data.
      if (!variable || !def) return false;
      const kind: string = def.type;
      if (kind === 'ImportBinding' || kind === 'FunctionName' || kind === 'ClassName') return false;
      // An element of what the code iterates (`urls.map((url) => …)`): it grows when that collection came from the request.
      if (kind === 'Parameter' && isElementParameter(def.node)) return fromRequest(((def.node as FunctionNode).parent as TSESTree.CallExpression).callee, model, depth + 1);
      // A Worker's `env`: the deployment's bindings and variables.
      if (kind === 'Parameter' && serverConfigParameters.has(value.name)) return false;
      // `init({ genomes })` returning `async (req, res) => …`: a handler factory's options, fixed when the route is set up.
      // `registerRoutes(app, opts, pub)` writing `app.get(…, (req, res) => … pub …)`: what the routes were set up with.
      if (kind === 'Parameter' && (returnsHandler(def.node as FunctionNode, model) || registersHandlers(def.node as FunctionNode, model))) return false;
      // `currency: CurrencyCode` (`type CurrencyCode = 'USD' | 'EUR'`): one entry per value the type allows at most.
      if (kind === 'Parameter' && hasFixedType(def.name as TSESTree.Identifier, model)) return false;
      // `@CurrentUser('id') userId`: a field of the account the guard verified (`@CurrentUser() user` is the account, a new object per request).
      if (kind === 'Parameter' && (callerDecorator(def.name as TSESTree.Identifier)?.arguments.length ?? 0) > 0) return false;
      if (kind === 'Parameter') return parameterFromRequest(def.node as FunctionNode, def.name as TSESTree.Identifier, model, depth);
      if (def.node.type === AST_NODE_TYPES.VariableDeclarator) {
        const scope: string = variable.scope.type;
        if (scope === 'module' || scope === 'global') return false;
        // `const { locale } = schema.parse(req.query)` with `locale: z.enum(LOCALES)`: one of the listed values;
        // `const { network } = request.body` where the route's schema gives `network` an `enum`.
        if (schemaCheckedValue(value, model) || routeSchemaCheckedValue(value, model)) return false;
        const init = def.node.init;
        // `const { user: { id: userId } } = req`, `const { userId } = ctx`: the verified caller's id, as `req.user.id` is.
        if (init && isCallerHolder(init, model) && verifiedCallerPath(patternPath(def.node.id, value.name))) return false;
        const path = init ? patternPath(def.node.id, value.name) : undefined;
        // `const { clinicId } = req`: an id the app's middleware put on the request itself.
        if (init && path?.length === 1 && appCallerOwnId(path[0], init, model)) return false;
        // `const { householdId, userId } = getRequestIdentity(req)`: any id an auth accessor answers with.
        if (init && isAuthAccessorCall(init, model) && accessorIdField.test(path?.join('.') ?? '')) return false;
        // `let template; if (managed) template = 'invite'; else template = 'verify';`: every value it is given,
        // whole or through a pattern (`let orgId; try { ({ orgId } = await requireOrg(req)); } catch …`).
        const assigned = variable.references.flatMap((ref) => {
          const assignment = ref.isWrite() && !ref.init && ref.identifier.type === AST_NODE_TYPES.Identifier ? assignmentOf(ref.identifier) : undefined;
          return assignment ? [assignment] : [];
        });
        const givenFromRequest = (given: { target: TSESTree.Node; value: TSESTree.Expression }): boolean => initFromRequest(given.target, value, given.value, model, depth);
        // `for (const id of ids)` and other bindings without an initialiser: follow what they iterate.
        if (!init) {
          const loop = def.node.parent.parent;
          // `for (const [name, check] of Object.entries(CHECKS))`: one of the keys an object literal writes out.
          if (iteratesLiteralKeys(def.node, value.name, model.sourceCode)) return false;
          if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) return fromRequest(loop.right, model, depth + 1);
          return assigned.length === 0 || assigned.some(givenFromRequest);
        }
        return initFromRequest(def.node.id, value, init, model, depth) || assigned.some(givenFromRequest);
      }
      return true;
    }
    case AST_NODE_TYPES.MemberExpression:
      // `req.method`, `req.route.path`: one of the routes the app declares, however many requests come.
      if (boundedRequestFields.has(memberName(value) ?? '')) return false;
      // `res.locals.gb.locale`: what a middleware chose to put on the response; where it came from is not in sight.
      if (readsResponse(value, model)) return false;
      // `options.sanitize` with `options: { sanitize: boolean }`: one of the values the declared type allows.
      if (fixedTypeField(value, model)) return false;
      // `req.locale`, `req.language`: the language a locale middleware picked from the app's list.
      if (!value.computed && localeRequestFields.has(memberName(value) ?? '') && isRequestParameter(value.object, model)) return false;
      // `parsed.data.provider` after `querySchema.safeParse(…)` with `provider: z.enum(PROVIDERS)`;
      // `request.query.region` where the route's schema gives `region` an `enum`.
      if (schemaCheckedValue(value, model) || routeSchemaCheckedValue(value, model)) return false;
      // `MODEL_TO_ENCODING[modelId]`, `PROVIDERS[req.query.p]`: one of the values a constant table holds, whatever the client asks;
      // `genomes[q.genome]` with `genomes` a handler factory's option: one of the tables the server was set up with.
      if (value.computed && (isFixedTable(value.object, model) || isSetUpConfiguration(value.object, model, depth))) return false;
      // `req.user.id`, `const { id } = req.user`: a field of the account the auth middleware verified,
      // not client input. `req.user` itself is a new object per request: as an identity key it grows.
      if (!value.computed && authenticatedRequestFields.has(memberName(value) ?? '') && isCallerHolder(value.object, model) && readsAField(value)) return false;
      // `const { user } = req; … user.id`, `const user = req.user; … user.id`: the same account, through a local.
      if (!value.computed && verifiedAccount(value.object, model)) return false;
      // `req.patient.tenantId`, `const auth = req.tiberAuth; … auth.apiKeyId`, `req.patientUser._id`: the caller's id on a record the app's middleware put on the request.
      if (appCallerId(value, model)) return false;
      // `req.clinicId`: an id the app's middleware put on the request itself.
      if (!value.computed && appCallerOwnId(memberName(value), value.object, model)) return false;
      // `getRequestIdentity(req).householdId`, or through the const it was put in: any id the accessor answers with.
      if (!value.computed && accessorIdField.test(memberName(value) ?? '') && accessorResult(value.object, model)) return false;
      // `c.get('user').id`: a field of the account the middleware set on the context.
      if (!value.computed && authenticatedRequestFields.has(contextRead(value.object, model) ?? '')) return false;
      // `c.env.API_URL`, `req.app.locals.db`: the server's configuration, reached through the request.
      if (!value.computed && serverConfigFields.has(memberName(value) ?? '') && isRequestItself(value.object, model)) return false;
      // `context.clientContext.Custom.region` in a Lambda's `(event, context)`: what the runtime and the invoker set.
      if (!value.computed && !lambdaPerInvocationFields.has(memberName(value) ?? '') && isLambdaContext(value.object, model)) return false;
      // `ctx.teamId`, `req.userId`: the id itself, set by the code that verified the caller.
      if (!value.computed && authenticatedIdFields.has(memberName(value) ?? '') && isCallerHolder(value.object, model)) return false;
      // `client.ownerID`, set by the file's middleware from an account it looked up: the server's value, not the client's.
      if (!value.computed && isRequestItself(value.object, model) && setByMiddleware(memberName(value), model, depth)) return false;
      return fromRequest(value.object, model, depth + 1) || (value.computed && fromRequest(value.property, model, depth + 1));
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      // `c.get('userId')`: the id the auth middleware set on the context.
      if (authenticatedIdFields.has(contextRead(value, model) ?? '')) return false;
      // `Math.min(Math.max(parseInt(days), 1), 365)`: one of a fixed range of integers.
      if (value.type === AST_NODE_TYPES.CallExpression && clampedInteger(value, model, depth)) return false;
      // `context.getClass()`, `context.getHandler()`: the controller and method the route runs, one per route.
      if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 0 && value.callee.type === AST_NODE_TYPES.MemberExpression && !value.callee.computed && routeDescriptorMethods.has(memberName(value.callee) ?? '')) return false;
      // `providers.find((p) => p.issuer === iss)`: an element of the collection, which the request at most picks.
      const list = pickedFrom(value);
      if (list) return fromRequest(list, model, depth + 1);
      // A function of this file: what it returns decides (its parameters trace back to these arguments).
      if (localFunction(value.callee, model)) return callReadsRequest(value, model, depth);
      // `String(id)`, `keyFor(req)`, `ip.trim()`: built from what it is given, or from what it reads.
      return value.arguments.some((arg) => fromRequest(arg, model, depth + 1)) || callReadsRequest(value, model, depth);
    }
    case AST_NODE_TYPES.ChainExpression:
      return fromRequest(value.expression, model, depth + 1);
    case AST_NODE_TYPES.UnaryExpression:
      return value.operator !== 'typeof' && value.operator !== 'void' && fromRequest(value.argument, model, depth + 1);
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.some((e) => fromRequest(e, model, depth + 1));
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return fromRequest(value.left, model, depth + 1) || fromRequest(value.right, model, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression: {
      // `/^[A-Z]{2,4}$/.test(s) ? s : null`: the branch taken when the value passed a pattern that admits few strings is one of them.
      const test = unwrap(value.test);
      const negated = test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!';
      // `SUPPORTED.includes(lang) ? lang : FALLBACK`: the branch taken when the value is in a constant list is one of its values.
      const checked = negated ? test.argument : test;
      // `isValidTab(raw) ? raw : 'latest'`, where the function's body is such a test.
      const tested = boundedPatternTest(checked, model) ?? constantListMember(checked, model) ?? fixedSetPredicateArgument(checked, model);
      const passing = negated ? value.alternate : value.consequent;
      const bounded = (branch: TSESTree.Node): boolean => tested !== undefined && branch === passing && model.sourceCode.getText(unwrap(branch)) === model.sourceCode.getText(tested);
      return (!bounded(value.consequent) && fromRequest(value.consequent, model, depth + 1)) || (!bounded(value.alternate) && fromRequest(value.alternate, model, depth + 1));
    }
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.some((e) => e !== null && fromRequest(e, model, depth + 1));
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.some((p) => fromRequest(p.type === AST_NODE_TYPES.Property ? p.value : p.argument, model, depth + 1));
    case AST_NODE_TYPES.SpreadElement:
      return fromRequest(value.argument, model, depth + 1);
    default:
      return true;
  }
}

/**
 * The values a local is given when it holds a query built in steps (`let q = db.from('t').select();
 * if (id) q = q.eq('id', id);`), each a method call; a step that extends the query the local already
 * holds (`q.eq('id', id)`) comes with the calls between the local and its last call (`inner`).
 * `undefined` when any value it is given is not a method call, or none starts the query.
 */
function queryBuiltInSteps(name: TSESTree.Identifier, model: FileModel): { call: TSESTree.CallExpression; extends: boolean; inner: TSESTree.CallExpression[] }[] | undefined {
  const variable = resolveIdentifier(model.sourceCode, name);
  const def = valueDef(variable);
  if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  const values: TSESTree.Node[] = [def.node.init];
  for (const ref of variable.references) {
    if (!ref.isWrite() || ref.init) continue;
    const parent = ref.identifier.parent;
    if (parent.type !== AST_NODE_TYPES.AssignmentExpression || parent.left !== ref.identifier || parent.operator !== '=') return undefined;
    values.push(parent.right);
  }
  const steps: { call: TSESTree.CallExpression; extends: boolean; inner: TSESTree.CallExpression[] }[] = [];
  for (const given of values) {
    const call = unwrap(given);
    if (call.type !== AST_NODE_TYPES.CallExpression || unwrap(call.callee).type !== AST_NODE_TYPES.MemberExpression) return undefined;
    // Down the chain to its receiver: the local itself, or where the query starts.
    const inner: TSESTree.CallExpression[] = [];
    let receiver = unwrap((unwrap(call.callee) as TSESTree.MemberExpression).object);
    while (receiver.type === AST_NODE_TYPES.CallExpression && unwrap(receiver.callee).type === AST_NODE_TYPES.MemberExpression) {
      inner.push(receiver);
      receiver = unwrap((unwrap(receiver.callee) as TSESTree.MemberExpression).object);
    }
    steps.push({ call, extends: receiver.type === AST_NODE_TYPES.Identifier && receiver.name === name.name, inner });
  }
  return steps.some((step) => !step.extends) ? steps : undefined;
}

const INTEGER_FUNCTIONS: ReadonlySet<string> = new Set(['parseInt', 'floor', 'round', 'trunc', 'ceil']);

/** `Math.min(…)` / `Math.max(…)`: the method name, when it is one of them. */
function mathBound(node: TSESTree.Node): 'min' | 'max' | undefined {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression || unwrap(call.callee.object).type !== AST_NODE_TYPES.Identifier) return undefined;
  if ((unwrap(call.callee.object) as TSESTree.Identifier).name !== 'Math') return undefined;
  const name = memberName(call.callee);
  return name === 'min' || name === 'max' ? name : undefined;
}

/** An integer: `parseInt(x)`, `Math.floor(x)`, `x | 0`, or a local constant holding one. */
function isInteger(node: TSESTree.Node, model: FileModel, hops = 0): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'number' && Number.isInteger(value.value);
  if (value.type === AST_NODE_TYPES.BinaryExpression) return value.operator === '|' || value.operator === '>>' || value.operator === '<<';
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(value.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    return name !== undefined && INTEGER_FUNCTIONS.has(name);
  }
  if (value.type === AST_NODE_TYPES.Identifier && hops < 2) {
    const def = valueDef(resolveIdentifier(model.sourceCode, value));
    const declarator = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node : undefined;
    return declarator?.parent.kind === 'const' && declarator.init !== null && isInteger(declarator.init, model, hops + 1);
  }
  return false;
}

/**
 * `Math.min(Math.max(n, 1), 365)` (either order) with `n` an integer and bounds that do not come from
 * the request: at most as many values as the range holds, however many requests.
 */
function clampedInteger(call: TSESTree.CallExpression, model: FileModel, depth: number): boolean {
  const outer = mathBound(call);
  if (!outer) return false;
  const inner = call.arguments.find((arg) => mathBound(arg) !== undefined && mathBound(arg) !== outer) as TSESTree.CallExpression | undefined;
  if (!inner) return false;
  const outerBounds = call.arguments.filter((arg) => arg !== inner);
  const [value, ...innerBounds] = [...inner.arguments].sort((a, b) => Number(fromRequest(b, model, depth + 1)) - Number(fromRequest(a, model, depth + 1)));
  if (!value || innerBounds.length === 0 || outerBounds.length === 0) return false;
  if ([...outerBounds, ...innerBounds].some((bound) => bound.type === AST_NODE_TYPES.SpreadElement || fromRequest(bound, model, depth + 1))) return false;
  return isInteger(value, model);
}

/** A function declared in this file that a call's callee names directly. */
export function localFunction(callee: TSESTree.Node, model: FileModel): FunctionNode | undefined {
  const node = unwrap(callee);
  // `this.parseSection(raw)`: a method of the class the call is written in.
  if (node.type === AST_NODE_TYPES.MemberExpression) return ownMethod(node);
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = valueDef(resolveIdentifier(model.sourceCode, node));
  return def?.node.type === AST_NODE_TYPES.FunctionDeclaration ? def.node : def?.node.type === AST_NODE_TYPES.VariableDeclarator && isFunction(def.node.init) ? def.node.init : undefined;
}

/** `list` of `list.find(…)`, `list.filter(…)`, `list.at(i)`: the array whose elements the call hands back. */
function pickedFrom(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Node | undefined {
  const callee = unwrap(call.callee);
  const picks = call.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && elementPickingMethods.has(memberName(callee) ?? '');
  return picks ? callee.object : undefined;
}

/**
 * A call that reads the request itself: a method of request data (`c.req.param('id')`, `req.json()`),
 * a request-scoped source (`cookies()`, `headers()`), or a function of this file that returns one.
 */
function callReadsRequest(call: TSESTree.CallExpression | TSESTree.NewExpression, model: FileModel, depth: number): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    // `this.parseSection(raw)`: what the class's own method returns decides, as for a function of the file.
    const method = ownMethod(callee);
    if (method) return depth <= MAX_DEPTH - 2 && returnsRequest(method, model, depth);
    return fromRequest(callee.object, model, depth + 1);
  }
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  if (requestSourceFunctions.has(callee.name) && model.imports.get(callee.name) !== undefined) return true;
  const def = valueDef(resolveIdentifier(model.sourceCode, callee));
  const fn = def?.node.type === AST_NODE_TYPES.FunctionDeclaration ? def.node : def?.node.type === AST_NODE_TYPES.VariableDeclarator && isFunction(def.node.init) ? def.node.init : undefined;
  if (!fn || depth > MAX_DEPTH - 2) return false;
  return returnsRequest(fn, model, depth);
}

/**
 * Whether what a function of this file returns reads the request, asked at a depth: kept per function
 * and depth, so functions that call each other through many returns are each read once per depth
 * (without it, a file of helpers returning each other's results took exponential time).
 */
const returnsRequestByDepth = new WeakMap<FunctionNode, Map<number, boolean>>();
function returnsRequest(fn: FunctionNode, model: FileModel, depth: number): boolean {
  let byDepth = returnsRequestByDepth.get(fn);
  const known = byDepth?.get(depth);
  if (known !== undefined) return known;
  let found: boolean;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    found = fromRequest(fn.body, model, depth + 2);
  } else {
    const returns: TSESTree.Node[] = [];
    walk(fn.body, model.facts.visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument && enclosingFunction(node) === fn) returns.push(node.argument);
    });
    found = returns.some((r) => fromRequest(r, model, depth + 2));
  }
  if (!byDepth) returnsRequestByDepth.set(fn, (byDepth = new Map<number, boolean>()));
  byDepth.set(depth, found);
  return found;
}
