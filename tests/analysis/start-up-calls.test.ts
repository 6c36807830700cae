import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode as TSSourceCode } from '@typescript-eslint/utils/ts-eslint';
import { SourceCode } from 'eslint';
import { describe, expect, it } from 'vitest';
import { functionName } from '../../src/analysis/syntax/ast.js';
import { awaitedFatallyAtStartUp, moduleVariable, startUpFunctions, startUpUse } from '../../src/analysis/syntax/start-up-calls.js';
import { visitorKeys as keys } from '@typescript-eslint/visitor-keys';

function parse(code: string): { program: TSESTree.Program; sourceCode: TSSourceCode } {
  const { ast, scopeManager, visitorKeys } = parseForESLint(code, { range: true, loc: true, tokens: true, comment: true, sourceType: 'module' });
  // ESLint sets `parent` as it walks; these helpers run after that, so the test sets it the same way.
  const setParents = (node: TSESTree.Node): void => {
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && 'type' in child) {
          (child as { parent: TSESTree.Node }).parent = node;
          setParents(child as TSESTree.Node);
        }
      }
    }
  };
  setParents(ast);
  const sourceCode = new SourceCode({ text: code, ast: ast as never, scopeManager: scopeManager as never, visitorKeys: visitorKeys as never }) as unknown as TSSourceCode;
  return { program: ast, sourceCode };
}

const startUpNames = (code: string): string[] => [...startUpFunctions(parse(code))].map((fn) => functionName(fn) ?? '?').sort();

const useOf = (code: string, name: string, allowExports = false): string => {
  const model = parse(code);
  const variable = moduleVariable(model.sourceCode, name);
  if (!variable) throw new Error(`no variable ${name}`);
  return startUpUse(variable, startUpFunctions(model), allowExports);
};

describe('startUpFunctions: what runs only while the module loads', () => {
  it('a function the top level calls, and what only it calls, in any call form', () => {
    const code = `async function bootstrap() { await connect(); listen(); }
const connect = async () => {};
function listen() {}
bootstrap().catch(() => process.exit(1));`;
    expect(startUpNames(code)).toEqual(['bootstrap', 'connect', 'listen']);
  });
  it('not one a callback, a handler or a class instance calls, nor one handed on or exported', () => {
    const code = `function a() {}
function b() {}
function c() {}
function d() {}
export function e() {}
function f() {}
setInterval(() => a(), 1000);
app.get('/x', b);
class Job { run = c(); }
module.exports = { d };
e();
f();`;
    expect(startUpNames(code)).toEqual(['f']);
  });
  it('not a function that calls itself again (a retry may run later)', () => {
    expect(startUpNames(`async function start() { try { await go(); } catch { setTimeout(start, 100); } }\nstart();`)).toEqual([]);
  });
  it('a static field runs once, as the class is defined', () => {
    expect(startUpNames(`function a() {}\nclass Config { static value = a(); }`)).toEqual(['a']);
  });
});

describe('startUpUse: how a module-level name is used', () => {
  it('start-up when every read is a start-up call, exports aside when allowed', () => {
    const code = `import { init } from './init.js';\nasync function main() { await init(); }\nmain();\nexport { init };`;
    expect(useOf(code, 'init')).toBe('later');
    expect(useOf(code, 'init', true)).toBe('start-up');
  });
  it('CommonJS exports count as exports', () => {
    expect(useOf(`function init() {}\ninit();\nmodule.exports = { init };\nexports.init = init;`, 'init', true)).toBe('start-up');
  });
  it('unused when nothing reads it; later when a function that runs later calls it', () => {
    expect(useOf(`function init() {}`, 'init')).toBe('unused');
    expect(useOf(`function init() {}\nexport function handler() { return init(); }`, 'init', true)).toBe('later');
  });
});

describe('awaitedFatallyAtStartUp: an await at start-up whose rejection ends the process', () => {
  const fatal = (code: string): boolean => {
    const model = parse(`import { init } from './init.js';\n${code}`);
    const variable = moduleVariable(model.sourceCode, 'init');
    if (!variable) throw new Error('no variable init');
    return awaitedFatallyAtStartUp(variable, model, keys);
  };
  it('a top-level await, also through Promise.all, outside any try', () => {
    expect(fatal('await init();')).toBe(true);
    expect(fatal('await Promise.all([init(), other()]);')).toBe(true);
    expect(fatal('try { await init(); } catch (e) { log(e); }')).toBe(false);
    expect(fatal('await Promise.allSettled([init()]);')).toBe(false);
  });
  it('in a start-up function called bare, or whose catch exits; not one whose catch only logs', () => {
    expect(fatal('async function main() { await init(); }\nmain();')).toBe(true);
    expect(fatal('async function main() { await init(); }\nmain().catch((e) => { console.error(e); process.exit(1); });')).toBe(true);
    expect(fatal('async function main() { await init(); }\nmain().catch((e) => console.error(e));')).toBe(false);
    expect(fatal('async function main() { await init(); }\napp.get("/", main);')).toBe(false);
  });
});
