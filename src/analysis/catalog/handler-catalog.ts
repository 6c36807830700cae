/**
 * The handler catalog: how each framework registers the functions that run per request.
 * `handlers.ts` reads these tables; nothing else names a framework.
 */

/**
 * Route registration by method call: `app.get('/x', h)`, `router.use(mw)`, `fastify.post(...)`,
 * `new Hono().get(...)`, `app.route('/x').get(h)`. Function arguments of such a call are handlers.
 */
export const routeMethods: ReadonlySet<string> = new Set([
  'get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head', 'any', 'on', 'route', 'register',
]);

/**
 * Receivers known to be apps or routers: a name used for them by convention, or a variable
 * initialised by one of the factories below (Express, Fastify, Koa, koa-router, Hono, Polka, …).
 */
export const routerNamePattern = /^(?:app|application|router|[a-z]*Router|server|api|routes?|fastify|instance|hono|koa|web|http)$/i;
export const routerFactories: ReadonlySet<string> = new Set([
  'express', 'Router', 'fastify', 'Fastify', 'Koa', 'KoaRouter', 'Hono', 'OpenAPIHono', 'polka', 'restify', 'createServer', 'createApp', 'createRouter', 'Elysia',
]);

/**
 * Option objects that name their handler: Fastify's `route({ handler })`, Hapi's `server.route({ handler })`,
 * `Bun.serve({ fetch })`, a Cloudflare Worker's `export default { fetch }`.
 */
export const handlerOptionKeys: readonly string[] = ['handler', 'preHandler', 'onRequest', 'resolve', 'fetch'];

/** Servers: node's `http.createServer((req, res) => …)`, `Deno.serve(h)`, `Bun.serve({ fetch })`; and `server.on('request', h)`. */
export const serverFactories: ReadonlySet<string> = new Set(['createServer', 'createSecureServer', 'serve']);
/**
 * The events a server emits per request or connection, by the parameters its listener is handed:
 * node's `request` listener takes the response too (`(req, res)`), which a browser-automation page's
 * `page.on('request', (request) => …)` (Playwright, Puppeteer: one per request the page makes) never does.
 */
export const requestEvents: ReadonlyMap<string, number> = new Map([
  ['request', 2],
  ['stream', 1],
  ['connection', 1],
  ['upgrade', 1],
]);

/** tRPC procedures: `publicProcedure.input(schema).query(({ input }) => …)`, on a receiver named like a procedure. */
export const procedureMethods: ReadonlySet<string> = new Set(['query', 'mutation', 'subscription']);
export const procedureNamePattern = /procedure$/i;

/**
 * Parameter names that mark a function as a handler wherever it is registered (controllers and
 * middleware often live in files without the registration): `(req, res)`, `(request, reply)`, `(ctx, next)`.
 */
export const handlerParameterPairs: readonly (readonly [RegExp, RegExp])[] = [
  [/^req(?:uest)?$/, /^(?:res(?:ponse)?|reply)$/],
  [/^ctx$/, /^next$/],
];

/** Names a request object or a request's context goes by (`req`, `ctx`): such an object lives for one request. */
export const requestObjectName = /^(?:req|request|ctx|context)$/;

/** The parts of a request made afresh with it (`request.headers`, or a `headers` handed on alone): keyed by identity, an entry lives as long as the request. */
export const perRequestParts: ReadonlySet<string> = new Set(['headers']);

/**
 * Parameter types that mark a handler whatever its parameters are called (`(req: Request, _res: Response, next: NextFunction)`):
 * the first parameter's type and the second's, by type name as annotated.
 */
export const handlerParameterTypes: readonly (readonly [ReadonlySet<string>, ReadonlySet<string>])[] = [
  [
    new Set(['Request', 'ExpressRequest', 'FastifyRequest', 'NextApiRequest', 'IncomingMessage', 'Http2ServerRequest']),
    new Set(['Response', 'ExpressResponse', 'FastifyReply', 'NextApiResponse', 'ServerResponse', 'Http2ServerResponse']),
  ],
  [new Set(['Context', 'ParameterizedContext', 'RouterContext', 'KoaContext']), new Set(['Next', 'NextFunction'])],
];

/** NestJS (and type-graphql): decorated classes whose decorated methods handle requests. */
export const controllerDecorators: ReadonlySet<string> = new Set(['Controller', 'Resolver', 'WebSocketGateway']);
export const handlerMethodDecorators: ReadonlySet<string> = new Set([
  'Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Options', 'Head', 'Query', 'Mutation', 'Subscription',
  'ResolveField', 'FieldResolver', 'MessagePattern', 'EventPattern', 'SubscribeMessage', 'Sse',
]);

/**
 * Methods Nest (and alike) run on every request, on guards, interceptors, middleware and filters:
 * `canActivate(context)`, `intercept(context, next)`, `use(req, res, next)`, `catch(exception, host)`.
 */
export const perRequestMethods: ReadonlySet<string> = new Set(['canActivate', 'intercept', 'use', 'catch']);
export const perRequestInterfaces: ReadonlySet<string> = new Set(['CanActivate', 'NestInterceptor', 'NestMiddleware', 'ExceptionFilter']);

/** Classes whose one instance lives as long as the process: their fields are long-lived caches. */
export const singletonDecorators: ReadonlySet<string> = new Set(['Injectable', 'Controller', 'Resolver', 'Service', 'Module']);

/** Nest's `@Injectable({ scope: Scope.REQUEST })` / `Scope.TRANSIENT`: a new instance per request or per use, not a singleton. */
export const providerScopeOption = 'scope';
export const perRequestProviderScopes: ReadonlySet<string> = new Set(['REQUEST', 'TRANSIENT']);

/**
 * Rows of an ORM: a class extending one of these bases, or declared with one of these decorators, is
 * loaded from the database per query, so each instance lives for the operation that loaded it.
 */
export const ormRowBases: ReadonlySet<string> = new Set(['Model', 'BaseModel', 'BaseEntity', 'Entity']);
export const ormRowDecorators: ReadonlySet<string> = new Set(['Entity', 'Table', 'ObjectType', 'Schema']);

/**
 * Calls that keep what they are given beyond the call: registering middleware, handlers, listeners,
 * providers and services, or storing into a collection. An instance handed to one lives as long as
 * what it was handed to.
 */
export const keepingCalls: ReadonlySet<string> = new Set([
  'use', 'register', 'registerService', 'provide', 'bind', 'add', 'push', 'unshift', 'set', 'on', 'once', 'addListener', 'addEventListener',
  'subscribe', 'listen', 'mount', 'decorate', 'route', 'addRoute', 'get', 'post', 'put', 'patch', 'delete', 'all', 'handle', 'attach', 'setInterval', 'setTimeout',
]);

/** Methods that hang a value on a server instance for its whole life (Fastify's `fastify.decorate('cache', new Map())`). */
export const serverDecorateMethods: ReadonlySet<string> = new Set(['decorate']);
/** The property through which a request or reply reaches its server instance (`request.server.cache`). */
export const serverOfRequest = 'server';

/** Methods a framework calls by name, with no call in the code (NestJS lifecycle hooks). */
export const frameworkCalledMethods: ReadonlySet<string> = new Set([
  'onModuleInit', 'onModuleDestroy', 'onApplicationBootstrap', 'beforeApplicationShutdown', 'onApplicationShutdown',
]);

/**
 * Handler parameters that are the response alone (Express's `res`, Fastify's `reply`): what is read
 * from them (`res.locals.locale`, `res.statusCode`) is what the app put there, not what the client sent.
 */
export const responseOnlyNames: ReadonlySet<string> = new Set(['res', 'response', 'reply']);
/** The response object of Express, Koa (`ctx`, request and response in one), Fastify (`reply`), and the methods that send through it. */
export const responseNames: ReadonlySet<string> = new Set([...responseOnlyNames, 'ctx']);
export const responseMethods: ReadonlySet<string> = new Set(['send', 'json', 'status', 'end', 'write', 'writeHead', 'setHeader', 'redirect', 'render', 'cookie', 'clearCookie', 'sendFile', 'download', 'set', 'header', 'type', 'append', 'code', 'sendStatus', 'attachment', 'location', 'vary', 'throw']);

/** Route registration reads like an HTTP write (`app.post('/x', h)`) but happens once at start-up: these receivers register. */
export const routeRegistrars: ReadonlySet<string> = new Set(['app', 'router', 'server', 'fastify', 'api', 'routes']);

/** GraphQL resolver maps: `{ Query: { user: (_, args) => … } }`. */
export const resolverMapKeys: ReadonlySet<string> = new Set(['Query', 'Mutation', 'Subscription']);

/** Exports that a platform calls per request, by file path. */
export interface ExportHandlerRule {
  /** The file's path (with `/` separators) must match; no pattern: any file. */
  file?: RegExp;
  /** Exported names that are handlers (`default` for the default export). */
  exports: ReadonlySet<string>;
  /**
   * The platform hands the request (the event) to the handler as its first argument: a handler
   * declaring no parameter takes no input, a scheduled job (`handler = wrap(async () => runLoop())`).
   */
  takesEvent?: true;
}

export const exportHandlerRules: readonly ExportHandlerRule[] = [
  // Next.js App Router route handlers.
  { file: /(?:^|\/)app\/(?:.*\/)?route\.[cm]?[jt]sx?$/, exports: new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']) },
  // Next.js Pages Router API routes.
  { file: /(?:^|\/)pages\/api\//, exports: new Set(['default']) },
  // Next.js App Router pages and layouts render per request on the server.
  { file: /(?:^|\/)app\/(?:.*\/)?(?:page|layout)\.[jt]sx?$/, exports: new Set(['default', 'generateMetadata']) },
  // Next.js middleware.
  { file: /(?:^|\/)middleware\.[cm]?[jt]s$/, exports: new Set(['middleware', 'default']) },
  // Server-side rendering and data loaders (Next.js, Remix, SvelteKit).
  { exports: new Set(['getServerSideProps', 'loader', 'action']) },
  // AWS Lambda and alike.
  { exports: new Set(['handler']), takesEvent: true },
];

/**
 * Request and response properties that take one of a fixed set of values (the route table, the
 * HTTP method, the status code the server answered with): a key built from them does not grow with
 * requests. `req.route.path`, `request.routeOptions.url`, koa-router's `ctx._matchedRoute`,
 * `res.statusCode` in a metrics hook.
 */
export const boundedRequestFields: ReadonlySet<string> = new Set(['method', 'baseUrl', 'route', 'routeOptions', 'routerPath', '_matchedRoute', 'matchedRoute', 'routePath', 'protocol', 'httpVersion', 'statusCode']);
/**
 * Methods of a request's execution context that name the route's code, not the request: NestJS's
 * `context.getClass()` (the controller) and `context.getHandler()` (its method), `context.getType()`
 * (`'http'`, `'rpc'`, `'ws'`). A key built from `context.getClass().name` has one entry per route.
 */
export const routeDescriptorMethods: ReadonlySet<string> = new Set(['getClass', 'getHandler', 'getType']);
/**
 * What a locale middleware chose for the request among the languages the app supports (i18n's
 * `req.locale`, i18next-http-middleware's `req.language` / `req.lng`, express-locale, an app's own
 * best match of `Accept-Language` against its list): one of a few, however many requests.
 */
export const localeRequestFields: ReadonlySet<string> = new Set(['locale', 'language', 'lng']);
/** Tests for "nothing found" by name: `isNil(row)`, `_.isNull(user)`, `isUndefined(entry)`. */
export const absenceTests: ReadonlySet<string> = new Set(['isNil', 'isNull', 'isUndefined']);
/** Fields that count the rows a query answered with (`rows.length`, node-postgres's `rowCount`): zero means nothing found. */
export const rowCountFields: ReadonlySet<string> = new Set(['length', 'rowCount']);
/** The field a client's answer holds its rows in (Supabase's `{ data, error }`): `const { data: row } = await query` names the row. */
export const answerRowField = 'data';
/** Finders that answer nothing (`null`, `undefined`) when no row matches, by name: Prisma's `findUnique`, TypeORM's `findOneBy`, a repository's `findByEmail`. */
export const rowFinderName = /^find(?:[A-Z_]\w*)?$/;
/**
 * Other queries that answer nothing when no row matches: ts-sql-query's `executeSelectNoneOrOne`,
 * Supabase's `maybeSingle`, pg-promise's `oneOrNone`, Knex's `first`.
 */
export const rowOrNothingQueries: ReadonlySet<string> = new Set(['executeSelectNoneOrOne', 'maybeSingle', 'oneOrNone', 'first']);
/** An assertion by name (`assertParticipant`, `assert_owner`): awaited, it asks a store and throws when the record is not there. */
export const assertionName = /^assert(?:[A-Z_]\w*)?$/;
/**
 * An access check by name (`requireTournamentAccess`, `verifyLeagueOrg`, `requireOrgStaff`, `ensureProjectMember`): what it
 * answers says whether the caller may reach the record its arguments name, which it looks up first; a
 * request past `if (!(await requireTournamentAccess(req, res, orgId, id))) return` names one that exists.
 */
export const accessCheckName = /^(?:require|verify|ensure|check|assert|has|can)[A-Z]\w*(?:Access|Exists?|Member|Membership|Owner|Ownership|Permissions?|Org|Organization|Staff|Admin|Roles?)$/;
/**
 * What authentication middleware put on the request once it verified the caller: Passport's
 * `req.user`, express-jwt's `req.auth`, Koa's `ctx.state.user`, the key record an API-key check
 * found (`req.apiKey`). Keys built from it are bounded by the
 * accounts that exist, as a row the handler has just loaded is, not by what a client sends.
 */
export const authenticatedRequestFields: ReadonlySet<string> = new Set(['user', 'auth', 'currentUser', 'viewer', 'owner', 'workspace', 'team', 'tenant', 'organization', 'account', 'apiKey']);
/**
 * The same, as ids a middleware or a tRPC/GraphQL context factory resolved for the verified caller
 * (`ctx.teamId`, `req.userId`, `req.tenantSlug`): one value per existing account, team or tenant.
 */
/**
 * The ids an auth accessor answers with (`const { householdId, userId } = getRequestIdentity(req)`,
 * `getAuth(req).orgId`): whatever the account is grouped by, each is one per account.
 */
export const accessorIdField = /^(?:id|[a-z]\w*Id)$/;
export const authenticatedIdFields: ReadonlySet<string> = new Set(['userId', 'teamId', 'tenantId', 'orgId', 'organizationId', 'workspaceId', 'accountId', 'apiKeyId', 'tenantSlug', 'orgSlug', 'teamSlug', 'workspaceSlug']);
/**
 * What ids a middleware puts on the request name when they are new for every request or every
 * visitor, not one per account: the last word before `Id` (`req.requestId`, Lambda's
 * `context.awsRequestId`, `req.traceId`, `req.sessionId`, `req.deviceId`). The app's other ids on the
 * request (`req.clinicId`, `req.companyId`) name the group the verified caller belongs to.
 */
export const perRequestIdWords: ReadonlySet<string> = new Set(['request', 'req', 'trace', 'correlation', 'span', 'session', 'visitor', 'anonymous', 'anon', 'device', 'fingerprint', 'idempotency', 'upload', 'message', 'event', 'transaction', 'tx', 'connection', 'socket', 'client', 'ip']);
/** The row id of a record (`_id` as MongoDB names it). */
export const recordIdFields: ReadonlySet<string> = new Set(['id', '_id']);
/** A record on the request named for the account it holds (`req.patientUser`, `req.adminAccount`): its bare `id` is the account's. */
export const accountRecordName = /(?:user|account|member|customer|patient|admin|owner|principal|identity)$/i;
/**
 * Fields of a request that hold what the client sent (`req.body`, `req.params`, `event.pathParameters`,
 * tRPC's `input`), or that the framework fills for every visitor (`req.session`, `req.socket`). Any
 * other field a middleware put on the request under the app's own name (`req.patient`,
 * `req.apiClient`) is its record of the caller it verified, as `req.user` is.
 */
export const clientRequestFields: ReadonlySet<string> = new Set([
  'body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'files', 'file', 'rawBody', 'raw', 'payload', 'data', 'input', 'args', 'variables',
  'url', 'originalUrl', 'path', 'search', 'searchParams', 'nextUrl', 'hostname', 'host', 'ip', 'ips', 'subdomains',
  'session', 'sessionID', 'socket', 'connection', 'handshake', 'request', 'req', 'res', 'response',
  'pathParameters', 'queryStringParameters', 'multiValueQueryStringParameters', 'multiValueHeaders', 'rawQueryString', 'rawPath', 'requestContext',
]);
/**
 * Fields of the request or context that hold the server's own configuration, not what the client
 * sent: Hono's and Cloudflare's `c.env`, SvelteKit's `platform.env`, Express's `req.app` (its
 * settings and `locals`), Remix on Cloudflare's `context.cloudflare`.
 */
export const serverConfigFields: ReadonlySet<string> = new Set(['env', 'app', 'cloudflare']);
/**
 * The most strings a pattern test may let through for a key that passed it to count as one of a
 * fixed set: a three-letter code (17,576) or a language from a list does; a six-digit postcode (10^6)
 * does not, as a million cached answers are worth a bound.
 */
export const maxPatternKeys = 100_000;
/** A handler parameter by this name is the deployment's bindings (a Worker's `fetch(request, env, ctx)`). */
export const serverConfigParameters: ReadonlySet<string> = new Set(['env']);
/**
 * An AWS Lambda handler's `(event, context)`: the first parameter's name, and the fields of the
 * second (the runtime's context: function name, the invoker's `clientContext`) that differ per
 * invocation. Its other fields are the deployment's, not what a request carries.
 */
export const lambdaEventParameter = /^(?:event|evt)$/;
export const lambdaPerInvocationFields: ReadonlySet<string> = new Set(['awsRequestId', 'identity']);
/** The bags of a request context that middleware fills: Koa's `ctx.state.user`, Hono's `c.var.userId`. */
export const requestStateFields: ReadonlySet<string> = new Set(['state', 'var']);
/**
 * Socket.IO's bag on a connection that the server's `io.use` middleware fills (`socket.data.user`),
 * read on a parameter named for a socket: a `data` field of anything else (an event payload, a
 * response) is what was sent.
 */
export const socketStateField = 'data';
export const socketParameterPattern = /^(?:socket|client)$/;
/** The getter of what a middleware set on a request context (Hono's `c.get('userId')`, after `c.set('userId', …)`). */
export const contextGetter = 'get';
/**
 * Calls that answer with the verified caller of a request, given the request or nothing: Clerk's
 * `getAuth(req)` and `auth()`, NextAuth's `getServerSession()`, an app's own `resolveAuth(c)` or
 * `getCurrentUser()`. Their ids (`.userId`, `.user.id`) are one per account, as `req.userId` is.
 */
export const authAccessorPattern = /^(?:get|resolve|require|verify|validate|check|authenticate|load)?(?:auth|authUser|authContext|session|serverSession|currentUser|caller|principal|viewer|identity|requestIdentity|requestAuth|requestUser|requestSession|requestCaller)$/i;
/**
 * Auth guards named for the caller they demand (`requireUser()`, `requireStoreUser()`, `requireAdmin(req)`,
 * `verifyStaffSession(request)`): given nothing but the request, what they answer is that verified caller.
 */
export const authGuardPattern = /^(?:require|verify|authenticate|ensure)(?:[A-Z]\w*?)?(?:User|Auth|Session|Account|Caller|Principal|Viewer|Member|Staff|Admin)$/;

/**
 * Checks that the caller is an administrator: `await requireAdmin(req)`, `requireAdminMobile(request)`
 * (they throw, or their caller leaves, for anyone else), `isAdmin(user)`, `hasAdminRole(session)`; a
 * field that says so, `user.isAdmin`, `session.user.isSuperAdmin`; a role compared with one, `user.role
 * !== 'admin'`. What only administrators reach grows only as far as they make it.
 */
export const adminCheckName = /^(?:require|verify|ensure|assert|check|authorize|enforce|is|has|can)(?:[A-Z]\w*?)?Admin(?:[A-Z]\w*)?$/;
/** Of those, the ones that answer a question (`isAdmin(user)`) rather than throw for anyone else (`requireAdmin(req)`). */
export const adminTestName = /^(?:is|has|can)[A-Z]/;
export const adminFlagName = /^is(?:[A-Z]\w*?)?Admin$/;
/** Middleware named for letting only administrators through: `requireAdmin`, `adminOnly`, `isAdmin`, `adminGuard`, `onlyAdmins`. */
export const adminMiddlewareName = /^(?:(?:require|verify|ensure|check|authorize|enforce|is|has|only)(?:[A-Z]\w*?)?Admins?(?:[A-Z]\w*)?|admins?(?:Only|Guard|Auth|Required|Middleware|Check)|onlyAdmins?)$/;
export const roleFields: ReadonlySet<string> = new Set(['role', 'roles', 'userRole', 'accountType', 'userType']);
export const adminRoleValue = /^(?:super[-_ ]?)?admin(?:istrator)?$/i;

/**
 * Parameter decorators that hand a NestJS (or routing-controllers) handler the caller its auth guard
 * verified: `@CurrentUser() user`, `@CurrentUser('id') userId`, `@AuthUser()`, `@GetUser('sub')`, `@User()`.
 */
export const callerDecoratorPattern = /^(?:(?:Current|Auth|Authenticated|Get|Req|Request|Session|LoggedIn|Logged)(?:User|Account|Member|Principal|Caller|Viewer|Tenant)(?:Id)?|User|Account)$/;

/** Imported functions that read the current request wherever they are called (Next.js `cookies()`, `headers()`). */
export const requestSourceFunctions: ReadonlySet<string> = new Set(['cookies', 'headers', 'draftMode', 'getRequestContext']);

/** A file or function starting with this directive runs on the server per request (React server actions). */
export const serverDirective = 'use server';

/** A handler registration described in `settings['memo-guard'].handlers`. */
export interface HandlerSetting {
  /** Method names that register handlers: `['route', 'addHandler']`. */
  methods?: string[];
  /** Receiver names those methods are called on; any receiver when omitted. */
  receivers?: string[];
  /** Exported function names that are handlers (e.g. `['main']`). */
  exports?: string[];
}

/**
 * Servers whose built-in cache is unbounded unless an option says otherwise, and whose keys come from
 * requests. Apollo Server 2 and 3 (the `apollo-server*` packages; `@apollo/server` 4 is bounded by
 * default) keep automatic persisted queries on, in an `InMemoryLRUCache` without a size limit, under
 * the hash each request sends: every distinct query a client sends stays (3.9+ logs a warning about it).
 * Any of `options` present (`cache`, or `persistedQueries` configured or turned off) is the user's choice.
 */
export interface ServerCacheSpec {
  className: string;
  modules: RegExp;
  label: string;
  options: readonly string[];
  /** The option text that bounds it, for the suggestion. */
  boundOption: string;
}
export const unboundedServerCaches: readonly ServerCacheSpec[] = [
  { className: 'ApolloServer', modules: /^apollo-server(?:-(?:express|koa|hapi|fastify|micro|lambda|cloud-functions|azure-functions|cloudflare|core))?$/, label: 'Apollo Server 2/3', options: ['cache', 'persistedQueries'], boundOption: "cache: 'bounded'" },
];

/**
 * Client caches that a server render shares when made once per module: a `QueryClient` made at module
 * level and handed to its provider serves every server-side render of the process (TanStack Query's
 * documented SSR pitfall), and each render adds queries under keys built from the request (route
 * params, the session's user) that stay: on the server the default garbage-collection time is infinite.
 * Only in a project that renders on the server (`ssrFrameworks` declared in its package.json).
 */
export interface RenderCacheSpec {
  className: string;
  modules: RegExp;
  /** The JSX attribute that hands the client to its provider: `<QueryClientProvider client={qc}>`. */
  attribute: string;
  label: string;
  /** Options (under `defaultOptions.queries`) that give entries a garbage-collection time: a finite one evicts them on the server too. */
  gcOptions: readonly string[];
  /** Packages whose versions below `major` collect on the server after a finite default time (react-query 3: five minutes). */
  finiteDefaultGc: readonly { module: string; belowMajor: number }[];
  /**
   * The calls that put entries in the client (query hooks, prefetches, direct writes; tRPC's
   * `api.post.useQuery` too): an app whose files name none of them never fills it while rendering.
   */
  fills: RegExp;
}
export const sharedRenderCaches: readonly RenderCacheSpec[] = [
  {
    className: 'QueryClient',
    modules: /^(?:@tanstack\/react-query|react-query|@tanstack\/query-core)$/,
    attribute: 'client',
    label: 'QueryClient',
    gcOptions: ['gcTime', 'cacheTime'],
    finiteDefaultGc: [{ module: 'react-query', belowMajor: 4 }],
    fills: /\b(?:useQuery|useSuspenseQuery|useInfiniteQuery|useSuspenseInfiniteQuery|useQueries|useSuspenseQueries|usePrefetchQuery|usePrefetchInfiniteQuery|prefetchQuery|prefetchInfiniteQuery|fetchQuery|fetchInfiniteQuery|ensureQueryData|ensureInfiniteQueryData|setQueryData|setQueriesData|hydrate|HydrationBoundary|Hydrate)\b/,
  },
];
export const ssrFrameworks: readonly string[] = ['next'];

/**
 * Frameworks that load only what the application imports, starting from the file that boots them
 * (NestJS: `NestFactory.create(AppModule)` and the modules, controllers, middleware and providers
 * that module imports): a file written for such an app (it imports from `packages`) that no other
 * file imports, and that boots nothing, is never loaded, so its handlers never serve. A plain server
 * file beside it (`app.listen` in a worker) is another entry point and is left alone.
 */
export const importDrivenFrameworks: readonly { module: string; packages: string; bootstrap: string }[] = [{ module: '@nestjs/core', packages: '@nestjs/', bootstrap: 'NestFactory' }];

/**
 * A router module's export of the router it makes (`const router = express.Router(); … export default
 * router`, `module.exports = router`): a module written to be mounted by another (`app.use('/a',
 * router)`), not an entry point. `exportedRouterPattern` finds the exported name; `routerMadePattern(name)`
 * whether the module makes that name a router.
 */
export const exportedRouterPattern = /(?:^|\n)\s*(?:export\s+default|module\.exports\s*=)\s*([A-Za-z_$][\w$]*)\s*;?\s*(?:\n|$)/;
export function routerMadePattern(name: string): RegExp {
  return new RegExp(`\\b(?:const|let|var)\\s+${name.replace(/\$/g, '\\$')}\\s*=\\s*(?:new\\s+)?(?:express\\s*\\.\\s*)?(?:Router|KoaRouter)\\s*\\(`);
}
/** Text that starts serving (`app.listen(3000)`, `createServer(app)`): a file with it is an entry point. */
export const startsServerPattern = /\.listen\s*\(|\bcreateServer\s*\(/;

/**
 * NestJS guards and interceptors: a class that implements one runs only where it is bound
 * (`@UseGuards(Guard)`, `@UseInterceptors(…)`, `app.useGlobalGuards(…)`, `{ provide: APP_GUARD, useClass:
 * Guard }`); listed in a module's `providers` or `exports` alone, Nest makes it and never calls it.
 * `nestEnhancerPattern` finds the exported class; `providerListPattern` the lists of bare class names
 * (a list with an object in it, `{ provide: APP_GUARD, useClass: … }`, may bind what it names).
 */
export const nestEnhancerPattern = /\bexport\s+class\s+([A-Za-z_$][\w$]*)[^{]*\bimplements\s+[^{]*\b(?:CanActivate|NestInterceptor)\b/;
export const providerListPattern = /\b(?:providers|exports)\s*:\s*\[[^\]{]*\]/g;
/** Import statements: naming a class there binds it to nothing. */
export const importStatementPattern = /\bimport\s+(?:type\s+)?(?:[\w$*\s{},]+)\s+from\s*['"][^'"]+['"]\s*;?/g;
/** A whole-module re-export (`export * from './guards'`): what it passes on is used where its importers are. */
export const wholeReexportPattern = /\bexport\s*\*/;
