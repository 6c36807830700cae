'use strict';

const path = require('node:path');
const fs = require('node:fs');
const _ = require('lodash');

const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'];

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

const resolveImport = _.memoize(function resolveImport(fromFile, request) { // expect: no-unhashable-args
  if (!request.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), request);
  for (const candidate of [base, ...EXTENSIONS.map((ext) => base + ext), ...EXTENSIONS.map((ext) => path.join(base, 'index' + ext))]) {
    if (isFile(candidate)) return candidate;
  }
  return null;
});

const packageRoot = _.memoize((dir) => {
  let current = dir;
  while (current !== path.dirname(current)) {
    if (isFile(path.join(current, 'package.json'))) return current;
    current = path.dirname(current);
  }
  return null;
});

module.exports = { resolveImport, packageRoot };
