/**
 * Files that never serve: tests and their fixtures and mocks, benchmarks, stories, end-to-end
 * suites, and one-shot scripts and command-line entry points, by their path inside the project.
 * A cache there lives for one run of a test or a command; the strict rules leave them alone.
 * A `tests/` folder is not in the list: its test files match by name (`*.test.*`, `__tests__`), and
 * it often holds whole example projects (this package's own corpus) that stand for shipped code.
 */
export const oneShotFilePattern =
  /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|test|spec|e2e|bench|benchmarks?|fixtures?|mocks?|stories|storybook|\.storybook|cypress|playwright|scripts?|bin)\/|\.(?:test|spec|bench|benchmark|e2e|stories|story|fixture)\.[cm]?[jt]sx?$/;
