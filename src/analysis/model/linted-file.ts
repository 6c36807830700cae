/**
 * The model of the file ESLint is linting: built on first use by any rule, kept in a WeakMap keyed
 * by the file's SourceCode (the rules of one lint share it, nothing outlives the file), and filled
 * by listeners during ESLint's own traversal.
 */
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext, RuleListener } from '@typescript-eslint/utils/ts-eslint';
import { isFunction } from '../syntax/ast.js';
import { readSettings } from '../catalog/settings.js';
import { projectIndex } from '../project/project-index.js';
import { buildModel, recordNode } from './build-model.js';
import type { FileModel } from './file-model.js';

const models = new WeakMap<object, FileModel>();

/**
 * The listeners that fill the model during ESLint's own traversal, so the file is walked once. Every
 * rule spreads them into its listener object; whichever rule sees a node first records it, the others
 * see that it is done. The model is complete at `Program:exit`, where the rules read it.
 */
export function modelListeners(context: Readonly<RuleContext<string, readonly unknown[]>>): RuleListener {
  const model = getFileModel(context);
  // Files the early bail-out rules out get no listeners at all: nothing to record, nothing to pay.
  if (!model.active) return {};
  const enter = (node: TSESTree.Node): void => {
    if (model.lastEntered === node) return;
    model.lastEntered = node;
    const stack = model.functionStack;
    recordNode(model, node, stack[stack.length - 1]);
    if (isFunction(node)) stack.push(node);
  };
  const exit = (node: TSESTree.Node): void => {
    if (model.lastExited === node) return;
    model.lastExited = node;
    model.functionStack.pop();
  };
  return {
    ArrowFunctionExpression: enter,
    FunctionExpression: enter,
    FunctionDeclaration: enter,
    'ArrowFunctionExpression:exit': exit,
    'FunctionExpression:exit': exit,
    'FunctionDeclaration:exit': exit,
    CallExpression: enter,
    NewExpression: enter,
    VariableDeclarator: enter,
    ClassDeclaration: enter,
    ClassExpression: enter,
  };
}

/** The model of the file being linted, built on first use by any rule. */
export function getFileModel(context: Readonly<RuleContext<string, readonly unknown[]>>): FileModel {
  const sourceCode = context.sourceCode;
  let model = models.get(sourceCode);
  if (!model) {
    model = buildModel(sourceCode, context.filename, readSettings(context.settings), projectIndex, isOnDisk(context.filename));
    models.set(sourceCode, model);
  }
  return model;
}

/** A file with a real path has a project around it; `<input>` and `<text>` (stdin, RuleTester without a filename) do not. */
function isOnDisk(filename: string): boolean {
  return path.isAbsolute(filename);
}
