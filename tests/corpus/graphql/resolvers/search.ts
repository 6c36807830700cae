import memoizee from 'memoizee';
import memoize from 'fast-memoize';
import type { GraphQLContext } from '../context';

interface Hit {
  id: string;
  title: string;
  body: string;
}

const highlighter = memoizee((terms = []) => { // expect: no-unhashable-args
  const escaped = terms.map((t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(${escaped.join('|')})`, 'gi');
});

const boostFor = memoize((field: string, boosts: Map<string, number>) => boosts.get(field) ?? 1); // expect: no-unhashable-args

const DEFAULT_BOOSTS = new Map([
  ['title', 3],
  ['body', 1],
]);

export const searchResolvers = {
  Query: {
    async search(_: unknown, args: { q: string; first?: number }, ctx: GraphQLContext) {
      const terms = args.q.split(/\s+/).filter(Boolean);
      const hits: Hit[] = await ctx.search.query(terms, { limit: args.first ?? 20 });
      const re = highlighter(terms);
      return hits.map((hit) => ({
        ...hit,
        score: boostFor('title', DEFAULT_BOOSTS) * (hit.title.match(re)?.length ?? 0) + (hit.body.match(re)?.length ?? 0),
        snippet: hit.body.slice(0, 200).replace(re, '<mark>$1</mark>'),
      }));
    },
  },
};
