/**
 * Code behind a run-once flag: `if (this.isLoaded) return; … this.isLoaded = true;`, or
 * `if (!loaded) { …; loaded = true; }`, where the flag is a module variable or a field and nothing
 * in the file sets it back. What runs there runs once per process (per instance, for a field),
 * however many calls reach it.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { isFunction, isIterationCallback, unwrap, walk } from './ast.js';

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * `loaded`, or `.isLoaded` for a field (`this.isLoaded`, `Mapper.isLoaded`): a field is known by its
 * name alone, so a static field set through `this` in the class and through the class's name outside
 * is one flag (and any object's field of that name setting it back counts as a reset).
 */
function flagText(node: TSESTree.Node): string | undefined {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  if (value.type !== AST_NODE_TYPES.MemberExpression || value.computed || value.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  return `.${value.property.name}`;
}

/** The flag a test reads as it is (`flag`) or negated (`!flag`). */
function testedFlag(test: TSESTree.Node, negated: boolean): string | undefined {
  const value = unwrap(test);
  if (negated) return value.type === AST_NODE_TYPES.UnaryExpression && value.operator === '!' ? flagText(value.argument) : undefined;
  return flagText(value);
}

/** Whether `statement` leaves at once: `return;`, `return x;` or a block of just that. */
function returnsAtOnce(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement) return true;
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length === 1 && statement.body[0]?.type === AST_NODE_TYPES.ReturnStatement;
}

/** Every assignment to the flag in the file: all of them must set it to `true`. */
function onlySetToTrue(flag: string, program: TSESTree.Program, visitorKeys: VisitorKeys): { set: boolean; reset: boolean } {
  let set = false;
  let reset = false;
  walk(program, visitorKeys, (node) => {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || flagText(node.left) !== flag) return;
    const value = unwrap(node.right);
    if (node.operator === '=' && value.type === AST_NODE_TYPES.Literal && value.value === true) set = true;
    else reset = true;
  });
  return { set, reset };
}

/**
 * Whether `node` runs at most once: it is in a function whose body starts by returning when a flag
 * is set (`if (this.isMappingLoaded) return;`), or inside `if (!flag) { … }`, where the file sets the
 * flag to `true` and never to anything else.
 */
export function behindRunOnceFlag(node: TSESTree.Node, program: TSESTree.Program, visitorKeys: VisitorKeys): boolean {
  const flags: string[] = [];
  for (let child: TSESTree.Node = node; child.parent; child = child.parent) {
    const parent: TSESTree.Node = child.parent;
    if (parent.type === AST_NODE_TYPES.IfStatement && parent.consequent === child && !parent.alternate) {
      const flag = testedFlag(parent.test, true);
      if (flag !== undefined) flags.push(flag);
    }
    if (isFunction(parent)) {
      const first = parent.body.type === AST_NODE_TYPES.BlockStatement ? parent.body.body[0] : undefined;
      if (first?.type === AST_NODE_TYPES.IfStatement && !first.alternate && returnsAtOnce(first.consequent)) {
        const flag = testedFlag(first.test, false);
        if (flag !== undefined) flags.push(flag);
      }
      // `rows.forEach((row) => mapping.push(row))` runs while the function around it runs; any other function may run later.
      if (!isIterationCallback(parent)) break;
    }
  }
  return flags.some((flag) => {
    const { set, reset } = onlySetToTrue(flag, program, visitorKeys);
    return set && !reset;
  });
}
