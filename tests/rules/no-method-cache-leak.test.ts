/**
 * RuleTester tests of `no-method-cache-leak`: memoizers whose one cache serves every instance of a
 * class. The contract is tests/corpus/SEMANTICS.md. The per-instance suggestion is also run: before
 * it, two instances share results; after it, each gets its own.
 */
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-method-cache-leak.js';
import { describeTypesFindMore, lintWithRule, typedParserOptions } from './lint-helpers.js';

const ruleId = 'no-method-cache-leak';
const ruleTester = new RuleTester();
const typedRuleTester = new RuleTester({ languageOptions: { parserOptions: typedParserOptions } });

ruleTester.run(ruleId, rule, {
  valid: [
    { name: 'memoized per instance in a constructor function', code: `import memoize from 'lodash/memoize';\nfunction Account() {\n  this.canUse = memoize(this.canUse.bind(this));\n}\nAccount.prototype.canUse = function (f) { return this.plan === f; };` },
    { name: 'memoized per instance in a class constructor', code: `import memoizee from 'memoizee';\nexport class Repo {\n  constructor() {\n    this.find = memoizee(this.find.bind(this), { max: 100 });\n  }\n  find(id) { return this.rows[id]; }\n}` },
    { name: 'a class field runs per instance', code: `import memoize from 'lodash/memoize';\nexport class Page {\n  title = memoize(function (lang) { return this.titles[lang]; });\n}` },
    { name: 'a class field arrow over this', code: `import moize from 'moize';\nexport class Page {\n  title = moize((lang: string) => this.titles[lang]);\n}` },
    { name: 'a prototype memoizer over an arrow function', code: `import memoize from 'lodash/memoize';\nfunction Fmt() {}\nFmt.prototype.label = memoize((s) => s.replace(/_/g, ' '));` },
    { name: 'a prototype memoizer over a function that never reads this', code: `import memoize from 'lodash/memoize';\nfunction Fmt() {}\nFmt.prototype.label = memoize(function (s) { return s.trim(); });` },
    { name: 'a resolver that keys on a field of the instance', code: `import memoize from 'lodash/memoize';\nfunction Account() {}\nAccount.prototype.invoice = memoize(function (m) { return this.id + m; }, function (m) { return this.id + ':' + m; });` },
    { name: 'typescript-memoize keeps its map on the instance', code: `import { Memoize } from 'typescript-memoize';\nexport class Tenant {\n  @Memoize()\n  theme(name: string) { return this.settings[name]; }\n}` },
    { name: 'lodash-decorators Memoize is an instance decorator', code: `import { Memoize } from 'lodash-decorators';\nexport class Tenant {\n  @Memoize()\n  theme(name: string) { return this.settings[name]; }\n}` },
    { name: 'lodash-decorators memoize (lower case) is an instance decorator too', code: `import { memoize } from 'lodash-decorators';\nexport class Tenant {\n  @memoize\n  theme(name: string) { return this.settings[name]; }\n}` },
    { name: 'decko on a method that never reads this', code: `import { memoize } from 'decko';\nexport class Slugs {\n  @memoize\n  slug(name: string) { return name.toLowerCase(); }\n}` },
    { name: 'decko on a static method: this is the class', code: `import { memoize } from 'decko';\nexport class Slugs {\n  @memoize\n  static slug(name: string) { return this.prefix + name; }\n}` },
    { name: 'an unknown decorator', code: `import { memoize } from './decorators';\nexport class Slugs {\n  @memoize\n  slug(name: string) { return this.prefix + name; }\n}` },
    { name: 'a module-level object literal is a singleton', code: `import moize from 'moize';\nexport const registry = {\n  prefix: 'r',\n  key: moize(function (id) { return this.prefix + id; }),\n};` },
    { name: 'a memoizer made in a factory is per call', code: `import moize from 'moize';\nexport function createView(t) {\n  return { title: moize(function (lang) { return this.titles[lang]; }) };\n}` },
    { name: 'a module-level memoizer over an arrow', code: `import memoize from 'lodash/memoize';\nexport const slug = memoize((s: string) => s.toLowerCase());` },
    { name: 'a module-level memoizer over a function that reads this only in a nested function', code: `import memoize from 'lodash/memoize';\nexport const make = memoize(function (n) { return function () { return this.x + n; }; });` },
    { name: 'a WeakMap keyed by the instance', code: `const byInstance = new WeakMap();\nexport class Report {\n  rows() {\n    let rows = byInstance.get(this);\n    if (!rows) byInstance.set(this, (rows = []));\n    return rows;\n  }\n}` },
    { name: 'a static memoizer over an arrow', code: `import moize from 'moize';\nexport class Units {\n  static label = moize((u: string) => u.toUpperCase());\n}` },
    { name: 'a memoizer that is not in the catalog on a prototype', code: `import memoize from './memoize';\nfunction A() {}\nA.prototype.f = memoize(function (x) { return this.y + x; });` },
    { name: 'an imported function on a prototype is not judged when it is not a method of the file', code: `import memoize from 'lodash/memoize';\nimport { compute } from './compute';\nexport const cached = memoize(compute);` },
  ],
  invalid: [
  {
    name: "lodash memoize on a prototype method that reads this",
    code: `import memoize from 'lodash/memoize';
function Account(row) { this.plan = row.plan; }
Account.prototype.canUse = memoize(function (feature) {
  return this.plan === 'enterprise' || feature === 'basic';
});`,
    errors: [
      {
        messageId: 'sharedCache', line: 3, column: 28,
        data: {library: "lodash memoize"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import memoize from 'lodash/memoize';
function Account(row) { this.plan = row.plan; }
Account.prototype.canUse = (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = memoize((function (feature) {
  return this.plan === 'enterprise' || feature === 'basic';
}).bind(this)); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })();` },
        ],
      },
    ],
  },
  {
    name: "memoizee on a prototype method",
    code: `import memoizee from 'memoizee';
function Shape(w) { this.w = w; }
Shape.prototype.area = memoizee(function (k) { return this.w * k; }, { max: 100 });`,
    errors: [
      {
        messageId: 'sharedCache', line: 3, column: 24,
        data: {library: "memoizee"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import memoizee from 'memoizee';
function Shape(w) { this.w = w; }
Shape.prototype.area = (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = memoizee((function (k) { return this.w * k; }).bind(this), { max: 100 }); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })();` },
        ],
      },
    ],
  },
  {
    name: "a resolver that returns the instance retains every instance",
    code: `import memoize from 'lodash/memoize';
function Account() {}
Account.prototype.report = memoize(function (month) { return this.id + month; }, function () { return this; });`,
    errors: [
      {
        messageId: 'retainsInstances', line: 3, column: 28,
        data: {library: "lodash memoize"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import memoize from 'lodash/memoize';
function Account() {}
Account.prototype.report = (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = memoize((function (month) { return this.id + month; }).bind(this), function () { return this; }); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })();` },
        ],
      },
    ],
  },
  {
    name: "a prototype object literal",
    code: `import memoize from 'lodash/memoize';
function Cart() {}
Cart.prototype = {
  total: memoize(function (tax) { return this.items.length * tax; }),
};`,
    errors: [
      {
        messageId: 'sharedCache', line: 4, column: 10,
        data: {library: "lodash memoize"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import memoize from 'lodash/memoize';
function Cart() {}
Cart.prototype = {
  total: (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = memoize((function (tax) { return this.items.length * tax; }).bind(this)); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })(),
};` },
        ],
      },
    ],
  },
  {
    name: "Object.assign onto a prototype",
    code: `import moize from 'moize';
class Seat {}
Object.assign(Seat.prototype, { left: moize(function (used) { return this.max - used; }) });`,
    errors: [
      {
        messageId: 'sharedCache', line: 3, column: 39,
        data: {library: "moize"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import moize from 'moize';
class Seat {}
Object.assign(Seat.prototype, { left: (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = moize((function (used) { return this.max - used; }).bind(this)); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })() });` },
        ],
      },
    ],
  },
  {
    name: "memoizing a method taken from a prototype, at module level",
    code: `import memoize from 'lodash/memoize';
class Rates {
  convert(cents) { return cents * this.rate; }
}
export const convert = memoize(Rates.prototype.convert);`,
    errors: [
      {
        messageId: 'sharedCache', line: 5, column: 24,
        data: {library: "lodash memoize"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import memoize from 'lodash/memoize';
class Rates {
  convert(cents) { return cents * this.rate; }
}
export const convert = (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = memoize((Rates.prototype.convert).bind(this)); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })();` },
        ],
      },
    ],
  },
  {
    name: "a prototype memoizer over a function defined elsewhere in the file",
    code: `import memoize from 'lodash/memoize';
function price(qty) { return this.unit * qty; }
function Item() {}
Item.prototype.price = memoize(price);`,
    errors: [
      {
        messageId: 'sharedCache', line: 4, column: 24,
        data: {library: "lodash memoize"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import memoize from 'lodash/memoize';
function price(qty) { return this.unit * qty; }
function Item() {}
Item.prototype.price = (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = memoize((price).bind(this)); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })();` },
        ],
      },
    ],
  },
  {
    name: "a module-level memoizer over a function that reads this",
    code: `import moize from 'moize';
export const displayName = moize(function (prefix: string) {
  return prefix + this.id;
});`,
    errors: [
      {
        messageId: 'sharedCache', line: 2, column: 28,
        data: {library: "moize"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import moize from 'moize';
export const displayName = (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = moize((function (prefix: string) {
  return prefix + this.id;
}).bind(this)); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })();` },
        ],
      },
    ],
  },
  {
    name: "a static field memoizer over a function that reads this",
    code: `import moize from 'moize';
export class Tenant {
  static describe = moize(function (verbose) { return verbose ? 'Tenant ' + this.id : this.id; });
}`,
    errors: [
      {
        messageId: 'sharedCache', line: 3, column: 21,
        data: {library: "moize"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import moize from 'moize';
export class Tenant {
  static describe = (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = moize((function (verbose) { return verbose ? 'Tenant ' + this.id : this.id; }).bind(this)); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })();
}` },
        ],
      },
    ],
  },
  {
    name: "a static block memoizer",
    code: `import memoize from 'lodash/memoize';
export class Registry {
  static lookup;
  static {
    Registry.lookup = memoize(function (key) { return this.entries[key]; });
  }
}`,
    errors: [
      {
        messageId: 'sharedCache', line: 5, column: 23,
        data: {library: "lodash memoize"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import memoize from 'lodash/memoize';
export class Registry {
  static lookup;
  static {
    Registry.lookup = (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = memoize((function (key) { return this.entries[key]; }).bind(this)); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })();
  }
}` },
        ],
      },
    ],
  },
  {
    name: "decko memoize decorator on an instance method",
    code: `import { memoize } from 'decko';
export class Tenant {
  @memoize
  setting(name: string) {
    return this.settings[name];
  }
}`,
    errors: [
      {
        messageId: 'sharedDecorator', line: 3, column: 3,
        data: {name: "memoize",library: "decko",method: "setting",keying: "the first argument as a string"},
      },
    ],
  },
  {
    name: "decko called as a decorator factory",
    code: `import { memoize } from 'decko';
export class Tenant {
  @memoize()
  setting(name: string) {
    return this.settings[name];
  }
}`,
    errors: [
      {
        messageId: 'sharedDecorator', line: 3, column: 3,
        data: {name: "memoize",library: "decko",method: "setting",keying: "the first argument as a string"},
      },
    ],
  },
  {
    name: "decko through its default export",
    code: `import decko from 'decko';
export class Tenant {
  @decko.memoize
  setting(name: string) {
    return this.settings[name];
  }
}`,
    errors: [
      {
        messageId: 'sharedDecorator', line: 3, column: 3,
        data: {name: "decko.memoize",library: "decko",method: "setting",keying: "the first argument as a string"},
      },
    ],
  },
  {
    name: "lodash-decorators MemoizeAll",
    code: `import { MemoizeAll } from 'lodash-decorators';
export class Flags {
  @MemoizeAll()
  enabled(flag: string) {
    return this.flags.includes(flag);
  }
}`,
    errors: [
      {
        messageId: 'sharedDecorator', line: 3, column: 3,
        data: {name: "MemoizeAll",library: "lodash-decorators MemoizeAll",method: "enabled",keying: "the first argument"},
      },
    ],
  },
  {
    name: "lodash-decorators memoizeAll from its own module",
    code: `import memoizeAll from 'lodash-decorators/memoizeAll';
export class Flags {
  @memoizeAll
  enabled(flag: string) {
    return this.flags.includes(flag);
  }
}`,
    errors: [
      {
        messageId: 'sharedDecorator', line: 3, column: 3,
        data: {name: "memoizeAll",library: "lodash-decorators MemoizeAll",method: "enabled",keying: "the first argument"},
      },
    ],
  },
  {
    name: "decko on a getter",
    code: `import { memoize } from 'decko';
export class Stats {
  @memoize
  get summary() {
    return this.rows.length;
  }
}`,
    errors: [
      {
        messageId: 'sharedDecorator', line: 3, column: 3,
        data: {name: "memoize",library: "decko",method: "summary",keying: "the first argument as a string"},
      },
    ],
  },
  {
    name: "TypeScript wrappers around the prototype assignment",
    code: `import memoize from 'lodash/memoize';
function Box() {}
Box.prototype.volume = memoize(function (this: { side: number }, scale: number) { return this.side * scale; }) as (s: number) => number;`,
    errors: [
      {
        messageId: 'sharedCache', line: 3, column: 24,
        data: {library: "lodash memoize"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import memoize from 'lodash/memoize';
function Box() {}
Box.prototype.volume = (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = memoize((function (this: { side: number }, scale: number) { return this.side * scale; }).bind(this)); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })() as (s: number) => number;` },
        ],
      },
    ],
  },
  {
    name: "micro-memoize on a prototype, CommonJS",
    code: `const microMemoize = require('micro-memoize');
function Limiter() {}
Limiter.prototype.allowance = microMemoize(function (key) { return this.limits[key]; });
module.exports = Limiter;`,
    errors: [
      {
        messageId: 'sharedCache', line: 3, column: 31,
        data: {library: "micro-memoize"},
        suggestions: [
          { messageId: 'usePerInstance', output: `const microMemoize = require('micro-memoize');
function Limiter() {}
Limiter.prototype.allowance = (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = microMemoize((function (key) { return this.limits[key]; }).bind(this)); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })();
module.exports = Limiter;` },
        ],
      },
    ],
  },
  {
    name: "memo-guard runtime on a prototype",
    code: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
function Repo() {}
Repo.prototype.find = memoize(function (id) { return this.rows.find((r) => r.id === id); });`,
    errors: [
      {
        messageId: 'sharedCache', line: 3, column: 23,
        data: {library: "memo-guard memoize"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import { memoize } from 'eslint-plugin-memo-guard/memoize';
function Repo() {}
Repo.prototype.find = (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = memoize((function (id) { return this.rows.find((r) => r.id === id); }).bind(this)); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })();` },
        ],
      },
    ],
  },
  {
    name: "ramda memoizeWith on a prototype",
    code: `import { memoizeWith } from 'ramda';
function Names() {}
Names.prototype.full = memoizeWith(String, function (id) { return this.first[id] + ' ' + this.last[id]; });`,
    errors: [
      {
        messageId: 'sharedCache', line: 3, column: 24,
        data: {library: "ramda memoizeWith"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import { memoizeWith } from 'ramda';
function Names() {}
Names.prototype.full = (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = memoizeWith(String, (function (id) { return this.first[id] + ' ' + this.last[id]; }).bind(this)); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })();` },
        ],
      },
    ],
  },
  {
    name: "a module-level memoizer installed as a class field",
    code: `import memoize from 'lodash/memoize';
const sharedTitle = memoize(function (lang) { return this.titles[lang]; });
export class Page {
  title = sharedTitle;
}`,
    errors: [
      {
        messageId: 'sharedCache', line: 2, column: 21,
        data: {library: "lodash memoize"},
        suggestions: [
          { messageId: 'usePerInstance', output: `import memoize from 'lodash/memoize';
const sharedTitle = (() => { const byInstance = new WeakMap(); return function (...args) { let memoized = byInstance.get(this); if (memoized === undefined) { memoized = memoize((function (lang) { return this.titles[lang]; }).bind(this)); byInstance.set(this, memoized); } return memoized.apply(this, args); }; })();
export class Page {
  title = sharedTitle;
}` },
        ],
      },
    ],
  },
  ],
});

const typedCases = {
  valid: [
    {
      name: 'typed: a per-instance memoizer over a typed method',
      code: `import memoize from 'lodash/memoize';\nimport type { User } from './types';\nexport class Users {\n  constructor(private readonly all: User[]) {\n    this.find = memoize(this.find.bind(this));\n  }\n  find(id: string): User | undefined { return this.all.find((u) => u.id === id); }\n}`,
    },
  ],
  invalid: [
    {
      name: 'typed: decko on a typed method',
      code: `import { memoize } from 'decko';\nimport type { User } from './types';\nexport class Users {\n  constructor(private readonly all: User[]) {}\n  @memoize\n  find(id: string): User | undefined { return this.all.find((u) => u.id === id); }\n}`,
      errors: [{ messageId: 'sharedDecorator' as const, line: 5, column: 3, data: { name: 'memoize', library: 'decko', method: 'find', keying: 'the first argument as a string' } }],
    },
  ],
};

describe('with type information', () => {
  typedRuleTester.run(ruleId, rule, typedCases);
});

describeTypesFindMore(ruleId, rule, typedCases, 'same');

describe('the per-instance suggestion', () => {
  const code = `const memoize = require('lodash/memoize');
function Account(plan) { this.plan = plan; }
Account.prototype.canUse = memoize(function (feature) { return this.plan === 'enterprise' || feature === 'basic'; });`;
  type AccountClass = new (plan: string) => { canUse(feature: string): boolean };
  /** Runs the snippet as a CommonJS module body and returns its `Account` class. */
  const load = (source: string): AccountClass => {
    const factory = vm.runInThisContext(`(function (require) {\n${source}\nreturn Account;\n})`) as (req: NodeJS.Require) => AccountClass;
    return factory(createRequire(import.meta.url));
  };

  it('gives each instance its own cache, so instances stop getting each other\'s results', () => {
    const [message] = lintWithRule(ruleId, rule, code);
    const fix = message?.suggestions?.[0]?.fix;
    expect(fix).toBeDefined();
    if (!fix) return;
    const fixed = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);

    const Before = load(code);
    expect(new Before('enterprise').canUse('pro')).toBe(true);
    // The shared cache answers for the free account with the enterprise account's result.
    expect(new Before('free').canUse('pro')).toBe(true);

    const After = load(fixed);
    const enterprise = new After('enterprise');
    expect(enterprise.canUse('pro')).toBe(true);
    expect(new After('free').canUse('pro')).toBe(false);
    expect(enterprise.canUse('pro')).toBe(true);
    expect(lintWithRule(ruleId, rule, fixed)).toEqual([]);
  });
});

describe('a memoizer whose function is its last argument', () => {
  // reselect's createSelector takes the function last: it is not one of the call's resolvers, so its
  // `this.rate` does not count as a key that reads the instance.
  it('reports a prototype selector whose result function reads this', () => {
    const code = `import { createSelector } from 'reselect';
function Store() {}
Store.prototype.total = createSelector((s) => s.items, function (items) { return items.length * this.rate; });`;
    expect(lintWithRule(ruleId, rule, code).map((m) => [m.messageId, m.line, m.column])).toEqual([['sharedCache', 3, 25]]);
  });
});
