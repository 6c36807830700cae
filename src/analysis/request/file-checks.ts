/**
 * Code that runs only for a file that exists: after a read that fails on a missing file (`const html =
 * await readFile(path.join(PAGES, \`${name}.html\`))`, `fs.statSync(file)`) or a test that leaves when
 * there is none (`if (!existsSync(file)) return res.sendStatus(404)`). A key named in such a path is one
 * of the files the server has, a set the requests do not grow.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../syntax/node-types.js';
import { branchLeaves, memberName, unwrap } from '../syntax/ast.js';
import type { FileModel } from '../model/file-model.js';
import { fileExistenceTests, fileSystemModules, missingFileFailures } from '../catalog/local-work.js';

/**
 * Whether a call is one of `names` from a file-system module, by how the file imports it: `readFile`
 * of `import { readFile } from 'fs/promises'`, `fs.readFile`, `fs.promises.readFile`, `fsp.stat`.
 */
function fileSystemCall(node: TSESTree.Node, names: ReadonlySet<string>, model: FileModel): node is TSESTree.CallExpression {
  const call = unwrap(node);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const binding = model.imports.get(callee.name);
    return binding !== undefined && fileSystemModules.has(binding.module) && names.has(binding.export);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !names.has(memberName(callee) ?? '')) return false;
  // `fs.readFile`, `fs.promises.readFile`.
  let root = unwrap(callee.object);
  if (root.type === AST_NODE_TYPES.MemberExpression && memberName(root) === 'promises') root = unwrap(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const binding = model.imports.get(root.name);
  return binding !== undefined && fileSystemModules.has(binding.module);
}

/** The call a statement makes before anything else can run: `await readFile(p)`, `const x = await readFile(p)`, `const x = readFileSync(p)`. */
function statementCalls(statement: TSESTree.Statement): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) values.push(statement.expression);
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) for (const d of statement.declarations) if (d.init) values.push(d.init);
  return values.map((value) => {
    const node = unwrap(value);
    return node.type === AST_NODE_TYPES.AwaitExpression ? unwrap(node.argument) : node;
  });
}

/**
 * The path a statement before a write made sure names a file: the first argument of a read that
 * fails on a missing file, or of an existence test whose failure leaves (`if (!existsSync(p)) return …`,
 * `if (!(await pathExists(p))) throw …`). `undefined` for any other statement.
 */
export function pathCheckedBy(statement: TSESTree.Statement, model: FileModel): TSESTree.Node | undefined {
  if (statement.type === AST_NODE_TYPES.IfStatement) {
    const test = unwrap(statement.test);
    if (test.type !== AST_NODE_TYPES.UnaryExpression || test.operator !== '!' || !branchLeaves(statement.consequent)) return undefined;
    const inner = unwrap(test.argument);
    const call = inner.type === AST_NODE_TYPES.AwaitExpression ? unwrap(inner.argument) : inner;
    return fileSystemCall(call, fileExistenceTests, model) ? call.arguments[0] : undefined;
  }
  for (const call of statementCalls(statement)) if (fileSystemCall(call, missingFileFailures, model)) return call.arguments[0];
  return undefined;
}
