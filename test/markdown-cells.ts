/** Reading markdown back as a reader sees it: markdown-it with GitHub's options (HTML, tables, autolinks). */
import MarkdownIt from 'markdown-it';

export const md = new MarkdownIt({ html: true, linkify: true });
type Token = ReturnType<typeof md.parse>[number];

export interface Cell {
  readonly text: string;
  /** Inline token types other than plain text, code, line breaks and anchors. */
  readonly markup: string[];
  readonly anchors: string[];
  readonly code: string[];
}

/** The text a reader sees in a cell, and anything in it that is not plain text. */
export function cellOf(inline: Token): Cell {
  let text = '';
  const markup: string[] = [];
  const anchors: string[] = [];
  const code: string[] = [];
  for (const t of inline.children ?? []) {
    if (t.type === 'text') text += t.content;
    else if (t.type === 'code_inline') {
      text += t.content;
      code.push(t.content);
    } else if (t.type === 'softbreak' || t.type === 'hardbreak') text += '\n';
    else if (t.type === 'html_inline' && /^<br\s*\/?>$/.test(t.content)) text += '\n';
    else if (t.type === 'html_inline' && /^<a id="[^"]*"><\/a>$|^<a id="[^"]*">$|^<\/a>$/.test(t.content)) {
      const id = /id="([^"]*)"/.exec(t.content)?.[1];
      if (id !== undefined) anchors.push(id);
    } else markup.push(`${t.type}:${t.content}`);
  }
  return { text, markup, anchors, code };
}

export interface Table {
  readonly heading: string;
  readonly header: string[];
  readonly rows: Cell[][];
}

/** Every table of a page, with the text of the heading above it. */
export function tablesOf(markdown: string): Table[] {
  const tokens = md.parse(markdown, {});
  const tables: Table[] = [];
  let heading = '';
  let current: Table | undefined;
  let row: Cell[] | undefined;
  let inHeader = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open') heading = cellOf(tokens[i + 1]!).text;
    else if (t.type === 'table_open') current = { heading, header: [], rows: [] };
    else if (t.type === 'thead_open') inHeader = true;
    else if (t.type === 'thead_close') inHeader = false;
    else if (t.type === 'tr_open' && !inHeader) row = [];
    else if (t.type === 'tr_close' && row && current) {
      current.rows.push(row);
      row = undefined;
    } else if (t.type === 'inline' && current && tokens[i - 1]?.type === 'th_open') current.header.push(cellOf(t).text);
    else if (t.type === 'inline' && row) row.push(cellOf(t));
    else if (t.type === 'table_close' && current) {
      tables.push(current);
      current = undefined;
    }
  }
  return tables;
}


/** The text a reader sees in a CommonMark block (an OpenAPI description): its inline text, hard breaks as line breaks. */
export function renderedText(markdown: string): string {
  return md
    .parse(markdown, {})
    .filter((t) => t.type === 'inline')
    .map((t) => (t.children ?? []).map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'hardbreak' || c.type === 'softbreak' ? '\n' : `<${c.type}>`)).join(''))
    .join('\n\n');
}
