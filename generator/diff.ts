/**
 * `diff`: what changed between two versions of a catalog, each change classified by what it does to
 * clients that switch on codes and type URIs and read the members:
 *
 *   breaking   a problem removed without a tombstone, or removed without a deprecation first; a type URI
 *              changed; a status changed or removed; a required member added; a member removed or its
 *              schema narrowed (type changed, enum value removed, optional → required, tighter bounds);
 *              a locale removed
 *   dangerous  a title changed (RFC 9457: clients show it, and it must not vary); a detail template's
 *              placeholders changed; a status added; another change of a member's schema
 *   safe       a problem or group added, an optional member added or a member widened, a text reworded,
 *              a translation added, a problem deprecated, a deprecated problem tombstoned
 *
 * Each change names its place in both catalogs (line and column). A breaking change fails the gate unless
 * the new `catalogVersion` has a new major version.
 */
import type { LoadedSource, Path } from './catalog/load.js';
import type { Finding } from './report.js';
import { markdownInline } from './emit/escape.js';
import type { CatalogModel, ExtensionModel, Json, ProblemModel } from './catalog/model.js';

export type ChangeClass = 'breaking' | 'dangerous' | 'safe';

export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface Change {
  readonly class: ChangeClass;
  /** A short kind, e.g. `problem-removed`, `status-changed`, `member-narrowed`. */
  readonly kind: string;
  /** `{group}/{code}`, or `` for catalog-wide changes. */
  readonly problem: string;
  readonly message: string;
  readonly old?: Place;
  readonly new?: Place;
}

export interface DiffResult {
  readonly changes: readonly Change[];
  readonly oldVersion: string;
  readonly newVersion: string;
  /** The new catalogVersion has a higher major than the old one: breaking changes are announced. */
  readonly majorBump: boolean;
}

interface Side {
  readonly model: CatalogModel;
  readonly loaded: LoadedSource;
}

const major = (version: string): number => Number(version.split('.')[0]);

/** Where a problem (or one of its fields) is written. */
function place(side: Side, problem: ProblemModel | undefined, field?: string | readonly (string | number)[]): Place | undefined {
  const path: Path = problem ? ['groups', problem.position[0], 'errors', problem.position[1]] : [];
  const full = field === undefined ? path : [...path, ...(typeof field === 'string' ? [field] : field)];
  const span = side.loaded.locate(full);
  const { line, column } = side.loaded.source.position(span.start);
  return { file: side.loaded.source.file, line, column };
}

const key = (p: ProblemModel) => `${p.group}/${p.code}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Compares two catalogs. Both must be valid (their models built). */
export function diffCatalogs(before: Side, after: Side): DiffResult {
  const changes: Change[] = [];
  const add = (c: Omit<Change, 'old' | 'new'>, old: Place | undefined, now: Place | undefined) =>
    changes.push({ ...c, ...(old ? { old } : {}), ...(now ? { new: now } : {}) });
  // Tombstones included: a live problem that became one is compared, not taken for deleted.
  const oldProblems = new Map([...before.model.problems, ...before.model.removed].map((p) => [key(p), p]));
  const newProblems = new Map([...after.model.problems, ...after.model.removed].map((p) => [key(p), p]));

  for (const locale of before.model.locales) {
    if (!after.model.locales.includes(locale)) add({ class: 'breaking', kind: 'locale-removed', problem: '', message: `locale '${locale}' was removed: clients asking for it get another language` }, place(before, undefined, ['locales']), place(after, undefined, ['locales']));
  }
  for (const locale of after.model.locales) {
    if (!before.model.locales.includes(locale)) add({ class: 'safe', kind: 'locale-added', problem: '', message: `locale '${locale}' was added` }, undefined, place(after, undefined, ['locales']));
  }
  for (const group of after.model.groups) {
    if (!before.model.groups.some((g) => g.id === group.id)) add({ class: 'safe', kind: 'group-added', problem: group.id, message: `group '${group.id}' was added` }, undefined, place(after, undefined, ['groups', after.model.groups.indexOf(group)]));
  }

  for (const [id, old] of oldProblems) {
    const now = newProblems.get(id);
    if (!now) {
      add({ class: 'breaking', kind: 'problem-removed', problem: id, message: `problem '${id}' was deleted: clients that switch on its code or type URI break, and its type URI no longer resolves; keep it as a tombstone ('removed: { since }') instead` }, place(before, old), undefined);
      continue;
    }
    if (!old.removed && now.removed) {
      if (old.deprecated) add({ class: 'safe', kind: 'problem-tombstoned', problem: id, message: `problem '${id}' was removed (tombstone since ${now.removed.since}) after its deprecation` }, place(before, old), place(after, now, 'removed'));
      else add({ class: 'breaking', kind: 'problem-removed-undeprecated', problem: id, message: `problem '${id}' was removed without being deprecated in an earlier version: deprecate it first, remove it in a later version` }, place(before, old), place(after, now, 'removed'));
      continue;
    }
    if (old.removed || now.removed) continue;
    compareProblem(before, after, old, now, add);
  }
  for (const [id, now] of newProblems) {
    if (!oldProblems.has(id) && !now.removed) add({ class: 'safe', kind: 'problem-added', problem: id, message: `problem '${id}' was added` }, undefined, place(after, now));
  }

  const order: Record<ChangeClass, number> = { breaking: 0, dangerous: 1, safe: 2 };
  changes.sort((a, b) => order[a.class] - order[b.class] || (a.new?.line ?? a.old?.line ?? 0) - (b.new?.line ?? b.old?.line ?? 0));
  return {
    changes,
    oldVersion: before.model.catalogVersion,
    newVersion: after.model.catalogVersion,
    majorBump: major(after.model.catalogVersion) > major(before.model.catalogVersion),
  };
}

type Add = (c: Omit<Change, 'old' | 'new'>, old: Place | undefined, now: Place | undefined) => void;

function compareProblem(before: Side, after: Side, old: ProblemModel, now: ProblemModel, add: Add): void {
  const id = key(old);
  // Texts are compared in the locales both catalogs have (a removed or added locale is its own change).
  const common = before.model.locales.filter((l) => after.model.locales.includes(l));
  const inCommon = (text: { readonly [l: string]: string } | undefined) => (text ? common.map((l) => text[l]) : undefined);
  const at = (field: string | readonly (string | number)[]) => [place(before, old, field), place(after, now, field)] as const;
  if (old.type !== now.type) add({ class: 'breaking', kind: 'type-changed', problem: id, message: `the type URI of '${id}' changed from ${old.type} to ${now.type}: clients matching on it break (RFC 9457 asks that type URIs stay stable)` }, ...at('code'));
  const lost = old.statuses.filter((s) => !now.statuses.includes(s));
  const gained = now.statuses.filter((s) => !old.statuses.includes(s));
  if (lost.length) add({ class: 'breaking', kind: 'status-changed', problem: id, message: `'${id}' is no longer returned with ${lost.join(', ')} (now ${now.statuses.join(', ')})` }, ...at('status'));
  else if (gained.length) add({ class: 'dangerous', kind: 'status-added', problem: id, message: `'${id}' may now also be returned with ${gained.join(', ')}` }, ...at('status'));
  for (const locale of common) {
    if (old.title[locale] !== undefined && old.title[locale] !== now.title[locale]) {
      add({ class: 'dangerous', kind: 'title-changed', problem: id, message: `the ${locale} title of '${id}' changed from ${JSON.stringify(old.title[locale])} to ${JSON.stringify(now.title[locale])}: clients show titles, and RFC 9457 asks that a type's title not change` }, ...at('title'));
      break;
    }
  }
  const placeholders = (p: ProblemModel) => [...(p.detail?.members ?? [])].sort();
  if (!same(placeholders(old), placeholders(now))) add({ class: 'dangerous', kind: 'detail-placeholders-changed', problem: id, message: `the detail template of '${id}' now uses {${placeholders(now).join('}, {')}} instead of {${placeholders(old).join('}, {')}}` }, ...at('detail'));
  else if (!same(inCommon(old.detail?.template), inCommon(now.detail?.template))) add({ class: 'safe', kind: 'text-reworded', problem: id, message: `the detail template of '${id}' was reworded` }, ...at('detail'));
  for (const field of ['description', 'resolution'] as const) {
    const before_ = old[field];
    const after_ = now[field];
    if (!same(inCommon(before_), inCommon(after_))) {
      const translated = before_ && after_ && Object.keys(after_).some((l) => before_[l] === before_[before.model.defaultLocale] && after_[l] !== after_[after.model.defaultLocale]);
      add({ class: 'safe', kind: translated ? 'translation-added' : 'text-reworded', problem: id, message: `the ${field} of '${id}' ${translated ? 'got a translation' : 'was reworded'}` }, ...at(field));
    }
  }
  if (!old.deprecated && now.deprecated) add({ class: 'safe', kind: 'problem-deprecated', problem: id, message: `'${id}' was deprecated` }, ...at('deprecated'));
  const oldMembers = new Map(old.extensions.map((m) => [m.name, m]));
  const newMembers = new Map(now.extensions.map((m) => [m.name, m]));
  for (const [name, member] of oldMembers) {
    const next = newMembers.get(name);
    const where = [place(before, old, ['extensions', name]), place(after, now, next ? ['extensions', name] : 'extensions')] as const;
    if (!next) add({ class: 'breaking', kind: 'member-removed', problem: id, message: `member '${name}' of '${id}' was removed: clients reading it break` }, ...where);
    else compareMember(id, member, next, add, where);
  }
  for (const [name, member] of newMembers) {
    if (oldMembers.has(name)) continue;
    const where = [place(before, old, 'extensions'), place(after, now, ['extensions', name])] as const;
    if (member.required) add({ class: 'breaking', kind: 'member-added-required', problem: id, message: `required member '${name}' was added to '${id}': servers built on the old types do not send it, and validators reject their bodies` }, ...where);
    else add({ class: 'safe', kind: 'member-added-optional', problem: id, message: `optional member '${name}' was added to '${id}'` }, ...where);
  }
}

const types = (schema: { readonly [k: string]: Json }): string[] | undefined => (typeof schema['type'] === 'string' ? [schema['type']] : Array.isArray(schema['type']) ? schema['type'].map(String) : undefined);

/** Whether a member's new schema accepts less than its old one, and how. */
function narrowing(old: ExtensionModel, now: ExtensionModel): string | undefined {
  if (!old.required && now.required) return 'it became required';
  const a = old.schema;
  const b = now.schema;
  const oldTypes = types(a);
  const newTypes = types(b);
  if (newTypes && (!oldTypes || oldTypes.some((t) => !newTypes.includes(t) && !(t === 'integer' && newTypes.includes('number'))))) return `its type changed from ${oldTypes?.join(' | ') ?? 'any'} to ${newTypes.join(' | ')}`;
  if (Array.isArray(b['enum'])) {
    if (!Array.isArray(a['enum'])) return 'it became an enum';
    const removed = a['enum'].filter((v) => !(b['enum'] as Json[]).some((w) => same(v, w)));
    if (removed.length) return `enum value ${removed.map((v) => JSON.stringify(v)).join(', ')} was removed`;
  }
  for (const [bound, tighter] of [['minimum', 1], ['exclusiveMinimum', 1], ['minLength', 1], ['minItems', 1], ['maximum', -1], ['exclusiveMaximum', -1], ['maxLength', -1], ['maxItems', -1]] as const) {
    const x = a[bound];
    const y = b[bound];
    if (typeof y === 'number' && (typeof x !== 'number' || (y - x) * tighter > 0)) return `its ${bound} tightened from ${typeof x === 'number' ? x : 'none'} to ${y}`;
  }
  if (b['pattern'] !== undefined && b['pattern'] !== a['pattern']) return `its pattern became ${JSON.stringify(b['pattern'])}`;
  const oldRequired = Array.isArray(a['required']) ? a['required'] : [];
  const newRequired = Array.isArray(b['required']) ? b['required'] : [];
  const added = newRequired.filter((r) => !oldRequired.includes(r));
  if (added.length) return `its object now requires ${added.map(String).join(', ')}`;
  if (b['additionalProperties'] === false && a['additionalProperties'] !== false) return 'it no longer allows other properties';
  return undefined;
}

function compareMember(id: string, old: ExtensionModel, now: ExtensionModel, add: Add, where: readonly [Place | undefined, Place | undefined]): void {
  const narrowed = narrowing(old, now);
  if (narrowed) return add({ class: 'breaking', kind: 'member-narrowed', problem: id, message: `member '${old.name}' of '${id}' accepts less than before: ${narrowed}` }, ...where);
  const { description: _a, ...a } = old.schema;
  const { description: _b, ...b } = now.schema;
  if (!same(a, b) || old.required !== now.required) add({ class: 'dangerous', kind: 'member-changed', problem: id, message: `the schema of member '${old.name}' of '${id}' changed` }, ...where);
  else if (old.description !== now.description) add({ class: 'safe', kind: 'text-reworded', problem: id, message: `the description of member '${old.name}' of '${id}' was reworded` }, ...where);
}

/** Whether the gate fails: breaking changes without a new major version, or (with `failOn: dangerous`) dangerous ones too. */
export function gateFails(result: DiffResult, failOn: 'breaking' | 'dangerous'): boolean {
  const breaking = result.changes.some((c) => c.class === 'breaking') && !result.majorBump;
  const dangerous = failOn === 'dangerous' && result.changes.some((c) => c.class === 'dangerous');
  return breaking || dangerous;
}

/** The diff as Markdown, for a pull-request comment. */
export function diffMarkdown(result: DiffResult): string {
  const lines = [`### Error catalog: ${result.oldVersion} → ${result.newVersion}`, ''];
  if (result.changes.length === 0) return [...lines, 'No change.', ''].join('\n');
  const counts = (['breaking', 'dangerous', 'safe'] as const).map((c) => `${result.changes.filter((x) => x.class === c).length} ${c}`);
  lines.push(counts.join(', ') + (result.changes.some((c) => c.class === 'breaking') ? (result.majorBump ? ' — announced by a new major version.' : ' — **needs a new major `catalogVersion`**.') : '.'), '');
  lines.push('| | problem | change | where |', '| --- | --- | --- | --- |');
  const icon: Record<ChangeClass, string> = { breaking: '🔴 breaking', dangerous: '🟠 dangerous', safe: '🟢 safe' };
  for (const c of result.changes) {
    const where = [c.old ? `old ${c.old.line}:${c.old.column}` : '', c.new ? `new ${c.new.line}:${c.new.column}` : ''].filter(Boolean).join(', ');
    lines.push(`| ${icon[c.class]} | \`${c.problem || '(catalog)'}\` | ${markdownInline(c.message)} | ${where} |`);
  }
  return lines.join('\n') + '\n';
}

/** Where a change is: its place in the new catalog, else in the old one. */
const placeOf = (c: Change): Place => (c.new ?? c.old)!;

/** The diff as text: each change with its places, then a summary and the gate's verdict. */
export function diffText(result: DiffResult, fails: boolean): string {
  const lines = result.changes.map((c) => {
    const where = [c.old, c.new].filter((p): p is Place => p !== undefined).map((p) => `${p.file}:${p.line}:${p.column}`).join(' → ');
    return `${c.class.padEnd(9)} ${c.problem || '(catalog)'}: ${c.message}\n          ${where}\n`;
  });
  const count = (k: ChangeClass) => result.changes.filter((c) => c.class === k).length;
  const summary = `${result.oldVersion} → ${result.newVersion}: ${count('breaking')} breaking, ${count('dangerous')} dangerous, ${count('safe')} safe`;
  const verdict =
    result.changes.length === 0
      ? 'no change'
      : fails
        ? `fails the gate${count('breaking') && !result.majorBump ? ': a breaking change needs a new major catalogVersion' : ''}`
        : count('breaking')
          ? 'passes: the breaking changes come with a new major version'
          : 'passes';
  return `${lines.join('')}${summary}; ${verdict}\n`;
}

/** The changes as findings for SARIF and GitHub: what fails the gate is an error, the rest a warning or a note. */
export function diffFindings(result: DiffResult, failOn: 'breaking' | 'dangerous'): Finding[] {
  const level = (c: Change): Finding['level'] =>
    c.class === 'breaking' ? (result.majorBump ? 'warning' : 'error') : c.class === 'dangerous' ? (failOn === 'dangerous' ? 'error' : 'warning') : 'note';
  return result.changes.map((c) => ({
    rule: `change-${c.class}`,
    level: level(c),
    message: `${c.message}${c.new && c.old ? ` (was at ${c.old.file}:${c.old.line}:${c.old.column})` : ''}`,
    file: placeOf(c).file,
    line: placeOf(c).line,
    column: placeOf(c).column,
  }));
}
