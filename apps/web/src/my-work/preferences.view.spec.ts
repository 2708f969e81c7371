import { preferencesForm, preferencesFrom } from './preferences.view.js';

describe('the preferences form', () => {
  it('ticks the channels the member has', () => {
    const form = preferencesForm({ channels: ['email'], digest: true, webhookUrl: null });
    expect(form.channels.map((channel) => [channel.value, channel.checked])).toEqual([
      ['email', true],
      ['inbox', false],
      ['webhook', false],
    ]);
    expect(form).toMatchObject({ digest: true, webhookUrl: '' });
  });

  it('reads one channel, several or none, the digest answer and an empty webhook address', () => {
    expect(preferencesFrom({ channels: 'inbox', digest: 'no', webhookUrl: ' ' })).toEqual({
      channels: ['inbox'],
      digest: false,
      webhookUrl: null,
    });
    expect(
      preferencesFrom({
        channels: ['email', 'webhook'],
        digest: 'yes',
        webhookUrl: 'https://x.example/h',
      }),
    ).toEqual({ channels: ['email', 'webhook'], digest: true, webhookUrl: 'https://x.example/h' });
    expect(preferencesFrom({})).toEqual({ channels: [], digest: false, webhookUrl: null });
  });
});
