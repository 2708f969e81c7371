/** How the pages name a body's kind: decided here, not in templates. */

const KINDS: Record<string, string> = {
  'tumour-site-group': 'Tumour site group',
  'cross-cutting-group': 'Cross-cutting group',
  'operational-delivery-group': 'Operational delivery group',
  'clinical-advisory-group': 'Clinical Advisory Group',
  'alliance-board': 'Alliance Board',
};

/** "Tumour site group", "Alliance Board": a body's kind as the pages name it. */
export function kindName(kind: string): string {
  return KINDS[kind] ?? kind;
}
