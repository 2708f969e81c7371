/** The app's Kafka client. */
export const KAFKA = Symbol('KAFKA');
/** The platform's event registry on the environment's (prefixed) topics. */
export const EVENT_REGISTRY = Symbol('EVENT_REGISTRY');
