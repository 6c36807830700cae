/**
 * Four small projects of the kinds `npx memo-guard` meets at the root of real checkouts: a
 * Flow-typed Express server (with a legacy .eslintignore), a Babel project with proposal syntax
 * (decorators), a TypeScript monorepo (npm workspaces, its own eslint.config.js with
 * typescript-eslint) and a plain CommonJS Express app. Kept as data (written to a scratch folder by
 * project-kinds.test.ts) because this repository's own lint and type check must not read Flow or
 * decorators. `// expect: <rule>` marks the line of each finding memo-guard must report, and no other.
 */

export interface FixtureProject {
  files: Record<string, string>;
}

const flowServer = `// @flow
import express from 'express';
import { users } from './routes/users';
import { formatPrice } from './lib/format';

const app = express();
app.use('/api', users);
app.get('/price/:cents', (req: $Request, res: $Response) => {
  res.send(formatPrice(Number(req.params.cents)));
});
app.listen(Number(process.env.PORT) || 3000);
`;

const flowUsers = `/* @flow strict-local */
import express from 'express';
import { type User, loadUser } from '../lib/db';

export type Profile = {| id: string, name: string, seenAt: number |};

const profiles: Map<string, Profile> = new Map(); // expect: no-unbounded-cache-in-handler

export const users: express$Router<> = express.Router();

users.get('/users/:id', async (req, res) => {
  const id: string = req.params.id;
  let profile: ?Profile = profiles.get(id);
  if (profile == null) {
    const user: User = await loadUser(id);
    profile = { id, name: user.name, seenAt: Date.now() };
    profiles.set(id, profile);
  }
  res.json(profile);
});
`;

// No pragma, but Flow types all the same (Babel's Flow preset strips them from every file).
const flowFormat = `export function formatPrice(cents: number, currency?: string = 'EUR'): string {
  const value: number = cents / 100;
  return \`\${value.toFixed(2)} \${String(currency)}\`;
}

export opaque type Cents = number;
`;

const flowDb = `// @flow
export type User = { +id: string, +name: string };

export async function loadUser(id: string): Promise<User> {
  return { id, name: \`user \${id}\` };
}
`;

const flowAvatar = `// @flow
import * as React from 'react';

type Props = $ReadOnly<{ name: string, size?: number }>;

export function Avatar({ name, size = 32 }: Props): React.Node {
  return <img alt={name} width={size} height={size} src={\`/avatars/\${name}.svg\`} />;
}
`;

const plainJs = `export const VERSION = '1.4.0';
export function health() {
  return { ok: true, version: VERSION };
}
`;

export const flowExpress: FixtureProject = {
  files: {
    'package.json': JSON.stringify(
      {
        name: 'flow-express-app',
        private: true,
        scripts: { flow: 'flow', build: 'babel src -d build' },
        dependencies: { express: '^4.21.0', react: '^18.3.0' },
        devDependencies: { '@babel/cli': '^7.25.0', '@babel/preset-flow': '^7.25.0', 'flow-bin': '^0.245.0' },
      },
      null,
      2,
    ),
    '.flowconfig': '[ignore]\n<PROJECT_ROOT>/build/.*\n\n[options]\nall=false\n',
    '.babelrc': JSON.stringify({ presets: ['@babel/preset-flow'] }),
    // The ESLint 7 era's ignore file: no eslint.config.* here, ESLint 9 and 10 no longer read it.
    '.eslintignore': '# compiled output\nbuild/\nflow-typed/\n',
    '.gitignore': 'node_modules/\n',
    'src/server.js': flowServer,
    'src/routes/users.js': flowUsers,
    'src/lib/format.js': flowFormat,
    'src/lib/db.js': flowDb,
    'src/lib/health.js': plainJs,
    'src/components/Avatar.js': flowAvatar,
    // A merge left half done: no parser reads it.
    'src/legacy/rates.js': `export const rates = {\n<<<<<<< HEAD\n  eur: 1,\n=======\n  eur: 1.1,\n>>>>>>> feature\n};\n`,
    // Ignored through .eslintignore: a leak memo-guard must not report, and Flow libdefs.
    'build/server.js': `const express = require('express');\nconst seen = new Map();\nconst app = express();\napp.get('/x/:id', (req, res) => { seen.set(req.params.id, 1); res.end(); });\n`,
    'flow-typed/npm/express_v4.x.x.js': `declare module 'express' {\n  declare module.exports: any;\n}\n`,
  },
};

const decoratedController = `import express from 'express';
import _ from 'lodash';

function route(method, path) {
  return function (target, context) {
    context.addInitializer(function () {
      (this.routes ??= []).push({ method, path, handler: target.bind(this) });
    });
  };
}

function logged(target, context) {
  return function (...args) {
    console.log(\`\${String(context.name)} called\`);
    return target.apply(this, args);
  };
}

const searches = new Map(); // expect: no-unbounded-cache-in-handler

export class SearchController {
  @logged
  @route('get', '/search')
  search(req, res) {
    const q = String(req.query.q);
    let hits = searches.get(q);
    if (hits === undefined) {
      hits = runSearch(q);
      searches.set(q, hits);
    }
    res.json(hits);
  }

  static #instances = 0;
  accessor count = 0;
}

function runSearch(q) {
  return [q.toUpperCase()];
}

const controller = new SearchController();
const app = express();
app.get('/search', (req, res) => controller.search(req, res));
app.listen(3000);

export const fetchRates = _.memoize(async (currency) => { // expect: no-unsafe-async-memoize
  const res = await fetch(\`https://rates.example/\${currency}\`);
  return res.json();
});
`;

const decoratedModel = `function tracked(value, { kind, name }) {
  if (kind === 'field') return (initial) => initial;
  return value;
}

@tracked
export class Order {
  @tracked total = 0;
  @tracked items = [];

  add(item) {
    this.items.push(item);
    this.total += item.price;
  }
}
`;

export const babelProposals: FixtureProject = {
  files: {
    'package.json': JSON.stringify(
      {
        name: 'babel-decorators-app',
        private: true,
        type: 'module',
        dependencies: { express: '^5.0.0', lodash: '^4.17.21' },
        devDependencies: { '@babel/core': '^8.0.0', '@babel/plugin-proposal-decorators': '^8.0.0' },
      },
      null,
      2,
    ),
    'babel.config.json': JSON.stringify({ plugins: [['@babel/plugin-proposal-decorators', { version: '2023-11' }]] }, null, 2),
    'src/controller.js': decoratedController,
    'src/order.js': decoratedModel,
    'src/util.js': plainJs,
  },
};

const apiServer = `import express, { type Request, type Response } from 'express';
import { memoize } from 'lodash';
import { slugify, type Slug } from '@acme/shared';

const app = express();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the project's own rules stay its business
const rendered: Record<string, any> = {}; // expect: no-unbounded-cache-in-handler

app.get('/pages/:title', (req: Request, res: Response) => {
  const slug: Slug = slugify(req.params.title ?? '');
  rendered[slug] ??= \`<h1>\${slug}</h1>\`;
  res.send(rendered[slug]);
});

export const loadAccount = memoize(async (id: string): Promise<{ id: string }> => { // expect: no-unsafe-async-memoize
  const res = await fetch(\`https://accounts.internal/\${id}\`);
  return (await res.json()) as { id: string };
});

app.listen(3000);
`;

const sharedIndex = `export type Slug = string & { readonly __slug: unique symbol };

export function slugify(title: string): Slug {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-') as Slug;
}

export enum Currency {
  Eur = 'EUR',
  Usd = 'USD',
}
`;

const webApp = `import { useEffect, useState } from 'react';
import { slugify } from '@acme/shared';

export function Title({ title }: { title: string }) {
  const [slug, setSlug] = useState<string>('');
  useEffect(() => {
    setSlug(slugify(title));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a plugin this project does not load
  }, []);
  return <h1 data-slug={slug}>{title satisfies string}</h1>;
}
`;

const tsconfig = (extra: object): string =>
  JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src'], ...extra }, null, 2);

export const tsMonorepo: FixtureProject = {
  files: {
    'package.json': JSON.stringify(
      {
        name: 'acme',
        private: true,
        type: 'module',
        workspaces: ['packages/*'],
        devDependencies: { eslint: '^10.0.0', 'typescript-eslint': '^8.0.0', typescript: '^6.0.0' },
      },
      null,
      2,
    ),
    'tsconfig.base.json': JSON.stringify(
      { compilerOptions: { strict: true, module: 'nodenext', target: 'es2022', jsx: 'react-jsx', noEmit: true, skipLibCheck: true } },
      null,
      2,
    ),
    'tsconfig.json': JSON.stringify({ files: [], references: [{ path: 'packages/api' }, { path: 'packages/shared' }, { path: 'packages/web' }] }, null, 2),
    'eslint.config.js': `import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/generated/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
);
`,
    'packages/api/package.json': JSON.stringify({ name: '@acme/api', private: true, type: 'module' }, null, 2),
    'packages/api/tsconfig.json': tsconfig({}),
    'packages/api/src/server.ts': apiServer,
    // Generated and ignored by the project's config: a leak memo-guard must not report.
    'packages/api/generated/client.ts': `export const cache = new Map<string, string>();\nexport function put(k: string, v: string): void { cache.set(k, v); }\n`,
    'packages/shared/package.json': JSON.stringify({ name: '@acme/shared', private: true, type: 'module', main: 'src/index.ts' }, null, 2),
    'packages/shared/tsconfig.json': tsconfig({}),
    'packages/shared/src/index.ts': sharedIndex,
    'packages/web/package.json': JSON.stringify({ name: '@acme/web', private: true, type: 'module' }, null, 2),
    'packages/web/tsconfig.json': tsconfig({}),
    'packages/web/src/Title.tsx': webApp,
    'packages/web/vite.config.js': `export default { server: { port: 5173 } };\n`,
  },
};

const expressApp = `const express = require('express');
const helmet = require('helmet');
const quotes = require('./routes/quotes');

const app = express();
app.use(helmet());
app.use('/quotes', quotes);

if (require.main === module) app.listen(process.env.PORT || 3000);
module.exports = app;
`;

// ESLint 10 rejects the eslint-env comments of the ESLint 7 era (a fatal message, though it parses
// the file and runs the rules): memo-guard must still read these files and report their findings.
const quotesRoute = `/* eslint-env node */
'use strict';
const express = require('express');
const memoize = require('lodash/memoize');

const router = express.Router();
const lastSeen = {}; // expect: no-unbounded-cache-in-handler

const priceOf = memoize(async function (symbol) { // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler
  const res = await fetch('https://quotes.example/' + symbol);
  return res.json();
});

router.get('/:symbol', async function (req, res, next) {
  try {
    lastSeen[req.ip] = Date.now();
    res.json(await priceOf(req.params.symbol));
  } catch (err) {
    next(err);
  }
});

module.exports = router;
`;

export const jsExpress: FixtureProject = {
  files: {
    'package.json': JSON.stringify(
      { name: 'quotes-api', version: '1.0.0', main: 'app.js', dependencies: { express: '^4.21.0', helmet: '^7.0.0', lodash: '^4.17.21' } },
      null,
      2,
    ),
    '.gitignore': 'node_modules/\ncoverage/\n*.log\n',
    '.eslintignore': 'public/vendor/\n',
    'app.js': expressApp,
    'routes/quotes.js': quotesRoute,
    'bin/www': '#!/usr/bin/env node\nrequire("../app").listen(3000);\n',
    'lib/config.cjs': `module.exports = { port: Number(process.env.PORT) || 3000 };\n`,
    'test/quotes.test.js': `/* eslint-env mocha */\nconst assert = require('node:assert');\nconst app = require('../app');\nassert.ok(app);\n`,
    // Minified vendor code (ignored through .eslintignore) and coverage output (through .gitignore).
    'public/vendor/chart.min.js': `!function(){var c={};window.Chart=function(k,v){c[k]=v}}();\n`,
    'coverage/lcov-report/prettify.js': `var cache = {}; function put(k, v) { cache[k] = v; }\n`,
  },
};
