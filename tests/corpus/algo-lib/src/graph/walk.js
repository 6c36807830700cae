import moize from 'moize';
import microMemoize from 'micro-memoize';

/** Total size of a subtree; `walk` is memoized in place. */
let totalSize = (node) => node.size + node.children.map(totalSize).reduce((a, b) => a + b, 0);
totalSize = moize(totalSize); // expect: no-recursive-cache-thrash

/** Depth of a tree: micro-memoize's default keeps one entry. */
export const depth = microMemoize((node) => 1 + Math.max(0, ...node.children.map((c) => depth(c)))); // expect: no-recursive-cache-thrash

/** The recursion calls the raw function; only top-level calls go through the cache. */
function countLeaves(node) {
  return node.children.length === 0 ? 1 : node.children.reduce((n, c) => n + countLeaves(c), 0);
}
export const cachedLeafCount = moize(countLeaves);

/** Flattening through a helper that calls back into the memoized binding. */
function flattenChildren(node) {
  return node.children.flatMap((c) => flatten(c));
}
export const flatten = microMemoize((node) => [node.id, ...flattenChildren(node)]); // expect: no-recursive-cache-thrash

/** Recursion through a different, unmemoized function that never comes back. */
function label(node, prefix) {
  return node.children.length ? `${prefix}${node.id}/` + label(node.children[0], prefix) : `${prefix}${node.id}`;
}
export const rootLabel = moize((node) => label(node, '/'));

export { totalSize };
