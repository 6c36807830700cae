import memoize from 'memoizee';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

export const compileSchema = memoize((schema: Record<string, unknown>): ValidateFunction => { // expect: no-unhashable-args
  return ajv.compile(schema);
});

export const compileById = memoize(
  (schemaId: string, draft: number) => {
    const schema = ajv.getSchema(schemaId)?.schema;
    if (!schema) throw new Error(`unknown schema ${schemaId} (draft ${draft})`);
    return ajv.compile(schema as object);
  },
  { max: 200 },
);

export const compileCanonical = memoize((schema: Record<string, unknown>) => ajv.compile(schema), {
  normalizer: (args) => JSON.stringify(args[0]),
  max: 200,
});

export function validate<T>(schema: Record<string, unknown>, data: unknown): T {
  const fn = compileSchema(schema);
  if (!fn(data)) {
    const message = ajv.errorsText(fn.errors, { separator: '; ' });
    throw Object.assign(new Error(`validation failed: ${message}`), { errors: fn.errors });
  }
  return data as T;
}
