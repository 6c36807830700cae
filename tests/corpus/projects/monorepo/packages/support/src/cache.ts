/**
 * Small caching helpers without a dependency. `remember` keeps one result per distinct first
 * argument for the life of the process; `rememberLast` keeps only the latest call.
 */
export function remember<A extends [unknown, ...unknown[]], V>(compute: (...args: A) => V): (...args: A) => V {
  const results = new Map<A[0], V>();
  return (...args: A): V => {
    const key = args[0];
    if (results.has(key)) return results.get(key) as V;
    const value = compute(...args);
    results.set(key, value);
    return value;
  };
}

export function rememberLast<A extends unknown[], V>(compute: (...args: A) => V): (...args: A) => V {
  let lastArgs: A | undefined;
  let lastValue: V;
  return (...args: A): V => {
    const previous = lastArgs;
    if (previous !== undefined && previous.length === args.length && args.every((arg, i) => Object.is(arg, previous[i]))) {
      return lastValue;
    }
    lastValue = compute(...args);
    lastArgs = args;
    return lastValue;
  };
}
