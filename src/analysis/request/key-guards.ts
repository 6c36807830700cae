/**
 * What checks a request's key before the write: a guard that returns when a lookup finds nothing, a
 * membership test against a fixed set, a lookup that must succeed (`const p = await
 * repo.findOne(id); if (!p) return …`). A checked key's set is bounded by what already exists.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { branchHolds, branchLeaves, calleeName, enclosingFunction, findProperty, isEmptyValue, isFulfilmentArgument, isFunction, memberName, propertyName, unwrap, walk, type FunctionNode } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { chainRoot, resolveIdentifier, valueDef } from '../syntax/references.js';
import { calledFunction } from '../model/called-functions.js';
import { returnedExpressions } from '../promise/returns-promise.js';
import { lookupsFoundBefore } from './lookup-outcomes.js';
import { leavesUnlessAdmin } from './admin-gates.js';
import { boundedPatternTest } from './pattern-tests.js';
import { listedOnlyArgument } from './case-factories.js';
import { equalityFunction, fixedSetConstructorOptions, membershipMethods, shapeGuessPattern, shapePredicates } from '../catalog/validators.js';
import { absenceTests, accessCheckName, answerRowField, assertionName, clientRequestFields, lambdaEventParameter, requestObjectName, rowCountFields, rowFinderName, rowOrNothingQueries } from '../catalog/handler-catalog.js';
import { callsInSight, fromRequest } from './key-source.js';
import { dependencyParameterName } from '../catalog/dependency-parameters.js';

/**
 * The text of the identifiers and member chains the key is built from (`sku`, `req.params.id`); a
 * function applied to them is not (`Number(id)`, `id.trim()`: `id`).
 */
function keyRoots(key: TSESTree.Node, model: FileModel): string[] {
  const roots: string[] = [];
  const top = unwrap(key);
  // The whole key is one name: `cache[lang] = …` (its parent is the write's member expression).
  if (top.type === AST_NODE_TYPES.Identifier) return [top.name];
  const isCallee = (node: TSESTree.Node): boolean => node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node;
  walk(top, model.facts.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.Identifier && !isCallee(node) && node.parent.type !== AST_NODE_TYPES.MemberExpression && !node.parent.type.startsWith('TSType') && node.parent.type !== AST_NODE_TYPES.TSQualifiedName) roots.push(node.name);
    if (node.type === AST_NODE_TYPES.MemberExpression && node.parent.type !== AST_NODE_TYPES.MemberExpression) {
      // `id.trim()`: the method is applied to `id`; its own root is what the key is built from. Applied
      // to anything but a name (`` `${a}/${b}`.toUpperCase() ``, `String(id).trim()`), the names inside are.
      const object = unwrap(node.object);
      if (!isCallee(node)) roots.push(model.sourceCode.getText(node));
      else if (object.type === AST_NODE_TYPES.Identifier || object.type === AST_NODE_TYPES.MemberExpression || object.type === AST_NODE_TYPES.ThisExpression) roots.push(model.sourceCode.getText(object));
    }
  });
  return roots;
}

/** `if (!row) return …` / `throw` / `continue` / `… ?? notFound()`: the code stops when the lookup found nothing. */
function guardsAbsence(statement: TSESTree.Statement, name: string): boolean {
  if (statement.type !== AST_NODE_TYPES.IfStatement) return false;
  const test = unwrap(statement.test);
  // `!row`, `row == null`, `row === undefined`: true when the lookup found nothing (not `row !== undefined`).
  const isAbsent = (side: TSESTree.Node): boolean => (side.type === AST_NODE_TYPES.Literal && side.value === null) || (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined');
  const isName = (node: TSESTree.Node | undefined): boolean => node !== undefined && unwrap(node).type === AST_NODE_TYPES.Identifier && (unwrap(node) as TSESTree.Identifier).name === name;
  // `isNil(row)`, `_.isNil(row) === true`: lodash's and alike's test for nothing found.
  const nilTest = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.CallExpression && absenceTests.has(calleeName(node.callee) ?? '') && isName(node.arguments[0]);
  // `!row?.imapHost`: the optional read gives `undefined` when nothing was found.
  const optionalRead = (node: TSESTree.Node): boolean => {
    let inner = node.type === AST_NODE_TYPES.ChainExpression ? node.expression : unwrap(node);
    while (inner.type === AST_NODE_TYPES.MemberExpression) {
      if (isName(inner.object)) return inner.optional;
      inner = unwrap(inner.object);
    }
    return false;
  };
  const tested = (node: TSESTree.Node): boolean =>
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!' && (isName(node.argument) || optionalRead(node.argument))) ||
    nilTest(node) ||
    (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '===' && nilTest(unwrap(node.left)) && node.right.type === AST_NODE_TYPES.Literal && node.right.value === true) ||
    (node.type === AST_NODE_TYPES.BinaryExpression &&
      (node.operator === '==' || node.operator === '===') &&
      [node.left, node.right].some((s) => s.type === AST_NODE_TYPES.Identifier && s.name === name) &&
      [node.left, node.right].some(isAbsent)) ||
    emptyResult(node, isName) ||
    // `!row || !['owner', 'admin'].includes(row.role)`: true whenever one side is, so whenever nothing was found.
    (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '||' && (tested(unwrap(node.left)) || tested(unwrap(node.right))));
  if (!tested(test)) return false;
  return exits(statement.consequent);
}

/**
 * Whether a branch leaves: it is, or its block holds (at any depth of plain blocks: `{ { res.status(404); return; } }`),
 * a `return` or `throw`; `continue` and `break` too, since the loop (or block) they leave holds the `if`, so everything after it.
 */
function exits(statement: TSESTree.Statement): boolean {
  return branchHolds(
    statement,
    (s) => s.type === AST_NODE_TYPES.ReturnStatement || s.type === AST_NODE_TYPES.ThrowStatement || s.type === AST_NODE_TYPES.ContinueStatement || s.type === AST_NODE_TYPES.BreakStatement,
  );
}

/**
 * A test that a query's answer holds no row: `res.rows.length === 0`, `!res.rowCount`, `rows.length < 1`,
 * `!res.rows[0]` (a chain of plain fields from the answer, ending in a count or the first row).
 */
function emptyResult(node: TSESTree.Node, isName: (node: TSESTree.Node | undefined) => boolean): boolean {
  const fromAnswer = (chain: TSESTree.Node): boolean => {
    let object = unwrap(chain);
    while (object.type === AST_NODE_TYPES.MemberExpression && !object.computed) object = unwrap(object.object);
    return isName(object);
  };
  const count = (side: TSESTree.Node): boolean => side.type === AST_NODE_TYPES.MemberExpression && !side.computed && rowCountFields.has(memberName(side) ?? '') && fromAnswer(side.object);
  const firstRow = (side: TSESTree.Node): boolean => side.type === AST_NODE_TYPES.MemberExpression && side.computed && side.property.type === AST_NODE_TYPES.Literal && side.property.value === 0 && fromAnswer(side.object);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    const inner = unwrap(node.argument);
    return count(inner) || firstRow(inner);
  }
  if (node.type !== AST_NODE_TYPES.BinaryExpression) return false;
  const [left, right] = [unwrap(node.left), unwrap(node.right)];
  const number = (side: TSESTree.Node, value: number): boolean => side.type === AST_NODE_TYPES.Literal && side.value === value;
  return (
    ((node.operator === '===' || node.operator === '==' || node.operator === '<=') && count(left) && number(right, 0)) ||
    (node.operator === '<' && count(left) && number(right, 1))
  );
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

/**
 * Whether an awaited expression reads the request itself rather than looking something up:
 * `req.json()`, `c.req.formData()`, `readBody(event)`, `getBody(req)`. What it gives is what the client sent.
 */
function readsRequest(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const isRequest = (n: TSESTree.Node): boolean => n.type === AST_NODE_TYPES.Identifier && (requestObjectName.test(n.name) || lambdaEventParameter.test(n.name));
  if (value.arguments.some((arg) => isRequest(unwrap(arg)))) return true;
  for (let callee: TSESTree.Node = unwrap(value.callee); ; ) {
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      if (!callee.computed && (memberName(callee) === 'req' || memberName(callee) === 'request')) return true;
      callee = unwrap(callee.object);
    } else if (callee.type === AST_NODE_TYPES.CallExpression) {
      callee = unwrap(callee.callee);
    } else {
      return isRequest(callee);
    }
  }
}

/** The name `{ data: row }` binds the client's answer rows to (`answerRowField`), if the pattern is one. */
function answerRow(id: TSESTree.Node): string | undefined {
  if (id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  for (const property of id.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || propertyName(property.key) !== answerRowField) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    return value.type === AST_NODE_TYPES.Identifier ? value.name : undefined;
  }
  return undefined;
}

/** The names a declaration binds: `row`, `{ key, user: owner }` (`key`, `owner`), `[first]`. */
function boundNames(id: TSESTree.Node): string[] {
  if (id.type === AST_NODE_TYPES.Identifier) return [id.name];
  if (id.type === AST_NODE_TYPES.ObjectPattern) return id.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? boundNames(p.value) : []));
  if (id.type === AST_NODE_TYPES.ArrayPattern) return id.elements.flatMap((e) => (e ? boundNames(e) : []));
  if (id.type === AST_NODE_TYPES.AssignmentPattern) return boundNames(id.left);
  return [];
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
    // `if (hit !== undefined) return hit`: a test of presence, not of one value.
    const nothing = (side: TSESTree.Node): boolean => (side.type === AST_NODE_TYPES.Literal && side.value === null) || (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined');
    if (nothing(left) || nothing(right)) return [];
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
  // `if (!/^\d{6}$/.test(pin)) throw …`: past it, `pin` is one of the few strings the pattern admits.
  const tested = boundedPatternTest(inner, model);
  if (tested) return [model.sourceCode.getText(tested)];
  const name = calleeName(inner.callee);
  // `if (!safeCompare(secret, configuredSecret)) return 401`: past it, `secret` is the one value the request does not give.
  if (name !== undefined && equalityFunction.test(name) && inner.arguments.length === 2) {
    const [a, b] = inner.arguments.map((arg) => unwrap(arg));
    const fixed = (side: TSESTree.Node | undefined): boolean => side !== undefined && side.type !== AST_NODE_TYPES.SpreadElement && !fromRequest(side, model, 0);
    if (fixed(b) && !fixed(a) && a) return [model.sourceCode.getText(a)];
    if (fixed(a) && !fixed(b) && b) return [model.sourceCode.getText(b)];
    return [];
  }
  if (name === undefined || shapePredicates.has(name) || shapeGuessPattern.test(name) || !(membershipMethods.has(name) || PREDICATE.test(name))) return [];
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
  const settled = lookupSettledBy(at, model);
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
      // `const row = await repo.findOne(…); if (row) { … }`: a query that answers nothing on a miss found a row.
      found.push(...awaitedRowLookups(node, model));
      // `repo.findUnique(…).then((row) => { if (row) { … } })`: the same, in the lookup's fulfilment handler.
      if (settled?.name === node.name) found.push(settled.lookup);
      return;
    }
    // `if (/^[A-Z]{2,4}$/.test(code)) { … }`: inside, `code` is one of the few strings the pattern admits.
    const tested = boundedPatternTest(node, model);
    if (tested) {
      found.push(model.sourceCode.getText(tested));
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
 * A table a function is handed by callers out of sight (`getModel(printerId, hub)` reading
 * `hub?.printerStates?.[printerId]`, called from another module): unknown, so not request data,
 * unless it is named as a request or its payload (`req`, `event`, `body`, `input`, …) or read
 * through one (`opts.query`).
 */
function tableOfUnseenCaller(table: TSESTree.Node, model: FileModel): boolean {
  let root = unwrap(table);
  while (root.type === AST_NODE_TYPES.MemberExpression) {
    if (!root.computed && clientRequestFields.has(memberName(root) ?? '')) return false;
    root = unwrap(root.object);
  }
  if (root.type !== AST_NODE_TYPES.Identifier || requestObjectName.test(root.name) || lambdaEventParameter.test(root.name) || clientRequestFields.has(root.name)) return false;
  const def = valueDef(resolveIdentifier(model.sourceCode, root));
  if ((def?.type as string | undefined) !== 'Parameter' || !def || !isFunction(def.node)) return false;
  return callsInSight(def.node, model) === undefined;
}

/**
 * Whether the code before `at` checked every root of the key: looked it up and stopped when nothing
 * was found (`const product = await repo.findOneBy({ sku }); if (!product) return null;`), or
 * checked it against a known set (`if (!FORMATS.has(format)) return …`).
 */
export function validatedBefore(key: TSESTree.Node, at: TSESTree.Node, model: FileModel): boolean {
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
  // `try { await requireAdmin(request); } catch { return unauthorized(); }`: only administrators add keys here.
  if (statements.some(leavesUnlessAdmin)) return true;
  const mentions = (text: string, root: string): boolean => new RegExp(`(?:^|[^\\w$.])${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`).test(text);
  // `const base = String(currency).toUpperCase()` before an awaited lookup of `base` that must find a
  // row: the lookup checks `currency` (not a read of a store the server fills, such as the cache itself).
  const derived = new Map<string, string[]>();
  for (const statement of statements) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const') continue;
    for (const d of statement.declarations) if (d.id.type === AST_NODE_TYPES.Identifier && d.init && unwrap(d.init).type !== AST_NODE_TYPES.AwaitExpression) derived.set(d.id.name, keyRoots(d.init, model));
  }
  /** Every root (or what it was built from) that a check's text names is validated; with `viaConsts`, also what the consts it names were made from. */
  const checks = (text: string, viaConsts = false): void => {
    for (const root of candidates) if (mentions(text, root)) validated.add(root);
    if (viaConsts) for (const [name, from] of derived) if (mentions(text, name)) for (const root of from) if (candidates.includes(root)) validated.add(root);
  };
  for (const checked of [...lookupsAround(at, model), ...lookupsFoundBefore(at, model)]) checks(checked);
  // `drivers.set(name, createDriver(name))`, `cache[name] = createDriver(name)`: the value written is made only for a listed key.
  const written = at.type === AST_NODE_TYPES.CallExpression ? at.arguments[1] : at.type === AST_NODE_TYPES.AssignmentExpression ? at.right : undefined;
  const made = written ? unwrap(written) : undefined;
  const listedHere = made?.type === AST_NODE_TYPES.CallExpression ? listedOnlyArgument(made, model) : undefined;
  if (listedHere) checks(model.sourceCode.getText(listedHere));
  // `const formatter = new Intl.DateTimeFormat('en-US', { timeZone }); zones.set(timeZone, formatter)`:
  // the value written exists only for a zone the runtime knows.
  const madeLocally = made?.type === AST_NODE_TYPES.Identifier ? localConstInit(made.name, at, model) : made;
  for (const option of madeLocally ? fixedSetOptionValues(unwrap(madeLocally)) : []) checks(model.sourceCode.getText(option));
  const settled = lookupSettledBy(at, model);
  if (settled && statements.some((s) => guardsAbsence(s, settled.name))) checks(settled.lookup);
  // What a lookup that must succeed found (`row` of `const [row] = await …; if (!row) return`), and the
  // names read from it (`const { key } = row`): a key read from them names a record that exists.
  const found = new Set<string>();
  // `const rows = await db.select()…limit(1)`: the answers of awaited calls, by the const they were put in.
  const answers = new Map<string, TSESTree.AwaitExpression>();
  /** `row`, the first row of an awaited query, checked present below: what the query asked is checked, and the row exists. */
  const firstRowChecked = (row: string, awaited: TSESTree.AwaitExpression, after: readonly TSESTree.Statement[]): void => {
    if (!after.some((s) => guardsAbsence(s, row))) return;
    checks(model.sourceCode.getText(awaited.argument), true);
    if (!readsRequest(awaited.argument)) found.add(row);
  };
  for (const [i, statement] of statements.entries()) {
    for (const member of membershipGuarded(statement, model)) checks(member);
    // What an awaited assertion checked, and what it answered (`match` of `const match = await assertParticipant(…)`): a record that exists.
    const assertion = awaitedAssertion(statement);
    if (assertion) for (const arg of assertion.call.arguments) checks(model.sourceCode.getText(arg));
    if (assertion?.answer !== undefined) found.add(assertion.answer);
    // `if (!(await requireTournamentAccess(req, res, orgId, tournamentId))) return;`: what the check was given names records that exist.
    const access = accessCheckLeft(statement);
    if (access) for (const arg of access.arguments) checks(model.sourceCode.getText(arg));
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of statement.declarations) {
      const given = d.init ? unwrap(d.init) : undefined;
      // `hub?.printerStates?.[id]`, `row?.key`: an optional read is the same read, `undefined` where a plain one would throw.
      const init = given?.type === AST_NODE_TYPES.ChainExpression ? unwrap(given.expression) : given;
      // `const { key, user } = row`, `const key = row.key`: read from what was found.
      const source = init?.type === AST_NODE_TYPES.MemberExpression ? unwrap(init.object) : init;
      if (source?.type === AST_NODE_TYPES.Identifier && found.has(source.name)) {
        for (const name of boundNames(d.id)) found.add(name);
        continue;
      }
      // `const [row] = await db.select()…limit(1); if (!row) return`: the first row of a query, checked present.
      if (d.id.type === AST_NODE_TYPES.ArrayPattern && init?.type === AST_NODE_TYPES.AwaitExpression) {
        const first = d.id.elements[0];
        if (first?.type === AST_NODE_TYPES.Identifier) firstRowChecked(first.name, init, statements.slice(i + 1));
        continue;
      }
      // `const rows = await …; const row = rows[0]; if (!row) return`: the same row, read by index.
      const rows = init?.type === AST_NODE_TYPES.MemberExpression && init.computed && isZero(init.property) && init.object.type === AST_NODE_TYPES.Identifier ? answers.get(init.object.name) : undefined;
      if (rows && d.id.type === AST_NODE_TYPES.Identifier) {
        firstRowChecked(d.id.name, rows, statements.slice(i + 1));
        continue;
      }
      if (d.id.type === AST_NODE_TYPES.Identifier && init?.type === AST_NODE_TYPES.AwaitExpression) answers.set(d.id.name, init);
      // `const row = await repo.findOne(id)`, or a table lookup `const cfg = MODELS[script]`: a miss stops the code below.
      const tableLookup = init?.type === AST_NODE_TYPES.MemberExpression && init.computed && (!fromRequest(init.object, model, 0) || tableOfUnseenCaller(init.object, model));
      // `const driver = this.createDriver(name)`: a factory that throws for any key it does not list.
      const listed = init?.type === AST_NODE_TYPES.CallExpression ? listedOnlyArgument(init, model) : undefined;
      if (listed) checks(model.sourceCode.getText(listed));
      // `const user = this.findOne(id); if (!user) throw …`: a synchronous lookup that must find something.
      const lookupCall = init?.type === AST_NODE_TYPES.CallExpression && isLookupCall(init, model);
      // `const { data: sede } = await supabase.from('sedi')…maybeSingle()`: the row in the client's answer.
      const name = d.id.type === AST_NODE_TYPES.Identifier ? d.id.name : init?.type === AST_NODE_TYPES.AwaitExpression ? answerRow(d.id) : undefined;
      if (name === undefined || (init?.type !== AST_NODE_TYPES.AwaitExpression && !tableLookup && !lookupCall)) continue;
      // A synchronous lookup gives `undefined` on a miss, so reading a field of it throws; an awaited call (a fetch) gives a response either way.
      if (!statements.slice(i + 1).some((s) => guardsAbsence(s, name) || ((tableLookup || lookupCall) && dereferences(s, name)))) continue;
      const lookup = model.sourceCode.getText(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init.type === AST_NODE_TYPES.MemberExpression ? init.property : init);
      checks(lookup, init.type === AST_NODE_TYPES.AwaitExpression);
      if (init.type !== AST_NODE_TYPES.AwaitExpression || !readsRequest(init.argument)) found.add(name);
    }
  }
  const readFromFound = (root: string): boolean => found.has(/^[\w$]+/.exec(root)?.[0] ?? '');
  // `const userId = session.user.id` beside a checked `serverId` in `${userId}-${serverId}`: a part that carries no request data needs no check.
  const noRequestData = (root: string): boolean => {
    const init = localConstInit(root, at, model);
    return init !== undefined && !fromRequest(init, model, 0);
  };
  const checked = (root: string): boolean => validated.has(root) || readFromFound(root);
  const parts = [...roots, ...[...builtFrom.values()].flat()];
  return (
    parts.some(checked) &&
    roots.every((root) => {
      if (checked(root) || noRequestData(root)) return true;
      const inner = builtFrom.get(root) ?? [];
      return inner.length > 0 && inner.every((r) => checked(r) || noRequestData(r));
    })
  );
}

/** The literal `0`. */
function isZero(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && node.value === 0;
}

/** The values given to options a constructor accepts only from a fixed set (`timeZone` of `new Intl.DateTimeFormat(…)`). */
function fixedSetOptionValues(made: TSESTree.Node): TSESTree.Node[] {
  if (made.type !== AST_NODE_TYPES.NewExpression && made.type !== AST_NODE_TYPES.CallExpression) return [];
  const options = fixedSetConstructorOptions[calleeName(made.callee) ?? ''];
  if (!options) return [];
  return made.arguments.flatMap((arg) => {
    const object = unwrap(arg);
    const option = object.type === AST_NODE_TYPES.ObjectExpression ? findProperty(object, options) : undefined;
    return option ? [option.value] : [];
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

/**
 * The queries the function-local variable `name` holds the answer of, when every value it is
 * given is an awaited query that answers nothing on a miss (`const row = await repo.findOne(…)`, or a
 * `let` given one lookup and then, on a miss, another): their texts. Empty otherwise. `helpers`: a lookup may
 * also be a function that answers a row query (not inside one: one level only).
 */
function awaitedRowLookups(name: TSESTree.Identifier, model: FileModel, helpers = true): string[] {
  const variable = resolveIdentifier(model.sourceCode, name);
  const declarator = valueDef(variable)?.node;
  if (!variable || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier || !enclosingFunction(declarator)) return [];
  const values = [declarator.init, ...variable.references.filter((ref) => ref.isWrite() && !ref.init).map((ref) => ref.writeExpr)];
  const lookups: string[] = [];
  for (const value of values) {
    const awaited = value ? unwrap(value) : undefined;
    const call = awaited?.type === AST_NODE_TYPES.AwaitExpression ? unwrap(awaited.argument) : undefined;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !answersNothingOnMiss(call, model, helpers)) return [];
    lookups.push(model.sourceCode.getText(call));
  }
  return lookups;
}

/**
 * A query that answers nothing when no row matches: a `find…` method, or one of `rowOrNothingQueries`,
 * not asked of the request; or a call of a function of the file or the project that returns only such
 * a query's answer (`getPageBySlug(slug)` returning `await db.query.pages.findFirst(…)`).
 */
function answersNothingOnMiss(call: TSESTree.CallExpression, model: FileModel, helpers = true): boolean {
  const name = calleeName(call.callee);
  if (helpers && call.callee.type === AST_NODE_TYPES.Identifier && !(name !== undefined && rowFinderName.test(name))) return answersFromRowQuery(call.callee, model);
  if (name === undefined || !(rowFinderName.test(name) || rowOrNothingQueries.has(name))) return false;
  // What the chain is asked of (`db` of `db.selectFrom(t).where(…).first()`), not the arguments along it.
  return !fromRequest(chainRoot(call.callee), model, 0);
}

/** A function (of this file, or exported by a project file) whose every return is a row query's answer, awaited or not, or nothing. */
function answersFromRowQuery(callee: TSESTree.Identifier, model: FileModel): boolean {
  const found = calledFunction(callee, model);
  if (!found) return false;
  const returned = returnedExpressions(found.fn, found.model.facts);
  const answer = (node: TSESTree.Node): boolean => {
    const value = unwrap(node);
    if (isEmptyValue(value)) return true;
    const call = value.type === AST_NODE_TYPES.AwaitExpression ? unwrap(value.argument) : value;
    if (call.type === AST_NODE_TYPES.CallExpression) return answersNothingOnMiss(call, found.model, false);
    // `const page = await db.query.pages.findFirst(…); return page;`
    return value.type === AST_NODE_TYPES.Identifier && awaitedRowLookups(value, found.model, false).length > 0;
  };
  return returned.length > 0 && returned.every(answer);
}

/**
 * `await this.conversations.assertParticipant(userId, id);` or `const match = await assertParticipant(…)`:
 * an awaited assertion (its call), and the name given what it answered, if any.
 */
function awaitedAssertion(statement: TSESTree.Statement): { call: TSESTree.CallExpression; answer?: string } | undefined {
  const declared = statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.length === 1 ? statement.declarations[0] : undefined;
  const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : declared?.init;
  if (!expression) return undefined;
  const awaited = unwrap(expression);
  const call = awaited.type === AST_NODE_TYPES.AwaitExpression ? unwrap(awaited.argument) : undefined;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const name = calleeName(call.callee);
  if (name === undefined || !assertionName.test(name)) return undefined;
  return { call, ...(declared?.id.type === AST_NODE_TYPES.Identifier ? { answer: declared.id.name } : {}) };
}

/** `if (!(await requireAccess(…))) return;` (or `if (!requireAccess(…)) { …; return; }`): the access check a failing caller leaves at. */
function accessCheckLeft(statement: TSESTree.Statement): TSESTree.CallExpression | undefined {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate || !exits(statement.consequent)) return undefined;
  const test = unwrap(statement.test);
  if (test.type !== AST_NODE_TYPES.UnaryExpression || test.operator !== '!') return undefined;
  let checked = unwrap(test.argument);
  if (checked.type === AST_NODE_TYPES.AwaitExpression) checked = unwrap(checked.argument);
  if (checked.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const name = calleeName(checked.callee);
  return name !== undefined && accessCheckName.test(name) ? checked : undefined;
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
  const name = calleeName(callee);
  if (name === undefined || !LOOKUP_NAME.test(name)) return false;
  return callee.type !== AST_NODE_TYPES.MemberExpression || storeParameter(callee.object, model) || !fromRequest(callee.object, model, 0);
}

/**
 * `prisma.cardSet` with `prisma` a parameter named for a client or a database (`prisma`, `db`, `tx`,
 * `userRepository`): a store callers hand down, whatever they pass, not the request.
 */
function storeParameter(receiver: TSESTree.Node, model: FileModel): boolean {
  let root = unwrap(receiver);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier || !dependencyParameterName.test(root.name)) return false;
  return (valueDef(resolveIdentifier(model.sourceCode, root))?.type as string | undefined) === 'Parameter';
}
