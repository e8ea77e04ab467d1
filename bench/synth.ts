/**
 * Deterministic synthetic catalogs for the benchmark: N errors over N/20 groups, texts of realistic
 * length, one error in five with two extension members and a detail template, two locales. The same
 * N always gives the same bytes. `typeSpecSource` writes the same catalog as TypeSpec `@error` models.
 */

/** A small seeded PRNG (mulberry32), so catalogs are the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'request account number deployment parameter payload message channel webhook token session quota ' +
  'limit credit balance resource profile template application region provider signature callback ' +
  'invalid missing expired locked pending rejected unavailable duplicate unsupported malformed ' +
  'because the was not could be found in state current already with for and or to of'
).split(' ');

const STATUSES = [400, 401, 403, 404, 409, 410, 422, 429, 500, 503];

export interface SynthError {
  readonly group: string;
  readonly code: string;
  readonly status: number;
  readonly title: string;
  readonly titleFr: string;
  readonly description: string;
  readonly resolution: string;
  /** Present on one error in five. */
  readonly detail?: { readonly template: string; readonly members: readonly [string, string] };
}

export interface SynthGroup {
  readonly id: string;
  readonly title: string;
  readonly errors: readonly SynthError[];
}

/** The synthetic catalog with `n` errors (at least one group, 20 errors per group). */
export function synthCatalog(n: number): SynthGroup[] {
  const rnd = random(n);
  const pick = () => WORDS[Math.floor(rnd() * WORDS.length)]!;
  const sentence = (words: number) => {
    const s = Array.from({ length: words }, pick).join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const groupCount = Math.max(1, Math.ceil(n / 20));
  const groups: SynthGroup[] = [];
  let made = 0;
  for (let g = 0; g < groupCount; g++) {
    const id = `api-${g + 1}`;
    const errors: SynthError[] = [];
    for (let e = 0; e < 20 && made < n; e++, made++) {
      const code = `${pick()}-${pick()}-${e + 1}`;
      const withDetail = made % 5 === 0;
      const status = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
      // Lint-clean, as a real catalog would be: what 401, 429 and 503 owe the client, no client words in a 5xx title.
      const title = status >= 500 ? `Server ${sentence(3).toLowerCase().replace(/\b(invalid|missing|malformed)\b/g, 'failed')}` : sentence(4);
      const owed = status === 401 ? ' Send a valid authentication token.' : status === 429 || status === 503 ? ' Wait for the time the Retry-After header gives.' : '';
      errors.push({
        group: id,
        code,
        status,
        title: `${title} ${e + 1}`,
        titleFr: `${sentence(4)} (fr)`,
        description: sentence(16) + '.',
        resolution: sentence(12) + '.' + owed,
        ...(withDetail ? { detail: { template: `${sentence(5)} {limit} ${pick()} {resource}.`, members: ['limit', 'resource'] as const } } : {}),
      });
    }
    groups.push({ id, title: `API ${g + 1}`, errors });
  }
  return groups;
}

const q = (s: string) => JSON.stringify(s);

/**
 * The synthetic catalog as catalog.yaml text; with `warning`, one lint warning in it (its second error has
 * the first one's title), as real catalogs often have (the default one has one).
 */
export function catalogYaml(n: number, options: { readonly warning?: boolean } = {}): string {
  const lines = [
    'version: 1',
    `name: synthetic-${n}`,
    'title: { en: Synthetic errors, fr: Erreurs synthétiques }',
    'typeBase: https://example.com/errors',
    'locales: [en, fr]',
    'groups:',
  ];
  let index = 0;
  let firstTitle: { en: string; fr: string } | undefined;
  for (const group of synthCatalog(n)) {
    lines.push(`  - id: ${group.id}`, `    title: { en: ${q(group.title)}, fr: ${q(group.title + ' (fr)')} }`, '    errors:');
    for (const e of group.errors) {
      const title = options.warning && index++ === 1 && firstTitle ? firstTitle : { en: e.title, fr: e.titleFr };
      firstTitle ??= title;
      lines.push(
        `      - code: ${e.code}`,
        `        status: ${e.status}`,
        `        title: { en: ${q(title.en)}, fr: ${q(title.fr)} }`,
        `        description: ${q(e.description)}`,
        `        resolution: ${q(e.resolution)}`,
      );
      if (e.detail) {
        lines.push(
          `        detail: ${q(e.detail.template)}`,
          '        extensions:',
          '          limit: { type: integer, minimum: 0, description: The limit that was reached }',
          '          resource: { type: string, description: The resource concerned }',
          '        example: { limit: 10, resource: account, instance: /requests/1 }',
        );
      }
    }
  }
  return lines.join('\n') + '\n';
}

/** The same catalog for TypeSpec: one `@error` model per error, each returned by an operation. */
export function typeSpecSource(n: number): string {
  // A service, so that the OpenAPI emitter writes a document; each problem is an @error model returned as
  // application/problem+json (as error-catalog's responses are), and each group has an operation.
  const out = ['import "@typespec/http";', 'import "@typespec/openapi3";', 'using Http;', '', '@service(#{ title: "Synthetic" })', 'namespace Synthetic;', ''];
  let i = 0;
  for (const group of synthCatalog(n)) {
    const models: string[] = [];
    for (const e of group.errors) {
      const name = `E${i++}`;
      models.push(name);
      out.push(
        `/** ${e.description} ${e.resolution} */`,
        '@error',
        `model ${name} {`,
        `  @statusCode _status: ${e.status};`,
        '  @header contentType: "application/problem+json";',
        `  type: ${q(`https://example.com/errors/${group.id}#${e.code}`)};`,
        `  title: ${q(e.title)};`,
        '  detail?: string;',
        '  instance?: string;',
        ...(e.detail ? ['  /** The limit that was reached */', '  limit: int32;', '  /** The resource concerned */', '  resource: string;'] : []),
        '}',
        '',
      );
    }
    out.push(`@route("/${group.id}") op ${group.id.replace(/-/g, '_')}(): void | ${models.join(' | ')};`, '');
  }
  return out.join('\n');
}
