/**
 * TypeScript output, built from ts-morph structures and printed by ts-morph without parsing, with the
 * types of extension members from json-schema-to-typescript:
 *
 *   typescript/src/problem.ts          locales, base types, ProblemError, runtime helpers
 *   typescript/src/groups/{group}.ts   per group: enum (or `as const` object) of codes, problem interfaces,
 *                                      factories, type guards, metadata
 *   typescript/src/index.ts            re-exports, catalog-wide unions, lookups by type URI and by code
 *   typescript/{module}.js, .d.ts      what a package consumer imports, beside each other
 *   typescript/package.json            marks the folder as ES modules
 *
 * Every module is described once and printed in three flavors (declarations.ts): the `.ts` source, and
 * the `.js` and `.d.ts` a consumer imports. The tests type-check the
 * `.ts` and the `.d.ts` with tsc and run the `.js`. The generated code has no runtime dependency.
 */
import { tsMorph } from './libraries.js';
import type { CodeBlockWriter as BlockWriter } from 'ts-morph';
import type { CatalogModel, GroupModel, Json, LocalizedText, ProblemModel } from '../../catalog/model.js';
import { MODULE_NAMES as N, errorIdentifiers, groupIdentifiers, isPlainPropertyName, typescriptGroupPath } from '../../naming.js';
import { banner } from '../types.js';
import { lineComment } from '../escape.js';
import type { EmitOptions, GeneratedFile } from '../types.js';
import { docParagraphs, docText, stringLiteral } from './text.js';
import { memberTypes } from './members.js';
import type { KnownTypes } from './members.js';
import { problemShape } from './shapes.js';
import { codes, constant, fn, iface, jsDoc, typeAlias, typeOnly } from './declarations.js';
import type { Doc, Flavor, Statement } from './declarations.js';

export { memberTypesCache } from './members.js';

const { CodeBlockWriter, StructureKind, printStructure } = tsMorph;

const RT = 'rt'; // namespace the group files import problem.ts under, so its names never clash with theirs

const doc = (description: string, tags: Doc['tags'] = []): Doc => ({ description, tags });
const unionOf = (types: readonly string[]): string => (types.length === 0 ? 'never' : types.join(' | '));
const ref = (problem: ProblemModel) => `\`${problem.group}/${problem.code}\``;
/** `404`, or `404 | 422` for a problem returned with several statuses. */
const statusType = (problem: ProblemModel): string => problem.statuses.join(' | ');
const httpStatuses = (problem: ProblemModel): string => `HTTP ${problem.statuses.join(' or ')}`;
/** A member name as a property key: bare when it can be (`balance`), quoted otherwise (`"invalid-params"`). */
const propertyKey = (name: string): string => (isPlainPropertyName(name) ? name : stringLiteral(name));
/** Reading member `name` of `object`: `members.balance`, `members["invalid-params"]`. */
const memberAccess = (object: string, name: string): string => (isPlainPropertyName(name) ? `${object}.${name}` : `${object}[${stringLiteral(name)}]`);
/** A computed key where a bare one would not do: `["__proto__"]` in an object literal sets no prototype. */
const literalKey = (name: string): string => (isPlainPropertyName(name) ? name : `[${stringLiteral(name)}]`);

/** A LocalizedText literal; a text that is the same in every locale is written once. */
function localizedLiteral(text: LocalizedText, locales: readonly string[]): string {
  const first = text[locales[0]!]!;
  if (locales.every((l) => text[l] === first)) return `${RT}.inEveryLocale(${stringLiteral(first)})`;
  return `{ ${locales.map((l) => `${stringLiteral(l)}: ${stringLiteral(text[l]!)}`).join(', ')} }`;
}

function deprecatedTag(problem: ProblemModel, locale: string): NonNullable<Doc['tags']> {
  if (!problem.deprecated) return [];
  const text = problem.deprecated[locale];
  return [{ tagName: 'deprecated', ...(text ? { text: docText(text) } : {}) }];
}

/** The full documentation of a problem type: on its interface. Other declarations link to it. */
function problemDoc(problem: ProblemModel, locale: string): Doc {
  return doc(
    docParagraphs(
      `${problem.title[locale]} (${httpStatuses(problem)}, \`${problem.group}/${problem.code}\`)`,
      problem.description?.[locale],
      problem.resolution ? `Resolution: ${problem.resolution[locale]}` : undefined,
    ),
    [{ tagName: 'see', text: docText(problem.type) }, ...deprecatedTag(problem, locale)],
  );
}

/** problem.ts: what every group file shares, plus ProblemError. */
function problemModule(model: CatalogModel, flavor: Flavor): Statement[] {
  const locales = model.locales;
  /** `typed` in the `.ts`, `plain` in the `.js`. */
  const ts = (typed: string, plain: string) => (flavor === 'js' ? plain : typed);
  const several = model.problems.some((p) => p.statuses.length > 1);
  const tombstones = model.removed.length > 0;
  const constructorBody = [
    'super(problem.detail ?? problem.title, options);',
    'this.name = "ProblemError";',
    'this.problem = problem;',
    'this.status = problem.status;',
    `this.locale = options?.locale ?? ${N.defaultLocale};`,
    'this.headers = { "Content-Type": this.contentType, "Content-Language": this.locale };',
  ];
  const headersType = `{ readonly "Content-Type": string; readonly "Content-Language": ${N.locale} }`;
  const classDoc = [jsDoc(doc('An Error carrying a problem, for servers to throw and error handlers to send as `application/problem+json`.'))];
  const problemError: Statement =
    flavor === 'js'
      ? {
          kind: StructureKind.Class,
          isExported: true,
          name: N.problemError,
          extends: 'Error',
          docs: classDoc,
          properties: [{ name: 'contentType', initializer: stringLiteral('application/problem+json') }],
          ctors: [{ parameters: [{ name: 'problem' }, { name: 'options' }], statements: constructorBody }],
          methods: [{ name: 'toJSON', docs: [jsDoc(doc('The problem+json body.'))], statements: ['return this.problem;'] }],
        }
      : {
          kind: StructureKind.Class,
          isExported: true,
          ...(flavor === 'dts' ? { hasDeclareKeyword: true } : {}),
          name: N.problemError,
          typeParameters: [{ name: 'P', constraint: N.problemBase, default: N.problemBase }],
          extends: 'Error',
          docs: classDoc,
          properties: [
            { name: 'problem', type: 'P', isReadonly: true, docs: [jsDoc(doc('The problem details object.'))] },
            { name: 'status', type: 'number', isReadonly: true, docs: [jsDoc(doc('HTTP status of the response.'))] },
            { name: 'contentType', type: 'string', isReadonly: true, ...(flavor === 'ts' ? { initializer: stringLiteral('application/problem+json') } : {}), docs: [jsDoc(doc('Media type of the response body.'))] },
            { name: 'locale', type: N.locale, isReadonly: true, docs: [jsDoc(doc('Locale the problem was rendered in (the `locale` given to its factory, passed on here).'))] },
            { name: 'headers', type: headersType, isReadonly: true, docs: [jsDoc(doc('The headers a response with this problem needs: `Content-Type` and `Content-Language`.'))] },
          ],
          ctors: [
            {
              parameters: [
                { name: 'problem', type: 'P' },
                { name: 'options', type: `{ readonly cause?: unknown; readonly locale?: ${N.locale} }`, hasQuestionToken: true },
              ],
              ...(flavor === 'ts' ? { statements: constructorBody } : {}),
            },
          ],
          methods: [{ name: 'toJSON', returnType: 'P', docs: [jsDoc(doc('The problem+json body.'))], ...(flavor === 'ts' ? { statements: ['return this.problem;'] } : {}) }],
        };

  return [
    ...typeAlias(flavor, N.locale, unionOf(locales.map(stringLiteral)), doc(`A locale of the catalog. The default is ${stringLiteral(model.defaultLocale)}.`)),
    ...constant(flavor, { name: N.locales, docs: doc('Locales of the catalog; the first is the default.'), type: 'readonly Locale[]', value: (w) => w.write(`[${locales.map(stringLiteral).join(', ')}]`) }),
    ...constant(flavor, { name: N.defaultLocale, docs: doc('The locale of texts when none is asked for.'), type: 'Locale', value: (w) => w.write(stringLiteral(model.defaultLocale)) }),
    ...typeAlias(flavor, N.localizedText, '{ readonly [L in Locale]: string }', doc('A text in every locale of the catalog.')),
    ...typeOnly(
      flavor,
      {
        kind: StructureKind.Interface,
        isExported: true,
        name: N.problemBase,
        docs: [jsDoc(doc('The members every problem details object has (RFC 9457, section 3.1).'))],
        properties: [
          { name: 'type', type: 'string', docs: [jsDoc(doc('URI reference that identifies the problem type.'))] },
          { name: 'status', type: 'number', docs: [jsDoc(doc('HTTP status code of this occurrence.'))] },
          { name: 'title', type: 'string', docs: [jsDoc(doc('Short, human-readable summary of the problem type.'))] },
          { name: 'detail', type: 'string', hasQuestionToken: true, docs: [jsDoc(doc('Human-readable explanation specific to this occurrence.'))] },
          { name: 'instance', type: 'string', hasQuestionToken: true, docs: [jsDoc(doc('URI reference that identifies this occurrence.'))] },
        ],
      },
      {
        kind: StructureKind.Interface,
        isExported: true,
        name: N.problemOptions,
        docs: [jsDoc(doc('Options of every problem factory.'))],
        properties: [
          { name: 'instance', type: 'string', hasQuestionToken: true, isReadonly: true, docs: [jsDoc(doc('URI reference of this occurrence, e.g. a trace id.'))] },
          { name: 'detail', type: 'string', hasQuestionToken: true, isReadonly: true, docs: [jsDoc(doc("Replaces the detail rendered from the catalog's template."))] },
          { name: 'locale', type: 'Locale', hasQuestionToken: true, isReadonly: true, docs: [jsDoc(doc('Locale of the title and detail (default: the default locale).'))] },
        ],
      },
      {
        kind: StructureKind.Interface,
        isExported: true,
        name: N.problemMetadata,
        docs: [jsDoc(doc('What the catalog says about a problem type.'))],
        properties: [
          { name: 'group', type: 'string', isReadonly: true, docs: [jsDoc(doc('Id of its group.'))] },
          { name: 'code', type: 'string', isReadonly: true, docs: [jsDoc(doc('Its code, unique in its group.'))] },
          { name: 'type', type: 'string', isReadonly: true, docs: [jsDoc(doc('Its type URI.'))] },
          { name: 'status', type: 'number', isReadonly: true, docs: [jsDoc(doc(several ? 'Its HTTP status (the first of `statuses` when it has several).' : 'Its HTTP status.'))] },
          ...(several ? [{ name: 'statuses', type: 'readonly number[]', hasQuestionToken: true, isReadonly: true, docs: [jsDoc(doc('Every HTTP status it is returned with, when it has several.'))] }] : []),
          { name: 'title', type: 'LocalizedText', isReadonly: true },
          { name: 'description', type: 'LocalizedText', hasQuestionToken: true, isReadonly: true },
          { name: 'resolution', type: 'LocalizedText', hasQuestionToken: true, isReadonly: true },
          { name: 'docsUrl', type: 'string', isReadonly: true, docs: [jsDoc(doc('Where the problem type is documented.'))] },
          { name: 'deprecated', type: 'LocalizedText', hasQuestionToken: true, isReadonly: true, docs: [jsDoc(doc('Present when the problem type is deprecated: what to use instead.'))] },
          ...(tombstones
            ? [{ name: 'removed', type: '{ readonly since: string; readonly replacedBy?: string; readonly note?: LocalizedText }', hasQuestionToken: true, isReadonly: true, docs: [jsDoc(doc('Present when the problem type is removed (a tombstone): since which catalog version, what replaces it.'))] }]
            : []),
        ],
      },
    ),
    problemError,
    fn(flavor, {
      name: N.hasType,
      docs: [doc('Whether `value` is an object whose `type` is `type`.', [{ tagName: 'internal' }])],
      params: [
        { name: 'value', type: 'unknown' },
        { name: 'type', type: 'string' },
      ],
      returnType: 'boolean',
      body: ['return typeof value === "object" && value !== null && "type" in value && value.type === type;'],
    }),
    fn(flavor, {
      name: N.inEveryLocale,
      docs: [doc('The same text in every locale.', [{ tagName: 'internal' }])],
      params: [{ name: 'text', type: 'string' }],
      returnType: 'LocalizedText',
      body: [`return { ${locales.map((l) => `${stringLiteral(l)}: text`).join(', ')} };`],
    }),
    fn(flavor, {
      name: N.formatMember,
      docs: [doc('How a member value appears in a rendered detail: strings as they are, anything else as JSON.', [{ tagName: 'internal' }])],
      params: [{ name: 'value', type: 'unknown' }],
      returnType: 'string',
      body: ['return typeof value === "string" ? value : String(JSON.stringify(value));'],
    }),
    fn(flavor, {
      name: N.negotiateLocale,
      docs: [
        doc(
          'The catalog locale to answer a request in, from its `Accept-Language` header: by quality, an exact tag first, then the same language (`fr-CA` → `fr`); the default locale when nothing matches.',
          [{ tagName: 'example', text: 'negotiateLocale(request.headers["accept-language"])' }],
        ),
      ],
      params: [{ name: 'acceptLanguage', type: 'string | null | undefined' }],
      returnType: N.locale,
      body: [
        'const wanted = String(acceptLanguage ?? "").split(",").map((part, index) => {',
        '    const [tag, ...params] = part.trim().split(";");',
        '    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));',
        '    return { tag: (tag ?? "").trim().toLowerCase(), q: q === undefined ? 1 : Number(q.slice(2)), index };',
        '}).filter((w) => w.tag !== "" && w.q > 0).sort((a, b) => b.q - a.q || a.index - b.index);',
        'for (const { tag } of wanted) {',
        `    if (tag === "*") return ${N.defaultLocale};`,
        `    const exact = ${N.locales}.find((l) => l.toLowerCase() === tag);`,
        '    if (exact !== undefined) return exact;',
        '    const language = tag.split("-")[0];',
        `    const near = ${N.locales}.find((l) => l.toLowerCase() === language) ?? ${N.locales}.find((l) => l.toLowerCase().split("-")[0] === language);`,
        '    if (near !== undefined) return near;',
        '}',
        `return ${N.defaultLocale};`,
      ],
    }),
    ...typeOnly(flavor, {
      kind: StructureKind.Interface,
      isExported: true,
      name: N.problemShape,
      docs: [jsDoc(doc('What a validating check verifies of a value: derived from the JSON Schemas (types, required members, enums and constants, bounds, items, closed objects, any-of branches; formats and patterns are left to the schemas).', [{ tagName: 'internal' }]))],
      properties: [
        ['types', 'readonly string[]'], ['const', 'unknown'], ['enum', 'readonly unknown[]'], ['required', 'readonly string[]'],
        ['properties', `{ readonly [name: string]: ${N.problemShape} }`], ['closed', 'boolean'], ['items', N.problemShape], ['anyOf', `readonly ${N.problemShape}[]`],
        ['minimum', 'number'], ['maximum', 'number'], ['exclusiveMinimum', 'number'], ['exclusiveMaximum', 'number'],
        ['minLength', 'number'], ['maxLength', 'number'], ['minItems', 'number'], ['maxItems', 'number'],
      ].map(([name, type]) => ({ name: name!, type: type!, hasQuestionToken: true, isReadonly: true })),
    }),
    fn(flavor, {
      name: N.conforms,
      docs: [doc('Whether `value` has the shape (see ProblemShape); no dependency, no regular expression.', [{ tagName: 'internal' }])],
      // `any`: the body reads members of an unknown value, in the subset of TypeScript that is also JavaScript.
      params: [
        { name: 'value', type: 'any' },
        { name: 'shape', type: `${N.problemShape} | undefined` },
      ],
      returnType: 'boolean',
      body: [
        'if (shape === undefined) return false;',
        // The only lines that differ between the flavors: parameter annotations.
        `const own = (${ts('o: object, key: string', 'o, key')}) => Object.prototype.hasOwnProperty.call(o, key);`,
        `const same = (${ts('a: unknown, b: unknown', 'a, b')}) => JSON.stringify(a) === JSON.stringify(b);`,
        `const isType = (${ts('v: unknown, t: string', 'v, t')}) => t === "integer" ? Number.isInteger(v) : t === "number" ? typeof v === "number" && Number.isFinite(v) : t === "null" ? v === null : t === "array" ? Array.isArray(v) : t === "object" ? typeof v === "object" && v !== null && !Array.isArray(v) : typeof v === t;`,
        'if (shape.const !== undefined && !same(value, shape.const)) return false;',
        'if (shape.enum !== undefined && !shape.enum.some((v) => same(v, value))) return false;',
        'if (shape.types !== undefined && !shape.types.some((t) => isType(value, t))) return false;',
        `if (shape.anyOf !== undefined && !shape.anyOf.some((s) => ${N.conforms}(value, s))) return false;`,
        'if (typeof value === "number") {',
        '    if ((shape.minimum !== undefined && value < shape.minimum) || (shape.maximum !== undefined && value > shape.maximum)) return false;',
        '    if ((shape.exclusiveMinimum !== undefined && value <= shape.exclusiveMinimum) || (shape.exclusiveMaximum !== undefined && value >= shape.exclusiveMaximum)) return false;',
        '}',
        'if (typeof value === "string") {',
        '    const length = [...value].length;',
        '    if ((shape.minLength !== undefined && length < shape.minLength) || (shape.maxLength !== undefined && length > shape.maxLength)) return false;',
        '}',
        'if (Array.isArray(value)) {',
        '    if ((shape.minItems !== undefined && value.length < shape.minItems) || (shape.maxItems !== undefined && value.length > shape.maxItems)) return false;',
        `    const items = shape.items;`,
        `    if (items !== undefined && !value.every((v) => ${N.conforms}(v, items))) return false;`,
        '} else if (typeof value === "object" && value !== null) {',
        '    for (const key of shape.required ?? []) if (!own(value, key)) return false;',
        '    const properties = shape.properties ?? {};',
        '    for (const key of Object.keys(value)) {',
        `        const property = properties[key];`,
        `        if (property !== undefined && own(properties, key)) { if (!${N.conforms}(value[key], property)) return false; }`,
        '        else if (shape.closed === true) return false;',
        '    }',
        '}',
        'return true;',
      ],
    }),
  ];
}

/** The detail expression of a factory: the template rendered in the asked locale. */
function detailExpression(problem: ProblemModel, model: CatalogModel): string | undefined {
  const detail = problem.detail;
  if (!detail) return undefined;
  const render = (locale: string) =>
    detail.segments[locale]!.map((s) => ('text' in s ? stringLiteral(s.text) : `${RT}.formatMember(${memberAccess('members', s.member)})`)).join(' + ') || '""';
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

function metadataMembers(problem: ProblemModel, model: CatalogModel): string[] {
  const l = model.locales;
  return [
    `group: ${stringLiteral(problem.group)}`,
    `code: ${stringLiteral(problem.code)}`,
    `type: ${stringLiteral(problem.type)}`,
    `status: ${problem.status}`,
    ...(problem.statuses.length > 1 ? [`statuses: [${problem.statuses.join(', ')}]`] : []),
    `title: ${localizedLiteral(problem.title, l)}`,
    ...(problem.description ? [`description: ${localizedLiteral(problem.description, l)}`] : []),
    ...(problem.resolution ? [`resolution: ${localizedLiteral(problem.resolution, l)}`] : []),
    `docsUrl: ${stringLiteral(problem.type)}`,
    ...(problem.deprecated ? [`deprecated: ${localizedLiteral(problem.deprecated, l)}`] : []),
    ...(problem.removed
      ? [
          `removed: { since: ${stringLiteral(problem.removed.since)}${problem.removed.replacedBy ? `, replacedBy: ${stringLiteral(problem.removed.replacedBy)}` : ''}${problem.removed.note ? `, note: ${localizedLiteral(problem.removed.note, l)}` : ''} }`,
        ]
      : []),
  ];
}

/**
 * A group's module, in the flavor asked. What the three flavors share (codes, docs, metadata, shapes,
 * detail expressions, the functions' descriptions) is made once, when this is called; the returned
 * function only lays it out for a flavor.
 */
function groupModule(group: GroupModel, model: CatalogModel, types: Map<string, string>): (flavor: Flavor) => Statement[] {
  const locale = model.defaultLocale;
  const ids = groupIdentifiers(group.name);
  const groupTitle = docText(group.title[locale]!);
  const identifiers = group.problems.map((p) => errorIdentifiers(p.globalName));
  const codesOfGroup = {
    name: ids.codes,
    typeName: ids.codeType,
    docs: doc(docParagraphs(`Codes of the ${group.title[locale]} problems.`, group.description?.[locale])),
    typeDocs: doc(`A code of the ${groupTitle} group.`),
    members: group.problems.map((p, i) => ({
      name: p.name,
      value: p.code,
      docs: doc(`${docText(p.title[locale]!)} (${httpStatuses(p)}); see {@link ${identifiers[i]!.problem}}.`, deprecatedTag(p, locale)),
    })),
  };
  const problems = group.problems.map((problem, i) => {
    const e = identifiers[i]!;
    const hasMembers = problem.extensions.length > 0;
    const detail = detailExpression(problem, model);
    // With several statuses the caller says which one this occurrence has.
    const several = problem.statuses.length > 1;
    const options = several
      ? { name: 'options', type: `${RT}.ProblemOptions & { readonly status: ${statusType(problem)} }` }
      : { name: 'options', type: `${RT}.ProblemOptions`, initializer: '{}' };
    return {
      code: problem.code,
      metadata: metadataMembers(problem, model),
      membersInterface: hasMembers
        ? {
            name: e.members,
            docs: doc(`Extension members of ${ref(problem)}: ${docText(problem.title[locale]!)}.`),
            // Member names may be any string (quoted when needed); their types may span lines (json-schema-to-typescript).
            members: problem.extensions.map((m) => ({
              name: propertyKey(m.name),
              type: types.get(JSON.stringify(m.schema))!,
              optional: !m.required,
              ...(m.description !== undefined ? { docs: doc(docText(m.description)) } : {}),
            })),
          }
        : undefined,
      problemInterface: {
        name: e.problem,
        ...(hasMembers ? { extends: e.members } : {}),
        docs: problemDoc(problem, locale),
        members: [
          { name: 'type', type: stringLiteral(problem.type) },
          { name: 'status', type: statusType(problem) },
          { name: 'title', type: 'string' },
          { name: 'detail', type: 'string', optional: true },
          { name: 'instance', type: 'string', optional: true },
        ],
      },
      functions: [
        {
          name: e.factory,
          docs: [doc(`Creates a {@link ${e.problem}} (${ref(problem)}${detail ? ', its detail rendered from the catalog template' : ''}${several ? `; \`options.status\` is one of ${problem.statuses.join(', ')}` : ''}).`, deprecatedTag(problem, locale))],
          params: [...(hasMembers ? [{ name: 'members', type: e.members }] : []), options],
          returnType: e.problem,
          body: [
            `const locale = options.locale ?? ${RT}.defaultLocale;`,
            ...(detail ? [`const detail = options.detail ?? (${detail});`] : []),
            'return {',
            `    type: ${stringLiteral(problem.type)},`,
            several ? '    status: options.status,' : `    status: ${problem.status},`,
            `    title: ${ids.metadata}[${stringLiteral(problem.code)}].title[locale],`,
            detail ? '    detail,' : '    ...(options.detail !== undefined ? { detail: options.detail } : {}),',
            '    ...(options.instance !== undefined ? { instance: options.instance } : {}),',
            ...problem.extensions.map((m) =>
              m.required
                ? `    ${literalKey(m.name)}: ${memberAccess('members', m.name)},`
                : `    ...(${memberAccess('members', m.name)} !== undefined ? { ${literalKey(m.name)}: ${memberAccess('members', m.name)} } : {}),`,
            ),
            '};',
          ],
        },
        {
          name: e.guard,
          docs: [doc(`Whether \`value\` is a {@link ${e.problem}}, judged by its \`type\` alone (cheap; see {@link ${e.validator}} to check its members too).`)],
          params: [{ name: 'value', type: 'unknown' }],
          returnType: `value is ${e.problem}`,
          body: [`return ${RT}.hasType(value, ${stringLiteral(problem.type)});`],
        },
        {
          name: e.validator,
          docs: [doc(`Whether \`value\` is a valid {@link ${e.problem}}: its \`type\` and \`status\`, a string \`title\`, and every member as the catalog's schema says (required members present, types, enums, bounds; formats and patterns are left to the JSON Schemas).`)],
          params: [{ name: 'value', type: 'unknown' }],
          returnType: `value is ${e.problem}`,
          body: [`return ${RT}.conforms(value, shapes[${stringLiteral(problem.code)}]);`],
        },
      ],
    };
  });
  const groupProblem = { name: ids.problem, type: unionOf(identifiers.map((e) => e.problem)), docs: doc(`Any problem of the ${groupTitle} group.`) };
  const metadata = {
    name: ids.metadata,
    docs: doc(`What the catalog says about each ${groupTitle} problem, by code.`),
    type: `{ readonly [C in ${ids.codeType}]: ${RT}.ProblemMetadata }`,
    value: (writer: BlockWriter) =>
      writer.inlineBlock(() => {
        for (const p of problems) {
          writer.write(`${stringLiteral(p.code)}: `).inlineBlock(() => p.metadata.forEach((m) => writer.writeLine(`${m},`)));
          writer.write(',').newLine();
        }
      }),
  };
  // Internal names are lowercase and not `create…`/`is…`: no generated export can take them.
  // The shapes of the validating checks, as JSON: JSON.parse keeps any member name (`__proto__` too) an own property.
  const shapesOfGroup: { [code: string]: Json } = {};
  for (const p of group.problems) shapesOfGroup[p.code] = problemShape(p); // codes are never `__proto__` (they start with a letter or digit)
  const shapesText = `JSON.parse(${stringLiteral(JSON.stringify(shapesOfGroup))})`;
  const shapes = { name: 'shapes', exported: false, type: `{ readonly [code: string]: ${RT}.ProblemShape }`, value: (w: BlockWriter) => w.write(shapesText) };
  const typesOfGroup = { name: 'typesOfGroup', exported: false, type: 'ReadonlySet<string>', value: (w: BlockWriter) => w.write(`new Set(Object.values(${ids.metadata}).map((p) => p.type))`) };
  const groupGuard = {
    name: ids.guard,
    docs: [doc(`Whether \`value\` is a problem of the ${groupTitle} group (judged by its \`type\`).`)],
    params: [{ name: 'value', type: 'unknown' }],
    returnType: `value is ${ids.problem}`,
    body: [`return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string" && typesOfGroup.has(value.type);`],
  };

  return (flavor) => {
    const statements: Statement[] = [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: '../problem.js', namespaceImport: RT }];
    statements.push(...codes(flavor, model.typescript.style, codesOfGroup, stringLiteral));
    if (flavor !== 'js') {
      for (const p of problems) {
        if (p.membersInterface) statements.push(...iface(flavor, p.membersInterface));
        statements.push(...iface(flavor, p.problemInterface));
      }
      statements.push(...typeAlias(flavor, groupProblem.name, groupProblem.type, groupProblem.docs));
    }
    statements.push(...constant(flavor, metadata), ...constant(flavor, shapes), ...constant(flavor, typesOfGroup));
    for (const p of problems) statements.push(...p.functions.map((f) => fn(flavor, f)));
    statements.push(fn(flavor, groupGuard));
    return statements;
  };
}

const groupPath = (group: GroupModel) => typescriptGroupPath(group.id);

function indexModule(model: CatalogModel, flavor: Flavor): Statement[] {
  const groups = model.groups.map((g) => ({ path: `./${groupPath(g)}.js`, ids: groupIdentifiers(g.name), group: g }));
  return [
    { kind: StructureKind.ExportDeclaration, moduleSpecifier: './problem.js' },
    // The tombstones' metadata is written with the helpers of problem.ts, under the group modules' namespace name.
    ...(model.removed.length && flavor !== 'dts' ? [{ kind: StructureKind.ImportDeclaration, moduleSpecifier: './problem.js', namespaceImport: RT } as Statement] : []),
    ...groups.map((g): Statement => ({ kind: StructureKind.ExportDeclaration, moduleSpecifier: g.path })),
    ...typeOnly(flavor, { kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './problem.js', namedImports: ['ProblemMetadata'] }),
    ...(flavor === 'dts' ? [] : groups.map((g): Statement => ({ kind: StructureKind.ImportDeclaration, moduleSpecifier: g.path, namedImports: [g.ids.metadata] }))),
    ...typeOnly(flavor, ...groups.map((g): Statement => ({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: g.path, namedImports: [g.ids.problem, g.ids.codeType] }))),
    ...typeAlias(flavor, N.anyProblem, unionOf(groups.map((g) => g.ids.problem)), doc('Any problem of the catalog; narrow it by its `type`.')),
    ...typeAlias(flavor, N.problemCode, unionOf(groups.map((g) => g.ids.codeType)), doc('Any code of the catalog (a code may belong to several groups).')),
    ...typeAlias(flavor, N.problemType, "AnyProblem['type']", doc('Any type URI of the catalog.')),
    // Listed one by one: iterating the metadata objects would put integer-like codes (`1000`) first.
    ...constant(flavor, {
      name: N.allProblems,
      docs: doc('Every problem type of the catalog, in catalog order.'),
      type: 'readonly ProblemMetadata[]',
      value: (writer) => {
        writer.write('[').newLine();
        writer.indent(() => groups.forEach((g) => g.group.problems.forEach((p) => writer.writeLine(`${g.ids.metadata}[${stringLiteral(p.code)}],`))));
        writer.write(']');
      },
    }),
    // Tombstones: in no union and no factory, but still looked up, so that a client can explain an old payload.
    ...(model.removed.length
      ? constant(flavor, {
          name: N.removedProblems,
          docs: doc('Every removed problem type (tombstones), in catalog order: not live, still found by `problemByType`.'),
          type: 'readonly ProblemMetadata[]',
          value: (writer) => {
            writer.write('[').newLine();
            writer.indent(() => model.removed.forEach((p) => writer.write('{ ').write(metadataMembers(p, model).join(', ')).write(' },').newLine()));
            writer.write(']');
          },
        })
      : []),
    ...constant(flavor, { name: 'byType', exported: false, type: 'ReadonlyMap<string, ProblemMetadata>', value: (w) => w.write(model.removed.length ? `new Map([...allProblems, ...${N.removedProblems}].map((p) => [p.type, p]))` : 'new Map(allProblems.map((p) => [p.type, p]))') }),
    fn(flavor, {
      name: N.problemByType,
      docs: [doc(`The metadata of the problem type whose URI is \`type\`, if the catalog has one${model.removed.length ? ' (a removed one included, with `removed`)' : ''}.`)],
      params: [{ name: 'type', type: 'string' }],
      returnType: 'ProblemMetadata | undefined',
      body: ['return byType.get(type);'],
    }),
    fn(flavor, {
      name: N.problemsByCode,
      docs: [doc('The metadata of every problem type with this code (one per group that uses it), in catalog order.')],
      params: [{ name: 'code', type: 'string' }],
      returnType: 'readonly ProblemMetadata[]',
      body: ['return allProblems.filter((p) => p.code === code);'],
    }),
    fn(flavor, {
      name: N.isProblem,
      docs: [doc('Whether `value` is a problem of this catalog (judged by its `type`).')],
      params: [{ name: 'value', type: 'unknown' }],
      returnType: 'value is AnyProblem',
      body: ['return typeof value === "object" && value !== null && "type" in value && typeof value.type === "string" && byType.has(value.type);'],
    }),
  ];
}

/**
 * Where each flavor goes: `.js` + `.d.ts` side by side in `typescript/` (all a package consumer sees, so
 * the consumer's compiler options never apply to our sources), the `.ts` sources in `typescript/src/`
 * for repos that copy them into their own build.
 */
const FLAVOR_PATH: Record<Flavor, (module: string) => string> = {
  ts: (module) => `typescript/src/${module}.ts`,
  js: (module) => `typescript/${module}.js`,
  dts: (module) => `typescript/${module}.d.ts`,
};

/**
 * The TypeScript modules of the catalog. With `take`, each file is handed to it as soon as it is printed
 * and none is returned (the worker encodes them one by one, so that their texts do not pile up).
 */
export async function emitTypeScript(model: CatalogModel, options: Pick<EmitOptions, 'sourceName'>, take?: (file: GeneratedFile) => void, known?: KnownTypes): Promise<GeneratedFile[]> {
  const types = await memberTypes(model.problems.flatMap((p) => p.extensions.map((m) => m.schema)), known);
  const header = `// ${lineComment(banner(options.sourceName))}\n\n`;
  // Each module's maker, called once: what its three flavors share is made then, one module at a time.
  const modules: [string, () => (flavor: Flavor) => Statement[]][] = [
    ['problem', () => (flavor) => problemModule(model, flavor)],
    ...model.groups.map((g): [string, () => (flavor: Flavor) => Statement[]] => [groupPath(g), () => groupModule(g, model, types)]),
    ['index', () => (flavor) => indexModule(model, flavor)],
  ];
  const files: GeneratedFile[] = [];
  const add = take ?? ((file: GeneratedFile) => void files.push(file));
  add({ path: 'typescript/package.json', contents: '{\n  "type": "module",\n  "sideEffects": false\n}\n' });
  untrackedWriting();
  for (const [path, make] of modules) {
    const statementsOf = make();
    for (const flavor of ['ts', 'js', 'dts'] as const) {
      const text = printStructure({ kind: StructureKind.SourceFile, statements: statementsOf(flavor) }, { indentNumberOfSpaces: 4, newLine: '\n' });
      add({ path: FLAVOR_PATH[flavor](path), contents: header + withOneFinalNewline(text.replace(/^\n+/, '')) });
    }
  }
  return files;
}

/** `text` with its final newlines made one, as `/\n+$/` → `\n` (which, anchored at the end, tries every newline of a large file). */
function withOneFinalNewline(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return end === text.length ? text : text.slice(0, end + 1);
}

/**
 * ts-morph's code writer follows every character it writes to know whether it is inside a string, a
 * comment or a regular expression, so as not to indent their new lines: 37% of printing. What is printed
 * here has no such new lines (texts are escaped string literals, doc comments are written line by line),
 * so the tracking is turned off. And a text of one line, most of what is written, is written as the
 * writer writes each line of a text, without splitting it on a regular expression first (another 10%).
 * The golden tests prove the output byte-identical. Idempotent; skipped if a future code-block-writer
 * has no such methods.
 */
function untrackedWriting(): void {
  type Writer = {
    _updateInternalState(text: string): void;
    _writeIndentingNewLines(text: string): void;
    _writeIndentation(): void;
    _internalWrite(text: string): void;
    isInString(): boolean;
    isLastNewLine(): boolean;
    getLastChar(): string | undefined;
  };
  const prototype = CodeBlockWriter.prototype as unknown as Partial<Writer> & { [ONE_LINE]?: true };
  const methods = ['_updateInternalState', '_writeIndentingNewLines', '_writeIndentation', '_internalWrite', 'isInString', 'isLastNewLine', 'getLastChar'] as const;
  if (prototype[ONE_LINE] || !methods.every((m) => typeof prototype[m] === 'function')) return;
  const lines = prototype._writeIndentingNewLines!;
  prototype._updateInternalState = () => {};
  prototype._writeIndentingNewLines = function (this: Writer, text: string) {
    if (!text || text.includes('\n')) return lines.call(this, text);
    if (!this.isInString() && (this.isLastNewLine() || this.getLastChar() == null)) this._writeIndentation();
    this._updateInternalState(text);
    this._internalWrite(text);
  };
  prototype[ONE_LINE] = true;
}
const ONE_LINE = Symbol('one-line writing');
