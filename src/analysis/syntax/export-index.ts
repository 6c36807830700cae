/**
 * What a module exports, by exported name: ESM declarations and specifiers, and CommonJS
 * `exports.x = …` / `module.exports = …`. Read from the top-level statements in one pass.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { memberName, propertyName } from './ast.js';

/** Every export of the file by exported name (`default` included), ESM and CommonJS, read in one pass. */
const indexes = new WeakMap<TSESTree.Program, Map<string, TSESTree.Node[]>>();

export function exportIndex(model: { program: TSESTree.Program }): Map<string, TSESTree.Node[]> {
  const cached = indexes.get(model.program);
  if (cached) return cached;
  const index = new Map<string, TSESTree.Node[]>();
  const add = (name: string, value: TSESTree.Node): void => {
    const list = index.get(name);
    if (list) list.push(value);
    else index.set(name, [value]);
  };
  for (const statement of model.program.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) add('default', statement.declaration);
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if ((declaration?.type === AST_NODE_TYPES.FunctionDeclaration || declaration?.type === AST_NODE_TYPES.ClassDeclaration) && declaration.id) add(declaration.id.name, declaration);
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const d of declaration.declarations) if (d.id.type === AST_NODE_TYPES.Identifier && d.init) add(d.id.name, d.init);
      }
      for (const spec of statement.specifiers) {
        const exported = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : spec.exported.value;
        if (spec.local.type === AST_NODE_TYPES.Identifier) add(exported, spec.local);
      }
    }
    // CommonJS: `exports.handler = …`, `module.exports.handler = …`, `module.exports = { handler }`,
    // and chains of them (`exports = module.exports = createApp`): every target gets the last value.
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const targets: TSESTree.Node[] = [];
    let right: TSESTree.Node = statement.expression;
    while (right.type === AST_NODE_TYPES.AssignmentExpression && right.operator === '=') {
      targets.push(right.left);
      right = right.right;
    }
    for (const left of targets) {
      if (left.type !== AST_NODE_TYPES.MemberExpression) continue;
      const target = memberName(left);
      const object = left.object;
      const onExports = (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') || (object.type === AST_NODE_TYPES.MemberExpression && memberName(object) === 'exports');
      if (onExports && target !== undefined) add(target, right);
      if (target === 'exports' && object.type === AST_NODE_TYPES.Identifier && object.name === 'module') {
        add('default', right);
        if (right.type === AST_NODE_TYPES.ObjectExpression) {
          for (const prop of right.properties) {
            const key = prop.type === AST_NODE_TYPES.Property ? propertyName(prop.key) : undefined;
            if (prop.type === AST_NODE_TYPES.Property && key !== undefined) add(key, prop.value);
          }
        }
      }
    }
  }
  indexes.set(model.program, index);
  return index;
}
