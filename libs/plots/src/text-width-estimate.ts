// Estimates how wide a label renders in DejaVu Sans, so margins can be sized without a
// browser to measure text. Widths lean generous: a little spare room beats a clipped label.
const NARROW = new Set([...'iljtfrI.,:;\'|!()[] -_/']);
const WIDE = new Set([...'mwMW@%']);

function characterWidthInEm(character: string): number {
  if (NARROW.has(character)) return 0.36;
  if (WIDE.has(character)) return 1.0;
  if (character !== character.toLowerCase()) return 0.75;
  return 0.63;
}

export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const character of text) ems += characterWidthInEm(character);
  return ems * fontSize;
}

export function widestTextWidth(texts: readonly string[], fontSize: number): number {
  return Math.max(0, ...texts.map((text) => estimateTextWidth(text, fontSize)));
}
