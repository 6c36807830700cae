/**
 * Fix building blocks shared by the rules: importing this package's `memoize` / `LruMap` once, in
 * the file's own module style, and rewriting a memoizer call's options.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleFix, RuleFixer } from '@typescript-eslint/utils/ts-eslint';
import { AST_NODE_TYPES } from './node-types.js';
import { findProperty, unwrap } from './ast.js';
import { memoGuardModule } from './memoizer-catalog.js';
import { requiredModule } from './imports.js';
import type { FileModel, MemoizerCall } from './file-model.js';

type RuntimeExport = 'memoize' | 'LruMap';

function isRequireDeclaration(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  return statement.declarations.some((d) => {
    const init = d.init ? unwrap(d.init) : undefined;
    return requiredModule(init?.type === AST_NODE_TYPES.MemberExpression ? init.object : init) !== undefined;
  });
}

/** ESM unless the file is CommonJS: a `.cjs` file, or a script that `require`s and imports nothing. */
function usesRequire(model: FileModel): boolean {
  if (/\.c[jt]s$/.test(model.filename)) return true;
  const body = model.program.body;
  if (body.some((s) => s.type === AST_NODE_TYPES.ImportDeclaration)) return false;
  return model.program.sourceType === 'script' || body.some((s) => isRequireDeclaration(s) || isCommonJsExport(s));
}

/** `exports.x = …`, `module.exports = …`, `module.exports.x = …` */
function isCommonJsExport(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  let target: TSESTree.Node = statement.expression.left;
  while (target.type === AST_NODE_TYPES.MemberExpression) target = target.object;
  return target.type === AST_NODE_TYPES.Identifier && (target.name === 'exports' || target.name === 'module');
}

function nameIsTaken(model: FileModel, name: string): boolean {
  if (model.imports.has(name)) return true;
  const global = model.sourceCode.scopeManager?.globalScope;
  if (!global) return false;
  const scopes = [global, ...global.childScopes.filter((s) => (s.type as string) === 'module')];
  return scopes.some((scope) => scope.set.has(name) || scope.through.some((ref) => ref.identifier.name === name));
}

/** Where a new import goes: after the last import or require, else before the first statement that is not a directive. */
function insertionPoint(model: FileModel, cjs: boolean): { after: TSESTree.Node } | { before: TSESTree.Node } | { end: number } {
  const body = model.program.body;
  let last: TSESTree.Node | undefined;
  for (const statement of body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration || (cjs && isRequireDeclaration(statement))) last = statement;
  }
  if (last) return { after: last };
  const first = body.find((s) => !(s.type === AST_NODE_TYPES.ExpressionStatement && s.directive !== undefined));
  if (first) return { before: first };
  return { end: model.sourceCode.text.length };
}

export interface RuntimeImport {
  /** The local name to call: `memoize`, or an alias when the file already uses that name. */
  local: string;
  /** The fix that adds the import, unless the file already has it. */
  fix: ((fixer: RuleFixer) => RuleFix) | undefined;
}

/** The local name for this package's `memoize` or `LruMap`, and the fix that imports it if needed. */
export function runtimeImport(model: FileModel, name: RuntimeExport): RuntimeImport {
  for (const [local, binding] of model.imports) {
    if (binding.module === memoGuardModule && binding.export === name) return { local, fix: undefined };
  }
  const local = nameIsTaken(model, name) ? (name === 'memoize' ? 'boundedMemoize' : 'BoundedLruMap') : name;
  const cjs = usesRequire(model);
  const specifier = local === name ? name : cjs ? `${name}: ${local}` : `${name} as ${local}`;
  const existing = model.program.body.find(
    (s): s is TSESTree.ImportDeclaration =>
      s.type === AST_NODE_TYPES.ImportDeclaration && s.source.value === memoGuardModule && s.importKind !== 'type' && s.specifiers.some((sp) => sp.type === AST_NODE_TYPES.ImportSpecifier),
  );
  if (existing) {
    const lastSpecifier = existing.specifiers[existing.specifiers.length - 1];
    if (lastSpecifier) return { local, fix: (fixer) => fixer.insertTextAfter(lastSpecifier, `, ${specifier}`) };
  }
  const statement = cjs
    ? `const { ${specifier} } = require('${memoGuardModule}');`
    : `import { ${specifier} } from '${memoGuardModule}';`;
  const point = insertionPoint(model, cjs);
  return {
    local,
    fix: (fixer) => {
      if ('after' in point) return fixer.insertTextAfter(point.after, `\n${statement}`);
      if ('before' in point) return fixer.insertTextBefore(point.before, `${statement}\n`);
      return fixer.insertTextAfterRange([point.end, point.end], `${point.end > 0 ? '\n' : ''}${statement}\n`);
    },
  };
}

/** Sets `name: value` in the call's options object, adding the object if there is none. */
export function setOption(fixer: RuleFixer, model: FileModel, call: MemoizerCall, name: string, value: string): RuleFix | undefined {
  if (call.options) {
    const prop = findProperty(call.options, [name]);
    if (prop) return fixer.replaceText(prop.value, value);
    const first = call.options.properties[0];
    if (first) return fixer.insertTextBefore(first, `${name}: ${value}, `);
    return fixer.replaceText(call.options, `{ ${name}: ${value} }`);
  }
  const index = call.spec.optionsArg;
  if (index === undefined || call.node.arguments.length !== index) return undefined;
  const last = call.node.arguments[index - 1];
  if (!last) return undefined;
  return fixer.insertTextAfter(last, `, { ${name}: ${value} }`);
}

/**
 * Rewrites the call as this package's `memoize(fn, { …options })`, keeping a resolver as `key`.
 * `undefined` when the call has options we cannot carry over.
 */
export function replaceWithRuntimeMemoize(model: FileModel, call: MemoizerCall, options: readonly string[]): ((fixer: RuleFixer) => RuleFix[]) | undefined {
  if (!call.fnArg || call.options) return undefined;
  const { spec } = call;
  const args = call.node.arguments;
  if (args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const expected = [spec.fnArg, spec.resolverArg].filter((i) => i !== undefined && args[i] !== undefined).length;
  if (args.length > Math.max(expected, 1)) return undefined;
  const text = model.sourceCode.getText.bind(model.sourceCode);
  const resolver = spec.resolverArg === undefined ? undefined : args[spec.resolverArg];
  const keyGiven = options.some((option) => option.startsWith('key:'));
  const key = keyGiven ? [] : resolver ? [`key: ${text(resolver)}`] : spec.keying === 'json' ? [`key: 'structural'`] : [];
  const parts = [...options, ...key];
  const runtime = runtimeImport(model, 'memoize');
  const replacement = `${runtime.local}(${text(call.fnArg)}${parts.length > 0 ? `, { ${parts.join(', ')} }` : ''})`;
  return (fixer) => {
    const fixes = [fixer.replaceText(call.node, replacement)];
    if (runtime.fix) fixes.push(runtime.fix(fixer));
    return fixes;
  };
}

/** The fix that bounds a memoizer call, per the catalog's `fix` entry. */
export function boundMemoizerFix(model: FileModel, call: MemoizerCall, max: number): ((fixer: RuleFixer) => RuleFix | RuleFix[] | null) | undefined {
  const fix = call.spec.fix;
  if (!fix) return undefined;
  switch (fix.kind) {
    case 'size-option':
      return (fixer) => setOption(fixer, model, call, fix.option, String(max)) ?? null;
    case 'cache-option': {
      const runtime = runtimeImport(model, 'LruMap');
      return (fixer) => {
        const option = setOption(fixer, model, call, fix.option, `new ${runtime.local}(${max})`);
        if (!option) return null;
        return runtime.fix ? [option, runtime.fix(fixer)] : option;
      };
    }
    case 'replace':
      return replaceWithRuntimeMemoize(model, call, [`max: ${max}`]);
  }
}
