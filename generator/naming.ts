/**
 * Naming: the one place where catalog ids become TypeScript identifiers. One case conversion,
 * one reserved-name set, one escape rule. Validation uses the same functions to report clashes,
 * so two entries never silently get the same name (and adding an entry never renames another).
 */

/** `number-in-use` → `NumberInUse`, `2fa-required` → `2faRequired` (not yet a safe identifier). */
export function pascalCase(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** `number-in-use` → `numberInUse`. */
export function camelCase(slug: string): string {
  const pascal = pascalCase(slug);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** The escape rule: a name that starts with a digit gets a leading underscore (`1000` → `_1000`). */
export function safeIdentifier(name: string): string {
  return /^[0-9]/.test(name) ? `_${name}` : name;
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

/**
 * Names the generated TypeScript modules declare themselves (`problem.ts` and `index.ts`). A group or
 * error whose derived names would equal one of them is reported as an identifier collision instead of
 * being renamed.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  // problem.ts (its lowercase exports `locales`, `defaultLocale`, `hasType`, `inEveryLocale` and
  // `formatMember` cannot clash: derived names are PascalCase or start with `create`/`is`)
  'Locale',
  'LocalizedText',
  'ProblemBase',
  'ProblemOptions',
  'ProblemMetadata',
  'ProblemError',
  // index.ts
  'AnyProblem',
  'ProblemCode',
  'ProblemType',
  'isProblem',
  // globals a generated name must not shadow
  'Error',
  'Object',
  'String',
  'Number',
  'Boolean',
  'Array',
  'Symbol',
  'Promise',
  'Record',
  'Partial',
  'Readonly',
]);

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
  } as const;
}
