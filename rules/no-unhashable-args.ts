import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode, SuggestionReportDescriptor } from '@typescript-eslint/utils/ts-eslint';
import { createRule } from '../src/create-rule.js';
import { getFileModel, modelListeners } from '../src/analysis/model/linted-file.js';
import type { FileModel, MemoizerCall } from '../src/analysis/model/file-model.js';
import { cacheSize, callsNamed, hasResolver, keyedArgumentCount, namesMemoizerCall, resolverArgument, usedOnceInPlace, wrappedFunction, wrappedParams, type KeyedParam } from '../src/analysis/memoizer/memoizer-call.js';
import { decoratorHasKeyFunction, memoizedMethods, type MemoizedMethod } from '../src/analysis/memoizer/memoized-methods.js';
import { resolveIdentifier } from '../src/analysis/syntax/references.js';
import { setOption } from '../src/analysis/fix/fix-builders.js';
import { replaceWithRuntimeMemoize } from '../src/analysis/fix/memoizer-fix.js';
import { isFreshValue, isFunction, unwrap, type FunctionNode } from '../src/analysis/syntax/ast.js';
import { isDependencyParameter, paramAffectsResult, presenceOnlyKey } from '../src/analysis/memoizer/parameter-keys.js';
import { sharedModuleStore, topLevelFunctions } from '../src/analysis/memoizer/in-house-memoizers.js';
import { ambientFallback } from '../src/analysis/memoizer/ambient-inputs.js';
import { AST_NODE_TYPES } from '../src/analysis/syntax/node-types.js';
import { renderRepeatedCalls } from '../src/analysis/memoizer/render-repeats.js';

type MessageIds = 'presenceOnlyKey' | 'sharedStore' | 'ambientFallback' | 'firstArgOnly' | 'leadingArgsOnly' | 'fnLengthKey' | 'fnLengthOneEntry' | 'jsonKey' | 'stringKey' | 'identityKey' | 'renderRepeatedMiss' | 'freshArgument' | 'freshArgumentOneEntry' | 'useStructuralKey' | 'useAllArguments' | 'addResolver';
type Options = [{ checkCallSites?: boolean }];

function paramName(param: KeyedParam, index: number, sourceCode: Readonly<SourceCode>): string {
  if (!param.node) return `parameter ${index + 1}`;
  let node: TSESTree.Node = param.node;
  if (node.type === AST_NODE_TYPES.TSParameterProperty) node = node.parameter;
  if (node.type === AST_NODE_TYPES.AssignmentPattern) node = node.left;
  if (node.type === AST_NODE_TYPES.RestElement) node = node.argument;
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  // A destructuring pattern, without its type annotation: `{ sku, qty }`.
  const end = 'typeAnnotation' in node && node.typeAnnotation ? node.typeAnnotation.range[0] : node.range[1];
  const text = sourceCode.text.slice(node.range[0], end).replace(/\s+/g, ' ').trim();
  return text.length > 40 ? `parameter ${index + 1}` : text;
}

/** Whether `name` is the file's own import of that name: an `import`, or a top-level `require` (`const { f } = require('./m')`). */
function isImportBinding(model: FileModel, name: TSESTree.Identifier): boolean {
  const def = resolveIdentifier(model.sourceCode, name)?.defs[0];
  const kind: string | undefined = def?.type;
  if (kind === 'ImportBinding') return true;
  return kind === 'Variable' && def?.parent?.parent === model.program && model.imports.has(name.name);
}

const jsonBlind = (p: KeyedParam): boolean => p.kind === 'function' || p.kind === 'non-json' || p.optional;

export default createRule<MessageIds, Options>({
  name: 'no-unhashable-args',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow memoizing functions whose arguments the memoizer cannot key correctly',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      firstArgOnly:
        '{{library}} keys on the first argument only, so calls that differ only in `{{param}}` return the result of the first call; key on every argument.',
      ambientFallback:
        '`{{param}}` falls back to `{{fallback}}` when a call leaves it out, which reads `{{state}}`, a module variable that is reassigned; the key only records that it was left out, so after `{{state}}` changes such calls return the result computed for its old value; pass `{{param}}` explicitly or put the value in the key.',
      presenceOnlyKey:
        'The key function records only whether `{{param}}` is set, but the function reads `{{read}}`: calls whose `{{param}}` differ there share one result (the first one computed); key on the value the result depends on.',
      sharedStore:
        '`{{store}}` is one module-level store for every function `{{factory}}` memoizes, and its key does not name the function: two functions memoized by it and called with the same arguments return each other\'s results; create the store inside `{{factory}}`.',
      leadingArgsOnly:
        '{{library}} keys on the first {{count}} arguments only, so calls that differ only in `{{param}}` return the result of the first call; key on every argument.',
      fnLengthKey:
        '{{library}} keys on `fn.length` arguments, and `{{param}}` has a default or is a rest parameter, so it is left out of the key and calls that differ only there return a stale result; set `length` or a `normalizer`.',
      fnLengthOneEntry:
        '{{library}} keys on `fn.length` arguments, and the first parameter `{{param}}` has a default or is a rest parameter, so `fn.length` is 0: it keeps one entry and every call returns the result of the first call, whatever its arguments; set `length` or a `normalizer`.',
      jsonKey:
        '{{library}} keys on JSON.stringify of the arguments, and JSON cannot tell values of `{{param}}` apart (functions, undefined, Dates, Maps, Sets and class instances collapse), so different calls share one result; use a resolver or structural keys.',
      stringKey:
        '{{library}} keys on String() of each argument, and `{{param}}` is an object (String() makes every plain object `[object Object]`), so different calls share one result; use a `normalizer` that keys by value, or structural keys.',
      identityKey:
        '{{library}} keys `{{param}}` by identity, so each call with an equal but new object or array misses and adds an entry; key by value with a resolver or structural keys.',
      renderRepeatedMiss:
        '{{library}} compares arguments by identity, and {{count}} components or pages call `{{name}}` with a new object literal ({{where}}): when they render for the same request, each call misses and runs it again; pass primitives and build the object inside.',
      freshArgument:
        'This {{kind}} is created at the call, so the identity-keyed memoized `{{name}}` never finds it in its cache: every call misses and adds an entry; pass a stable value or key by value.',
      freshArgumentOneEntry:
        'This {{kind}} is created at the call, so `{{name}}` ({{library}}, which keeps only the last call) never matches it: every call with a new object misses and replaces the entry, so the memoization does nothing; pass a stable value.',
      useStructuralKey: "Switch to memo-guard's `memoize` with `key: 'structural'` (keys plain objects and arrays by value).",
      useAllArguments: "Switch to memo-guard's `memoize`, which keys on every argument.",
      addResolver: 'Add a resolver that keys on every argument.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          checkCallSites: { type: 'boolean', description: 'Report fresh objects, arrays and functions passed to identity-keyed memoized functions.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkCallSites: true }],
  },
  create(context, [{ checkCallSites }]) {
    const sourceCode = context.sourceCode;

    function suggestions(model: FileModel, call: MemoizerCall, params: readonly KeyedParam[], structural: boolean): SuggestionReportDescriptor<MessageIds>[] {
      const suggest: SuggestionReportDescriptor<MessageIds>[] = [];
      const replace = call.spec.requestScoped ? undefined : replaceWithRuntimeMemoize(model, call, structural ? ["key: 'structural'"] : [], 'all');
      if (replace) suggest.push({ messageId: structural ? 'useStructuralKey' : 'useAllArguments', fix: replace });
      // A resolver over primitives: JSON of an array of them is collision-free enough (and what users write).
      if (!structural && params.every((p) => p.kind === 'primitive' && !p.rest)) {
        const resolverIndex = call.spec.resolverArg;
        const names = params.map((p, i) => paramName(p, i, sourceCode));
        if (resolverIndex === 1 && call.node.arguments.length === 1 && call.fnArg) {
          const fnArg = call.fnArg;
          suggest.push({ messageId: 'addResolver', fix: (fixer) => fixer.insertTextAfter(fnArg, `, (${names.join(', ')}) => JSON.stringify([${names.join(', ')}])`) });
        } else if (call.spec.resolverOptions?.names[0] === 'cacheKey') {
          suggest.push({ messageId: 'addResolver', fix: (fixer) => setOption(fixer, model, call, 'cacheKey', '(args) => JSON.stringify(args)') ?? null });
        }
      }
      return suggest;
    }

    function checkDefinition(model: FileModel, call: MemoizerCall, params: readonly KeyedParam[], fn: FunctionNode | undefined): void {
      const library = call.spec.label;
      const keying = call.spec.keying;
      const name = (p: KeyedParam): string => paramName(p, params.indexOf(p), sourceCode);
      const objectLike = (p: KeyedParam): boolean => (p.kind === 'object' || p.kind === 'array') && !p.rest;
      const count = keyedArgumentCount(call, params);
      const keyed = params.slice(0, count);
      const structural = keyed.some(objectLike);
      // A parameter left out of the key matters only when the result reads it (not only an error it throws),
      // and when the key was not chosen in so many words (`memoize(fn, (queueName) => queueName)`).
      const chosenKey = resolverArgument(call) !== undefined;
      // A dependency the callers hand in (`slackClient`, `getToken`) is the same for every key: leaving it out is keying on the data.
      const leftOut = chosenKey ? undefined : params.slice(keyed.length).find((p) => !isDependencyParameter(p) && (!fn || !p.node || paramAffectsResult(p.node, fn, sourceCode)));
      const suggest = (): SuggestionReportDescriptor<MessageIds>[] => suggestions(model, call, params, params.some(objectLike));
      if (keying === 'fn-length' || keying === 'string') {
        const messageId = keyed.length === 0 ? 'fnLengthOneEntry' : 'fnLengthKey';
        if (leftOut) context.report({ node: call.node, messageId, data: { library, param: name(leftOut) }, suggest: suggest() });
      } else if (leftOut) {
        const messageId = count === 1 ? 'firstArgOnly' : 'leadingArgsOnly';
        context.report({ node: call.node, messageId, data: { library, param: name(leftOut), count: String(count) }, suggest: suggest() });
      } else if (!chosenKey && Number.isFinite(count) && keyed.some((p) => p.rest)) {
        // `(...args)` behind a key of the first argument(s): the rest of the array is left out.
        const rest = keyed.find((p) => p.rest);
        if (rest) context.report({ node: call.node, messageId: count === 1 ? 'firstArgOnly' : 'leadingArgsOnly', data: { library, param: name(rest), count: String(count) }, suggest: suggestions(model, call, params, false) });
      }
      if (keying === 'json') {
        const blind = keyed.find(jsonBlind);
        if (blind) context.report({ node: call.node, messageId: 'jsonKey', data: { library, param: name(blind) }, suggest: suggestions(model, call, params, true) });
      }
      if (keying === 'string') {
        // An array keys by its joined elements (by value, for strings and numbers); an object, a Map or a class
        // instance becomes `[object Object]` (a Date its text to the second): different calls share one result.
        const blind = keyed.find((p) => (p.kind === 'object' && !p.rest) || p.kind === 'non-json');
        if (blind) context.report({ node: call.node, messageId: 'stringKey', data: { library, param: name(blind) }, suggest: suggestions(model, call, params, true) });
      }
      // A keyed parameter that falls back to module state the key cannot see (`locale = locale || getCurrentLocale()`).
      if (fn) {
        const ambient = ambientFallback(fn, keyed.flatMap((p) => (p.node ? [p.node] : [])), model, model.facts.visitorKeys);
        if (ambient) context.report({ node: call.node, messageId: 'ambientFallback', data: { param: ambient.name, fallback: ambient.fallback, state: ambient.state } });
      }
      // A WeakMap memoizer keys objects by identity on purpose; its callers' fresh objects are still reported.
      // A cache that lives for one request (React's `cache()`) is usually called once per request for a given
      // value, so an identity miss costs at most a repeated call within that request: not reported. Nor is
      // one with a finite bound (micro-memoize and moize hold one entry by default; `{ maxSize: 10 }`) on a
      // named parameter: a miss replaces an entry, as memoize-one and reselect do, and such a parameter is
      // usually handed one object from a store (fresh arguments are reported at the calls). A destructured
      // one is built at each call (`({ gqlName, context } = {})`): that cache never hits.
      if ((keying === 'first-arg' || keying === 'all-identity' || keying === 'fn-length') && !call.spec.weakKeys && !call.spec.requestScoped) {
        // A bound the code spells out, or a library default of one entry (not this package's default of 500).
        const size = cacheSize(call);
        const bounded = size !== undefined && Number.isFinite(size.size) && (size.explicit || size.size === 1);
        const identity = keyed.find((p) => objectLike(p) && !(bounded && p.node?.type === AST_NODE_TYPES.Identifier));
        if (identity) context.report({ node: call.node, messageId: 'identityKey', data: { library, param: name(identity) }, suggest: suggestions(model, call, params, structural) });
      }
    }

    /** Fresh objects, arrays and inline functions among the keyed arguments of a call of the memoized `name`. */
    /** `oneEntry`: the memoizer's label when it holds a single entry. */
    function reportFreshArguments(site: TSESTree.CallExpression, count: number, name: string, oneEntry: string | undefined): void {
      site.arguments.slice(0, count).forEach((arg) => {
        if (arg.type === AST_NODE_TYPES.SpreadElement || !isFreshValue(arg)) return;
        const value = unwrap(arg);
        const kind = value.type === AST_NODE_TYPES.ObjectExpression ? 'object literal' : value.type === AST_NODE_TYPES.ArrayExpression ? 'array literal' : 'inline function';
        if (oneEntry !== undefined) context.report({ node: arg, messageId: 'freshArgumentOneEntry', data: { kind, name, library: oneEntry } });
        else context.report({ node: arg, messageId: 'freshArgument', data: { kind, name } });
      });
    }

    function checkCallSitesOf(model: FileModel, call: MemoizerCall, params: readonly KeyedParam[] | undefined): void {
      const binding = call.bindingName;
      const keying = call.spec.keying;
      // Under JSON or String() keys a fresh object is not a miss (it may be a collision, reported at the definition).
      if (binding === undefined || keying === 'json' || keying === 'string' || keying === 'custom' || call.spec.requestScoped) return;
      const count = keyedArgumentCount(call, params);
      for (const site of callsNamed(model, binding)) {
        if (site === call.node) continue;
        const callee = unwrap(site.callee);
        // `const f = memoize(…)` is called as `f(…)`; a memoized field or property as `this.f(…)` / `obj.f(…)`.
        if (call.bindingIsVariable !== (callee.type === AST_NODE_TYPES.Identifier)) continue;
        if (callee.type === AST_NODE_TYPES.Identifier && !namesMemoizerCall(model, callee, call)) continue;
        reportFreshArguments(site, count, binding, cacheSize(call)?.size === 1 ? call.spec.label : undefined);
      }
    }

    /** A request-scoped cache (React's `cache()`) whose calls with new object literals share a render: each misses. */
    function checkRenderRepeats(model: FileModel, call: MemoizerCall): void {
      const repeats = renderRepeatedCalls(model, call);
      if (!repeats || call.bindingName === undefined) return;
      const shown = repeats.slice(0, 2).map((site) => `${model.project.pathInProject(site.file)}:${String(site.line)}`).join(', ');
      context.report({ node: call.node, messageId: 'renderRepeatedMiss', data: { library: call.spec.label, count: String(repeats.length), name: call.bindingName, where: repeats.length > 2 ? `${shown}, …` : shown } });
    }

    /** Calls of memoized functions another file of the project exports: `formatMoney({ amount, currency })`, `money.formatMoney({ … })`. */
    function checkImportedCallSites(model: FileModel): void {
      for (const [local, imported] of model.project.importedMemoizedBindings(model)) {
        const { name, namespace } = imported;
        if (!imported.keysByIdentity) continue;
        for (const site of callsNamed(model, name)) {
          const callee = unwrap(site.callee);
          const binding = namespace === undefined ? callee : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed ? unwrap(callee.object) : undefined;
          if (binding?.type !== AST_NODE_TYPES.Identifier || binding.name !== (namespace ?? name) || !isImportBinding(model, binding)) continue;
          reportFreshArguments(site, imported.keyedArguments, local, imported.holdsOneEntry ? imported.label : undefined);
        }
      }
    }

    /** `@Memoize() rate(base, quote)`: a memoizing method decorator without a key function keys on the first argument only. */
    function checkMemoizedMethod(model: FileModel, memoized: MemoizedMethod): void {
      const { decorator } = memoized;
      if (decoratorHasKeyFunction(decorator, memoized.spec)) return;
      const params = wrappedParams({ node: memoized.fn, reference: memoized.fn }, model) ?? [];
      const left = params.length >= 2 ? params[1] : params[0]?.rest === true ? params[0] : undefined;
      if (!left) return;
      context.report({ node: decorator, messageId: 'firstArgOnly', data: { library: memoized.spec.label, param: paramName(left, params.indexOf(left), sourceCode) } });
    }

    /** A key function given at the call that records only whether an argument is set, while the function reads inside it. */
    function checkResolver(model: FileModel, call: MemoizerCall): void {
      const resolver = resolverArgument(call);
      const key = resolver && resolver.type !== AST_NODE_TYPES.SpreadElement ? unwrap(resolver) : undefined;
      const fn = wrappedFunction(call, model)?.node;
      if (!fn || !isFunction(key)) return;
      for (let index = 0; index < fn.params.length; index += 1) {
        const read = presenceOnlyKey(key, fn, index, sourceCode);
        const param = fn.params[index];
        if (read === undefined || !param) continue;
        context.report({ node: key, messageId: 'presenceOnlyKey', data: { param: paramName({ kind: 'unknown', optional: false, rest: false, hasDefault: false, node: param }, index, sourceCode), read } });
        return;
      }
    }

    /** A memoizer factory of this file whose closures all key into one module-level store: exported, or used twice here. */
    function checkSharedStores(model: FileModel): void {
      const exported = new Set<string>();
      for (const statement of model.program.body) {
        if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
          const declaration = statement.declaration;
          if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) exported.add(declaration.id.name);
          if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) for (const d of declaration.declarations) if (d.id.type === AST_NODE_TYPES.Identifier) exported.add(d.id.name);
          for (const spec of statement.specifiers) if (spec.local.type === AST_NODE_TYPES.Identifier) exported.add(spec.local.name);
        }
      }
      for (const [factory, fn] of topLevelFunctions(model.program)) {
        if (!model.localMemoizers.has(factory)) continue;
        if (!exported.has(factory) && callsNamed(model, factory).length < 2) continue;
        const store = sharedModuleStore(fn, sourceCode.text);
        if (store?.id.type === AST_NODE_TYPES.Identifier) context.report({ node: store, messageId: 'sharedStore', data: { store: store.id.name, factory } });
      }
    }

    return {
      ...modelListeners(context),
      'Program:exit'() {
        const model = getFileModel(context);
        if (model.localMemoizers.size > 0) checkSharedStores(model);
        for (const memoized of memoizedMethods(model)) checkMemoizedMethod(model, memoized);
        for (const call of model.memoizerCalls) {
          if (hasResolver(call)) checkResolver(model, call);
          if (call.spec.keying === 'custom' || call.spec.keying === 'value' || hasResolver(call)) continue;
          const wrapped = wrappedFunction(call, model);
          const params = wrapped ? wrappedParams(wrapped, model) : undefined;
          // `memoize(fn)(a, b)`: a cache for one call answers no other.
          if (params && call.spec.keying !== 'identity-by-design' && !usedOnceInPlace(call)) checkDefinition(model, call, params, wrapped?.node);
          if (checkCallSites) checkCallSitesOf(model, call, params);
          if (checkCallSites && call.spec.requestScoped) checkRenderRepeats(model, call);
        }
        if (checkCallSites && model.inProject) checkImportedCallSites(model);
      },
    };
  },
});
