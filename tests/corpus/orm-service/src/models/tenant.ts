import { memoize } from 'decko';
import { Memoize } from 'typescript-memoize';
import { MemoizeAll, Memoize as PerInstance } from 'lodash-decorators';
import moize from 'moize';

export class Tenant {
  constructor(
    readonly id: string,
    private readonly settings: Record<string, string>,
  ) {}

  /** decko keeps one cache on the prototype, keyed by the setting name only. */
  @memoize // expect: no-method-cache-leak
  setting(name: string): string | undefined {
    return this.settings[name];
  }

  /** typescript-memoize keeps its map on the instance: per tenant. */
  @Memoize()
  theme(name: string): string {
    return this.settings[`theme.${name}`] ?? 'default';
  }

  /** lodash-decorators' Memoize is an instance decorator: per tenant. */
  @PerInstance()
  locale(region: string): string {
    return this.settings[`locale.${region}`] ?? 'en';
  }

  /** MemoizeAll memoizes on the prototype: every tenant shares it. */
  @MemoizeAll() // expect: no-method-cache-leak
  featureFlag(flag: string): boolean {
    return this.settings[`flag.${flag}`] === 'on';
  }

  /** decko on a method that never reads `this`: a shared cache is harmless. */
  @memoize
  slug(name: string): string {
    return name.toLowerCase().replace(/\s+/g, '-');
  }

  /** A class field: a new memoized function for every tenant. */
  readonly quota = moize(function (this: Tenant, feature: string) {
    return Number(this.settings[`quota.${feature}`] ?? 0);
  });

  /** A static memoizer over a function that reads `this`: one cache for every caller. */
  static readonly describe = moize(function (this: Tenant, verbose: boolean) { // expect: no-method-cache-leak
    return verbose ? `Tenant ${this.id}` : this.id;
  });
}

/** A module-level memoizer of a function that reads `this`, installed as a method below. */
const displayName = moize(function (this: Tenant, prefix: string) { // expect: no-method-cache-leak
  return `${prefix} ${this.id}`;
});

export function withDisplayName(tenant: Tenant) {
  return Object.assign(tenant, { displayName });
}

/** A module-level singleton's own memoized method: `this` is always the same object. */
export const registry = {
  prefix: 'tenant',
  key: moize(function (this: { prefix: string }, id: string) {
    return `${this.prefix}:${id}`;
  }),
};

/** A per-instance cache built by a factory: each call makes a new memoizer. */
export function createTenantView(tenant: Tenant) {
  return {
    title: moize(function (this: unknown, lang: string) {
      return `${tenant.id} (${lang})`;
    }),
  };
}
