/**
 * Values a schema has checked to be one of a fixed set: `querySchema.safeParse(q).data.provider`
 * where `querySchema = z.object({ provider: z.enum(PROVIDERS) })`, `const { locale } =
 * schema.parse(body)`, `z.enum(LOCALES).parse(req.query.l)`. A key built from one grows no further
 * than the list the schema names, whatever the client sends: a value outside it fails the parse.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { calleeName, memberName, propertyName, unwrap } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { resolveIdentifier, valueDef } from '../syntax/references.js';
import { fixedSetBuilders, membershipMethods, membershipRefinements, objectSchemaBuilders, parsedValueFields, schemaFirstParsers, schemaParseMethods, setKeepingModifiers } from '../catalog/validators.js';

const MAX_HOPS = 4;

/** `await x` and type wrappers: the value itself. */
function awaited(node: TSESTree.Node): TSESTree.Node {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.AwaitExpression ? unwrap(value.argument) : value;
}

/** The expression itself, or the one a `const` name was given (through `await`). */
function constInit(node: TSESTree.Node, model: FileModel): TSESTree.Node | undefined {
  const origin = valueOrigin(node, model);
  return origin?.path.length === 0 ? awaited(origin.value) : undefined;
}

/**
 * The value an imported name stands for in the module that exports it (`import { SiteSection } from
 * './schemas'` for `export const SiteSection = z.enum(SECTIONS)`), with that module's model.
 */
function importedDefinition(node: TSESTree.Node, model: FileModel): { model: FileModel; node: TSESTree.Node } | undefined {
  const name = unwrap(node);
  if (name.type !== AST_NODE_TYPES.Identifier || !model.inProject) return undefined;
  const binding = model.imports.get(name.name);
  if (!binding || binding.export === '*' || (valueDef(resolveIdentifier(model.sourceCode, name))?.type as string | undefined) !== 'ImportBinding') return undefined;
  return model.project.importedValue(model, binding.module, binding.export);
}

/** `z.enum([...]).default('a').optional()`: a schema whose values are a fixed set, through the modifiers that keep it. */
function fixedSetSchema(node: TSESTree.Node, model: FileModel, hops: number): boolean {
  const schema = hops > MAX_HOPS ? undefined : constInit(node, model);
  if (schema === undefined && hops <= MAX_HOPS) {
    // A schema another file of the project exports: judged there.
    const imported = importedDefinition(node, model);
    return imported !== undefined && fixedSetSchema(imported.node, imported.model, hops + 1);
  }
  if (schema?.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calleeName(schema.callee);
  if (name !== undefined && fixedSetBuilders.has(name)) return true;
  // `z.coerce.number().refine((v) => RESOLUTIONS.includes(v))`: only the listed values pass.
  if (name !== undefined && membershipRefinements.has(name) && schema.arguments[0] && membershipPredicate(schema.arguments[0])) return true;
  if (name === undefined || !setKeepingModifiers.has(name)) return false;
  // `.default('a')`, `.optional()` on the schema (zod, Joi), or valibot's `v.optional(schema, 'a')`
  // around it: the same set (a `.transform()` may make anything of it).
  const callee = unwrap(schema.callee);
  const inner = schema.arguments[0];
  return (callee.type === AST_NODE_TYPES.MemberExpression && fixedSetSchema(callee.object, model, hops + 1)) || (inner !== undefined && fixedSetSchema(inner, model, hops + 1));
}

/** `(v) => LIST.includes(v)`, `(v) => { return KNOWN.has(v); }`: a predicate true only for the members of a list or set. */
function membershipPredicate(node: TSESTree.Node): boolean {
  const fn = unwrap(node);
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const param = fn.params[0];
  if (param?.type !== AST_NODE_TYPES.Identifier) return false;
  const only = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : undefined;
  const returned = only ? (only.length === 1 && only[0]?.type === AST_NODE_TYPES.ReturnStatement ? only[0].argument : null) : fn.body;
  const test = returned ? unwrap(returned) : undefined;
  if (test?.type !== AST_NODE_TYPES.CallExpression || test.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const list = unwrap(test.callee.object);
  const arg = test.arguments[0] ? unwrap(test.arguments[0]) : undefined;
  return (
    membershipMethods.has(memberName(test.callee) ?? '') &&
    (list.type === AST_NODE_TYPES.Identifier || list.type === AST_NODE_TYPES.ArrayExpression) &&
    arg?.type === AST_NODE_TYPES.Identifier &&
    arg.name === param.name
  );
}

/** The schema of the field `field` in an object schema (`z.object({ field: … })`, through its modifiers). */
function fieldSchema(schema: TSESTree.Node, field: string, model: FileModel, hops: number): TSESTree.Node | undefined {
  const value = hops > MAX_HOPS ? undefined : constInit(schema, model);
  if (value?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(value.callee);
  const name = calleeName(callee);
  if (name !== undefined && objectSchemaBuilders.has(name)) {
    const shape = value.arguments[0] ? unwrap(value.arguments[0]) : undefined;
    if (shape?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const prop = shape.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && propertyName(p.key) === field);
    return prop?.value;
  }
  // `z.object({ … }).strict()`, `.passthrough()`: the object is the callee's.
  return callee.type === AST_NODE_TYPES.MemberExpression ? fieldSchema(callee.object, field, model, hops + 1) : undefined;
}

/**
 * The schemas a call may parse with: `schema.parse(x)`, `schema.safeParse(x)`, and valibot's
 * `parse(schema, x)` or `v.parse(schema, x)` (the schema first).
 */
function parsedSchemas(node: TSESTree.Node): TSESTree.Node[] {
  const call = awaited(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return [];
  const callee = unwrap(call.callee);
  const schemaFirst = call.arguments.length >= 2 && call.arguments[0] ? [call.arguments[0]] : [];
  if (callee.type === AST_NODE_TYPES.MemberExpression && schemaParseMethods.has(memberName(callee) ?? '')) return [callee.object, ...schemaFirst];
  if (callee.type === AST_NODE_TYPES.Identifier && schemaFirstParsers.has(callee.name)) return schemaFirst;
  return [];
}

/**
 * Where a value comes from: the expression itself, or for a `const` name the expression it was
 * given and the fields read on the way (`const { value } = schema.validate(q)` gives `value` the
 * path `['value']`; deeper patterns are not followed).
 */
export function valueOrigin(node: TSESTree.Node, model: FileModel): { value: TSESTree.Node; path: string[] } | undefined {
  const value = awaited(node);
  if (value.type !== AST_NODE_TYPES.Identifier) return { value, path: [] };
  const def = valueDef(resolveIdentifier(model.sourceCode, value));
  if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.parent.kind !== 'const' || !def.node.init) return undefined;
  if (def.node.id.type === AST_NODE_TYPES.Identifier) return { value: def.node.init, path: [] };
  if (def.node.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const prop = def.node.id.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && unwrap(p.value).type === AST_NODE_TYPES.Identifier && (unwrap(p.value) as TSESTree.Identifier).name === value.name);
  const field = prop && !prop.computed ? propertyName(prop.key) : undefined;
  return field === undefined ? undefined : { value: def.node.init, path: [field] };
}

/**
 * Whether `parsed` (an expression holding a parse's result, or a name given one or part of one) read
 * at the field path `fields` is checked to be one of a fixed set.
 */
function checkedPath(parsed: TSESTree.Node, fields: readonly string[], model: FileModel): boolean {
  let origin = valueOrigin(parsed, model);
  let whole = [...(origin?.path ?? []), ...fields];
  // `const { res } = parsed.data`: the fields read on the way to the name holding the parse.
  for (let hops = 0; origin?.value.type === AST_NODE_TYPES.MemberExpression && !origin.value.computed && hops < MAX_HOPS; hops++) {
    const name = memberName(origin.value);
    if (name === undefined) return false;
    const object = unwrap(origin.value.object);
    const next = valueOrigin(object, model);
    whole = [...(next?.path ?? []), name, ...whole];
    origin = next;
  }
  if (!origin) return false;
  // `parsed.data.provider`: the result's value field, when it is a `safeParse` or `validate` result.
  const path = whole.length > 1 && parsedValueFields.has(whole[0] ?? '') ? whole.slice(1) : whole;
  if (path.length > 1) return false;
  return parsedSchemas(origin.value).some((schema) => {
    if (path.length === 0) return fixedSetSchema(schema, model, 0);
    const field = fieldSchema(schema, path[0] ?? '', model, 0);
    return field !== undefined && fixedSetSchema(field, model, 0);
  });
}

/**
 * Whether `node`, a field read (`parsed.data.provider`) or a name (`provider` from `const { provider }
 * = schema.parse(body)`, or `const locale = z.enum(L).parse(q)`), holds a value a schema limits to a
 * fixed set.
 */
export function schemaCheckedValue(node: TSESTree.Node, model: FileModel): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const fields: string[] = [];
    let object: TSESTree.Node = value;
    while (object.type === AST_NODE_TYPES.MemberExpression && !object.computed) {
      const name = memberName(object);
      if (name === undefined) return false;
      fields.unshift(name);
      object = unwrap(object.object);
    }
    return object.type === AST_NODE_TYPES.Identifier && fields.length <= 2 && checkedPath(object, fields, model);
  }
  return value.type === AST_NODE_TYPES.Identifier && checkedPath(value, [], model);
}
