/**
 * Escapers, one per target syntax, each in one place: inline markdown, markdown rendered to HTML (for a
 * page's table cell or for an HTML page), HTML text and attributes, and comments (`//` and `#` line
 * comments, `<!-- -->`). TypeScript string literals and JSDoc live in typescript/text.ts; YAML and JSON
 * are written by their libraries.
 */
import { createRequire } from 'node:module';
import type MarkdownIt from 'markdown-it';

type Renderer = InstanceType<typeof MarkdownIt>;

// markdown-it is loaded on the first markdown text (most catalogs have none): 15–25 ms of every run otherwise.
const require = createRequire(import.meta.url);

/** Whatever markdownInline changes: a character that could start markup, an autolink, a line break. */
const INLINE_MARKUP = /[\\`*_[\]<>&|~#@\r\n]|:\/\/|\bwww\./;

/**
 * Escapes a plain text for inline markdown (a table cell, a heading): every character that could start
 * markup is backslash-escaped, so the text renders literally; line breaks become `<br>`.
 */
export function markdownInline(text: string): string {
  if (!INLINE_MARKUP.test(text)) return text; // most texts: nothing to escape, no string rebuilt four times
  return text
    .replace(/[\\`*_[\]<>&|~#@]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://') // no autolink of bare URLs
    .replace(/\bwww\./g, 'www\\.')
    .replace(/\r\n?|\n/g, '<br>');
}

/**
 * A plain text as a CommonMark block that renders exactly that text (an OpenAPI `description` is
 * CommonMark): the characters that start inline markup backslash-escaped (`<` and `>` as `&lt;` and
 * `&gt;`, so that no tag appears even to a linter reading the source), `://` kept from autolinking, what
 * would start a block at the beginning of a line (`-`, `+`, `=`, `1.`) escaped, a line break a hard break,
 * leading white space as character references (never a code block).
 */
export function commonMarkText(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) =>
      line
        .replace(/[\\`*_[\]<>&|~!#]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
        .replace(/:\/\//g, '\\://')
        .replace(/^([ \t]*)([-+=]|\d+(?=[.)]))/, (_, ws: string, marker: string) => `${ws}${/\d/.test(marker) ? `${marker}\\` : `\\${marker}`}`)
        .replace(/^[ \t]+/, (ws) => ws.replace(/ /g, '&#32;').replace(/\t/g, '&#9;')),
    )
    .join('\\\n');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute value. */
export const htmlText = (text: string): string => (HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!) : text);
const HTML_SPECIAL = /[&<>"']/;

/**
 * Text inside HTML that a markdown page also carries: besides HTML's own characters, everything markdown
 * (and GitHub's autolinks) would read as markup, the table's `|`, and line breaks, as character references.
 * The HTML shows the same text; the markdown around it cannot reinterpret it.
 */
const cellText = (text: string): string =>
  text.replace(/[&<>"'|\\`*_[\]~#:@!{}\n]/g, (c) => HTML_ESCAPES[c] ?? `&#${c.charCodeAt(0)};`).replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}&#46;`);

/** Link schemes a rendered text may link to; anything else (`javascript:`, `data:`, `vbscript:`, `file:`…) stays plain text. */
const SAFE_LINK = /^(?:https?:|mailto:|#|\/|\.{1,2}\/|[^:]*$)/i;

function renderer(escape: (text: string) => string, oneLine: boolean): Renderer {
  // CommonMark, no raw HTML (it is shown as text), no typographic replacements.
  const md = new (require('markdown-it') as typeof MarkdownIt)('commonmark', { html: false });
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  const rules = md.renderer.rules;
  const attrs = (token: { attrs: [string, string][] | null }) => (token.attrs ?? []).map(([name, value]) => ` ${name}="${escape(value)}"`).join('');
  rules.text = (tokens, i) => escape(tokens[i]!.content);
  rules.code_inline = (tokens, i) => `<code>${escape(tokens[i]!.content)}</code>`;
  rules.code_block = (tokens, i) => `<pre><code>${escape(tokens[i]!.content)}</code></pre>\n`;
  rules.fence = (tokens, i) => {
    const language = tokens[i]!.info.trim().split(/\s+/)[0];
    return `<pre><code${language ? ` class="language-${escape(language)}"` : ''}>${escape(tokens[i]!.content)}</code></pre>\n`;
  };
  rules.image = (tokens, i, options, env, self) => {
    const token = tokens[i]!;
    const title = token.attrGet('title');
    return `<img src="${escape(String(token.attrGet('src') ?? ''))}" alt="${escape(self.renderInlineAsText(token.children ?? [], options, env))}"${title ? ` title="${escape(String(title))}"` : ''}>`;
  };
  rules.softbreak = () => (oneLine ? ' ' : '\n');
  rules.hardbreak = () => (oneLine ? '<br>' : '<br>\n');
  md.renderer.renderAttrs = attrs;
  return md;
}

let cellRenderer: Renderer | undefined;
let htmlRenderer: Renderer | undefined;

/**
 * A CommonMark text as HTML on one line, for a markdown page's table cell: raw HTML shown as text, unsafe
 * links left as text, every character markdown could reinterpret written as a character reference.
 */
export function markdownToCellHtml(text: string): string {
  cellRenderer ??= renderer(cellText, true);
  return cellRenderer.render(text).replace(/\n/g, '');
}

/** A CommonMark text as safe HTML (raw HTML shown as text, unsafe links left as text), for an HTML page. */
export function markdownToHtml(text: string): string {
  htmlRenderer ??= renderer(htmlText, false);
  return htmlRenderer.render(text);
}

/** Text for a `//` or `#` line comment: nothing in it can end the line. */
export const lineComment = (text: string): string =>
  text.replace(/[\r\n\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Text for an HTML or markdown `<!-- -->` comment: nothing in it can end the comment or the line. */
export const htmlComment = (text: string): string => lineComment(text).replace(/>/g, '&gt;').replace(/</g, '&lt;');
