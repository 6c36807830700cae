/**
 * Where a file makes instances of a class (`new Name(…)`), and how long each instance can live as far
 * as the file alone shows: kept by the module, kept by an instance of another class, used only while
 * one call of a function runs, or handed on (returned, stored elsewhere: unknown). Syntax only, with
 * its own walk (no parent links, no scope analysis), so summaries of other files can use it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { calleeName, decoratorsOf, isFunction, memberName, propertyName, unwrap, type FunctionNode } from './ast.js';
import { exportIndex } from './export-index.js';
import { keepingCalls, ormRowBases, ormRowDecorators, perRequestProviderScopes, providerScopeOption, singletonDecorators } from '../catalog/handler-catalog.js';

/**
 * One place an instance is made: `'module'` (while the module loads), `'call'` (inside a function that
 * keeps it to itself), `'other'` (handed on: its lifetime is someone else's), `class:Name` (kept by
 * an instance of the class `Name` of the same file, in a field or from its constructor), or
 * `factory:m` (returned by the class's static method `m`, `static async create() { return new X(); }`:
 * the instances live where the calls `X.m(…)` put them, recorded under the key `X.m`).
 */
export type InstanceSite = 'module' | 'call' | 'other' | `class:${string}` | `factory:${string}`;

/** What a class's declaration alone says about its instances' lifetime, when it says anything. */
export type DeclaredLifetime = 'long' | 'operation';

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

interface Frame {
  /** The function being walked, if any. */
  fn: FunctionNode | undefined;
  /** The class whose instance `this` is in `fn` (a method, constructor, or field initialiser of it). */
  thisClass: string | undefined;
  /** `fn` is the static method `method` of the class `cls`. */
  staticMethod?: { cls: string; method: string };
  /**
   * `fn` is a helper of the file whose calls the walk sees: an instance method (`this:Holder.m`, called
   * as `this.m(…)` in its class) or a function of the module that is not exported (`fn:make`).
   */
  helper?: string;
}

/** Wrappers a value passes through unchanged: `x as T`, `x!`, `a ? x : y`, `a ?? x`, `await x`. */
function outerValue(node: TSESTree.Node, parents: readonly TSESTree.Node[]): { node: TSESTree.Node; parent: TSESTree.Node | undefined; depth: number } {
  let current = node;
  let depth = parents.length - 1;
  for (; depth >= 0; depth--) {
    const parent = parents[depth];
    if (!parent) break;
    const through =
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== current) ||
      (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === current) ||
      // `const ctx = await Context.create()`: what the awaited factory call resolves to.
      (parent.type === AST_NODE_TYPES.AwaitExpression && current.type === AST_NODE_TYPES.CallExpression);
    if (!through) break;
    current = parent;
  }
  return { node: current, parent: parents[depth], depth };
}

/** `this.x` (or `this.#x`). */
function isThisMember(node: TSESTree.Node): boolean {
  const target = unwrap(node);
  return target.type === AST_NODE_TYPES.MemberExpression && unwrap(target.object).type === AST_NODE_TYPES.ThisExpression;
}

/**
 * Whether the local `name` of `fn` is handed on: returned, stored outside `fn`, put into an object
 * or array, or used by a function that is not a call's callback. Read from the text of `fn` by name
 * (no scope analysis): a shadowing name makes the answer "handed on", never "kept".
 */
function localHandedOn(name: string, fn: FunctionNode, visitorKeys: VisitorKeys): boolean {
  let handedOn = false;
  const parents: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    if (handedOn) return;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === name) {
      const { node: value, parent } = outerValue(node, parents);
      if (parent && usesHandOn(value, parent, fn, parents)) handedOn = true;
      return;
    }
    parents.push(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) if (item && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node);
    }
    parents.pop();
  };
  visit(fn.body);
  return handedOn;
}

/** Whether one use of a value (`value`, whose parent is `parent`) hands it on beyond the call of `fn`. */
function usesHandOn(value: TSESTree.Node, parent: TSESTree.Node, fn: FunctionNode, parents: readonly TSESTree.Node[]): boolean {
  // A use inside a nested function that is not a callback of a call (`return () => h.get()`) is kept by that function.
  for (let i = parents.length - 1; i >= 0; i--) {
    const node = parents[i];
    if (node === fn) break;
    if (node && isFunction(node) && !isCallback(node, parents.slice(0, i))) return true;
  }
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      // `h.load()`, `h.size`: a use of the instance; `obj[h]` is a key, not a copy either.
      return false;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      // Passed to a call: most callees use what they are given; a constructor, or a call that
      // registers it (`app.use(h)`, `emitter.on('x', h)`, `list.push(h)`), keeps it.
      return parent.callee === value ? false : keepsArguments(parent);
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.IfStatement:
      return false;
    case AST_NODE_TYPES.ConditionalExpression:
      // `h ? a : b`: a test (a branch would have been walked through).
      return false;
    case AST_NODE_TYPES.LogicalExpression:
      // `h && h.close()`: a test; `h || other` may be the value itself.
      return parent.operator !== '&&' || parent.left !== value;
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.ArrayExpression: {
      // `run({ handle })`, `Promise.all([h.load()])`: a literal built for a call is the call's to use.
      const index = parents.lastIndexOf(parent);
      const literal = parent.type === AST_NODE_TYPES.Property ? parents[index - 1] : parent;
      if (!literal || (literal.type !== AST_NODE_TYPES.ObjectExpression && literal.type !== AST_NODE_TYPES.ArrayExpression)) return true;
      const outer = outerValue(literal, parents.slice(0, parents.indexOf(literal)));
      const call = outer.parent;
      if (!call || (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression)) return true;
      return !call.arguments.includes(outer.node as TSESTree.CallExpressionArgument) || keepsArguments(call);
    }
    case AST_NODE_TYPES.VariableDeclarator:
      // `const h2 = h`: an alias, followed no further; `const { x } = h` reads from it.
      return parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === value;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      // `() => h`: returned by the arrow (a callback's arrow, `xs.map(() => h)`, was let through above).
      return parent === fn;
    default:
      return true;
  }
}

/** A constructor, or a call whose name says it keeps what it is given (`app.use(h)`, `registry.register(h)`). */
function keepsArguments(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (call.type === AST_NODE_TYPES.NewExpression) return true;
  const name = calleeName(call.callee);
  return name !== undefined && keepingCalls.has(name);
}

/** A function written as an argument of a call (`items.map((x) => …)`), or called at once (`(async () => …)()`): it runs while the call does. */
function isCallback(fn: TSESTree.Node, parents: readonly TSESTree.Node[]): boolean {
  const parent = parents[parents.length - 1];
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) return true;
  return parent !== undefined && (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(fn as TSESTree.CallExpressionArgument);
}

/** How long the instance made at `site` (whose ancestors are `parents`, innermost last) can live. */
function siteKind(site: TSESTree.NewExpression | TSESTree.CallExpression, parents: readonly TSESTree.Node[], frame: Frame, visitorKeys: VisitorKeys): InstanceSite {
  const { node: value, parent } = outerValue(site, parents);
  if (!frame.fn) {
    // `field = new X()` in a class body: kept by the class's instances.
    if (parent?.type === AST_NODE_TYPES.PropertyDefinition && frame.thisClass !== undefined) return parent.static ? 'module' : `class:${frame.thisClass}`;
    return 'module';
  }
  if (!parent) return 'other';
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value && isThisMember(parent.left)) {
    return frame.thisClass !== undefined ? `class:${frame.thisClass}` : 'other';
  }
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === value) return 'call';
  // `this.buildEvaluator(…)(id)`: a returned function called at once, then dropped.
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === value) return 'call';
  if (parent.type === AST_NODE_TYPES.ExpressionStatement || parent.type === AST_NODE_TYPES.AwaitExpression) return 'call';
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier) {
    return localHandedOn(parent.id.name, frame.fn, visitorKeys) ? 'other' : 'call';
  }
  // `function tick(entries, ports = defaultPorts())`: a parameter's default, made for one call of the function.
  if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.right === value && parent.left.type === AST_NODE_TYPES.Identifier && frame.fn.params.includes(parent)) {
    return localHandedOn(parent.left.name, frame.fn, visitorKeys) ? 'other' : 'call';
  }
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(value as TSESTree.CallExpressionArgument)) {
    return keepsArguments(parent) ? 'other' : 'call';
  }
  // `run({ handle: new Handle() })`: as for a local, a literal built for a call is the call's.
  if (parent.type === AST_NODE_TYPES.Property || parent.type === AST_NODE_TYPES.ArrayExpression) {
    return usesHandOn(value, parent, frame.fn, parents.slice(0, parents.lastIndexOf(parent) + 1)) ? 'other' : 'call';
  }
  return 'other';
}

/**
 * Where the value a call returns is kept, as `siteKind` says of an instance made there (`const inject =
 * makeInjector(…)` used in place: `'call'`), read through the parent links of a linted or summarised
 * file's tree. A `this.x = make()` or a field initialiser is not told apart from other keeping.
 */
export function callResultSite(call: TSESTree.CallExpression, visitorKeys: VisitorKeys): 'module' | 'call' | 'other' {
  const parents: TSESTree.Node[] = [];
  for (let parent = call.parent as TSESTree.Node | undefined; parent; parent = parent.parent) parents.push(parent);
  parents.reverse();
  const fn = parents.findLast((node): node is FunctionNode => isFunction(node));
  const site = siteKind(call, parents, { fn, thisClass: undefined }, visitorKeys);
  return site === 'call' || site === 'module' ? site : 'other';
}

/** The name of a class member's class, for a function that is that member's value (method, constructor, accessor, field arrow). */
function memberClass(fn: FunctionNode, parent: TSESTree.Node | undefined, classNames: readonly (string | undefined)[]): string | undefined {
  if (!parent) return undefined;
  if (parent.type !== AST_NODE_TYPES.MethodDefinition && !(parent.type === AST_NODE_TYPES.PropertyDefinition && fn.type === AST_NODE_TYPES.ArrowFunctionExpression)) return undefined;
  return parent.static ? undefined : classNames[classNames.length - 1];
}

/** A name written as a class's (`StreamContext`), which static factory calls go through. */
const CLASS_NAME = /^[A-Z]/;
/** `Name.method(` in a file's text: a call of a static method of a class, perhaps a factory. */
const STATIC_CALL = /\b[A-Z][\w$]*\.[\w$]+\(/;

/** Whether a file's text may make an instance: it writes `new `, or calls a static method of a class (`Context.create(…)`). */
export function mayMakeInstances(text: string): boolean {
  return text.includes('new ') || STATIC_CALL.test(text);
}

/** `return new X(…)` (or an arrow's body) in `frame.fn`. */
function returnedByFrame(site: TSESTree.NewExpression, parents: readonly TSESTree.Node[], frame: Frame): boolean {
  if (!frame.fn) return false;
  const { node: value, parent } = outerValue(site, parents);
  return parent?.type === AST_NODE_TYPES.ReturnStatement || (frame.fn.type === AST_NODE_TYPES.ArrowFunctionExpression && frame.fn.body === value);
}

/** The helper key of an instance method (`this:Holder.m`), for a function that is that method's value. */
function instanceMethodKey(fn: FunctionNode, parent: TSESTree.Node | undefined, classNames: readonly (string | undefined)[]): string | undefined {
  if (parent?.type !== AST_NODE_TYPES.MethodDefinition || parent.static || parent.computed || parent.kind !== 'method' || parent.value !== fn) return undefined;
  const cls = classNames[classNames.length - 1];
  const method = propertyName(parent.key);
  return cls !== undefined && method !== undefined ? `this:${cls}.${method}` : undefined;
}

/** The helper key of a module function that is not exported (`fn:make` for `function make() {}` or `const make = () => …` at the top). */
function moduleHelperKey(fn: FunctionNode, parents: readonly TSESTree.Node[]): string | undefined {
  const parent = parents[parents.length - 1];
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return parent?.type === AST_NODE_TYPES.Program && fn.id ? `fn:${fn.id.name}` : undefined;
  const declaration = parents[parents.length - 2];
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier && parents[parents.length - 3]?.type === AST_NODE_TYPES.Program && declaration?.type === AST_NODE_TYPES.VariableDeclaration
    ? `fn:${parent.id.name}`
    : undefined;
}

/** The helper key a call goes to: `this.m(…)` in the class `Holder` (`this:Holder.m`), or `make(…)` (`fn:make`). */
function calledHelperKey(call: TSESTree.CallExpression, frame: Frame): string | undefined {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return `fn:${callee.name}`;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.object.type !== AST_NODE_TYPES.ThisExpression || frame.thisClass === undefined) return undefined;
  const method = memberName(callee);
  return method !== undefined ? `this:${frame.thisClass}.${method}` : undefined;
}

/** The names of the functions declared at the top of a module (`function make() {}`, `const make = () => …`). */
function topLevelFunctionNames(program: TSESTree.Program): string[] {
  return program.body.flatMap((statement) => {
    if (statement.type === AST_NODE_TYPES.FunctionDeclaration) return [statement.id.name];
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return [];
    return statement.declarations.flatMap((d) => (d.id.type === AST_NODE_TYPES.Identifier && d.init && isFunction(d.init) ? [d.id.name] : []));
  });
}

/** The static method a function is the value of, with its class's name. */
function staticMethodOf(fn: FunctionNode, parent: TSESTree.Node | undefined, classNames: readonly (string | undefined)[]): Frame['staticMethod'] {
  if (parent?.type !== AST_NODE_TYPES.MethodDefinition || !parent.static || parent.computed) return undefined;
  const cls = classNames[classNames.length - 1];
  const method = propertyName(parent.key);
  return cls !== undefined && method !== undefined ? { cls, method } : undefined;
}

/**
 * Every `new Name(…)` of the file whose `Name` is in `names`, by name: where each instance is made and
 * how long it can live (see `InstanceSite`); and every call `Name.m(…)` of a static method, under the
 * key `Name.m` (a factory's instances live where its calls put them).
 */
export function instanceSites(program: TSESTree.Program, visitorKeys: VisitorKeys, names: ReadonlySet<string>): Map<string, InstanceSite[]> {
  const found = new Map<string, InstanceSite[]>();
  if (names.size === 0) return found;
  const parents: TSESTree.Node[] = [];
  const classNames: (string | undefined)[] = [];
  const frames: Frame[] = [{ fn: undefined, thisClass: undefined }];
  const madeByHelper: { name: string; helper: string }[] = [];
  const helperCalls = new Map<string, { call: TSESTree.CallExpression; parents: TSESTree.Node[]; frame: Frame }[]>();
  // What the module exports (`export { make }`, `module.exports = { make }`) other files may call.
  const exported = new Set([...exportIndex({ program }).values()].flat().flatMap((value) => (value.type === AST_NODE_TYPES.Identifier ? [value.name] : [])));
  const moduleHelpers = new Set(topLevelFunctionNames(program).filter((n) => !exported.has(n)).map((n) => `fn:${n}`));
  const visit = (node: TSESTree.Node): void => {
    let frame = frames[frames.length - 1] as Frame;
    const record = (key: string, site: InstanceSite): void => {
      const list = found.get(key) ?? [];
      if (!list.includes(site) || !site.startsWith('factory:')) list.push(site);
      found.set(key, list);
    };
    if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && names.has(node.callee.name)) {
      const name = node.callee.name;
      const returned = returnedByFrame(node, parents, frame);
      if (returned && frame.staticMethod?.cls === name) record(name, `factory:${frame.staticMethod.method}`);
      // `createContext(req) { return new Context(…); }`: the instances live where the helper's calls put them.
      else if (returned && frame.helper !== undefined) madeByHelper.push({ name, helper: frame.helper });
      else record(name, siteKind(node, parents, frame, visitorKeys));
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const helper = calledHelperKey(node, frame);
      // Judged after the walk, and only for the helpers that return an instance.
      if (helper !== undefined && (helper.startsWith('this:') || moduleHelpers.has(helper))) helperCalls.set(helper, [...(helperCalls.get(helper) ?? []), { call: node, parents: [...parents], frame }]);
    }
    // `Context.create(…)`: recorded in case `create` is a factory of `Context` (class names only, by their capital).
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && !node.callee.computed && node.callee.object.type === AST_NODE_TYPES.Identifier && CLASS_NAME.test(node.callee.object.name) && names.has(node.callee.object.name)) {
      const method = memberName(node.callee);
      if (method !== undefined) record(`${node.callee.object.name}.${method}`, siteKind(node, parents, frame, visitorKeys));
    }
    const isClass = node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression;
    const pushedFrame = isFunction(node);
    if (pushedFrame) {
      const parent = parents[parents.length - 1];
      // An arrow keeps the `this` of where it is written; other functions get their own.
      const owner = memberClass(node, parent, classNames);
      const thisClass = owner ?? (node.type === AST_NODE_TYPES.ArrowFunctionExpression ? frame.thisClass : undefined);
      const staticMethod = staticMethodOf(node, parent, classNames);
      const moduleHelper = moduleHelperKey(node, parents);
      const helper = instanceMethodKey(node, parent, classNames) ?? (moduleHelper !== undefined && moduleHelpers.has(moduleHelper) ? moduleHelper : undefined);
      frame = { fn: node, thisClass, ...(staticMethod && { staticMethod }), ...(helper !== undefined && { helper }) };
      frames.push(frame);
    }
    if (isClass) classNames.push(node.id?.name);
    // A field initialiser is walked with `this` standing for the class's instance.
    const fieldFrame = node.type === AST_NODE_TYPES.PropertyDefinition && !frame.fn ? { fn: undefined, thisClass: classNames[classNames.length - 1] } : undefined;
    if (fieldFrame) frames.push(fieldFrame);
    parents.push(node);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) if (item && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node);
    }
    parents.pop();
    if (fieldFrame) frames.pop();
    if (isClass) classNames.pop();
    if (pushedFrame) frames.pop();
  };
  visit(program);
  // A helper's instances: where each of its calls puts what it returns; a helper nothing here calls hands them on.
  for (const { name, helper } of madeByHelper) {
    const list = found.get(name) ?? [];
    const calls = helperCalls.get(helper) ?? [];
    list.push(...(calls.length === 0 ? ['other' as const] : calls.map((c) => siteKind(c.call, c.parents, c.frame, visitorKeys))));
    found.set(name, list);
  }
  return found;
}

/** The name a decorator is called by: `Injectable` for `@Injectable()` and `@nest.Injectable({ … })`. */
function decoratorCallee(decorator: TSESTree.Decorator): string | undefined {
  const expression = unwrap(decorator.expression);
  return calleeName(expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression);
}

/** `@Injectable({ scope: Scope.REQUEST })`: a provider made per request or per use. */
function perOperationScope(decorator: TSESTree.Decorator): boolean {
  const expression = unwrap(decorator.expression);
  const options = expression.type === AST_NODE_TYPES.CallExpression ? expression.arguments[0] : undefined;
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return options.properties.some((p) => {
    if (p.type !== AST_NODE_TYPES.Property || p.computed || propertyName(p.key) !== providerScopeOption) return false;
    const value = unwrap(p.value);
    return value.type === AST_NODE_TYPES.MemberExpression && perRequestProviderScopes.has(memberName(value) ?? '');
  });
}

/**
 * What a class's declaration says of its instances: `'long'` for a singleton provider (`@Injectable()`),
 * `'operation'` for a request-scoped provider or a row of an ORM (`extends Model`, `@Entity()`), whose
 * instances are loaded for one operation; `undefined` when the declaration does not say.
 */
export function declaredLifetime(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): DeclaredLifetime | undefined {
  const decorators = decoratorsOf(cls);
  if (decorators.some(perOperationScope)) return 'operation';
  const names = decorators.map(decoratorCallee);
  if (names.some((n) => n !== undefined && ormRowDecorators.has(n))) return 'operation';
  if (names.some((n) => n !== undefined && singletonDecorators.has(n))) return 'long';
  const base = cls.superClass ? calleeName(cls.superClass) : undefined;
  return base !== undefined && ormRowBases.has(base) ? 'operation' : undefined;
}

/** The classes the program declares at the top level (exported or not), by name. */
export function topLevelClasses(program: TSESTree.Program): Map<string, TSESTree.ClassDeclaration | TSESTree.ClassExpression> {
  const found = new Map<string, TSESTree.ClassDeclaration | TSESTree.ClassExpression>();
  for (const statement of program.body) {
    const target = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (target?.type === AST_NODE_TYPES.ClassDeclaration && target.id) found.set(target.id.name, target);
    if (target?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const d of target.declarations) {
        if (d.id.type === AST_NODE_TYPES.Identifier && d.init?.type === AST_NODE_TYPES.ClassExpression) found.set(d.id.name, d.init);
      }
    }
  }
  return found;
}
