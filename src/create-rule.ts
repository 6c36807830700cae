/**
 * `createRule` for this plugin's rules. typescript-eslint's `RuleCreator` would do the same, but
 * `@typescript-eslint/utils` has eslint and typescript as required peers: as a runtime dependency
 * it would pull both into installs that only want the runtime memoizer. So only its types are used.
 */
import type { RuleContext, RuleListener, RuleModule, RuleMetaData } from '@typescript-eslint/utils/ts-eslint';

export interface MemoGuardDocs {
  description: string;
  recommended?: boolean;
  strict?: boolean;
  requiresTypeChecking?: false;
}

type Meta<MessageIds extends string, Options extends readonly unknown[]> = Omit<
  RuleMetaData<MessageIds, MemoGuardDocs, Options>,
  'docs'
> & { docs: Omit<MemoGuardDocs, 'url'> } & (Options extends readonly [] ? { defaultOptions?: never } : { defaultOptions: Options });

export type MemoGuardRule<MessageIds extends string, Options extends readonly unknown[]> = RuleModule<
  MessageIds,
  Options,
  MemoGuardDocs
> & { name: string };

const repoDocs = 'https://github.com/memo-guard/eslint-plugin-memo-guard/blob/main/docs/rules/';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shallow-merges each user option object over its default (ESLint has already validated it). */
function applyDefaults<Options extends readonly unknown[]>(defaults: Options, user: readonly unknown[]): Options {
  return defaults.map((def, i) => {
    const given = user[i];
    if (given === undefined) return def;
    return isPlainObject(def) && isPlainObject(given) ? { ...def, ...given } : given;
  }) as unknown as Options;
}

export function createRule<MessageIds extends string, Options extends readonly unknown[]>(spec: {
  name: string;
  meta: Meta<MessageIds, Options>;
  create: (context: Readonly<RuleContext<MessageIds, Options>>, options: Options) => RuleListener;
}): MemoGuardRule<MessageIds, Options> {
  return {
    name: spec.name,
    meta: {
      ...spec.meta,
      docs: { ...spec.meta.docs, url: `${repoDocs}${spec.name}.md` },
    },
    create(context) {
      const defaults = (spec.meta.defaultOptions ?? []) as unknown as Options;
      return spec.create(context, applyDefaults(defaults, context.options));
    },
  };
}
