/**
 * Files that never serve: tests and their fixtures and mocks, benchmarks, stories, end-to-end
 * suites, and one-shot scripts and command-line entry points, by their path inside the project.
 * A cache there lives for one run of a test or a command; the strict rules leave them alone.
 */
export const oneShotFilePattern =
  /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|tests?|spec|e2e|bench|benchmarks?|fixtures?|mocks?|stories|storybook|\.storybook|cypress|playwright|scripts?|bin)\/|\.(?:test|spec|bench|benchmark|e2e|stories|story|fixture)\.[cm]?[jt]sx?$/;
