/**
 * A collision-free string encoding of an argument list of plain data, used by
 * `memoize(fn, { key: 'structural' })`.
 *
 * Every value encodes to a self-delimiting token, so a sequence of tokens decodes one way only
 * and two different argument lists never share a key:
 *
 * | value                         | token                                             |
 * |-------------------------------|---------------------------------------------------|
 * | `undefined` / `null`          | `u` / `z`                                         |
 * | `true` / `false`              | `T` / `F`                                         |
 * | number (`-0` is `0`, NaN)     | `n` String(x) `;`                                 |
 * | bigint                        | `b` String(x) `;`                                 |
 * | string                        | `s` length `:` chars                              |
 * | `Symbol.for(k)`               | `y` length `:` k                                  |
 * | other symbol, function, class instance | `@` identity number `;`                  |
 * | Date                          | `D` time value `;` (an invalid Date is `DNaN;`)   |
 * | array (holes are `_`)         | `[` elements `]`                                  |
 * | plain object (sorted keys)    | `{` (length `:` key value)* `}`                   |
 * | Map (entries sorted)          | `M` (key value)* `)`                              |
 * | Set (members sorted)          | `S` members `)`                                   |
 *
 * The argument list itself is encoded like an array, so its length is part of the key.
 */

/** Identity numbers for values keyed by identity; weak, so the cache does not keep them alive. */
const identities = new WeakMap<object, number>();
/** Unregistered symbols cannot be WeakMap keys on every supported Node; they are few and tiny. */
const symbolIdentities = new Map<symbol, number>();
let nextIdentity = 0;

/** Set while a portable key (one that means the same in every process) is being encoded. */
let portable = false;

function identityToken(value: object | symbol): string {
  if (portable) {
    throw new TypeError(
      `memoize: a shared store needs keys that mean the same in every process, and ${describeIdentity(value)} is keyed by identity (numbered per process); pass plain data, or a \`key\` resolver that returns a string`,
    );
  }
  let id: number | undefined;
  if (typeof value === 'symbol') {
    id = symbolIdentities.get(value);
    if (id === undefined) symbolIdentities.set(value, (id = nextIdentity++));
  } else {
    id = identities.get(value);
    if (id === undefined) identities.set(value, (id = nextIdentity++));
  }
  return `@${id};`;
}

function describeIdentity(value: object | symbol): string {
  if (typeof value === 'symbol') return `the unregistered symbol ${String(value)}`;
  if (typeof value === 'function') return 'a function';
  const name = (value.constructor as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== '' ? `an instance of ${name}` : 'an object with a custom prototype';
}

function stringToken(tag: string, value: string): string {
  return `${tag}${value.length}:${value}`;
}

/**
 * Encode one value. `path` holds the containers being encoded, to reject cycles (a container
 * shared twice without a cycle is fine and is encoded twice).
 */
function encode(value: unknown, path: Set<object>): string {
  switch (typeof value) {
    case 'undefined':
      return 'u';
    case 'boolean':
      return value ? 'T' : 'F';
    case 'number':
      // String(-0) is '0' (SameValueZero, as Map does); NaN is 'NaN'.
      return `n${String(value)};`;
    case 'bigint':
      return `b${String(value)};`;
    case 'string':
      return stringToken('s', value);
    case 'symbol': {
      const registered = Symbol.keyFor(value);
      return registered === undefined ? identityToken(value) : stringToken('y', registered);
    }
    case 'function':
      return identityToken(value);
    case 'object':
      if (value === null) return 'z';
      return encodeObject(value, path);
  }
}

function encodeObject(value: object, path: Set<object>): string {
  if (Array.isArray(value)) {
    enter(value, path);
    let out = '[';
    const array: readonly unknown[] = value;
    for (let i = 0; i < array.length; i++) {
      out += i in array ? encode(array[i], path) : '_';
    }
    path.delete(value);
    return `${out}]`;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    enter(value, path);
    let out = '{';
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record).sort()) {
      out += `${key.length}:${key}${encode(record[key], path)}`;
    }
    path.delete(value);
    return `${out}}`;
  }
  if (value instanceof Date) return `D${String(value.getTime())};`;
  if (value instanceof Map) {
    enter(value, path);
    const entries: string[] = [];
    for (const [k, v] of value as Map<unknown, unknown>) entries.push(encode(k, path) + encode(v, path));
    path.delete(value);
    return `M${entries.sort().join('')})`;
  }
  if (value instanceof Set) {
    enter(value, path);
    const members: string[] = [];
    for (const member of value as Set<unknown>) members.push(encode(member, path));
    path.delete(value);
    return `S${members.sort().join('')})`;
  }
  // Class instances, RegExps, typed arrays, promises, boxed primitives...: by identity.
  return identityToken(value);
}

function enter(value: object, path: Set<object>): void {
  if (path.has(value)) {
    throw new TypeError('memoize: structural key of a circular structure (an argument contains itself)');
  }
  path.add(value);
}

/**
 * The structural key of an argument list: equal for argument lists of equal plain data
 * (independent of object key order), different otherwise. Throws a `TypeError` on cycles, and
 * with `portableKey` (a key shared across processes) on anything keyed by identity.
 */
export function structuralKey(args: ArrayLike<unknown>, portableKey = false): string {
  const path = new Set<object>();
  let out = '[';
  const outer = portable;
  portable = portableKey;
  try {
    for (let i = 0; i < args.length; i++) out += encode(args[i], path);
  } finally {
    portable = outer;
  }
  return `${out}]`;
}
