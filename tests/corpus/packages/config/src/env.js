'use strict';

const memoize = require('lodash/memoize');

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

/** Reads an env var once; configuration does not change while the process runs. */
const readEnv = memoize((name) => {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value.trim();
});

function bool(name, fallback = false) {
  const raw = readEnv(name);
  if (raw === undefined) return fallback;
  if (TRUE.has(raw.toLowerCase())) return true;
  if (FALSE.has(raw.toLowerCase())) return false;
  throw new Error(`${name} must be a boolean, got "${raw}"`);
}

function int(name, fallback) {
  const raw = readEnv(name);
  if (raw === undefined) return fallback;
  const n = Number.parseInt(raw, 10);
  if (Number.isNaN(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

function required(name) {
  const raw = readEnv(name);
  if (raw === undefined) throw new Error(`missing required environment variable ${name}`);
  return raw;
}

module.exports = { bool, int, required, readEnv };
