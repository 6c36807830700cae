/**
 * Which functions of a file a call can run, resolved by what the call is made on rather than by
 * its bare name: `format(x)` runs a function called `format`; `this.format(x)` a method; `Cls.m()`
 * and `service.m()` (a local class, an instance of one, an object literal, what a local factory
 * returned) the members of that; `store.get(k)` or `new Intl.DateTimeFormat().format(d)` nothing of
 * this file, however its functions are named.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types.js';
import { memberName, unwrap, type FunctionNode } from './ast.js';

/** A call by name, and what it is made on. */
export interface CallRef {
  name: string;
  /** `plain`: `f()` or a callback `arr.map(f)`; `this`: `this.f()`; `this-member`: `this.svc.f()`; a name: `x.f()`; `other`: anything else. */
  receiver: 'plain' | 'this' | 'this-member' | 'other' | { name: string };
}

export function callRefOf(callee: TSESTree.Node): CallRef | undefined {
  const node = unwrap(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return { name: node.name, receiver: 'plain' };
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = memberName(node);
  if (name === undefined) return undefined;
  const object = unwrap(node.object);
  if (object.type === AST_NODE_TYPES.ThisExpression || object.type === AST_NODE_TYPES.Super) return { name, receiver: 'this' };
  if (object.type === AST_NODE_TYPES.Identifier) return { name, receiver: { name: object.name } };
  if (object.type === AST_NODE_TYPES.MemberExpression && unwrap(object.object).type === AST_NODE_TYPES.ThisExpression) return { name, receiver: 'this-member' };
  return { name, receiver: 'other' };
}

/** What the file knows of its module-level names: classes, instances of them, object literals, factory results. */
export interface ReceiverFacts {
  functionsByName: ReadonlyMap<string, FunctionNode[]>;
  /** `const x = new C()` / `const x = f()`: name → callee name. */
  initialisers: ReadonlyMap<string, string>;
  /** Factories called at module level: binding → the functions they return. */
  factoryResults: ReadonlyMap<string, readonly FunctionNode[]>;
}

const isMember = (fn: FunctionNode): boolean =>
  fn.parent.type === AST_NODE_TYPES.MethodDefinition || fn.parent.type === AST_NODE_TYPES.Property || fn.parent.type === AST_NODE_TYPES.PropertyDefinition;

/** The class or object literal a member function belongs to. */
function ownerOf(fn: FunctionNode): TSESTree.Node | undefined {
  const parent = fn.parent;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) return parent.parent.parent;
  if (parent.type === AST_NODE_TYPES.Property) return parent.parent;
  return undefined;
}

/** The name a class or object literal is known by at module level. */
function ownerName(owner: TSESTree.Node | undefined): string | undefined {
  if (!owner) return undefined;
  if ((owner.type === AST_NODE_TYPES.ClassDeclaration || owner.type === AST_NODE_TYPES.ClassExpression) && owner.id) return owner.id.name;
  const parent = owner.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  return undefined;
}

/** The functions of the file a call can run. */
export function callTargets(ref: CallRef, facts: ReceiverFacts): readonly FunctionNode[] {
  const named = facts.functionsByName.get(ref.name) ?? [];
  const { receiver } = ref;
  if (receiver === 'plain') return named.filter((fn) => !isMember(fn));
  // `this.m()` / `this.svc.m()`: a method of a class of this file.
  if (receiver === 'this' || receiver === 'this-member') return named.filter(isMember);
  if (receiver === 'other') return [];
  const produced = facts.factoryResults.get(receiver.name);
  if (produced) return produced.filter((fn) => fn.parent.type === AST_NODE_TYPES.Property && named.includes(fn));
  // `Cls.m()`, `instance.m()` with `const instance = new Cls()`, `api.m()` with `const api = { m() {} }`.
  const owners = new Set([receiver.name, facts.initialisers.get(receiver.name)]);
  return named.filter((fn) => isMember(fn) && owners.has(ownerName(ownerOf(fn))));
}

