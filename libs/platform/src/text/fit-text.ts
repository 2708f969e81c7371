/**
 * Text cut to fit a column of `max` characters (code points, so no emoji or accented letter is
 * split), ending in an ellipsis when it had to be cut: a title built from a long description
 * must not make an insert fail.
 */
export function fitText(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}
