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

/** Builders of an object schema whose fields are named by an object literal (`z.object({ … })`, `Joi.object({ … })`, `yup.object({ … })`). */
export const objectSchemaBuilders: ReadonlySet<string> = new Set(['object', 'strictObject', 'looseObject', 'keys']);

/** Chained methods that keep a field's set of values (a default, an optional marker, a description). */
export const setKeepingModifiers: ReadonlySet<string> = new Set(['default', 'optional', 'nullable', 'nullish', 'catch', 'describe', 'required', 'readonly', 'brand', 'label', 'meta']);
