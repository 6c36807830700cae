import memoize from 'fast-memoize';
import _ from 'lodash';
import { Agent } from 'node:https';

export class Endpoint {
  constructor(
    readonly host: string,
    readonly port = 443,
  ) {}

  toString() {
    return `${this.host}:${this.port}`;
  }
}

// One keep-alive agent per endpoint.
export const agentFor = memoize((endpoint: Endpoint) => new Agent({ keepAlive: true, maxSockets: 32, servername: endpoint.host })); // expect: no-unhashable-args

export const describeHosts = _.memoize( // expect: no-unhashable-args
  (hosts: string[]) => hosts.map((h) => h.toLowerCase()).sort().join(', '),
);

export function poolSummary(primary: string, replicas: string[]) {
  return `pool: ${describeHosts([primary, ...replicas])}`; // expect: no-unhashable-args
}
