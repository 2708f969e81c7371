/** A member's notification preferences, as workflow's GET /members/:id/preferences answers. */
export interface Preferences {
  channels: string[];
  digest: boolean;
  webhookUrl: string | null;
}

const CHANNELS = [
  { value: 'email', text: 'E-mail' },
  { value: 'inbox', text: 'Notifications in this service' },
  { value: 'webhook', text: 'A webhook (for a team tool)' },
] as const;

/** The preferences form: its checkboxes and fields, as set or as just typed. */
export function preferencesForm(preferences: Preferences) {
  return {
    channels: CHANNELS.map((channel) => ({
      ...channel,
      checked: preferences.channels.includes(channel.value),
    })),
    digest: preferences.digest,
    webhookUrl: preferences.webhookUrl ?? '',
  };
}

/** A submitted form (urlencoded: one channel is a string, several an array) as the service takes it. */
export function preferencesFrom(body: Record<string, unknown>): Preferences {
  const raw = body['channels'];
  const channels = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
  const webhookUrl = typeof body['webhookUrl'] === 'string' ? body['webhookUrl'].trim() : '';
  return {
    channels,
    digest: body['digest'] === 'yes',
    webhookUrl: webhookUrl === '' ? null : webhookUrl,
  };
}
