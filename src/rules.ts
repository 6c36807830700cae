import type { MemoGuardRule } from './create-rule.js';

/** Every rule of the plugin, by id. Rules land here as they are written. */
export const rules: Record<string, MemoGuardRule<string, readonly unknown[]>> = {};
