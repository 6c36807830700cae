/**
 * Files that never serve: tests and their fixtures and mocks, benchmarks, stories, end-to-end
 * suites, and one-shot scripts and command-line entry points, by their path inside the project.
 * A cache there lives for one run of a test or a command; the strict rules leave them alone.
 * A `tests/` folder is not in the list: its test files match by name (`*.test.*`, `__tests__`), and
 * it often holds whole example projects (this package's own corpus) that stand for shipped code.
 */
export const oneShotFilePattern =
  /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|test|spec|e2e|bench|benchmarks?|fixtures?|mocks?|stories|storybook|\.storybook|cypress|playwright|scripts?|bin)\/|\.(?:test|spec|bench|benchmark|e2e|stories|story|fixture)\.[cm]?[jt]sx?$/;

/** Packages that make a front-end package a browser app when nothing renders it on a server. */
export const browserUiPackages: readonly string[] = ['react-dom', 'vue', 'svelte', 'preact', '@angular/core', 'solid-js'];

/** Packages that render front-end code on a server, or serve requests: a package declaring one runs in a long-lived process. */
export const serverPackages: readonly string[] = [
  'next', 'nuxt', 'gatsby', '@remix-run/node', '@remix-run/react', '@remix-run/server-runtime', '@sveltejs/kit', 'astro', '@builder.io/qwik-city',
  '@tanstack/react-start', '@tanstack/start', 'react-router', 'vite-plugin-ssr', 'vike', '@angular/ssr', '@nguniversal/express-engine', 'solid-start', '@solidjs/start',
  'express', 'koa', 'fastify', 'hapi', '@hapi/hapi', '@nestjs/core', 'restify', 'hono', 'electron',
];
