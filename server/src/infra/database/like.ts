/**
 * A LIKE pattern matching `text` anywhere, its wildcards escaped with "!" (a backslash means different things in
 * MySQL and SQLite literals). Use it with `LIKE :pattern ESCAPE '!'`.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, '!$&')}%`;
}
