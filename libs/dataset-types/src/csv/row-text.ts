// A row of text split into trimmed fields: what csv-parse gives (with `trim` and no quotes) and
// then the JavaScript trim the reader applies, which also takes Unicode spaces off the ends.

export function splitRowText(text: string, delimiter: string): string[] {
  return text.split(delimiter).map((field) => field.trim());
}

/** A blank or whitespace-only line: skipped anywhere in the file. */
export function isBlankRow(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0] === '';
}
