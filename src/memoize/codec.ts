/**
 * Values in a shared store: a versioned envelope around a JSON tree in which the values JSON
 * cannot represent carry a tag, so they round-trip exactly: `undefined`, `NaN`, `±Infinity`,
 * `-0`, `BigInt`, `Date`, `Map`, `Set`, `RegExp`, typed arrays, `ArrayBuffer`, array holes and
 * named array properties, null-prototype objects, an own `__proto__` key.
 *
 * Envelope (one string): `mg2|<born>|<written>|<freshMs>|<lifeMs>|<json>`; `born` is the store's
 * clock when the computation started (an older value never overwrites a newer one), `written` the
 * store's clock when it was stored (a reader ages the entry from it, so a read is one GET),
 * `freshMs` the ttl the writer used and `lifeMs` how long the store keeps it (0: for ever). A
 * tombstone (written by a delete, so that a computation started before the delete cannot write
 * back its value) is `mg2|<born>|T`. Any other prefix (another version, `mg1` included) reads as a
 * miss.
 */

export const ENVELOPE_VERSION = 'mg2';

/** A value a shared store cannot carry (a function, a class instance, a cycle...). */
export class NotShareableError extends TypeError {
  override name = 'NotShareableError';
}

const TAG = '$mg';

type Tree = null | boolean | number | string | Tree[] | { [key: string]: Tree };

const TYPED_ARRAYS = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;

function tagged(tag: string, value: Tree): Tree {
  return { [TAG]: tag, v: value };
}

function toTree(value: unknown, path: Set<object>): Tree {
  switch (typeof value) {
    case 'undefined':
      return tagged('u', null);
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      return tagged('n', Object.is(value, -0) ? '-0' : String(value));
    case 'bigint':
      return tagged('b', value.toString());
    case 'object':
      if (value === null) return null;
      return objectToTree(value, path);
    default:
      throw new NotShareableError(`a ${typeof value} cannot be stored in a shared store`);
  }
}

function objectToTree(value: object, path: Set<object>): Tree {
  if (path.has(value)) throw new NotShareableError('a circular structure cannot be stored in a shared store');
  path.add(value);
  try {
    if (Array.isArray(value)) {
      const array: readonly unknown[] = value;
      const out: Tree[] = [];
      let holes = false;
      let present = 0;
      for (let i = 0; i < array.length; i++) {
        if (i in array) {
          present++;
          out.push(toTree(array[i], path));
        } else {
          holes = true;
          out.push(tagged('_', null));
        }
      }
      const tree = holes ? tagged('A', out) : out;
      // Named (non-index) own enumerable properties travel beside the elements.
      const keys = Object.keys(array);
      if (keys.length === present) return tree;
      const named = plainTree(array, keys.slice(present), path);
      return tagged('P', [tree, named]);
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) {
      const out = plainTree(value, Object.keys(value), path);
      // A null-prototype object comes back as one; a plain object that has the tag's own key is
      // wrapped, so it never reads as a tag.
      if (proto === null) return tagged('N', out);
      return Object.hasOwn(value, TAG) ? tagged('O', out) : out;
    }
    if (value instanceof Date) {
      const time = value.getTime();
      return tagged('D', Number.isNaN(time) ? null : time);
    }
    if (value instanceof Map) {
      const out: Tree[] = [];
      for (const [k, v] of value as Map<unknown, unknown>) out.push([toTree(k, path), toTree(v, path)]);
      return tagged('M', out);
    }
    if (value instanceof Set) {
      const out: Tree[] = [];
      for (const member of value as Set<unknown>) out.push(toTree(member, path));
      return tagged('S', out);
    }
    if (value instanceof RegExp) return tagged('R', [value.source, value.flags]);
    if (value instanceof ArrayBuffer) return tagged('B', Buffer.from(value).toString('base64'));
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const name = value.constructor.name as TypedArrayName;
      if (Object.hasOwn(TYPED_ARRAYS, name) && Object.getPrototypeOf(value) === TYPED_ARRAYS[name].prototype) {
        return tagged('T', [name, Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')]);
      }
    }
    const ctor = (value.constructor as { name?: unknown } | undefined)?.name;
    throw new NotShareableError(
      `${typeof ctor === 'string' && ctor !== '' ? `an instance of ${ctor}` : 'an object with a custom prototype'} cannot be stored in a shared store (plain data, Date, Map, Set, RegExp, BigInt, typed arrays only)`,
    );
  } finally {
    path.delete(value);
  }
}

/**
 * The tree of an object's `keys`, in a null-prototype record (so an own `__proto__` key is an
 * ordinary property there, and JSON writes it).
 */
function plainTree(value: object, keys: string[], path: Set<object>): Record<string, Tree> {
  const out = Object.create(null) as Record<string, Tree>;
  for (const key of keys) out[key] = toTree((value as Record<string, unknown>)[key], path);
  return out;
}

/** Copy a record's values into `out`, as own data properties (`__proto__` included). */
function fromRecord<T extends object>(out: T, record: Record<string, Tree>): T {
  for (const key of Object.keys(record)) {
    const item = fromTree(record[key] as Tree);
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, writable: true, enumerable: true, configurable: true });
    else (out as Record<string, unknown>)[key] = item;
  }
  return out;
}

function fromTree(tree: Tree): unknown {
  if (tree === null || typeof tree !== 'object') return tree;
  if (Array.isArray(tree)) return tree.map(fromTree);
  if (!Object.hasOwn(tree, TAG)) return fromRecord({}, tree);
  const v = tree.v as Tree;
  switch (tree[TAG]) {
    case 'u':
      return undefined;
    case 'n':
      return Number(v);
    case 'b':
      return BigInt(v as string);
    case 'D':
      return new Date(v === null ? NaN : (v as number));
    case 'M':
      return new Map((v as [Tree, Tree][]).map(([k, x]) => [fromTree(k), fromTree(x)]));
    case 'S':
      return new Set((v as Tree[]).map(fromTree));
    case 'R':
      return new RegExp((v as string[])[0] as string, (v as string[])[1]);
    case 'B': {
      const bytes = Buffer.from(v as string, 'base64');
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    }
    case 'T': {
      const [name, data] = v as [TypedArrayName, string];
      const bytes = Buffer.from(data, 'base64');
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      const Ctor = TYPED_ARRAYS[name];
      return new Ctor(buffer);
    }
    case 'A': {
      const items = v as Tree[];
      const out: unknown[] = new Array<unknown>(items.length);
      items.forEach((item, i) => {
        if (!(item !== null && typeof item === 'object' && !Array.isArray(item) && item[TAG] === '_')) out[i] = fromTree(item);
      });
      return out;
    }
    case 'O':
      return fromRecord({}, v as Record<string, Tree>);
    case 'N':
      return fromRecord(Object.create(null) as object, v as Record<string, Tree>);
    case 'P': {
      const [items, named] = v as [Tree, Record<string, Tree>];
      return fromRecord(fromTree(items) as unknown[], named);
    }
    default:
      throw new TypeError(`unknown tag ${JSON.stringify(tree[TAG])}`);
  }
}

/** The payload of a value (throws `NotShareableError` if it cannot round-trip). */
export function encodeValue(value: unknown): string {
  return JSON.stringify(toTree(value, new Set()));
}

export function decodeValue(payload: string): unknown {
  return fromTree(JSON.parse(payload) as Tree);
}

export function envelope(born: number, written: number, freshMs: number, lifeMs: number, payload: string): string {
  return `${ENVELOPE_VERSION}|${String(born)}|${String(written)}|${String(freshMs)}|${String(lifeMs)}|${payload}`;
}

export function tombstone(born: number): string {
  return `${ENVELOPE_VERSION}|${String(born)}|T`;
}

export interface Opened {
  born: number;
  /** The store's clock when the value was stored. */
  written: number;
  /** 0: never stale. */
  freshMs: number;
  /** 0: kept for ever. */
  lifeMs: number;
  payload: string;
}

/** The fields of an envelope; undefined for a tombstone, another version or garbage. */
export function openEnvelope(text: string): Opened | undefined {
  const match = /^mg2\|(\d+)\|(\d+)\|(\d+)\|(\d+)\|/.exec(text);
  if (match === null) return undefined;
  return {
    born: Number(match[1]),
    written: Number(match[2]),
    freshMs: Number(match[3]),
    lifeMs: Number(match[4]),
    payload: text.slice(match[0].length),
  };
}
