/**
 * TypeScript output, built with ts-morph from structures (each file printed and parsed once), with the
 * types of extension members from json-schema-to-typescript:
 *
 *   typescript/problem.ts           locales, base types, ProblemError, runtime helpers
 *   typescript/groups/{group}.ts    per group: enum (or `as const` object) of codes, problem interfaces,
 *                                   factories, type guards, metadata
 *   typescript/index.ts             re-exports, catalog-wide unions, lookups by type URI and by code
 *   typescript/package.json         marks the folder as ES modules
 *
 * Each `.ts` file gets a `.js` and a `.d.ts` beside it (TypeScript's transpileModule and
 * transpileDeclaration: no type checker, linear in the size of the file), so a consumer without a
 * TypeScript toolchain can import it. The generated code has no runtime dependency.
 */
import { IndentationText, NewLineKind, Project, QuoteKind, StructureKind, VariableDeclarationKind, ts } from 'ts-morph';
import type { JSDocStructure, OptionalKind, StatementStructures, WriterFunction } from 'ts-morph';

type Statement = StatementStructures | WriterFunction;
import type { CatalogModel, GroupModel, LocalizedText, ProblemModel } from '../../catalog/model.js';
import { errorIdentifiers, groupIdentifiers } from '../../naming.js';
import { banner } from '../types.js';
import type { EmitOptions, Emitter, GeneratedFile } from '../types.js';
import { docParagraphs, docText, stringLiteral } from './text.js';
import { memberTypes } from './members.js';

const RT = 'rt'; // namespace the group files import problem.ts under, so its names never clash with theirs

const doc = (description: string, tags: { tagName: string; text?: string }[] = []): OptionalKind<JSDocStructure> => ({
  description,
  tags: tags.map((t) => (t.text === undefined ? { tagName: t.tagName } : { tagName: t.tagName, text: t.text })),
});

const unionOf = (types: readonly string[]): string => (types.length === 0 ? 'never' : types.join(' | '));

function localizedLiteral(text: LocalizedText, locales: readonly string[]): string {
  return `{ ${locales.map((l) => `${stringLiteral(l)}: ${stringLiteral(text[l]!)}`).join(', ')} }`;
}

function problemDoc(problem: ProblemModel, locale: string, extra: string[] = []): OptionalKind<JSDocStructure> {
  const tags: { tagName: string; text?: string }[] = [{ tagName: 'see', text: docText(problem.type) }];
  if (problem.deprecated) tags.push({ tagName: 'deprecated', ...(problem.deprecated[locale] ? { text: docText(problem.deprecated[locale]!) } : {}) });
  return doc(
    docParagraphs(
      ...extra,
      `${problem.title[locale]} (HTTP ${problem.status}, \`${problem.group}/${problem.code}\`)`,
      problem.description?.[locale],
      problem.resolution ? `Resolution: ${problem.resolution[locale]}` : undefined,
    ),
    tags,
  );
}

/** problem.ts: what every group file shares, plus ProblemError. */
function problemModule(model: CatalogModel): Statement[] {
  const locales = model.locales;
  return [
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: 'Locale',
      type: unionOf(locales.map(stringLiteral)),
      docs: [doc(`A locale of the catalog. The default is ${stringLiteral(model.defaultLocale)}.`)],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [doc('Locales of the catalog; the first is the default.')],
      declarations: [{ name: 'locales', type: 'readonly Locale[]', initializer: `[${locales.map(stringLiteral).join(', ')}]` }],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [doc('The locale of texts when none is asked for.')],
      declarations: [{ name: 'defaultLocale', type: 'Locale', initializer: stringLiteral(model.defaultLocale) }],
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: 'LocalizedText',
      type: '{ readonly [L in Locale]: string }',
      docs: [doc('A text in every locale of the catalog.')],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'ProblemBase',
      docs: [doc('The members every problem details object has (RFC 9457, section 3.1).')],
      properties: [
        { name: 'type', type: 'string', docs: [doc('URI reference that identifies the problem type.')] },
        { name: 'status', type: 'number', docs: [doc('HTTP status code of this occurrence.')] },
        { name: 'title', type: 'string', docs: [doc('Short, human-readable summary of the problem type.')] },
        { name: 'detail', type: 'string', hasQuestionToken: true, docs: [doc('Human-readable explanation specific to this occurrence.')] },
        { name: 'instance', type: 'string', hasQuestionToken: true, docs: [doc('URI reference that identifies this occurrence.')] },
      ],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'ProblemOptions',
      docs: [doc('Options of every problem factory.')],
      properties: [
        { name: 'instance', type: 'string', hasQuestionToken: true, isReadonly: true, docs: [doc('URI reference of this occurrence, e.g. a trace id.')] },
        { name: 'detail', type: 'string', hasQuestionToken: true, isReadonly: true, docs: [doc("Replaces the detail rendered from the catalog's template.")] },
        { name: 'locale', type: 'Locale', hasQuestionToken: true, isReadonly: true, docs: [doc('Locale of the title and detail (default: the default locale).')] },
      ],
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: 'ProblemMetadata',
      docs: [doc('What the catalog says about a problem type.')],
      typeParameters: [
        { name: 'T', constraint: 'string', default: 'string' },
        { name: 'S', constraint: 'number', default: 'number' },
      ],
      properties: [
        { name: 'group', type: 'string', isReadonly: true, docs: [doc('Id of its group.')] },
        { name: 'code', type: 'string', isReadonly: true, docs: [doc('Its code, unique in its group.')] },
        { name: 'type', type: 'T', isReadonly: true, docs: [doc('Its type URI.')] },
        { name: 'status', type: 'S', isReadonly: true, docs: [doc('Its HTTP status.')] },
        { name: 'title', type: 'LocalizedText', isReadonly: true },
        { name: 'description', type: 'LocalizedText', hasQuestionToken: true, isReadonly: true },
        { name: 'resolution', type: 'LocalizedText', hasQuestionToken: true, isReadonly: true },
        { name: 'docsUrl', type: 'string', isReadonly: true, docs: [doc('Where the problem type is documented.')] },
        { name: 'deprecated', type: 'LocalizedText', hasQuestionToken: true, isReadonly: true, docs: [doc('Present when the problem type is deprecated: what to use instead.')] },
      ],
    },
    {
      kind: StructureKind.Class,
      isExported: true,
      name: 'ProblemError',
      typeParameters: [{ name: 'P', constraint: 'ProblemBase', default: 'ProblemBase' }],
      extends: 'Error',
      docs: [doc('An Error carrying a problem, for servers to throw and error handlers to send as `application/problem+json`.')],
      properties: [
        { name: 'problem', type: 'P', isReadonly: true, docs: [doc('The problem details object.')] },
        { name: 'status', type: 'number', isReadonly: true, docs: [doc('HTTP status of the response.')] },
        { name: 'contentType', type: 'string', isReadonly: true, initializer: stringLiteral('application/problem+json'), docs: [doc('Media type of the response body.')] },
      ],
      ctors: [
        {
          parameters: [
            { name: 'problem', type: 'P' },
            { name: 'options', type: '{ readonly cause?: unknown }', hasQuestionToken: true },
          ],
          statements: ['super(problem.detail ?? problem.title, options);', "this.name = 'ProblemError';", 'this.problem = problem;', 'this.status = problem.status;'],
        },
      ],
      methods: [
        {
          name: 'toJSON',
          returnType: 'P',
          docs: [doc('The problem+json body.')],
          statements: ['return this.problem;'],
        },
      ],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'hasType',
      docs: [doc('Whether `value` is an object whose `type` is `type`.', [{ tagName: 'internal' }])],
      parameters: [
        { name: 'value', type: 'unknown' },
        { name: 'type', type: 'string' },
      ],
      returnType: 'boolean',
      statements: ["return typeof value === 'object' && value !== null && (value as { readonly type?: unknown }).type === type;"],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'formatMember',
      docs: [doc('How a member value appears in a rendered detail: strings as they are, anything else as JSON.', [{ tagName: 'internal' }])],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: 'string',
      statements: ["return typeof value === 'string' ? value : String(JSON.stringify(value));"],
    },
  ];
}

/** The detail expression of a factory: the template rendered per locale, or the override. */
function detailExpression(problem: ProblemModel, model: CatalogModel): string | undefined {
  const detail = problem.detail;
  if (!detail) return undefined;
  const render = (locale: string) =>
    detail.segments[locale]!
      .map((s) => ('text' in s ? stringLiteral(s.text) : `${RT}.formatMember(members.${s.member})`))
      .join(' + ') || '""';
  // Locales that share a template share one branch.
  const byTemplate = new Map<string, string[]>();
  for (const locale of model.locales) {
    const key = detail.template[locale]!;
    byTemplate.set(key, [...(byTemplate.get(key) ?? []), locale]);
  }
  const branches = [...byTemplate.values()];
  let expression = render(branches[branches.length - 1]![0]!);
  for (const localesOfBranch of branches.slice(0, -1).reverse()) {
    const test = localesOfBranch.map((l) => `locale === ${stringLiteral(l)}`).join(' || ');
    expression = `${test} ? ${render(localesOfBranch[0]!)} : ${expression}`;
  }
  return expression;
}

function groupModule(group: GroupModel, model: CatalogModel, types: Map<string, string>): Statement[] {
  const locale = model.defaultLocale;
  const ids = groupIdentifiers(group.name);
  const style = model.typescript.style;
  const statements: Statement[] = [];

  // Codes: an enum, or an `as const` object with the same shape.
  const memberDoc = (p: ProblemModel) => problemDoc(p, locale);
  if (style === 'enum') {
    statements.push({
      kind: StructureKind.Enum,
      isExported: true,
      name: ids.codes,
      docs: [doc(docParagraphs(`Codes of the ${group.title[locale]} problems.`, group.description?.[locale]))],
      members: group.problems.map((p) => ({ name: p.name, value: p.code, docs: [memberDoc(p)] })),
    });
    statements.push({ kind: StructureKind.TypeAlias, isExported: true, name: ids.codeType, type: `\`\${${ids.codes}}\``, docs: [doc(`A code of the ${docText(group.title[locale]!)} group, as a string.`)] });
  } else {
    statements.push({
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [doc(docParagraphs(`Codes of the ${group.title[locale]} problems.`, group.description?.[locale]))],
      declarations: [
        {
          name: ids.codes,
          type: `{ ${group.problems.map((p) => `readonly ${p.name}: ${stringLiteral(p.code)}`).join('; ')} }`,
          initializer: `{ ${group.problems.map((p) => `${p.name}: ${stringLiteral(p.code)}`).join(', ')} }`,
        },
      ],
    });
    statements.push({ kind: StructureKind.TypeAlias, isExported: true, name: ids.codeType, type: `(typeof ${ids.codes})[keyof typeof ${ids.codes}]`, docs: [doc(`A code of the ${docText(group.title[locale]!)} group.`)] });
  }

  for (const problem of group.problems) {
    const e = errorIdentifiers(problem.globalName);
    const hasMembers = problem.extensions.length > 0;
    if (hasMembers) {
      // A writer statement: member types span several lines, and must keep their own indentation.
      statements.push((writer) => {
        writer.blankLineIfLastNot();
        writer.writeLine(`/** Extension members of ${docText(problem.title[locale]!)} (\`${problem.group}/${problem.code}\`). */`);
        writer.write(`export interface ${e.members} `).block(() => {
          for (const m of problem.extensions) {
            if (m.description !== undefined) writer.writeLine(`/** ${docText(m.description).replace(/\n/g, '\n * ')} */`);
            writer.writeLine(`${m.name}${m.required ? '' : '?'}: ${types.get(JSON.stringify(m.schema))!};`); // name: a validated identifier
          }
        });
      });
    }
    statements.push({
      kind: StructureKind.Interface,
      isExported: true,
      name: e.problem,
      ...(hasMembers ? { extends: [e.members] } : {}),
      docs: [problemDoc(problem, locale)],
      properties: [
        { name: 'type', type: stringLiteral(problem.type) },
        { name: 'status', type: String(problem.status) },
        { name: 'title', type: 'string' },
        { name: 'detail', type: 'string', hasQuestionToken: true },
        { name: 'instance', type: 'string', hasQuestionToken: true },
      ],
    });
  }
  statements.push({ kind: StructureKind.TypeAlias, isExported: true, name: ids.problem, type: unionOf(group.problems.map((p) => errorIdentifiers(p.globalName).problem)), docs: [doc(`Any problem of the ${docText(group.title[locale]!)} group.`)] });

  // Metadata, by code. A writer statement: ts-morph would give a multi-line initializer a hanging indent.
  statements.push((writer) => {
    writer.blankLineIfLastNot();
    writer.writeLine(`/** What the catalog says about each ${docText(group.title[locale]!)} problem, by code. */`);
    writer.write(`export const ${ids.metadata}: { readonly [C in ${ids.codeType}]: ${RT}.ProblemMetadata } = `).inlineBlock(() => {
      for (const p of group.problems) {
        writer.write(`${stringLiteral(p.code)}: `).inlineBlock(() => metadataMembers(p, model).forEach((m) => writer.writeLine(`${m},`)));
        writer.write(',').newLine();
      }
    });
    writer.write(';').newLine();
  });

  for (const problem of group.problems) {
    const e = errorIdentifiers(problem.globalName);
    const hasMembers = problem.extensions.length > 0;
    const codeRef = `${ids.metadata}[${stringLiteral(problem.code)}]`;
    const detail = detailExpression(problem, model);
    const body = [
      `const locale = options.locale ?? ${RT}.defaultLocale;`,
      ...(detail ? [`const detail = options.detail ?? ${detail};`] : []),
      `return {`,
      `    type: ${stringLiteral(problem.type)},`,
      `    status: ${problem.status},`,
      `    title: ${codeRef}.title[locale],`,
      detail ? '    detail,' : '    ...(options.detail !== undefined ? { detail: options.detail } : {}),',
      '    ...(options.instance !== undefined ? { instance: options.instance } : {}),',
      ...problem.extensions.map((m) =>
        m.required ? `    ${m.name}: members.${m.name},` : `    ...(members.${m.name} !== undefined ? { ${m.name}: members.${m.name} } : {}),`,
      ),
      '};',
    ];
    statements.push({
      kind: StructureKind.Function,
      isExported: true,
      name: e.factory,
      docs: [problemDoc(problem, locale, [`Creates an occurrence of \`${problem.group}/${problem.code}\`${detail ? ', its detail rendered from the catalog template' : ''}.`])],
      parameters: [
        ...(hasMembers ? [{ name: 'members', type: e.members }] : []),
        { name: 'options', type: `${RT}.ProblemOptions`, initializer: '{}' },
      ],
      returnType: e.problem,
      statements: body,
    });
    statements.push({
      kind: StructureKind.Function,
      isExported: true,
      name: e.guard,
      docs: [doc(`Whether \`value\` is a \`${problem.group}/${problem.code}\` problem (judged by its \`type\`).`)],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `value is ${e.problem}`,
      statements: [`return ${RT}.hasType(value, ${stringLiteral(problem.type)});`],
    });
  }

  statements.push({
    kind: StructureKind.Function,
    isExported: true,
    name: ids.guard,
    docs: [doc(`Whether \`value\` is a problem of the ${docText(group.title[locale]!)} group (judged by its \`type\`).`)],
    parameters: [{ name: 'value', type: 'unknown' }],
    returnType: `value is ${ids.problem}`,
    statements: [`return ${group.problems.map((p) => `${RT}.hasType(value, ${stringLiteral(p.type)})`).join(' || ')};`],
  });
  return statements;
}

function metadataMembers(problem: ProblemModel, model: CatalogModel): string[] {
  const l = model.locales;
  const parts = [
    `group: ${stringLiteral(problem.group)}`,
    `code: ${stringLiteral(problem.code)}`,
    `type: ${stringLiteral(problem.type)}`,
    `status: ${problem.status}`,
    `title: ${localizedLiteral(problem.title, l)}`,
    ...(problem.description ? [`description: ${localizedLiteral(problem.description, l)}`] : []),
    ...(problem.resolution ? [`resolution: ${localizedLiteral(problem.resolution, l)}`] : []),
    `docsUrl: ${stringLiteral(problem.type)}`,
    ...(problem.deprecated ? [`deprecated: ${localizedLiteral(problem.deprecated, l)}`] : []),
  ];
  return parts;
}

const groupPath = (group: GroupModel) => `groups/${group.id}`;

function indexModule(model: CatalogModel): Statement[] {
  const statements: Statement[] = [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './problem.js' },
    ...model.groups.map((g): Statement => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier: `./${groupPath(g)}.js` })),
    { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './problem.js', namedImports: ['ProblemMetadata'] },
    ...model.groups.map((g): Statement => {
      const ids = groupIdentifiers(g.name);
      return { kind: StructureKind.ImportDeclaration, moduleSpecifier: `./${groupPath(g)}.js`, namedImports: [ids.metadata] };
    }),
    ...model.groups.map((g): Statement => {
      const ids = groupIdentifiers(g.name);
      return { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: `./${groupPath(g)}.js`, namedImports: [ids.problem, ids.codeType] };
    }),
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: 'AnyProblem',
      type: unionOf(model.groups.map((g) => groupIdentifiers(g.name).problem)),
      docs: [doc('Any problem of the catalog; narrow it by its `type`.')],
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: 'ProblemCode',
      type: unionOf(model.groups.map((g) => groupIdentifiers(g.name).codeType)),
      docs: [doc('Any code of the catalog (a code may belong to several groups).')],
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      name: 'ProblemType',
      type: "AnyProblem['type']",
      docs: [doc('Any type URI of the catalog.')],
    },
    // Listed one by one: iterating the metadata objects would put integer-like codes (`1000`) first.
    (writer) => {
      writer.blankLineIfLastNot();
      writer.writeLine('/** Every problem type of the catalog, in catalog order. */');
      writer.write('export const allProblems: readonly ProblemMetadata[] = [').newLine();
      writer.indent(() => {
        for (const g of model.groups) {
          const metadata = groupIdentifiers(g.name).metadata;
          for (const p of g.problems) writer.writeLine(`${metadata}[${stringLiteral(p.code)}],`);
        }
      });
      writer.writeLine('];');
    },
    {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: 'byType', type: 'ReadonlyMap<string, ProblemMetadata>', initializer: 'new Map(allProblems.map((p) => [p.type, p]))' }],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'problemByType',
      docs: [doc('The metadata of the problem type whose URI is `type`, if the catalog has one.')],
      parameters: [{ name: 'type', type: 'string' }],
      returnType: 'ProblemMetadata | undefined',
      statements: ['return byType.get(type);'],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'problemsByCode',
      docs: [doc('The metadata of every problem type with this code (one per group that uses it), in catalog order.')],
      parameters: [{ name: 'code', type: 'string' }],
      returnType: 'readonly ProblemMetadata[]',
      statements: ['return allProblems.filter((p) => p.code === code);'],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      name: 'isProblem',
      docs: [doc('Whether `value` is a problem of this catalog (judged by its `type`).')],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: 'value is AnyProblem',
      statements: ["return typeof value === 'object' && value !== null && byType.has(String((value as { readonly type?: unknown }).type));"],
    },
  ];
  return statements;
}

function createProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: {
      indentationText: IndentationText.FourSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
}

const transpileOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  verbatimModuleSyntax: true,
  newLine: ts.NewLineKind.LineFeed,
  removeComments: false,
};

/** `.ts`, `.js` and `.d.ts` of one module; throws (a generator bug) if TypeScript reports anything. */
function outputsOf(path: string, source: string): GeneratedFile[] {
  const js = ts.transpileModule(source, { compilerOptions: transpileOptions, fileName: `${path}.ts`, reportDiagnostics: true });
  const dts = ts.transpileDeclaration(source, { compilerOptions: { ...transpileOptions, declaration: true }, fileName: `${path}.ts`, reportDiagnostics: true });
  const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
  if (problems.length) {
    throw new Error(`generated ${path}.ts does not transpile: ${ts.flattenDiagnosticMessageText(problems[0]!.messageText, '\n')}`);
  }
  return [
    { path: `typescript/${path}.ts`, contents: source },
    { path: `typescript/${path}.js`, contents: js.outputText },
    { path: `typescript/${path}.d.ts`, contents: dts.outputText },
  ];
}

async function emitTypeScript(model: CatalogModel, options: Pick<EmitOptions, 'sourceName'>): Promise<GeneratedFile[]> {
  const types = await memberTypes(model.problems.flatMap((p) => p.extensions.map((m) => m.schema)));
  const project = createProject();
  const header = `// ${banner(options.sourceName)}\n\n`;
  const modules: [string, Statement[]][] = [
    ['problem', problemModule(model)],
    ...model.groups.map((g): [string, Statement[]] => [
      groupPath(g),
      [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: '../problem.js', namespaceImport: RT }, ...groupModule(g, model, types)],
    ]),
    ['index', indexModule(model)],
  ];
  const files: GeneratedFile[] = [{ path: 'typescript/package.json', contents: '{\n  "type": "module",\n  "sideEffects": false\n}\n' }];
  for (const [path, statements] of modules) {
    const file = project.createSourceFile(`${path}.ts`, { statements }, { overwrite: true });
    files.push(...outputsOf(path, header + file.getFullText()));
    project.removeSourceFile(file);
  }
  return files;
}

export const typescriptEmitter: Emitter = { name: 'typescript', emit: emitTypeScript };
