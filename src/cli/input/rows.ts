/**
 * What the readers yield: a header (CSV and Excel), a row of cells, a JSON
 * value, or a located problem with its reason. `fatal` problems end the file.
 *
 * @module
 */

export type RawRow =
  | { readonly line: number; readonly header: readonly string[] }
  | { readonly line: number; readonly cells: readonly unknown[] }
  | { readonly line: number; readonly value: unknown }
  | { readonly line: number; readonly error: string; readonly reason: string; readonly fatal?: true };
