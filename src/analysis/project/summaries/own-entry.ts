/** A summary's record entry by key, never a property inherited from `Object.prototype` (`constructor`, `toString`). */
export const ownEntry = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);
