/**
 * Declarations in three flavors from one description: the `.ts` source, the `.js` a consumer without
 * TypeScript runs, and the `.d.ts` that types it. Each helper returns ts-morph statement structures
 * (or writer functions), printed without parsing by ts-morph's `printStructure`.
 *
 * Function bodies and initializers are written in the common subset of TypeScript and JavaScript
 * (no `as`, no `!`, no annotations), so the same text serves `.ts` and `.js`.
 */
import { tsMorph } from './libraries.js';
import type { CodeBlockWriter, JSDocStructure, OptionalKind, StatementStructures, WriterFunction } from 'ts-morph';

const { StructureKind, VariableDeclarationKind } = tsMorph;

export type Flavor = 'ts' | 'js' | 'dts';
export type Statement = StatementStructures | WriterFunction;

/** A JSDoc comment; its texts are already made safe for a comment (see text.ts). */
export interface Doc {
  readonly description: string;
  readonly tags?: readonly { readonly tagName: string; readonly text?: string }[];
}

/** A Doc as ts-morph structures want it. */
export function jsDoc(doc: Doc): OptionalKind<JSDocStructure> {
  return { description: doc.description, tags: (doc.tags ?? []).map((t) => (t.text === undefined ? { tagName: t.tagName } : { tagName: t.tagName, text: t.text })) };
}

/** Writes a Doc as a comment block: one line when it fits on one, else a ` * `-prefixed block. */
export function writeDoc(writer: CodeBlockWriter, doc: Doc): void {
  const lines = [...doc.description.split('\n'), ...(doc.tags ?? []).map((t) => `@${t.tagName}${t.text === undefined ? '' : ` ${t.text}`}`)];
  if (lines.length === 1) {
    writer.writeLine(`/** ${lines[0]} */`);
    return;
  }
  writer.writeLine('/**');
  for (const line of lines) writer.writeLine(line === '' ? ' *' : ` * ${line}`);
  writer.writeLine(' */');
}

export interface Param {
  readonly name: string;
  readonly type: string;
  /** A default value: the parameter is optional in the `.d.ts`. */
  readonly initializer?: string;
}

/**
 * An exported function. Written straight into the file's writer (no structure printer, no nested
 * writers): these are most of the statements of a large catalog.
 */
export function fn(flavor: Flavor, d: { name: string; docs: Doc[]; params: readonly Param[]; returnType: string; body: readonly string[] }): Statement {
  return (writer) => {
    writer.blankLineIfLastNot();
    if (flavor !== 'js') d.docs.forEach((doc) => writeDoc(writer, doc)); // the `.js` is documented by its `.d.ts`
    const params = d.params
      .map((p) => {
        if (flavor === 'js') return p.initializer ? `${p.name} = ${p.initializer}` : p.name;
        if (flavor === 'dts') return `${p.name}${p.initializer ? '?' : ''}: ${p.type}`;
        return `${p.name}: ${p.type}${p.initializer ? ` = ${p.initializer}` : ''}`;
      })
      .join(', ');
    if (flavor === 'dts') {
      writer.writeLine(`export declare function ${d.name}(${params}): ${d.returnType};`);
      return;
    }
    writer.write(`export function ${d.name}(${params})${flavor === 'ts' ? `: ${d.returnType}` : ''} `).block(() => {
      for (const line of d.body) writer.writeLine(line);
    });
  };
}

/** An exported interface (type-only), written straight into the file's writer. */
export function iface(flavor: Flavor, d: { name: string; docs: Doc; extends?: string; members: readonly { name: string; type: string; optional?: boolean; docs?: Doc }[] }): Statement[] {
  return typeOnly(flavor, (writer) => {
    writer.blankLineIfLastNot();
    writeDoc(writer, d.docs);
    writer.write(`export interface ${d.name}${d.extends ? ` extends ${d.extends}` : ''} `).block(() => {
      for (const m of d.members) {
        if (m.docs) writeDoc(writer, m.docs);
        writer.writeLine(`${m.name}${m.optional ? '?' : ''}: ${m.type};`);
      }
    });
  });
}

/**
 * A `const` whose initializer is written by `value` (at indentation level 0, so multi-line literals keep
 * their own indentation). Not exported: left out of the `.d.ts`.
 */
export function constant(flavor: Flavor, d: { name: string; docs?: Doc; type: string; exported?: boolean; asConst?: boolean; value: (writer: CodeBlockWriter) => void }): Statement[] {
  const exported = d.exported ?? true;
  if (flavor === 'dts' && !exported) return [];
  return [
    (writer) => {
      writer.blankLineIfLastNot();
      if (d.docs && flavor !== 'js') writeDoc(writer, d.docs);
      const head = `${exported ? 'export ' : ''}${flavor === 'dts' ? 'declare ' : ''}const ${d.name}`;
      if (flavor === 'dts') {
        writer.writeLine(`${head}: ${d.type};`).blankLine();
        return;
      }
      writer.write(flavor === 'ts' && !d.asConst ? `${head}: ${d.type} = ` : `${head} = `);
      d.value(writer);
      writer.write(flavor === 'ts' && d.asConst ? ' as const;' : ';').newLine().blankLine();
    },
  ];
}

/** A type-level declaration: present in `.ts` and `.d.ts`, absent from `.js`. */
export function typeOnly(flavor: Flavor, ...statements: Statement[]): Statement[] {
  return flavor === 'js' ? [] : statements;
}

/** An exported type alias (type-only). */
export function typeAlias(flavor: Flavor, name: string, type: string, docs: Doc): Statement[] {
  return typeOnly(flavor, { kind: StructureKind.TypeAlias, isExported: true, name, type, docs: [jsDoc(docs)] });
}

/**
 * The codes of a group: a string enum (`style: enum`) or an `as const` object with a union type
 * (`style: const`). In `.js` both are the same object of member name → code.
 */
export function codes(
  flavor: Flavor,
  style: 'enum' | 'const',
  d: { name: string; typeName: string; docs: Doc; typeDocs: Doc; members: readonly { name: string; value: string; docs: Doc }[] },
  literal: (s: string) => string,
): Statement[] {
  const typeName =
    style === 'enum' ? typeAlias(flavor, d.typeName, `\`\${${d.name}}\``, d.typeDocs) : typeAlias(flavor, d.typeName, `(typeof ${d.name})[keyof typeof ${d.name}]`, d.typeDocs);
  if (style === 'enum' && flavor !== 'js') {
    const enumDeclaration: Statement = (writer) => {
      writer.blankLineIfLastNot();
      writeDoc(writer, d.docs);
      writer.write(`export ${flavor === 'dts' ? 'declare ' : ''}enum ${d.name} `).block(() => {
        for (const m of d.members) {
          writeDoc(writer, m.docs);
          writer.writeLine(`${m.name} = ${literal(m.value)},`);
        }
      });
    };
    return [enumDeclaration, ...typeName];
  }
  const objectLiteral = (writer: CodeBlockWriter) => {
    writer.write('{').newLine();
    writer.indent(() => {
      for (const m of d.members) {
        if (flavor !== 'js') writeDoc(writer, m.docs);
        writer.writeLine(`${m.name}: ${literal(m.value)},`);
      }
    });
    writer.write('}');
  };
  const type = `{ ${d.members.map((m) => `readonly ${m.name}: ${literal(m.value)}`).join('; ')} }`;
  return [...constant(flavor, { name: d.name, docs: d.docs, type, asConst: true, value: objectLiteral }), ...typeName];
}

export { StructureKind, VariableDeclarationKind };
