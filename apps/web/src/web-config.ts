/** The web app's validated settings, as a provider. */
export const WEB_CONFIG = Symbol('WEB_CONFIG');
