/**
 * Code that never runs in production: inside a branch whose test is false there
 * (`if (process.env.NODE_ENV === 'development') { … }`, `isDev && …`), or after a guard that leaves
 * when it is true (`if (process.env.NODE_ENV !== 'development') return …;`), where the test reads the
 * mode as catalog/run-modes names it. A development-only route or debug helper adds nothing per request
 * on a served deployment.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { memberName, unwrap } from './ast.js';
import { combinedValue, skippedWithin } from './guarded-code.js';
import { modeFlagsInProduction, modeNameField, modeReadMarkers, productionMode, viteModeNameField } from '../catalog/run-modes.js';

/** How many module constants a test may pass through (`const isDev = !isProd`). */
const MAX_ALIASES = 2;

/** Whether `node` reads the mode's name: `NODE_ENV` of an environment object (`process.env.NODE_ENV`, `env.NODE_ENV`), or `import.meta.env.MODE`. */
function readsModeName(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type !== AST_NODE_TYPES.MemberExpression) return false;
  const field = memberName(value);
  return (field === modeNameField && envObject(value.object)) || (field === viteModeNameField && importMetaEnv(value.object));
}

/** `import.meta.env`. */
function importMetaEnv(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.MemberExpression && memberName(value) === 'env' && value.object.type === AST_NODE_TYPES.MetaProperty;
}

/** `process.env`, `env`, `import.meta.env`, `serverEnv`: an object whose name (or last field) ends in `env`. */
function envObject(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  const name = value.type === AST_NODE_TYPES.Identifier ? value.name : value.type === AST_NODE_TYPES.MemberExpression ? memberName(value) : undefined;
  return name !== undefined && /env$/i.test(name);
}

/** A module-level `const` initialiser of `name`: nothing can set it to something else. */
function moduleConst(program: TSESTree.Program, name: string): TSESTree.Node | undefined {
  for (const statement of program.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') continue;
    for (const d of declaration.declarations) if (d.id.type === AST_NODE_TYPES.Identifier && d.id.name === name) return d.init ?? undefined;
  }
  return undefined;
}

/** What a test gives in production: `true`, `false`, or `undefined` when it does not depend on the mode alone. */
export function valueInProduction(test: TSESTree.Node, program: TSESTree.Program, aliases = 0): boolean | undefined {
  return combinedValue(test, (node) => {
    switch (node.type) {
      case AST_NODE_TYPES.BinaryExpression: {
        if (node.operator !== '===' && node.operator !== '==' && node.operator !== '!==' && node.operator !== '!=') return undefined;
        const [mode, other] = readsModeName(node.left) ? [node.left, node.right] : [node.right, node.left];
        const literal = unwrap(other);
        if (!readsModeName(mode) || literal.type !== AST_NODE_TYPES.Literal || typeof literal.value !== 'string') return undefined;
        const same = literal.value === productionMode;
        return node.operator.startsWith('=') ? same : !same;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const flag = memberName(node);
        return flag !== undefined && importMetaEnv(node.object) ? modeFlagsInProduction.get(flag) : undefined;
      }
      case AST_NODE_TYPES.Identifier: {
        if (aliases >= MAX_ALIASES) return undefined;
        const init = moduleConst(program, node.name);
        return init ? valueInProduction(init, program, aliases + 1) : undefined;
      }
      default:
        return undefined;
    }
  });
}

const modeReads = new WeakMap<TSESTree.Program, boolean>();

/** Whether the file's text reads the mode at all (`NODE_ENV`, `import.meta.env`): no test of it can decide anything otherwise. Once per file. */
function readsRunMode(program: TSESTree.Program, text: string): boolean {
  let found = modeReads.get(program);
  if (found === undefined) {
    found = modeReadMarkers.some((marker) => text.includes(marker));
    modeReads.set(program, found);
  }
  return found;
}

/**
 * Whether `node` never runs in production. The walk goes up through functions written as values
 * (a callback made after the guard exists only where the guard let the code on), and stops at a
 * declared function or a method: those can be called from anywhere.
 */
export function outsideProduction(node: TSESTree.Node, program: TSESTree.Program, text: string): boolean {
  if (!readsRunMode(program, text)) return false;
  const valueOf = (test: TSESTree.Node): boolean | undefined => valueInProduction(test, program);
  for (let child: TSESTree.Node = node; child.parent; child = child.parent) {
    const parent: TSESTree.Node = child.parent;
    if (skippedWithin(child, parent, valueOf)) return true;
    if (child.type === AST_NODE_TYPES.FunctionDeclaration || parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) return false;
  }
  return false;
}
