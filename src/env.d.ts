declare module 'virtual:gongshi/traditional-chars' {
  /** Whether the text has a character that Traditional→Simplified conversion would change. */
  export function hasTraditional(text: string): boolean;
}
