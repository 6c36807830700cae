import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';

type Template = Handlebars.TemplateDelegate<Record<string, unknown>>;

const VIEWS = path.resolve(process.env.VIEWS_DIR ?? 'views');
const compiled = new Map<string, Template>();

function get(name: string): Template {
  let template = compiled.get(name);
  if (!template) {
    template = Handlebars.compile(readFileSync(path.join(VIEWS, `${name}.hbs`), 'utf8'));
    compiled.set(name, template);
  }
  return template;
}

/** Compile every view once at startup. */
export function preloadTemplates(names: readonly string[]): void {
  for (const name of names) get(name);
}

export function render(name: string, data: Record<string, unknown>): string {
  const template = compiled.get(name);
  if (!template) throw new Error(`view ${name} was not preloaded`);
  return template(data);
}
