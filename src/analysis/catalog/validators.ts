/**
 * Schema validators whose result can only be one of a fixed set of values: a field a request is
 * checked against with `z.enum([...])` is one of the listed values once the parse succeeded.
 */

/** Methods of a schema (zod, yup, joi) that check a value and return it, or a result holding it. */
export const schemaParseMethods: ReadonlySet<string> = new Set(['parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'validate', 'validateSync', 'validateAsync']);

/** Functions that take the schema first: valibot's `parse(schema, input)`. */
export const schemaFirstParsers: ReadonlySet<string> = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync']);

/** The field of a `safeParse` result that holds the parsed value (zod's and valibot's `data`/`output`, joi's `value`). */
export const parsedValueFields: ReadonlySet<string> = new Set(['data', 'output', 'value']);

/** Schema builders whose values are a fixed set: zod's `z.enum`, valibot's `v.picklist`, `literal`, a boolean. */
export const fixedSetBuilders: ReadonlySet<string> = new Set(['enum', 'nativeEnum', 'literal', 'boolean', 'picklist', 'enum_', 'oneOf', 'valid']);

/** Refinements that keep only the values a predicate accepts (`z.number().refine((v) => LIST.includes(v))`). */
export const membershipRefinements: ReadonlySet<string> = new Set(['refine']);

/**
 * Predicates that check a value's form, not that it is one of a known set: past `if
 * (!Number.isInteger(pr)) return`, `pr` is still any integer (`isUUID`, `isValidObjectId`, `isEmail`
 * alike). Named like membership checks (`is…`), they bound nothing.
 */
export const shapePredicates: ReadonlySet<string> = new Set([
  'isInteger', 'isSafeInteger', 'isFinite', 'isNaN', 'isArray', 'isString', 'isNumber', 'isBoolean', 'isObject', 'isPlainObject', 'isDate',
  'isInt', 'isFloat', 'isNumeric', 'isDecimal', 'isAlpha', 'isAlphanumeric', 'isHexadecimal', 'isBase64', 'isJWT', 'isISO8601', 'isDateString',
  'isUUID', 'isUuid', 'isEmail', 'isURL', 'isUrl', 'isMongoId', 'isObjectId', 'isValidObjectId', 'isValid', 'isIP', 'isSlug',
  'isNotEmpty', 'isEmpty', 'isNil', 'isDefined',
]);

/** Predicates named for a guess at a value's form (`isLikelyPhone`, `looksLikeEmail`, `isProbablyUrl`): they bound nothing either. */
export const shapeGuessPattern = /^(?:isLikely|looksLike|isProbably|seemsLike)[A-Z]/;

/** Methods that test membership of a list or a set (`LIST.includes(v)`, `KNOWN.has(v)`). */
export const membershipMethods: ReadonlySet<string> = new Set(['includes', 'has']);
/**
 * Functions that answer whether two values are equal, by name: `timingSafeEqual`, `isEqual`,
 * `constantTimeEquals`, and constant-time comparisons (`safeCompare`, `secureCompare`). Not a plain
 * `compare` or `localeCompare`, which answer 0 for equal values.
 */
export const equalityFunction = /^equals?$|[a-z]Equals?$|^(?:safe|secure|constantTime|timingSafe)Compare$/;

/** Builders of an object schema whose fields are named by an object literal (`z.object({ … })`, `Joi.object({ … })`, `yup.object({ … })`). */
export const objectSchemaBuilders: ReadonlySet<string> = new Set(['object', 'strictObject', 'looseObject', 'keys']);

/** Chained methods that keep a field's set of values (a default, an optional marker, a description). */
export const setKeepingModifiers: ReadonlySet<string> = new Set(['default', 'optional', 'nullable', 'nullish', 'catch', 'describe', 'required', 'readonly', 'brand', 'label', 'meta']);

/**
 * A route's own validation schema, checked by the framework before the handler runs: Fastify's
 * `app.post(path, { schema: { body } }, handler)` and `app.route({ schema, handler })`. The request
 * field each schema part validates (`request.query` by `querystring`, which Fastify also calls `query`).
 */
export const routeSchemaParts: Readonly<Record<string, readonly string[]>> = { body: ['body'], query: ['querystring', 'query'], params: ['params'], headers: ['headers'] };

/** JSON Schema keywords that allow only listed values (`{ type: 'string', enum: [...] }`, `{ const: 'x' }`). */
export const jsonSchemaFixedKeywords: readonly string[] = ['enum', 'const'];

/** TypeBox builders of a fixed set of values (`Type.Literal('a')`, `Type.Enum(Kind)`, `Type.Boolean()`); `Type.Union` of them is one too. */
export const typeboxFixedBuilders: ReadonlySet<string> = new Set(['Literal', 'Enum', 'Boolean', 'KeyOf']);

/** TypeBox builders of an object schema (`Type.Object({ … })`) and of a union (`Type.Union([ … ])`); JSON Schema names an object's fields under `properties`. */
export const typeboxObjectBuilders: ReadonlySet<string> = new Set(['Object']);
export const typeboxUnionBuilders: ReadonlySet<string> = new Set(['Union']);
export const jsonSchemaFieldsKeyword = 'properties';

/** TypeBox builders that keep the set of values of the schema they wrap (`Type.Optional(x)`). */
export const typeboxSetKeepingBuilders: ReadonlySet<string> = new Set(['Optional', 'Readonly', 'ReadonlyOptional']);

/**
 * Constructors that throw (a RangeError) for an option value outside a fixed set the runtime knows,
 * by the constructor's name: `new Intl.DateTimeFormat(locale, { timeZone })` accepts only the IANA
 * zones (about 600), so a value made with it exists only for those.
 */
export const fixedSetConstructorOptions: Readonly<Record<string, readonly string[] | undefined>> = { DateTimeFormat: ['timeZone'] };
