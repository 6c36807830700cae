/**
 * Parameters that hand a function what it works with rather than what it works on: a client,
 * service, connection, database, logger or transaction (`slackClient`, `userService`, `db`, `trx`),
 * or a function it calls (`getToken`, `onProgress`, `callback`). Callers pass the same one whatever
 * the key, so a memoizer keyed on the other parameters is keyed on what the result depends on.
 */
export const dependencyParameterName = /^(?:client|service|db|database|knex|prisma|pool|conn|connection|logger|trx|tx|transaction|sdk)$|[a-z](?:Client|Service|Connection|Pool|Logger|Repository|Sdk)$/;
export const callbackParameterName = /^(?:cb|callback|fn|done)$|^(?:get|fetch|load|on|handle|make|create|resolve)[A-Z]|[a-z](?:Fn|Func|Callback|Handler|Getter)$/;
