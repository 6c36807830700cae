/**
 * Request fields a route's own schema limits to a fixed set: Fastify validates `request.body`,
 * `request.query` and `request.params` against the schema given where the route is registered
 * (`fastify.post('/quote', { schema: { body: QuoteRequest } }, handler)`) before the handler runs,
 * so a field the schema declares with `enum` or `const` (JSON Schema), or as a TypeBox literal, enum
 * or union of literals, is one of the listed values whatever the client sends. The schema may be
 * written in place or be a constant of this file or of another file of the project.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { calleeName, findProperty, isFunction, memberName, propertyName, unwrap, type FunctionNode } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { resolveIdentifier, valueDef } from '../syntax/references.js';
import { routeMethods } from '../catalog/handler-catalog.js';
import { valueOrigin } from './schema-fields.js';
import { jsonSchemaFieldsKeyword, jsonSchemaFixedKeywords, routeSchemaParts, typeboxFixedBuilders, typeboxObjectBuilders, typeboxSetKeepingBuilders, typeboxUnionBuilders } from '../catalog/validators.js';

const MAX_HOPS = 4;

/** A schema node and the file it is written in. */
interface Located {
  node: TSESTree.Node;
  model: FileModel;
}

/** The value a `const` name of `model` stands for, in this file or, through an import, in another file of the project. */
function constValue(node: TSESTree.Node, model: FileModel): Located | undefined {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.Identifier) return { node: value, model };
  const def = valueDef(resolveIdentifier(model.sourceCode, value));
  if (def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.parent.kind === 'const' && def.node.init && def.node.id.type === AST_NODE_TYPES.Identifier) return { node: unwrap(def.node.init), model };
  const kind: string | undefined = def?.type;
  const binding = kind === 'ImportBinding' ? model.imports.get(value.name) : undefined;
  if (!binding || binding.export === '*') return undefined;
  const found = model.project.importedValue(model, binding.module, binding.export);
  return found ? constValue(found.node, found.model) : undefined;
}

/** The options object of a TypeBox call (`Type.String({ enum: [...] })`) or the JSON schema object itself. */
function keywordsOf(schema: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  if (schema.type === AST_NODE_TYPES.ObjectExpression) return schema;
  if (schema.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const options = schema.arguments.map((arg) => unwrap(arg)).find((arg): arg is TSESTree.ObjectExpression => arg.type === AST_NODE_TYPES.ObjectExpression);
  return options;
}

/** Whether a field's schema allows only listed values. */
function fixedSchema(located: Located | undefined, hops: number): boolean {
  if (!located || hops > MAX_HOPS) return false;
  const { node, model } = located;
  const keywords = keywordsOf(node);
  if (keywords && jsonSchemaFixedKeywords.some((keyword) => findProperty(keywords, [keyword]) !== undefined)) return true;
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = calleeName(node.callee) ?? '';
  if (typeboxFixedBuilders.has(name)) return true;
  const first = node.arguments[0];
  if (!first) return false;
  if (typeboxSetKeepingBuilders.has(name)) return fixedSchema(constValue(first, model), hops + 1);
  if (typeboxUnionBuilders.has(name)) {
    const members = unwrap(first);
    return members.type === AST_NODE_TYPES.ArrayExpression && members.elements.length > 0 && members.elements.every((m) => m !== null && m.type !== AST_NODE_TYPES.SpreadElement && fixedSchema(constValue(m, model), hops + 1));
  }
  return false;
}

/** The schema of `field` in an object schema: `Type.Object({ field })` or `{ properties: { field } }`. */
function fieldSchema(located: Located | undefined, field: string, hops: number): Located | undefined {
  if (!located || hops > MAX_HOPS) return undefined;
  const { node, model } = located;
  let shape: TSESTree.Node | undefined;
  if (node.type === AST_NODE_TYPES.CallExpression && typeboxObjectBuilders.has(calleeName(node.callee) ?? '')) shape = node.arguments[0];
  else if (node.type === AST_NODE_TYPES.ObjectExpression) shape = findProperty(node, [jsonSchemaFieldsKeyword])?.value;
  const properties = shape ? constValue(shape, model) : undefined;
  if (properties?.node.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const prop = findProperty(properties.node, [field]);
  return prop ? constValue(prop.value, properties.model) : undefined;
}

/** The route schema part (`body`, `querystring`, …) given where `handler` is registered, when it is written out. */
function registeredSchemaPart(handler: FunctionNode, parts: readonly string[], model: FileModel): Located | undefined {
  const parent = handler.parent;
  let options: TSESTree.Node | undefined;
  // `app.post('/x', { schema }, handler)`.
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.some((arg) => arg === handler)) {
    const callee = unwrap(parent.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && routeMethods.has(memberName(callee) ?? '')) {
      options = parent.arguments.find((arg) => arg !== handler && unwrap(arg).type === AST_NODE_TYPES.ObjectExpression);
    }
  }
  // `app.route({ method, url, schema, handler })`.
  if (parent.type === AST_NODE_TYPES.Property && parent.value === handler && propertyName(parent.key) === 'handler') options = parent.parent;
  const located = options ? constValue(options, model) : undefined;
  if (located?.node.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const schema = findProperty(located.node, ['schema']);
  const schemaObject = schema ? constValue(schema.value, located.model) : undefined;
  if (schemaObject?.node.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const part = findProperty(schemaObject.node, parts);
  return part ? constValue(part.value, schemaObject.model) : undefined;
}

/** `request.body`: the request parameter of the handler it belongs to, and the schema parts that check that field. */
function requestPart(node: TSESTree.Node, model: FileModel): { handler: FunctionNode; parts: readonly string[] } | undefined {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.MemberExpression || value.computed) return undefined;
  const parts = routeSchemaParts[memberName(value) ?? ''];
  const object = unwrap(value.object);
  if (!parts || object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = valueDef(resolveIdentifier(model.sourceCode, object));
  const kind: string | undefined = def?.type;
  const handler = kind === 'Parameter' && def && isFunction(def.node) ? def.node : undefined;
  return handler && handler.params[0] === def?.name ? { handler, parts } : undefined;
}

/**
 * Whether `node` is a field of a request part that the route's schema limits to a fixed set:
 * `request.body.network`, or `network` from `const { network } = request.body`.
 */
export function routeSchemaCheckedValue(node: TSESTree.Node, model: FileModel): boolean {
  const value = unwrap(node);
  let field: string | undefined;
  let source: TSESTree.Node | undefined;
  if (value.type === AST_NODE_TYPES.MemberExpression && !value.computed) {
    field = memberName(value);
    source = value.object;
  } else if (value.type === AST_NODE_TYPES.Identifier) {
    // `const { network } = request.body`: the field the name was given.
    const origin = valueOrigin(value, model);
    if (origin?.path.length !== 1) return false;
    field = origin.path[0];
    source = origin.value;
  }
  const part = source && field !== undefined ? requestPart(source, model) : undefined;
  if (!part || field === undefined) return false;
  return fixedSchema(fieldSchema(registeredSchemaPart(part.handler, part.parts, model), field, 0), 0);
}
