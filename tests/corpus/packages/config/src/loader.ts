import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import memoize from 'memoize';
import { parse as parseYaml } from 'yaml';

export interface AppConfig {
  port: number;
  database: { url: string; poolSize: number };
  features: Record<string, boolean>;
}

const DEFAULTS: AppConfig = {
  port: 3000,
  database: { url: 'postgres://localhost/app', poolSize: 10 },
  features: {},
};

function readYaml(file: string): Partial<AppConfig> {
  return existsSync(file) ? (parseYaml(readFileSync(file, 'utf8')) ?? {}) : {};
}

export const loadConfig = memoize((env: string, configDir: string = process.cwd()): AppConfig => { // expect: no-unhashable-args
  const base = readYaml(path.join(configDir, 'config', 'default.yaml'));
  const specific = readYaml(path.join(configDir, 'config', `${env}.yaml`));
  return {
    ...DEFAULTS,
    ...base,
    ...specific,
    database: { ...DEFAULTS.database, ...base.database, ...specific.database },
    features: { ...DEFAULTS.features, ...base.features, ...specific.features },
  };
});

export const configPath = memoize((name: string) => path.resolve(process.cwd(), 'config', `${name}.yaml`));
