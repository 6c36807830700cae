import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { getFileModel, modelListeners } from '../src/analysis/model/linted-file.js';
import { decoratorName, methodCacheLeak, perInstanceText, sharedDecorator } from '../src/analysis/memoizer/memoized-methods.js';
import { propertyName } from '../src/analysis/syntax/ast.js';
import { AST_NODE_TYPES } from '../src/analysis/syntax/node-types.js';

type MessageIds = 'sharedCache' | 'retainsInstances' | 'sharedDecorator' | 'usePerInstance';
type Options = [];

export default createRule<MessageIds, Options>({
  name: 'no-method-cache-leak',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow memoizing methods with one cache shared by every instance of the class',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      sharedCache:
        '{{library}} keeps one cache for every object this function is called on, and its key leaves out `this`: one instance gets the result computed for another; give each instance its own cache (memoize in the constructor, or a WeakMap keyed by the instance).',
      retainsInstances:
        '{{library}} keeps one cache for every instance and keys it on the instance itself, so every instance it ever saw stays in memory; give each instance its own cache (memoize in the constructor, or a WeakMap keyed by the instance).',
      sharedDecorator:
        '`@{{name}}` ({{library}}) memoizes `{{method}}` with one cache on the prototype, keyed on {{keying}} without `this`: every instance shares it and gets the results computed for others; memoize per instance (in the constructor, or a WeakMap keyed by the instance).',
      usePerInstance: 'Give each instance its own memoized function (a WeakMap keyed by the instance).',
    },
    schema: [],
  },
  create(context) {
    return {
      ...modelListeners(context),
      Decorator(node: TSESTree.Decorator) {
        const model = getFileModel(context);
        const spec = sharedDecorator(node, model);
        if (!spec || node.parent.type !== AST_NODE_TYPES.MethodDefinition) return;
        const name = decoratorName(node, context.sourceCode);
        const method = propertyName(node.parent.key) ?? 'this method';
        context.report({ node, messageId: 'sharedDecorator', data: { name, library: spec.label, method, keying: spec.keying } });
      },
      'Program:exit'() {
        const model = getFileModel(context);
        for (const call of model.memoizerCalls) {
          const leak = methodCacheLeak(call, model);
          if (!leak) continue;
          const replacement = perInstanceText(call, model);
          context.report({
            node: call.node,
            messageId: leak === 'retains' ? 'retainsInstances' : 'sharedCache',
            data: { library: call.spec.label },
            suggest: replacement === undefined ? [] : [{ messageId: 'usePerInstance', fix: (fixer) => fixer.replaceText(call.node, replacement) }],
          });
        }
      },
    };
  },
});
