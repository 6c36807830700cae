import { AST_NODE_TYPES as upstream } from '@typescript-eslint/types';
import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES } from '../../src/analysis/syntax/node-types.js';

describe('AST_NODE_TYPES copy', () => {
  it('has every node type of the installed @typescript-eslint/types, with equal values', () => {
    expect({ ...AST_NODE_TYPES }).toEqual({ ...upstream });
  });
});
