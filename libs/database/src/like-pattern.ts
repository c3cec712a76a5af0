/**
 * A LIKE/ILIKE pattern matching `text` anywhere, literally: `%`, `_` and `\` in it match
 * themselves instead of acting as wildcards. Pass it as a parameter, never spliced into SQL.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
