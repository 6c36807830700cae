/**
 * Where a cache key comes from, and so whether the cache grows with requests. A key built from
 * what a request carries (a handler's `req` / `ctx`, or a parameter a caller passes in) grows it; a
 * key from configuration, a literal, a module constant, a row the code just loaded, an element of a
 * collection being iterated, or a value the code has just checked against the database (`const p =
 * await repo.findOne(id); if (!p) return …`) does not: its set is bounded by what already exists.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { privateMethodCalls } from '../syntax/private-method-calls.js';
import { branchLeaves, calleeName, enclosingFunction, isFulfilmentArgument, isFunction, memberName, propertyName, unwrap, walk, type FunctionNode } from '../syntax/ast.js';
import { returnedExpressions } from '../promise/returns-promise.js';
import type { FileModel, KeyArg } from '../model/file-model.js';
import { resolveIdentifier, valueDef } from '../syntax/references.js';
import { schemaCheckedValue } from './schema-fields.js';
import { routeSchemaCheckedValue } from './route-schemas.js';
import { lookupsFoundBefore } from './lookup-outcomes.js';
import { listedOnlyArgument } from './case-factories.js';
import { middlewareFields } from './middleware-fields.js';
import { exportIndex } from '../syntax/export-index.js';
import { isPathFunction } from '../syntax/path-calls.js';
import { encodingCalls } from '../catalog/key-transforms.js';
import { membershipMethods, shapePredicates } from '../catalog/validators.js';
import { absenceTests, authenticatedIdFields, authenticatedRequestFields, boundedRequestFields, lambdaEventParameter, lambdaPerInvocationFields, localeRequestFields, requestObjectName, requestSourceFunctions, requestStateField, responseOnlyNames, routeDescriptorMethods, serverConfigFields, serverConfigParameters } from '../catalog/handler-catalog.js';

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
function callsInSight(fn: FunctionNode, model: FileModel, exportsElsewhere = false): TSESTree.CallExpression[] | undefined {
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
 * A parameter carries what the callers pass. For a function whose calls are all in sight (see
 * `callsInSight`), that is known: the arguments at its call sites (`loadPreprocessorPath('sass', root)`
 * everywhere: the key is one of a few literals). Any other function may receive anything.
 */
function parameterFromRequest(fn: FunctionNode, name: TSESTree.Identifier, model: FileModel, depth: number): boolean {
  if (depth > MAX_DEPTH - 2) return true;
  const calls = callsInSight(fn, model);
  if (!calls) return true;
  const index = parameterIndex(fn, name);
  if (index === -1 || fn.params[index]?.type === AST_NODE_TYPES.RestElement) return true;
  return calls.some((call) => {
    const arg = call.arguments[index];
    if (arg === undefined) return false;
    return arg.type === AST_NODE_TYPES.SpreadElement || call.arguments.slice(0, index).some((a) => a.type === AST_NODE_TYPES.SpreadElement) || fromRequest(arg, model, depth + 1);
  });
}

/**
 * The request object itself, a handler's parameter (`req`, `request`, `ctx`), or a Koa context's
 * `state`: not a field of what the client sent (`req.body.user`) nor a local copy of one.
 */
function isRequestItself(node: TSESTree.Node, model: FileModel): boolean {
  let object = unwrap(node);
  if (object.type === AST_NODE_TYPES.MemberExpression && !object.computed && memberName(object) === requestStateField) object = unwrap(object.object);
  return object.type === AST_NODE_TYPES.Identifier && isParameter(object, model);
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
    if (returnsHandler(fn, model)) return true;
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

/** Fields read from the request that name the caller the auth middleware verified: `user.id`, `auth.sub`, `userId`. */
function verifiedCallerPath(path: readonly string[] | undefined): boolean {
  const [first, second] = path ?? [];
  if (first === undefined) return false;
  return (authenticatedRequestFields.has(first) && second !== undefined) || authenticatedIdFields.has(first);
}

/** Whether the expression carries data from a request (or from a caller that may pass one). */
function fromRequest(node: TSESTree.Node, model: FileModel, depth: number): boolean {
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
      if (awaited.type !== AST_NODE_TYPES.CallExpression) return fromRequest(awaited, model, depth + 1);
      return callReadsRequest(awaited, model, depth);
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
      if (kind === 'Parameter' && returnsHandler(def.node as FunctionNode, model)) return false;
      if (kind === 'Parameter') return parameterFromRequest(def.node as FunctionNode, def.name as TSESTree.Identifier, model, depth);
      if (def.node.type === AST_NODE_TYPES.VariableDeclarator) {
        const scope: string = variable.scope.type;
        if (scope === 'module' || scope === 'global') return false;
        // `const { locale } = schema.parse(req.query)` with `locale: z.enum(LOCALES)`: one of the listed values;
        // `const { network } = request.body` where the route's schema gives `network` an `enum`.
        if (schemaCheckedValue(value, model) || routeSchemaCheckedValue(value, model)) return false;
        const init = def.node.init;
        // `const { user: { id: userId } } = req`, `const { userId } = ctx`: the verified caller's id, as `req.user.id` is.
        if (init && isRequestItself(init, model) && verifiedCallerPath(patternPath(def.node.id, value.name))) return false;
        // `let template; if (managed) template = 'invite'; else template = 'verify';`: every value it is given.
        const assigned = variable.references.flatMap((ref) => {
          const parent = ref.identifier.parent;
          return ref.isWrite() && !ref.init && parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref.identifier ? [parent.right] : [];
        });
        // `for (const id of ids)` and other bindings without an initialiser: follow what they iterate.
        if (!init) {
          const loop = def.node.parent.parent;
          if (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) return fromRequest(loop.right, model, depth + 1);
          return assigned.length === 0 || assigned.some((value) => fromRequest(value, model, depth + 1));
        }
        return fromRequest(init, model, depth + 1) || assigned.some((value) => fromRequest(value, model, depth + 1));
      }
      return true;
    }
    case AST_NODE_TYPES.MemberExpression:
      // `req.method`, `req.route.path`: one of the routes the app declares, however many requests come.
      if (boundedRequestFields.has(memberName(value) ?? '')) return false;
      // `res.locals.gb.locale`: what a middleware chose to put on the response; where it came from is not in sight.
      if (readsResponse(value, model)) return false;
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
      if (!value.computed && authenticatedRequestFields.has(memberName(value) ?? '') && isRequestItself(value.object, model) && readsAField(value)) return false;
      // `c.env.API_URL`, `req.app.locals.db`: the server's configuration, reached through the request.
      if (!value.computed && serverConfigFields.has(memberName(value) ?? '') && isRequestItself(value.object, model)) return false;
      // `context.clientContext.Custom.region` in a Lambda's `(event, context)`: what the runtime and the invoker set.
      if (!value.computed && !lambdaPerInvocationFields.has(memberName(value) ?? '') && isLambdaContext(value.object, model)) return false;
      // `ctx.teamId`, `req.userId`: the id itself, set by the code that verified the caller.
      if (!value.computed && authenticatedIdFields.has(memberName(value) ?? '') && isRequestItself(value.object, model)) return false;
      // `client.ownerID`, set by the file's middleware from an account it looked up: the server's value, not the client's.
      if (!value.computed && isRequestItself(value.object, model) && setByMiddleware(memberName(value), model, depth)) return false;
      return fromRequest(value.object, model, depth + 1) || (value.computed && fromRequest(value.property, model, depth + 1));
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      // `Math.min(Math.max(parseInt(days), 1), 365)`: one of a fixed range of integers.
      if (value.type === AST_NODE_TYPES.CallExpression && clampedInteger(value, model, depth)) return false;
      // `context.getClass()`, `context.getHandler()`: the controller and method the route runs, one per route.
      if (value.type === AST_NODE_TYPES.CallExpression && value.arguments.length === 0 && value.callee.type === AST_NODE_TYPES.MemberExpression && !value.callee.computed && routeDescriptorMethods.has(memberName(value.callee) ?? '')) return false;
      // A function of this file: what it returns decides (its parameters trace back to these arguments).
      if (localFunction(value.callee, model)) return callReadsRequest(value, model, depth);
      // `String(id)`, `keyFor(req)`, `ip.trim()`: built from what it is given, or from what it reads.
      return value.arguments.some((arg) => fromRequest(arg, model, depth + 1)) || callReadsRequest(value, model, depth);
    case AST_NODE_TYPES.ChainExpression:
      return fromRequest(value.expression, model, depth + 1);
    case AST_NODE_TYPES.UnaryExpression:
      return value.operator !== 'typeof' && value.operator !== 'void' && fromRequest(value.argument, model, depth + 1);
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.some((e) => fromRequest(e, model, depth + 1));
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return fromRequest(value.left, model, depth + 1) || fromRequest(value.right, model, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return fromRequest(value.consequent, model, depth + 1) || fromRequest(value.alternate, model, depth + 1);
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

/** Calls that change the object they are given (`Object.assign(TABLE, extra)`). */
const MUTATING_STATICS: ReadonlySet<string> = new Set(['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf']);
/** Array methods that change the array. */
const MUTATING_METHODS: ReadonlySet<string> = new Set(['push', 'unshift', 'splice', 'fill', 'copyWithin', 'set', 'add']);

/** Whether a read of the table at `ref` (its identifier) can change what it holds: a write through it, or a mutating call. */
function mutatesTable(ref: TSESTree.Identifier): boolean {
  const parent = ref.parent;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === ref) {
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

/**
 * A module-level `const` table written out in the code (`const MODEL_TO_ENCODING = { 'gpt-4o': 'o200k_base', … }`,
 * `Object.freeze([…])`) that nothing in the file writes to: a lookup in it yields one of its values.
 */
function isFixedTable(node: TSESTree.Node, model: FileModel): boolean {
  const table = unwrap(node);
  if (table.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveIdentifier(model.sourceCode, table);
  const def = valueDef(variable);
  if (!variable || def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.parent.kind !== 'const' || !def.node.init) return false;
  const scope: string = variable.scope.type;
  if (scope !== 'module' && scope !== 'global') return false;
  let init = unwrap(def.node.init);
  if (init.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.MemberExpression && memberName(init.callee) === 'freeze' && init.arguments[0]) init = unwrap(init.arguments[0]);
  const written =
    (init.type === AST_NODE_TYPES.ObjectExpression && init.properties.length > 0 && init.properties.every((p) => p.type === AST_NODE_TYPES.Property)) ||
    (init.type === AST_NODE_TYPES.ArrayExpression && init.elements.length > 0 && init.elements.every((e) => e !== null && e.type !== AST_NODE_TYPES.SpreadElement));
  return written && !variable.references.some((ref) => !ref.init && ref.identifier.type === AST_NODE_TYPES.Identifier && mutatesTable(ref.identifier));
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
function localFunction(callee: TSESTree.Node, model: FileModel): FunctionNode | undefined {
  const node = unwrap(callee);
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = valueDef(resolveIdentifier(model.sourceCode, node));
  return def?.node.type === AST_NODE_TYPES.FunctionDeclaration ? def.node : def?.node.type === AST_NODE_TYPES.VariableDeclarator && isFunction(def.node.init) ? def.node.init : undefined;
}

/**
 * A call that reads the request itself: a method of request data (`c.req.param('id')`, `req.json()`),
 * a request-scoped source (`cookies()`, `headers()`), or a function of this file that returns one.
 */
function callReadsRequest(call: TSESTree.CallExpression | TSESTree.NewExpression, model: FileModel, depth: number): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) return fromRequest(callee.object, model, depth + 1);
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

/** The text of the identifiers and member chains the key is built from (`sku`, `req.params.id`). */
function keyRoots(key: TSESTree.Node, model: FileModel): string[] {
  const roots: string[] = [];
  const top = unwrap(key);
  // The whole key is one name: `cache[lang] = …` (its parent is the write's member expression).
  if (top.type === AST_NODE_TYPES.Identifier) return [top.name];
  walk(top, model.facts.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && node.parent.type !== AST_NODE_TYPES.MemberExpression && !node.parent.type.startsWith('TSType') && node.parent.type !== AST_NODE_TYPES.TSQualifiedName) roots.push(node.name);
    if (node.type === AST_NODE_TYPES.MemberExpression && node.parent.type !== AST_NODE_TYPES.MemberExpression) roots.push(model.sourceCode.getText(node));
  });
  return roots;
}

/** `if (!row) return …` / `throw` / `… ?? notFound()`: the code stops when the lookup found nothing. */
function guardsAbsence(statement: TSESTree.Statement, name: string): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement) return false;
  const test = unwrap(statement.test);
  // `!row`, `row == null`, `row === undefined`: true when the lookup found nothing (not `row !== undefined`).
  const isAbsent = (side: TSESTree.Node): boolean => (side.type === AST_NODE_TYPES.Literal && side.value === null) || (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined');
  const isName = (node: TSESTree.Node | undefined): boolean => node !== undefined && unwrap(node).type === AST_NODE_TYPES.Identifier && (unwrap(node) as TSESTree.Identifier).name === name;
  // `isNil(row)`, `_.isNil(row) === true`: lodash's and alike's test for nothing found.
  const nilTest = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.CallExpression && absenceTests.has(calleeName(node.callee) ?? '') && isName(node.arguments[0]);
  const tested =
    (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && isName(test.argument)) ||
    nilTest(test) ||
    (test.type === AST_NODE_TYPES.BinaryExpression && test.operator === '===' && nilTest(unwrap(test.left)) && test.right.type === AST_NODE_TYPES.Literal && test.right.value === true) ||
    (test.type === AST_NODE_TYPES.BinaryExpression &&
      (test.operator === '==' || test.operator === '===') &&
      [test.left, test.right].some((s) => s.type === AST_NODE_TYPES.Identifier && s.name === name) &&
      [test.left, test.right].some(isAbsent));
  if (!tested) return false;
  const body = statement.consequent.type === AST_NODE_TYPES.BlockStatement ? statement.consequent.body : [statement.consequent];
  return body.some((s) => s.type === AST_NODE_TYPES.ReturnStatement || s.type === AST_NODE_TYPES.ThrowStatement);
}

/**
 * `const provider = networkConfig.provider;` or `const { provider } = networkConfig;`: a statement
 * that reads a field of `name` without `?.`, so throws when the lookup that gave `name` found nothing.
 */
function dereferences(statement: TSESTree.Statement, name: string): boolean {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return statement.declarations.some((d) => {
    const init = d.init;
    if (init?.type === AST_NODE_TYPES.Identifier) return init.name === name && d.id.type === AST_NODE_TYPES.ObjectPattern;
    return init?.type === AST_NODE_TYPES.MemberExpression && !init.optional && init.object.type === AST_NODE_TYPES.Identifier && init.object.name === name;
  });
}

/**
 * The statements that run before `at` in its function: the earlier siblings of `at` in every block
 * around it, and on through a function without parameters called in place (`const job = (async () =>
 * { … at … })();`), which runs where it is written.
 */
function statementsBefore(at: TSESTree.Node): TSESTree.Statement[] {
  const before: TSESTree.Statement[] = [];
  for (let node: TSESTree.Node = at; node.parent && (!isFunction(node) || calledInPlace(node)); node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const statement of parent.body) {
      if (statement === node) break;
      before.push(statement);
    }
  }
  return before.sort((x, y) => x.range[0] - y.range[0]);
}

/** `(async () => { … })()`: a function without parameters, called where it is written. */
function calledInPlace(fn: FunctionNode): boolean {
  return fn.params.length === 0 && fn.parent.type === AST_NODE_TYPES.CallExpression && fn.parent.callee === fn;
}

/** Predicates that check a value against what is known: `isSupportedCity(c)`, `hasTenant(id)`, `validSlug(s)`. */
const PREDICATE = /^(?:is|has)[A-Z]|^(?:valid|known|supported)/;

/**
 * `if (!FORMATS.has(k)) return …`, `if (!ALLOWED.includes(k)) throw …`, `if (!(k in table)) return`,
 * `if (!isSupportedCity(k)) ctx.throw(404)`, `if (k !== ROOT) throw …`, and any of them joined with
 * `||` (`if (!k || !FORMATS.has(k)) return`): past it, `k` is one of a known set. The checked texts.
 */
function membershipGuarded(statement: TSESTree.Statement, model: FileModel): string[] {
  if (statement.type !== AST_NODE_TYPES.IfStatement || !branchLeaves(statement.consequent)) return [];
  return membershipFailed(statement.test, model);
}

/** The texts a condition finds outside a known set when it holds; with `||`, past a guard every disjunct is false. */
function membershipFailed(condition: TSESTree.Node, model: FileModel): string[] {
  const test = unwrap(condition);
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '||') return [...membershipFailed(test.left, model), ...membershipFailed(test.right, model)];
  // `if (namespace !== ROOT_NAMESPACE) throw …`: past it, the key is that one value.
  if (test.type === AST_NODE_TYPES.BinaryExpression && (test.operator === '!==' || test.operator === '!=')) {
    const [left, right] = [unwrap(test.left), unwrap(test.right)];
    const fixed = (side: TSESTree.Node): boolean =>
      side.type === AST_NODE_TYPES.Literal || ((side.type === AST_NODE_TYPES.Identifier || side.type === AST_NODE_TYPES.MemberExpression) && !fromRequest(side, model, 0));
    if (fixed(right) && !fixed(left)) return [model.sourceCode.getText(left)];
    if (fixed(left) && !fixed(right)) return [model.sourceCode.getText(right)];
    return [];
  }
  if (test.type !== AST_NODE_TYPES.UnaryExpression || test.operator !== '!') return [];
  const inner = unwrap(test.argument);
  if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === 'in') return [model.sourceCode.getText(inner.left)];
  // `if (!this.limits[event]) return;`: a lookup in a table that must find the key.
  if (inner.type === AST_NODE_TYPES.MemberExpression && inner.computed && !fromRequest(inner.object, model, 0)) return [model.sourceCode.getText(inner.property)];
  if (inner.type !== AST_NODE_TYPES.CallExpression) return [];
  const callee = unwrap(inner.callee);
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
  if (name === undefined || shapePredicates.has(name) || !(membershipMethods.has(name) || PREDICATE.test(name))) return [];
  const checked = inner.arguments[0];
  return checked ? [model.sourceCode.getText(checked)] : [];
}

/**
 * The lookups that must succeed for `at` to run: `if (await userExists(uid, email)) { … at … }`,
 * `if (KNOWN.has(k)) { … }`, `if (found) { … }` of a synchronous `const found = list.find(…)`, a condition
 * joined with `&&`. The text of their arguments (of the whole lookup, for a result checked present).
 */
function lookupsAround(at: TSESTree.Node, model: FileModel): string[] {
  const found: string[] = [];
  const consider = (test: TSESTree.Node): void => {
    const node = unwrap(test);
    if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '&&') {
      consider(node.left);
      consider(node.right);
      return;
    }
    // `const found = list.find((m) => m.id === id); if (found) { … }`: a synchronous lookup in what the
    // server holds, checked present. (An awaited one may ask a service that knows every key there is.)
    if (node.type === AST_NODE_TYPES.Identifier) {
      const init = localConstInit(node.name, at, model);
      const call = init ? unwrap(init) : undefined;
      if (call?.type === AST_NODE_TYPES.CallExpression && isLookupCall(call, model)) found.push(model.sourceCode.getText(call));
      return;
    }
    const awaited = node.type === AST_NODE_TYPES.AwaitExpression;
    const call = awaited ? unwrap(node.argument) : node;
    if (call.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = unwrap(call.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    // An awaited check asks a store what exists; a synchronous one only a known set (`has`, `includes`).
    if (!awaited && !membershipMethods.has(name ?? '')) return;
    for (const arg of call.arguments) found.push(model.sourceCode.getText(arg));
  };
  for (let node: TSESTree.Node = at; node.parent && (!isFunction(node) || calledInPlace(node)); node = node.parent) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === node) consider(parent.test);
  }
  return found;
}

/**
 * Whether the code before `at` checked every root of the key: looked it up and stopped when nothing
 * was found (`const product = await repo.findOneBy({ sku }); if (!product) return null;`), or
 * checked it against a known set (`if (!FORMATS.has(format)) return …`).
 */
function validatedBefore(key: TSESTree.Node, at: TSESTree.Node, model: FileModel): boolean {
  const roots = keyRoots(key, model);
  if (roots.length === 0) return false;
  // `const cacheKey = \`${script}:v2\``: a local const is checked when what it is built from is.
  const builtFrom = new Map<string, string[]>();
  for (const root of roots) {
    const init = localConstInit(root, at, model);
    if (init) builtFrom.set(root, keyRoots(init, model));
  }
  const candidates = [...roots, ...[...builtFrom.values()].flat()];
  const validated = new Set<string>();
  const statements = statementsBefore(at);
  const mentions = (text: string, root: string): boolean => new RegExp(`(?:^|[^\\w$.])${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`).test(text);
  /** Every root (or what it was built from) that a check's text names is validated. */
  const checks = (text: string): void => {
    for (const root of candidates) if (mentions(text, root)) validated.add(root);
  };
  for (const checked of [...lookupsAround(at, model), ...lookupsFoundBefore(at, model)]) checks(checked);
  // `drivers.set(name, createDriver(name))`, `cache[name] = createDriver(name)`: the value written is made only for a listed key.
  const written = at.type === AST_NODE_TYPES.CallExpression ? at.arguments[1] : at.type === AST_NODE_TYPES.AssignmentExpression ? at.right : undefined;
  const made = written ? unwrap(written) : undefined;
  const listedHere = made?.type === AST_NODE_TYPES.CallExpression ? listedOnlyArgument(made, model) : undefined;
  if (listedHere) checks(model.sourceCode.getText(listedHere));
  const settled = lookupSettledBy(at, model);
  if (settled && statements.some((s) => guardsAbsence(s, settled.name))) checks(settled.lookup);
  for (const [i, statement] of statements.entries()) {
    for (const member of membershipGuarded(statement, model)) checks(member);
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of statement.declarations) {
      const init = d.init ? unwrap(d.init) : undefined;
      // `const row = await repo.findOne(id)`, or a table lookup `const cfg = MODELS[script]`: a miss stops the code below.
      const tableLookup = init?.type === AST_NODE_TYPES.MemberExpression && init.computed && !fromRequest(init.object, model, 0);
      // `const driver = this.createDriver(name)`: a factory that throws for any key it does not list.
      const listed = init?.type === AST_NODE_TYPES.CallExpression ? listedOnlyArgument(init, model) : undefined;
      if (listed) checks(model.sourceCode.getText(listed));
      // `const user = this.findOne(id); if (!user) throw …`: a synchronous lookup that must find something.
      const lookupCall = init?.type === AST_NODE_TYPES.CallExpression && isLookupCall(init, model);
      if (d.id.type !== AST_NODE_TYPES.Identifier || (init?.type !== AST_NODE_TYPES.AwaitExpression && !tableLookup && !lookupCall)) continue;
      const name = d.id.name;
      // A synchronous lookup gives `undefined` on a miss, so reading a field of it throws; an awaited call (a fetch) gives a response either way.
      if (!statements.slice(i + 1).some((s) => guardsAbsence(s, name) || ((tableLookup || lookupCall) && dereferences(s, name)))) continue;
      const lookup = model.sourceCode.getText(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init.type === AST_NODE_TYPES.MemberExpression ? init.property : init);
      checks(lookup);
    }
  }
  return roots.every((root) => {
    if (validated.has(root)) return true;
    const inner = builtFrom.get(root) ?? [];
    return inner.length > 0 && inner.every((r) => validated.has(r));
  });
}

/**
 * `repo.findOne({ key }).then((row) => { … at … })`: `at` runs in the fulfilment handler of a lookup.
 * The name the handler gives the result and the text of the lookup's arguments.
 */
function lookupSettledBy(at: TSESTree.Node, model: FileModel): { name: string; lookup: string } | undefined {
  const handler = enclosingFunction(at);
  const then = handler?.parent;
  const param = handler?.params[0];
  if (!handler || !isFulfilmentArgument(handler, then) || then.callee.type !== AST_NODE_TYPES.MemberExpression || param?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const lookup = unwrap(then.callee.object);
  if (lookup.type !== AST_NODE_TYPES.CallExpression || !isLookupCall(lookup, model)) return undefined;
  return { name: param.name, lookup: lookup.arguments.map((arg) => model.sourceCode.getText(arg)).join(', ') };
}

/** The initialiser of the function-local `const name = …` visible at `at`. */
function localConstInit(name: string, at: TSESTree.Node, model: FileModel): TSESTree.Node | undefined {
  if (!/^[\w$]+$/.test(name)) return undefined;
  for (let scope = model.sourceCode.getScope(at) as ReturnType<typeof model.sourceCode.getScope> | null; scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (!variable) continue;
    const def = valueDef(variable);
    const declarator = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node : undefined;
    if (declarator?.parent.kind !== 'const' || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init || !enclosingFunction(declarator)) return undefined;
    return declarator.init;
  }
  return undefined;
}

/** Names of calls that look a key up in what exists: `findOne(id)`, `users.get(id)`, `lookupTenant(host)`. */
const LOOKUP_NAME = /^(?:find|get|lookup|fetch|load|read|select|query)(?:[A-Z_]\w*)?$/;

/** A call that looks its arguments up in data the code holds (not a method of the request itself). */
function isLookupCall(call: TSESTree.CallExpression, model: FileModel): boolean {
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (name === undefined || !LOOKUP_NAME.test(name)) return false;
  return callee.type !== AST_NODE_TYPES.MemberExpression || !fromRequest(callee.object, model, 0);
}

/** Whether a key written or looked up at `at` can take a new value for each request. */
export function keyGrowsWithRequests(key: TSESTree.Node | undefined, at: TSESTree.Node, model: FileModel): boolean {
  if (!key) return true;
  if (!fromRequest(key, model, 0)) return false;
  return !validatedBefore(key, at, model);
}

/**
 * Whether a write keyed by its function's own parameter grows with requests through this file's
 * calls alone: `increment(\`http.requests.${res.statusCode}\`)` from a middleware, with `increment`
 * exported too. `true` when the key is not such a parameter or the calls are not all in sight
 * (other files' calls are the cross-file reach's to judge).
 */
export function keyGrowsThroughCallsHere(key: TSESTree.Node | undefined, at: TSESTree.Node, model: FileModel): boolean {
  // The function whose parameter the key is: the one around the write, or one around the callback it is in.
  const keyArgs = key ? keyParameters([{ key, at }], model) : undefined;
  let fn = enclosingFunction(at);
  while (fn && !keyArgs?.has(fn)) fn = enclosingFunction(fn);
  const keyArg = fn ? keyArgs?.get(fn) : undefined;
  const index = typeof keyArg === 'number' ? keyArg : typeof keyArg === 'object' ? keyArg.arg : undefined;
  if (!fn || index === undefined || fn.params[index]?.type === AST_NODE_TYPES.RestElement) return true;
  const inSight = callsInSight(fn, model, true);
  if (!inSight || inSight.some((call) => call.arguments.slice(0, index + 1).some((arg) => arg.type === AST_NODE_TYPES.SpreadElement))) return true;
  // The calls a request runs decide; one made at start-up (`loadAuthPlugins` over a folder) adds no entry per request.
  const path = model.handlerPath();
  const onPath = inSight.filter((call) => path.isOnPath(call));
  const calls = onPath.length > 0 ? onPath : inSight;
  return calls.some((call) => {
    const arg = call.arguments[index];
    return arg !== undefined && keyGrowsWithRequests(arg, call, model);
  });
}

/** The key of a write: `c.set(k, v)`, `c[k] = v`, `s.add(k)`, `loader.load(k)`. */
export function writeKey(write: TSESTree.Node): TSESTree.Node | undefined {
  if (write.type === AST_NODE_TYPES.CallExpression) return write.arguments[0];
  if (write.type === AST_NODE_TYPES.AssignmentExpression && write.left.type === AST_NODE_TYPES.MemberExpression) return write.left.property;
  return undefined;
}

/**
 * Whether calls of a memoized function can add an entry per request: a call whose keyed arguments
 * grow with requests, or no call in sight (exported, registered as a handler, handed elsewhere).
 */
export function memoizedCallsGrow(calls: readonly TSESTree.CallExpression[], firstArgOnly: boolean, model: FileModel): boolean {
  if (calls.length === 0) return true;
  return calls.some((call) => {
    const keyed = (firstArgOnly ? call.arguments.slice(0, 1) : call.arguments).filter((a) => !isFunction(a));
    return keyed.some((arg) => keyGrowsWithRequests(arg, call, model));
  });
}

/** A name a key is built from, and the field of it that is read (`opts.queue`: `opts`, `queue`). */
interface KeyName {
  id: TSESTree.Identifier;
  field?: string;
}

/**
 * The names a key is built from: `link.code` from `link`'s field `code`, `` `${opts.key}:${JSON.stringify(opts.value)}` ``
 * from `opts`'s `key` and `value`, a function-local `const cacheKey = …` from what it is built of. `undefined`
 * when the key is made some other way.
 */
function keyNames(key: TSESTree.Node, model: FileModel | undefined, hops = 0): KeyName[] | undefined {
  const node = unwrap(key);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return [];
    case AST_NODE_TYPES.Identifier: {
      const def = model && hops < 2 ? valueDef(resolveIdentifier(model.sourceCode, node)) : undefined;
      const declarator = def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node : undefined;
      if (declarator?.parent.kind === 'const' && declarator.init && declarator.id.type === AST_NODE_TYPES.Identifier && enclosingFunction(declarator)) return keyNames(declarator.init, model, hops + 1);
      return [{ id: node }];
    }
    case AST_NODE_TYPES.MemberExpression: {
      if (node.computed) return joinNames([node.object, node.property], model, hops);
      const object = unwrap(node.object);
      const field = memberName(node);
      const inner = keyNames(node.object, model, hops);
      if (object.type !== AST_NODE_TYPES.Identifier || field === undefined) return inner;
      return inner?.map((name) => (name.id === object && name.field === undefined ? { id: name.id, field } : name));
    }
    case AST_NODE_TYPES.TemplateLiteral:
      return joinNames(node.expressions, model, hops);
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === '+' ? joinNames([node.left, node.right], model, hops) : undefined;
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(node.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      // `authIssuer(apiUrl)`, a function of this file: built from what it is given (it sees no request of its own).
      if (model && node.callee.type === AST_NODE_TYPES.Identifier && localFunction(node.callee, model)) return joinNames(node.arguments, model, hops);
      // `path.resolve(appPath)`, `join(root, name)`: a path made of the arguments alone.
      if (model && isPathFunction(callee, model.imports)) return joinNames(node.arguments, model, hops);
      if (name === undefined || !encodingCalls.has(name)) return undefined;
      const parts: TSESTree.Node[] = [...node.arguments];
      // `id.toLowerCase()`: built from `id`; `JSON.stringify(x)`: from `x` only.
      if (callee.type === AST_NODE_TYPES.MemberExpression && !(unwrap(callee.object).type === AST_NODE_TYPES.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'JSON')) parts.push(callee.object);
      return joinNames(parts, model, hops);
    }
    default:
      return undefined;
  }
}

function joinNames(parts: readonly TSESTree.Node[], model: FileModel | undefined, hops: number): KeyName[] | undefined {
  const names: KeyName[] = [];
  for (const part of parts) {
    const found = keyNames(part, model, hops);
    if (!found) return undefined;
    names.push(...found);
  }
  return names;
}

/**
 * Which parameter of `fn` declares `name`, and the field when it is destructured from an options
 * object (`({ queueName, message })`); `-1` when none does. A default value does not change which argument it is.
 */
function parameterOfName(fn: FunctionNode, name: KeyName): { index: number; field?: string } {
  for (const [index, p] of fn.params.entries()) {
    const param = p.type === AST_NODE_TYPES.AssignmentPattern ? p.left : p;
    if (param.type === AST_NODE_TYPES.Identifier && param.name === name.id.name) return { index, ...(name.field !== undefined ? { field: name.field } : {}) };
    if (param.type !== AST_NODE_TYPES.ObjectPattern || name.field !== undefined) continue;
    for (const prop of param.properties) {
      if (prop.type !== AST_NODE_TYPES.Property || prop.computed) continue;
      const value = prop.value.type === AST_NODE_TYPES.AssignmentPattern ? prop.value.left : prop.value;
      const field = propertyName(prop.key);
      if (value.type === AST_NODE_TYPES.Identifier && value.name === name.id.name && field !== undefined) return { index, field };
    }
  }
  return { index: -1 };
}

/** The key argument made of these parameters: one argument (or fields of it), or every argument. */
function keyArgFrom(found: readonly { index: number; field?: string }[]): KeyArg | undefined {
  const indexes = new Set(found.map((f) => f.index));
  if (indexes.size > 1) return 'all';
  const [index] = indexes;
  if (index === undefined) return undefined;
  if (found.some((f) => f.field === undefined)) return index;
  return { arg: index, fields: [...new Set(found.map((f) => f.field ?? ''))].sort() };
}

/**
 * For functions whose writes are keyed by their own parameters (`function tenantFor(host) {
 * cache.set(host, …) }`), which parameter (`'all'`: several; fields of one: `send({ queue })`): a caller
 * in another file decides whether the key grows. A key built only of parameters and constants
 * (`` `${opts.key}:${opts.version}` ``) counts; one that also takes something else does not.
 */
export function keyParameters(writes: readonly { key: TSESTree.Node | undefined; at: TSESTree.Node }[], model?: FileModel): Map<FunctionNode | string, KeyArg> {
  const found = new Map<FunctionNode | string, KeyArg>();
  for (const { key, at } of writes) {
    const names = key ? keyNames(key, model) : undefined;
    if (!names || names.length === 0) continue;
    // The function whose parameters the key is built of: the writer's own, or one around it
    // (`async function find(keyword) { … (async () => { cache[keyword] = … })() … }`).
    for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) {
      const params = names.map((name) => parameterOfName(fn, name));
      const missing = params.filter((p) => p.index === -1).length;
      if (missing === params.length) continue;
      if (missing > 0) break;
      const keyArg = keyArgFrom(params);
      if (keyArg === undefined) break;
      const seen = found.get(fn);
      found.set(fn, seen === undefined || JSON.stringify(seen) === JSON.stringify(keyArg) ? keyArg : 'all');
      break;
    }
  }
  return found;
}
