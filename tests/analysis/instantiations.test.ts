import { parseForESLint } from '@typescript-eslint/parser';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { describe, expect, it } from 'vitest';
import { declaredLifetime, instanceSites, topLevelClasses } from '../../src/analysis/syntax/instantiations.js';

const sitesOf = (code: string, name = 'Handle'): string[] | undefined => instanceSites(parseForESLint(code, { range: true }).ast, visitorKeys, new Set([name])).get(name);

describe('instanceSites: where a file makes instances, and how long each can live', () => {
  it('at module level, and in a static field: kept by the module', () => {
    expect(sitesOf(`const h = new Handle(); class A { static shared = new Handle(); }`)).toEqual(['module', 'module']);
  });
  it('kept to one call: a local used in place, passed to calls, tested, or a call on the new instance', () => {
    const code = `async function f(k) {
  const h = new Handle(k);
  if (h) await run(h, { h }, [h]);
  h.close();
  const done = await (async () => h.flush())();
  new Handle(k).start();
  await consume(new Handle(k));
}`;
    expect(sitesOf(code)).toEqual(['call', 'call', 'call']);
  });
  it('handed on: returned (alone or in a literal), stored outside the call, captured by a returned closure, given to a constructor or to a call that registers it', () => {
    const code = `function a(k) { return new Handle(k); }
function b(k) { const h = new Handle(k); return h; }
function c(k) { const h = new Handle(k); cache.h = h; }
function d(k) { const h = new Handle(k); return () => h.get(); }
const e = (k) => new Handle(k);
function f(k) { const h = new Handle(k); const { x } = h; return { h }; }
function g(app) { const h = new Handle(); app.use(h); }
function h(app) { app.use(new Handle()); emitter.on('x', { handler: new Handle() }); }
function i() { const h = new Handle(); return new Wrapper(h); }`;
    expect(sitesOf(code)).toEqual(['other', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'other']);
  });
  it('kept by the instances of a class: a field, or this.x in a constructor or a method (arrows included)', () => {
    const code = `class Upload {
  measure = new Handle(this);
  constructor() { this.other = cond ? new Handle(1) : null; }
  reset() { const go = () => { this.third = new Handle(2); }; go(); }
}`;
    expect(sitesOf(code)).toEqual(['class:Upload', 'class:Upload', 'class:Upload']);
  });
  it("returned by a helper of the file: where the helper's calls put it (an instance method called as this.m, a module function not exported)", () => {
    const code = `class Routes {
  contextFor(req) { return new Handle(req.user); }
  async page(req, res) { const ctx = this.contextFor(req); res.send(await ctx.render()); }
  keep(req) { this.last = this.contextFor(req); }
}
function make(k) { return new Handle(k); }
const makeArrow = (k) => new Handle(k);
async function run(k) { await make(k).start(); const h = makeArrow(k); h.close(); }
const shared = make('shared');`;
    expect(sitesOf(code)).toEqual(['call', 'class:Routes', 'call', 'module', 'call']);
  });
  it('a helper that may be called from elsewhere hands its instances on: exported, in a CommonJS module, or never called here', () => {
    expect(sitesOf(`export function make(k) { return new Handle(k); }
async function run(k) { await make(k).start(); }`)).toEqual(['other']);
    expect(sitesOf(`function make(k) { return new Handle(k); }
async function run(k) { await make(k).start(); }
export { make };`)).toEqual(['other']);
    expect(sitesOf(`function make(k) { return new Handle(k); }
async function run(k) { await make(k).start(); }
module.exports = { make, run };`)).toEqual(['other']);
    expect(sitesOf(`class Routes { contextFor(req) { return new Handle(req.user); } }`)).toEqual(['other']);
  });
  it("a parameter's default (`ports = new Handle()`): kept to one call unless the function hands the parameter on", () => {
    expect(sitesOf(`async function tick(entries, ports = new Handle()) { for (const e of entries) await ports.run(e); }`)).toEqual(['call']);
    expect(sitesOf(`function keep(ports = new Handle()) { registry.ports = ports; }`)).toEqual(['other']);
  });
  it('this.x in a plain function is not an instance of any class here', () => {
    expect(sitesOf(`function setUp() { this.h = new Handle(); }`)).toEqual(['other']);
  });
});

describe('declaredLifetime: what a class declaration says of its instances', () => {
  const lifetimes = (code: string): Record<string, string | undefined> => {
    const classes = topLevelClasses(parseForESLint(code, { range: true }).ast);
    return Object.fromEntries([...classes].map(([name, cls]) => [name, declaredLifetime(cls)]));
  };
  it('singleton providers live long; request-scoped providers and ORM rows live for one operation; others do not say', () => {
    const code = `@Injectable() export class Users {}
@Injectable({ scope: Scope.REQUEST }) export class PerRequest {}
export class Account extends Model {}
@Entity() export class Order {}
export class Plain {}
export const Expr = class extends BaseModel {};`;
    expect(lifetimes(code)).toEqual({ Users: 'long', PerRequest: 'operation', Account: 'operation', Order: 'operation', Plain: undefined, Expr: 'operation' });
  });
});
