/**
 * Calls of a request-scoped cache (React's `cache()`) that miss within one render: `cache()` compares
 * arguments by identity for one request, so calls passing new object literals of the same fields
 * (`getCourse({ slug, lang })`) never share a result. Counted only where one render runs several of
 * them: two functions of one component file (`generateMetadata` and its page), or three or more
 * component or layout files that are not route entries. Calls from different pages are two routes,
 * literals of different fields miss whatever the keying, and `.js`/`.ts` callers (route handlers,
 * actions) are each their own request.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { enclosingFunction, propertyName, unwrap } from '../syntax/ast.js';
import { componentFilePattern, routeEntryFilePattern } from '../catalog/file-roles.js';
import type { FileModel, MemoizerCall } from '../model/file-model.js';
import { callsNamed, namesMemoizerCall } from './memoizer-call.js';

export interface RenderCall {
  file: string;
  line: number;
}

/** The field names of an argument written as an object literal; `null` for any other (or one with a spread or a computed key). */
function literalFields(arg: TSESTree.CallExpressionArgument): string[] | null {
  const value = unwrap(arg);
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const names: string[] = [];
  for (const prop of value.properties) {
    const key = prop.type === AST_NODE_TYPES.Property && !prop.computed ? propertyName(prop.key) : undefined;
    if (key === undefined) return null;
    names.push(key);
  }
  return names;
}

/**
 * The calls of the request-scoped memoized binding `call` makes that miss within one render (see
 * above), here and in the modules importing it, or `undefined` when none are known to.
 */
export function renderRepeatedCalls(model: FileModel, call: MemoizerCall): RenderCall[] | undefined {
  const name = call.bindingName;
  if (!call.spec.requestScoped || name === undefined || !call.bindingIsVariable) return undefined;
  // Calls by the field names of each argument written as an object literal (`*`: any other argument),
  // one per file and calling function.
  const groups = new Map<string, Map<string, RenderCall>>();
  const add = (file: string, fn: string, line: number, fields: readonly (readonly string[] | null)[]): void => {
    if (!componentFilePattern.test(file) || fields.every((f) => f === null)) return;
    const shape = fields.map((f) => (f ? [...f].sort().join(',') : '*')).join('|');
    const group = groups.get(shape) ?? new Map<string, RenderCall>();
    const key = `${file}\0${fn}`;
    if (!group.has(key)) group.set(key, { file, line });
    groups.set(shape, group);
  };
  for (const site of callsNamed(model, name)) {
    const callee = unwrap(site.callee);
    if (site === call.node || callee.type !== AST_NODE_TYPES.Identifier || !namesMemoizerCall(model, callee, call)) continue;
    const fn = enclosingFunction(site);
    add(model.filename, fn ? String(fn.range[0]) : 'module', site.loc.start.line, site.arguments.map(literalFields));
  }
  if (model.inProject) for (const site of model.project.objectLiteralCallsByImporters(model, name)) add(site.file, String(site.fn), site.line, site.fields);
  for (const group of groups.values()) {
    const calls = [...group.values()];
    const files = new Set(calls.map((c) => c.file));
    const twoInOneFile = files.size < calls.length;
    const components = [...files].filter((file) => !routeEntryFilePattern.test(model.project.pathInProject(file)));
    if (twoInOneFile || components.length >= 3) return calls;
  }
  return undefined;
}
