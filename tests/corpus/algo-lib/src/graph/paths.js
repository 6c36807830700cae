const memoizeOne = require('memoize-one');
const moize = require('moize');

/** Lattice paths in a grid: a classic two-way recursion. */
const gridPaths = moize( // expect: no-recursive-cache-thrash
  (rows, cols) => (rows === 0 || cols === 0 ? 1 : gridPaths(rows - 1, cols) + gridPaths(rows, cols - 1)),
  { maxSize: 1 },
);

/** Same recursion with a cache sized for the largest grid the planner draws. */
const plannedPaths = moize(
  (rows, cols) => (rows === 0 || cols === 0 ? 1 : plannedPaths(rows - 1, cols) + plannedPaths(rows, cols - 1)),
  { maxSize: 10_000 },
);

/** Edit distance, memoized by the last call only. */
const editDistance = memoizeOne((a, b) => { // expect: no-recursive-cache-thrash
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const cost = a[0] === b[0] ? 0 : 1;
  return Math.min(editDistance(a.slice(1), b) + 1, editDistance(a, b.slice(1)) + 1, editDistance(a.slice(1), b.slice(1)) + cost);
});

/** memoize-one for a selector: called with the same arguments many times in a row. */
const visibleRoutes = memoizeOne((routes, filter) => routes.filter((r) => r.name.includes(filter)));

/** A named function expression recurses on its own name, never through the memoizer. */
const factorial = memoizeOne(function fact(n) {
  return n <= 1 ? 1 : n * fact(n - 1);
});

module.exports = { gridPaths, plannedPaths, editDistance, visibleRoutes, factorial };
