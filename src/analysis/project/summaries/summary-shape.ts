/**
 * Whether a value read back from the summary cache has the shape of a summary: every field the
 * readers use, with its type. A cache entry is data from disk, so it is checked before it is used.
 */
import { keyings } from '../../catalog/settings.js';
import type { FileSummary, ReachSummary } from '../../model/file-summary.js';

type Check = (value: unknown) => boolean;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isTrue: Check = (v) => v === true;
const isBoolean: Check = (v) => typeof v === 'boolean';
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const arrayOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);
const recordOf =
  (check: Check): Check =>
  (v) =>
    isRecord(v) && Object.values(v).every(check);
/** An object with these fields (others are ignored). */
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isRecord(v) && Object.entries(fields).every(([name, check]) => check(v[name]));

const isOptionRule = shape({ names: arrayOf(isString), values: optional(arrayOf((v) => isString(v) || isBoolean(v))) });
const isBoundFix: Check = (v) => isRecord(v) && isString(v.kind) && (isString(v.option) || isString(v.key) || isString(v.change));

const isSpec = shape({
  label: isString,
  keying: (v) => keyings.includes(v as never),
  fnArg: isNumber,
  optionsArg: optional(isNumber),
  resolverArg: optional(isNumber),
  resolverOptions: optional(isOptionRule),
  keyingOptions: optional(arrayOf(shape({ option: isOptionRule, keying: (v) => keyings.includes(v as never) }))),
  bounded: (v) => isBoolean(v) || isOptionRule(v),
  unboundOption: optional(isString),
  explicitUnbound: optional(isTrue),
  promiseSafe: (v) => isBoolean(v) || isOptionRule(v),
  ttlOptions: optional(isOptionRule),
  fix: optional(isBoundFix),
  promiseOption: optional(isString),
  defaultSize: optional(isNumber),
  sizeOption: optional(isString),
  keyedArgs: optional(isNumber),
  weakKeys: optional(isTrue),
  selectorInputs: optional(isTrue),
  requestScoped: optional(isTrue),
});

const isImportRef = shape({ module: isString, export: isString });

/** A memoizer value: exactly one of its forms, each checked all the way down. */
const isMemoizerValue: Check = (v) => {
  if (!isRecord(v)) return false;
  if ('spec' in v) return isSpec(v.spec);
  if ('import' in v) return isImportRef(v.import);
  if ('members' in v) return recordOf(isMemoizerValue)(v.members);
  if ('step' in v) return isMemoizerValue(v.step);
  if ('wrapper' in v) return arrayOf(isImportRef)(v.wrapper);
  return false;
};

const isImport = shape({ local: isString, module: isString, export: isString, moduleLevel: optional(shape({ direct: isBoolean, members: arrayOf(isString) })) });
const isReexport: Check = (v) => isRecord(v) && isString(v.module) && (v.kind === 'all' || (v.kind === 'named' && isString(v.imported) && isString(v.exported)));
const isCallee = shape({ known: isBoolean, import: optional(shape({ module: isString, export: isString, member: optional(isString) })) });

const isSummary = shape({
  imports: arrayOf(isImport),
  exports: arrayOf(isString),
  memoizers: recordOf(arrayOf(isMemoizerValue)),
  reexports: arrayOf(isReexport),
  values: recordOf((v) => v === 'other' || isCallee(v)),
  instances: recordOf(arrayOf((v) => v === 'module' || v === 'call' || v === 'other' || (typeof v === 'string' && v.startsWith('class:')))),
  lifetimes: recordOf((v) => v === 'long' || v === 'operation'),
});

export function isFileSummary(value: unknown): value is FileSummary {
  return isSummary(value);
}

const isIndex: Check = (v) => Number.isInteger(v) && (v as number) >= -1;
/** An argument's fields and whether each grows, or `null`. */
const isFields: Check = (v) => v === null || recordOf(isBoolean)(v);
/** A named call's argument: a parameter's index, `-1`, or `-2` (a constant). */
const isRole: Check = (v) => Number.isInteger(v) && (v as number) >= -2;
const isHook = shape({ exportName: isString, member: optional(isString), isClass: optional(isBoolean) });
const isShape: Check = (v) =>
  isRecord(v) &&
  ((v.kind === 'name' && isString(v.name)) ||
    (v.kind === 'member' && isString(v.root) && optional(isString)(v.member)) ||
    (v.kind === 'this' && isBoolean(v.deep) && optional(isString)(v.member)));

const isReach = shape({
  imports: arrayOf(shape({ local: isString, module: isString, export: isString })),
  reexports: arrayOf(isReexport),
  functions: arrayOf(shape({ name: optional(isString), holder: isIndex, callers: arrayOf(isIndex), hooks: arrayOf(isHook) })),
  functionsByName: recordOf(arrayOf(isIndex)),
  callersByName: recordOf(arrayOf(isIndex)),
  hooksByName: recordOf(arrayOf(isHook)),
  namedCalls: arrayOf(shape({ fn: isIndex, name: isString, targets: optional(arrayOf(isIndex)), params: arrayOf(isRole), fields: optional(arrayOf((v) => v === null || isString(v))) })),
  calls: arrayOf(
    shape({
      callee: isShape,
      fn: isIndex,
      line: isNumber,
      onPath: isBoolean,
      grows: arrayOf(isBoolean),
      params: arrayOf(isIndex),
      growsHere: optional(arrayOf(isBoolean)),
      fields: optional(arrayOf(isFields)),
      callers: optional(arrayOf(isBoolean)),
      alias: optional(isString),
      kept: optional((v) => v === 'module' || v === 'call' || v === 'other'),
    }),
  ),
  registrations: recordOf(isNumber),
  subclasses: arrayOf(shape({ base: isString, thisCalls: arrayOf(isString) })),
  providers: arrayOf(shape({ name: isString, attribute: isString })),
  calledImports: arrayOf(isString),
  unusedImports: arrayOf(isString),
  startUpImports: arrayOf(isString),
  fatalStartUpImports: arrayOf(isString),
});

/** The same for a reach summary; function numbers must also point inside its list of functions. */
export function isReachSummary(value: unknown): value is ReachSummary {
  if (!isReach(value)) return false;
  const summary = value as ReachSummary;
  const count = summary.functions.length;
  const inside = (i: number): boolean => i < count;
  return (
    summary.functions.every((f) => inside(f.holder) && f.callers.every(inside)) &&
    Object.values(summary.functionsByName).every((list) => list.every(inside)) &&
    Object.values(summary.callersByName).every((list) => list.every(inside)) &&
    summary.namedCalls.every((c) => inside(c.fn) && (c.targets ?? []).every(inside)) &&
    summary.calls.every((c) => inside(c.fn))
  );
}
