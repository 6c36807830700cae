import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import _ from 'lodash';
import { createContext, type Context } from './context';
import { resolvers } from './resolvers';

const loadTypeDefs = _.memoize(() => readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

const server = new ApolloServer<Context>({ typeDefs: loadTypeDefs(), resolvers, introspection: process.env.NODE_ENV !== 'production' });

const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT ?? 4000) },
  context: createContext,
});
console.log(`orders graph ready at ${url}`);
