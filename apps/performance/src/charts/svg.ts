/** Attributes of an element; numbers are written rounded (see `num`). */
export type Attrs = Record<string, string | number>;

/** A coordinate rounded to at most two decimals, so the same input always gives the same text. */
export function num(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** Text safe for XML content and attribute values; characters XML cannot hold are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** An element; `content` is markup already escaped, and an element without it self-closes. */
export function el(name: string, attrs: Attrs, content?: string): string {
  const attributes = Object.entries(attrs)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`)
    .join('');
  return content === undefined
    ? `<${name}${attributes}/>`
    : `<${name}${attributes}>${content}</${name}>`;
}

export function text(attrs: Attrs, content: string): string {
  return el('text', attrs, escapeXml(content));
}
