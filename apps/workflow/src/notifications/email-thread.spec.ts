import { mailDomain, threadHeaders } from './email-thread.js';
import { noticeKey, sequenceOfNoticeKey } from './notice-key.js';

const caseId = '6f1c1f38-3f5e-4c36-9d5a-2d6f3b8e2a11';
const memberId = '0b8f0d2e-92a7-4d8c-a0ab-5e0f0c1d9b22';
const keyAt = (sequence: number) =>
  noticeKey({ caseId, sequence, audience: 'holding-body', memberId, channel: 'email' });

describe('e-mail threads', () => {
  it('takes the domain of the sender for Message-IDs', () => {
    expect(mailDomain('Escalations <escalations@Cancer-Network.example>')).toBe(
      'cancer-network.example',
    );
    expect(mailDomain('bare@alliance.nhs.uk')).toBe('alliance.nhs.uk');
    expect(mailDomain('nobody')).toBe('cancer-network.invalid');
  });

  it('reads the history entry back from a notice key, and nothing from another shape', () => {
    expect(sequenceOfNoticeKey(keyAt(7))).toBe(7);
    expect(sequenceOfNoticeKey('webhook-test')).toBeNull();
  });

  it('gives the case’s first e-mail the thread’s root id and every later one a reply to it', () => {
    const root = `<case-${caseId}.${memberId}@example.org>`;
    expect(
      threadHeaders({ id: 'n1', caseId, memberId, dedupKey: keyAt(1) }, 'example.org'),
    ).toEqual({ messageId: root });
    expect(
      threadHeaders({ id: 'n2', caseId, memberId, dedupKey: keyAt(4) }, 'example.org'),
    ).toEqual({ messageId: '<n2@example.org>', inReplyTo: root, references: root });
  });

  it('threads nothing for a notice about no case', () => {
    expect(
      threadHeaders({ id: 'n3', caseId: null, memberId, dedupKey: 'x' }, 'example.org'),
    ).toEqual({ messageId: '<n3@example.org>' });
  });
});
