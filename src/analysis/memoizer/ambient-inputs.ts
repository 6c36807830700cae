/**
 * Inputs of a memoized function that its key cannot see: a parameter (or a property of one) that falls
 * back to mutable module state when the caller leaves it out (`locale = locale || getCurrentLocale()`,
 * `(id, lang = currentLang())`, `({ tz = currentZone() } = {})`). The key records "left out"; the
 * result is computed from the state at the first such call and served after the state changes.
 * Reported only on evidence: the fallback reads a module-level `let`/`var` that its module reassigns,
 * directly or through a getter of the file or of another file of the project that returns it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { isFunction, unwrap, walk, type FunctionNode } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';

export interface AmbientFallback {
  /** The parameter or property that falls back. */
  name: string;
  /** The fallback as written (`getCurrentLocale()`). */
  fallback: string;
  /** The module variable it reads. */
  state: string;
}

/** Whether `name` is a module-level `let`/`var` of `model` that the module assigns after its declaration. */
function isReassignedModuleVariable(model: FileModel, name: string): boolean {
  let declared = false;
  for (const statement of model.program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind === 'const') continue;
    if (declaration.declarations.some((d) => d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name)) declared = true;
  }
  if (!declared) return false;
  const escaped = name.replace(/\$/g, '\\$');
  return new RegExp(`(?<![\\w$.])${escaped}\\s*(?:=(?!=)|\\+=|-=|\\|\\|=|\\?\\?=)`).test(model.sourceCode.text.replace(new RegExp(`\\b(?:let|var)\\s+${escaped}\\b`, 'g'), ''));
}

/** The identifier a getter returns: `function get() { return current; }`, `() => current`. */
function returnedIdentifier(fn: TSESTree.Node): string | undefined {
  if (!isFunction(fn) || fn.params.length > 0) return undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = unwrap(fn.body);
    return body.type === AST_NODE_TYPES.Identifier ? body.name : undefined;
  }
  const [only] = fn.body.body;
  if (fn.body.body.length !== 1 || only?.type !== AST_NODE_TYPES.ReturnStatement || !only.argument) return undefined;
  const value = unwrap(only.argument);
  return value.type === AST_NODE_TYPES.Identifier ? value.name : undefined;
}

/** The top-level function of `model` named `name`. */
function localFunction(model: FileModel, name: string): TSESTree.Node | undefined {
  for (const statement of model.program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id?.name === name) return declaration;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const d of declaration.declarations) if (d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name && d.init) return unwrap(d.init);
  }
  return undefined;
}

/** The mutable module variable a fallback reads: itself, or through a getter of this file or an imported one. */
function mutableStateOf(value: TSESTree.Node, model: FileModel): string | undefined {
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.Identifier) return isReassignedModuleVariable(model, node.name) ? node.name : undefined;
  if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length > 0 || node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = node.callee.name;
  const own = localFunction(model, name);
  if (own) {
    const returned = returnedIdentifier(own);
    return returned !== undefined && isReassignedModuleVariable(model, returned) ? returned : undefined;
  }
  const binding = model.imports.get(name);
  if (!binding || !model.inProject || binding.export === '*') return undefined;
  const exported = model.project.importedValue(model, binding.module, binding.export);
  const returned = exported ? returnedIdentifier(exported.node) : undefined;
  return exported && returned !== undefined && isReassignedModuleVariable(exported.model, returned) ? returned : undefined;
}

/** Names a parameter binds: itself, or the properties it destructures (not a rest). */
function boundNames(param: TSESTree.Node, names: Set<string>): void {
  const node = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  if (node.type === AST_NODE_TYPES.Identifier) names.add(node.name);
  if (node.type === AST_NODE_TYPES.ObjectPattern) {
    for (const prop of node.properties) if (prop.type === AST_NODE_TYPES.Property) boundNames(prop.value, names);
  }
}

/**
 * The first keyed parameter (or property) of `fn` that falls back to mutable module state, among
 * `keyed` (the parameters the memoizer's key covers).
 */
export function ambientFallback(fn: FunctionNode, keyed: readonly TSESTree.Parameter[], model: FileModel, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): AmbientFallback | undefined {
  const names = new Set<string>();
  const candidates: { name: string; value: TSESTree.Node }[] = [];
  for (const param of keyed) {
    boundNames(param, names);
    // Defaults: `(lang = currentLang())`, `({ tz = currentZone() } = {})`.
    walk(param, visitorKeys, (node) => {
      if (node.type === AST_NODE_TYPES.AssignmentPattern && node.left.type === AST_NODE_TYPES.Identifier) candidates.push({ name: node.left.name, value: node.right });
    });
  }
  if (names.size === 0) return undefined;
  // In the body: `x = x || f()`, `x = x ?? f()`, `x ||= f()`, `x ??= f()`.
  walk(fn.body, visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.Identifier || !names.has(node.left.name)) return;
    const name = node.left.name;
    if (node.operator === '||=' || node.operator === '??=') candidates.push({ name, value: node.right });
    const right = unwrap(node.right);
    if (node.operator === '=' && right.type === AST_NODE_TYPES.LogicalExpression && right.operator !== '&&') {
      const left = unwrap(right.left);
      if (left.type === AST_NODE_TYPES.Identifier && left.name === name) candidates.push({ name, value: right.right });
    }
  });
  for (const { name, value } of candidates) {
    const state = mutableStateOf(value, model);
    if (state !== undefined) return { name, fallback: model.sourceCode.getText(value), state };
  }
  return undefined;
}
