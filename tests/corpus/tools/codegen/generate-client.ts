import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import memoize from 'fast-memoize';
import { parse } from 'yaml';

interface OpenApi {
  paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string }[] }>>;
}

const spec = parse(readFileSync(process.argv[2] ?? 'openapi.yaml', 'utf8')) as OpenApi;
const outDir = process.argv[3] ?? 'src/generated';

const camel = memoize((name: string) => name.replace(/[-_](\w)/g, (_m, c: string) => c.toUpperCase()));

// Every schema name is emitted once; the generator runs once per build.
const emitted: Record<string, string> = {};

function emitOperation(route: string, method: string, op: { operationId: string; parameters?: { name: string; in: string }[] }) {
  const params = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => camel(p.name));
  const url = route.replace(/\{(\w+)\}/g, (_m, name: string) => `\${${camel(name)}}`);
  emitted[op.operationId] = [
    `export function ${camel(op.operationId)}(${params.map((p) => `${p}: string`).join(', ')}) {`,
    `  return request('${method.toUpperCase()}', \`${url}\`);`,
    `}`,
  ].join('\n');
}

for (const [route, methods] of Object.entries(spec.paths)) {
  for (const [method, op] of Object.entries(methods)) emitOperation(route, method, op);
}

mkdirSync(outDir, { recursive: true });
const body = Object.keys(emitted)
  .sort()
  .map((id) => emitted[id])
  .join('\n\n');
writeFileSync(path.join(outDir, 'client.ts'), `import { request } from '../request';\n\n${body}\n`);
console.log(`generated ${Object.keys(emitted).length} operations`);
