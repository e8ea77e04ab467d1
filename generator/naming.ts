/**
 * Naming: the one place where a catalog's ids and codes become every derived name — TypeScript
 * identifiers, URI fragments and page anchors, JSON Schema `$id`s, output paths and OpenAPI component
 * names. One word-splitting rule, one reserved-name set, one escape rule. Validation uses the same
 * functions to report clashes, so two entries never silently get the same name (and adding an entry
 * never renames another).
 *
 * The rule, for a code as the API writes it (`number-in-use`, `22P02`, `card_declined`,
 * `INVALID_ARGUMENT`, `NotFound`, `1000`):
 *   - words: split on `-`, `_` and `.`, then where the case changes (`NotFound` → Not|Found,
 *     `HTTPError` → HTTP|Error, `22P02` → 22|P02); digits stay with the letters before them (`2fa`);
 *   - identifier: each word with its first letter upper-cased — a word written all in capitals
 *     (`INVALID`, `HTTP`) becomes `Invalid`, `Http` — joined (`InvalidArgument`, `22P02`, `NotFound`);
 *     a name that would start with a digit gets a leading underscore (`_1000`, `_22P02`);
 *   - URI fragment and page anchor: the code exactly as written (codes only hold URI-safe characters);
 *   - `$id` path segments: the group id and the code as written.
 */

/** The words of an id or code (see the rule above). */
export function words(name: string): string[] {
  return name
    .split(/[-_.]+/)
    .flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1\0$2').replace(/([A-Z])([A-Z][a-z])/g, '$1\0$2').split('\0'))
    .filter((w) => w !== '');
}

/** One word as part of a PascalCase name: first letter upper-cased; an all-capitals word is lower-cased after it. */
function capitalized(word: string): string {
  const rest = /[a-z]/.test(word) || !/[A-Z].*[A-Z]/.test(word) ? word.slice(1) : word.slice(1).toLowerCase();
  return word.charAt(0).toUpperCase() + rest;
}

/** The PascalCase name of `name` by the rule above, word by word: the definition the fast path below keeps to. */
export function pascalCaseOfWords(name: string): string {
  return words(name).map(capitalized).join('');
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSeparator = (c: number) => c === 45 || c === 95 || c === 46; // - _ .

/**
 * The same rule in one pass over the characters, for a name written only with letters, digits, `-`, `_`
 * and `.` (every code and group id): a word starts at an upper-case letter that follows a lower-case
 * letter or a digit, or that follows an upper-case letter and precedes a lower-case one. Any other
 * name gets `undefined`, and the rule's own steps.
 */
function pascalCaseOfCode(name: string): string | undefined {
  let out = '';
  let start = -1; // where the current word starts, -1 between words
  let capitals = 0; // upper-case letters of the current word
  let lower = false; // whether it has a lower-case letter
  const end = (at: number) => {
    if (start === -1) return;
    const first = name.charCodeAt(start);
    out += isLower(first) ? String.fromCharCode(first - 32) : name[start];
    // An all-capitals word (`INVALID`, `HTTP`) continues in lower case.
    out += !lower && capitals > 1 ? name.slice(start + 1, at).toLowerCase() : name.slice(start + 1, at);
    start = -1;
  };
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (isSeparator(c)) {
      end(i);
      continue;
    }
    if (!isUpper(c) && !isLower(c) && !isDigit(c)) return undefined;
    if (start !== -1 && isUpper(c)) {
      const before = name.charCodeAt(i - 1);
      if (isLower(before) || isDigit(before) || (isUpper(before) && isLower(name.charCodeAt(i + 1)))) end(i);
    }
    if (start === -1) {
      start = i;
      capitals = 0;
      lower = false;
    }
    if (isUpper(c)) capitals++;
    else if (isLower(c)) lower = true;
  }
  end(name.length);
  return out;
}

/** PascalCase names, remembered: every output asks for the same few thousand, many times each. */
const pascalCases = new Map<string, string>();

/** `number-in-use` → `NumberInUse`, `INVALID_ARGUMENT` → `InvalidArgument`, `2fa-required` → `2faRequired` (not yet a safe identifier). */
export function pascalCase(name: string): string {
  let pascal = pascalCases.get(name);
  if (pascal === undefined) {
    if (pascalCases.size > 100_000) pascalCases.clear(); // a bound for long-lived processes
    pascalCases.set(name, (pascal = pascalCaseOfCode(name) ?? pascalCaseOfWords(name)));
  }
  return pascal;
}

/** The escape rule: a name that starts with a digit gets a leading underscore (`1000` → `_1000`). */
export function safeIdentifier(name: string): string {
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Whether `name` can be written as a bare property name and read with `.name` (otherwise it is quoted). */
export function isPlainPropertyName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && name !== '__proto__';
}

/** TypeScript name of a group: its `name` override, or PascalCase of its id. */
export function groupName(group: { id: string; name?: string | undefined }): string {
  return group.name ?? safeIdentifier(pascalCase(group.id));
}

/** TypeScript name of an error inside its group (enum member): its `name` override, or PascalCase of its code. */
export function errorName(error: { code: string; name?: string | undefined }): string {
  return error.name ?? safeIdentifier(pascalCase(error.code));
}

/** Catalog-wide TypeScript name of an error: group name + error name, e.g. `WhatsAppProvisioningNumberInUse`. */
export function globalErrorName(group: { id: string; name?: string | undefined }, error: { code: string; name?: string | undefined }): string {
  return safeIdentifier((group.name ?? pascalCase(group.id)) + (error.name ?? pascalCase(error.code)));
}

/** A base URI as pasted (`https://example.com/errors/`) without its trailing slashes. */
export const normalizeBase = (uri: string): string => uri.replace(/(?<=[^/])\/+$/, '');

/** The fragment of a derived type URI: the code as written (every character a code may hold is URI-safe). */
export const fragmentOf = (code: string): string => code;

/** The type URI of an error: its `type`, else `{group typeBase}#{code}`, else `{typeBase}/{group}#{code}`. */
export function typeUri(
  catalogTypeBase: string,
  group: { readonly id: string; readonly typeBase?: string | undefined },
  error: { readonly code: string; readonly type?: string | undefined },
): string {
  if (error.type !== undefined) return error.type;
  if (group.typeBase !== undefined) return `${group.typeBase}#${fragmentOf(error.code)}`;
  return `${catalogTypeBase}/${group.id}#${fragmentOf(error.code)}`;
}

/** The page anchor of a problem: its type URI's fragment (decoded), or its code when the URI has none. */
export function anchorOf(problem: { readonly type: string; readonly code: string }): string {
  const hash = problem.type.indexOf('#');
  if (hash === -1) return problem.code;
  const fragment = problem.type.slice(hash + 1);
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/** `$id`s and paths of the generated JSON Schemas. */
export const schemaNames = {
  base: (schemaBase: string) => `${schemaBase}/problem.json`,
  catalog: (schemaBase: string) => `${schemaBase}/catalog.json`,
  group: (schemaBase: string, group: string) => `${schemaBase}/groups/${group}.json`,
  problem: (schemaBase: string, group: string, code: string) => `${schemaBase}/groups/${group}/${code}.json`,
  groupPath: (group: string) => `schemas/groups/${group}.json`,
} as const;

/** Path (without extension) of a group's TypeScript module, relative to `typescript/`. */
export const typescriptGroupPath = (group: string): string => `groups/${group}`;

/** OpenAPI component names: named like the TypeScript types. */
export const openApiNames = {
  base: 'ProblemBase',
  problem: (globalName: string) => errorIdentifiers(globalName).problem,
  groupStatus: (groupName: string, status: number) => `${groupIdentifiers(groupName).problem}_${status}`,
  contentLanguage: 'Content-Language',
} as const;

/**
 * Names the generated TypeScript modules declare themselves (`problem.ts` and `index.ts`). The TypeScript
 * emitter declares them under these very constants, so this list is what it declares, not a copy.
 */
export const MODULE_NAMES = {
  // problem.ts
  locale: 'Locale',
  locales: 'locales',
  defaultLocale: 'defaultLocale',
  localizedText: 'LocalizedText',
  problemBase: 'ProblemBase',
  problemOptions: 'ProblemOptions',
  problemMetadata: 'ProblemMetadata',
  problemError: 'ProblemError',
  hasType: 'hasType',
  inEveryLocale: 'inEveryLocale',
  formatMember: 'formatMember',
  negotiateLocale: 'negotiateLocale',
  problemShape: 'ProblemShape',
  conforms: 'conforms',
  // index.ts
  anyProblem: 'AnyProblem',
  problemCode: 'ProblemCode',
  problemType: 'ProblemType',
  allProblems: 'allProblems',
  removedProblems: 'removedProblems',
  problemByType: 'problemByType',
  problemsByCode: 'problemsByCode',
  isProblem: 'isProblem',
} as const;

/** Globals a generated name must not shadow. */
const GLOBALS = ['Error', 'Object', 'String', 'Number', 'Boolean', 'Array', 'Symbol', 'Promise', 'Record', 'Partial', 'Readonly'];

/**
 * Every name a group or error may not take: what the modules declare, and the globals. A group or error
 * whose derived names would equal one of them is reported as an identifier collision instead of being renamed.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.values(MODULE_NAMES), ...GLOBALS]);

/** Every identifier the TypeScript output declares for a group whose name is `name`. */
export function groupIdentifiers(name: string) {
  return {
    /** enum (or `as const` object) of the group's codes */
    codes: `${name}Error`,
    /** union of the group's code strings */
    codeType: `${name}Code`,
    /** union of the group's problem interfaces */
    problem: `${name}Problem`,
    /** type guard for any problem of the group */
    guard: `is${name}Problem`,
    /** metadata of the group's problems, by code */
    metadata: `${name}Metadata`,
  } as const;
}

/** Every identifier the TypeScript output declares for an error whose global name is `name`. */
export function errorIdentifiers(name: string) {
  return {
    /** interface of the problem */
    problem: `${name}Problem`,
    /** interface of its extension members */
    members: `${name}Members`,
    /** factory */
    factory: `create${name}`,
    /** type guard */
    guard: `is${name}Problem`,
    /** validating check: the type, then every member against its schema's shape */
    validator: `isValid${name}Problem`,
  } as const;
}
