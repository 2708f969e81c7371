/** Who reads the service's records, and who may ask to change them (OwnerAccessService decides). */
export const READERS = ['admin', 'clinician', 'service'] as const;
export const WRITERS = ['admin', 'clinician'] as const;
