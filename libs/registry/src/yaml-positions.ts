// Finds the line and column of a path inside a parsed YAML document, for error messages.
import { isMap, isScalar, type Document, type LineCounter, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

function positionOf(node: Node | null | undefined, lines: LineCounter): Position | undefined {
  const start = node?.range?.[0];
  if (start === undefined) return undefined;
  const { line, col } = lines.linePos(start);
  return { line, column: col };
}

/** The key node of `key` inside the map at `path`, so "unknown key" points at the key itself. */
export function keyPosition(
  doc: Document,
  lines: LineCounter,
  path: readonly (string | number)[],
  key: string,
): Position | undefined {
  const parent = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  return positionOf(pair?.key as Node | undefined, lines);
}

/** The value at `path`, or for a missing key the closest enclosing key that exists. */
export function valuePosition(
  doc: Document,
  lines: LineCounter,
  path: readonly (string | number)[],
): Position | undefined {
  const exact = positionOf(doc.getIn(path, true) as Node | undefined, lines);
  if (exact) return exact;
  for (let depth = path.length - 1; depth >= 1; depth -= 1) {
    const parentKey = String(path[depth - 1]);
    const found = keyPosition(doc, lines, path.slice(0, depth - 1), parentKey);
    if (found) return found;
  }
  return positionOf(doc.contents as Node | null, lines);
}
