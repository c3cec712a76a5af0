import { ERROR_CODES } from '../errors/error-codes.js';

/** A problem type this API defines: its URI path, status, and the codes that answer with it. */
export interface ProblemType {
  readonly type: string;
  readonly slug: string;
  readonly status: number;
  readonly entries: readonly { readonly title: string; readonly meaning: string }[];
}

const PREFIX = '/problems/';

/** Every `/problems/<slug>` type of the error table (several codes may share one type). */
export const PROBLEM_TYPES: readonly ProblemType[] = [
  ...Map.groupBy(
    Object.values(ERROR_CODES).filter(({ type }) => type.startsWith(PREFIX)),
    ({ type }) => type,
  ),
].map(([type, codes]) => ({
  type,
  slug: type.slice(PREFIX.length),
  status: codes[0]?.status ?? 500,
  entries: codes.map(({ title, meaning }) => ({ title, meaning })),
}));

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** Escaped text with `code spans` as <code>. */
function prose(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body><main>${body}</main></body>`,
    '</html>',
    '',
  ].join('\n');
}

/** The page a problem type's URI answers with; undefined for an unknown slug. */
export function problemPage(slug: string): string | undefined {
  const problem = PROBLEM_TYPES.find((candidate) => candidate.slug === slug);
  if (!problem) return undefined;
  const [first, ...others] = problem.entries;
  const sections = others.length
    ? problem.entries.map((e) => `<h2>${escapeHtml(e.title)}</h2><p>${prose(e.meaning)}</p>`)
    : [`<p>${prose(first?.meaning ?? '')}</p>`];
  return page(
    first?.title ?? slug,
    [
      `<h1>${escapeHtml(first?.title ?? slug)}</h1>`,
      `<p>Problem type <code>${escapeHtml(problem.type)}</code>, HTTP status ${problem.status}.`,
      'The response body is RFC 9457 problem details (<code>application/problem+json</code>);',
      'its <code>detail</code> says what went wrong with your request.</p>',
      ...sections,
      `<p><a href="${PREFIX.slice(0, -1)}">All problem types</a></p>`,
    ].join('\n'),
  );
}

/** The index of every problem type. */
export function problemIndexPage(): string {
  const items = PROBLEM_TYPES.map(
    ({ type, status, entries }) =>
      `<li><a href="${escapeHtml(type)}">${escapeHtml(type)}</a> (${status}): ${escapeHtml(entries[0]?.title ?? '')}</li>`,
  );
  return page(
    'Problem types',
    [
      '<h1>Problem types</h1>',
      '<p>Errors are RFC 9457 problem details. A <code>type</code> of <code>about:blank</code> means',
      'the HTTP status says it all; the others are listed here.</p>',
      `<ul>\n${items.join('\n')}\n</ul>`,
    ].join('\n'),
  );
}
