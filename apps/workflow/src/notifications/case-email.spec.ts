import { caseEmail, caseLinks, digestEmail, escapeHtml } from './case-email.js';

const caseId = '6f1c1f38-3f5e-4c36-9d5a-2d6f3b8e2a11';
const links = caseLinks('https://escalations.example.nhs.uk/', caseId);
const notice = {
  subject: 'Action needed: <script>alert("x")</script> & FDS',
  message: 'Opened at the network group.\n\nCase: Lung <b>FDS</b>\nHeld by: Lung & Chest',
  links,
};

describe('case e-mails: a plain-text part and an HTML alternative from one template', () => {
  it('links to the web app’s case page and preferences, whatever the base’s trailing slash', () => {
    expect(links).toEqual({
      caseUrl: `https://escalations.example.nhs.uk/cases/${caseId}`,
      preferencesUrl: 'https://escalations.example.nhs.uk/my-work#preferences',
    });
  });

  it('says the same in both parts, the text as written and the HTML escaped', () => {
    const email = caseEmail(notice);
    expect(email.subject).toBe(notice.subject);
    expect(email.text).toContain('Case: Lung <b>FDS</b>\nHeld by: Lung & Chest');
    expect(email.text).toContain(`Open the case: ${links.caseUrl}`);
    expect(email.text).toContain(`Your notification preferences: ${links.preferencesUrl}`);

    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain(
      '<title>Action needed: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; FDS</title>',
    );
    expect(email.html).toContain(
      'Case: Lung &lt;b&gt;FDS&lt;/b&gt;<br />Held by: Lung &amp; Chest',
    );
    expect(email.html).toContain(`<a href="${links.caseUrl}"`);
    expect(email.html).toContain(`<a href="${links.preferencesUrl}"`);
    expect(email.html).toMatch(/^<!DOCTYPE html>\s*<html lang="en-GB">/);
  });

  it('escapes a link too, so an address cannot break out of its attribute', () => {
    const email = caseEmail({
      ...notice,
      links: { caseUrl: 'https://x.example/"><img src=x>', preferencesUrl: 'https://x.example/' },
    });
    expect(email.html).toContain('href="https://x.example/&quot;&gt;&lt;img src=x&gt;"');
  });

  it('leaves out the case link of a notice about no case', () => {
    const email = caseEmail({ ...notice, links: caseLinks('http://127.0.0.1:3000', null) });
    expect(email.text).not.toContain('Open the case');
    expect(email.html).not.toContain('Open the case');
  });

  it('puts held notices in one digest, each with its own link, in both parts', () => {
    const other = {
      ...notice,
      subject: 'Resolved: Breast 62-day',
      links: caseLinks('http://w', 'c2'),
    };
    const email = digestEmail([notice, other], links.preferencesUrl);
    expect(email.subject).toBe('Escalations digest: 2 updates');
    expect(email.text).toContain('Resolved: Breast 62-day');
    expect(email.text).toContain('Open the case: http://w/cases/c2');
    expect(email.html).toContain('<a href="http://w/cases/c2"');
    expect(email.html).toContain(escapeHtml(notice.subject));
    expect(email.html).not.toContain('<script>');
  });
});
