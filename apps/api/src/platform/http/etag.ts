/**
 * Entity tags for versioned rows (products, orders): the row's version number, as a strong tag,
 * so it can be compared by `If-Match` (RFC 9110 §13.1.1 requires strong comparison there).
 */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The tags of an `If-Match`/`If-None-Match` list, or `*`. */
function listedTags(header: string): readonly string[] | '*' {
  if (header.trim() === '*') return '*';
  return header.split(',').map((tag) => tag.trim());
}

/** `If-None-Match` uses weak comparison: `W/"3"` matches `"3"`. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const tags = listedTags(header);
  return tags === '*' || tags.some((tag) => tag.replace(/^W\//, '') === etag);
}

/**
 * The version an `If-Match` header requires: `undefined` when absent or `*` (any current version),
 * `null` when it names no version of ours (so it can never match: 412). Weak tags never match.
 */
export function versionRequiredBy(header: string | undefined): number | null | undefined {
  if (header === undefined) return undefined;
  const tags = listedTags(header);
  if (tags === '*') return undefined;
  if (tags.length !== 1) return null;
  const match = /^"(\d{1,9})"$/.exec(tags[0] ?? '');
  return match ? Number(match[1]) : null;
}
