/**
 * `read` remembered for the first `limit` distinct inputs. A national file repeats a handful of
 * standards, months, cancer types and routes hundreds of thousands of times; reading each once
 * keeps the import's per-row work down, and the limit keeps its memory flat whatever a file holds.
 */
export function memo<T>(read: (text: string) => T, limit = 10_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const found = known.get(text);
    if (found !== undefined || known.has(text)) {
      return found as T;
    }
    const value = read(text);
    if (known.size < limit) {
      known.set(text, value);
    }
    return value;
  };
}
