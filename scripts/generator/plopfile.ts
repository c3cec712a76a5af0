// `npm run gen:resource -- <name>`: a new feature in the shape of docs/architecture.md, from the
// Handlebars templates next to this file. Plop renders and writes; Prettier formats the result.
import type { ActionType, NodePlopAPI } from 'plop';
import pluralize from 'pluralize';
import * as prettier from 'prettier';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const API = 'apps/api';
const FEATURE = `${API}/src/{{kebabCase plural}}`;

/** The feature's files: template → destination (both relative to the repository). */
const FILES: readonly (readonly [string, string])[] = [
  ['module.ts', `${FEATURE}/{{kebabCase plural}}.module.ts`],
  ['controller.ts', `${FEATURE}/{{kebabCase plural}}.controller.ts`],
  ['service.ts', `${FEATURE}/{{kebabCase plural}}.service.ts`],
  ['service.spec.ts', `${FEATURE}/{{kebabCase plural}}.service.spec.ts`],
  ['repository.ts', `${FEATURE}/{{kebabCase plural}}.repository.ts`],
  ['dto/schemas.ts', `${FEATURE}/dto/{{kebabCase singular}}.schemas.ts`],
  ['repository.fake.ts', `${API}/test/fakes/{{kebabCase plural}}.repository.fake.ts`],
  ['e2e-spec.ts', `${API}/test/{{kebabCase plural}}.e2e-spec.ts`],
];

const APP_MODULE = `${API}/src/app.module.ts`;
const ERROR_CODES = `${API}/src/platform/errors/error-codes.ts`;
const SCHEMA = 'prisma/schema.prisma';
const API_DOC = 'docs/api.md';

/** Lower-case words separated by single dashes, starting with a letter: `reviews`, `gift-cards`. */
const NAME = /^[a-z][a-z0-9]*(-[a-z][a-z0-9]*)*$/;

/** Templates keep to the shape; Prettier settles line breaks, which depend on the name's length. */
async function format(file: string): Promise<void> {
  const options = await prettier.resolveConfig(file);
  const source = await readFile(file, 'utf8');
  await writeFile(file, await prettier.format(source, { ...options, filepath: file }));
}

export default function (plop: NodePlopAPI): void {
  plop.setGenerator('resource', {
    description: 'a feature: Prisma model, module, controller, service, repository, schemas, tests',
    prompts: [
      {
        type: 'input',
        name: 'name',
        message: 'Resource name, kebab-case (e.g. reviews or gift-cards):',
        validate: (value: string) => NAME.test(value) || 'kebab-case: lower-case words and dashes',
        filter: (value: string) => value.trim(),
      },
    ],
    actions: (answers) => {
      const name = (answers as { name: string }).name;
      // `review` and `reviews` name the same feature; the singular names its record and model.
      const data = { singular: pluralize.singular(name), plural: pluralize.plural(name) };
      const template = (file: string): string => `templates/${file}.hbs`;
      const actions: ActionType[] = FILES.map(([from, to]) => ({
        type: 'add',
        path: to,
        templateFile: template(from),
        data,
      }));
      actions.push(
        {
          type: 'append',
          path: SCHEMA,
          templateFile: template('model.prisma'),
          data,
          separator: '',
        },
        {
          type: 'modify',
          path: ERROR_CODES,
          pattern: /\n\} as const satisfies/,
          templateFile: template('error-codes.ts'),
          data,
        },
        {
          // The problem types table is ordered by status: the new 409 goes before the first 412.
          type: 'modify',
          path: API_DOC,
          pattern: /\n(?=\| `\/problems\/precondition-failed`)/,
          template:
            '\n| `/problems/{{kebabCase singular}}-name-taken` | 409 | another {{lowerCase (sentenceCase singular)}} has this name |\n',
          data,
        },
        {
          type: 'modify',
          path: APP_MODULE,
          pattern: /\n@Module\(/,
          template:
            "import { {{pascalCase plural}}Module } from './{{kebabCase plural}}/{{kebabCase plural}}.module.js';\n$&",
          data,
        },
        {
          type: 'modify',
          path: APP_MODULE,
          pattern: /(\n\s*)\],(\s*)\};/,
          template: '$1  {{pascalCase plural}}Module,$1],$2};',
          data,
        },
        async () => {
          const written = [...FILES.map(([, to]) => to), ERROR_CODES, APP_MODULE, API_DOC];
          const base = plop.getDestBasePath();
          await Promise.all(
            written.map((file) => format(join(base, plop.renderString(file, data)))),
          );
          return `formatted ${written.length} files`;
        },
        () =>
          `next: npm run db:migrate:new ${data.plural} (the migration of the new model), ` +
          `npm run openapi:write (the contract), then npm run test:unit -- ${API}/src/${data.plural} ` +
          `and npm run test:e2e -- ${API}/test/${data.plural}.e2e-spec.ts`,
      );
      return actions;
    },
  });
}
