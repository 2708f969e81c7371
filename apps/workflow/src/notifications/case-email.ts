/**
 * The e-mails people get, as one typed template each that yields both parts: the plain text and
 * the HTML alternative, so the two never say different things. Every value goes into the HTML
 * through `html`, which escapes it; only markup this file writes is trusted.
 */

/** Markup this file built; anything else interpolated into `html` is escaped. */
class Markup {
  constructor(readonly value: string) {}
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

type Interpolated = string | number | Markup | readonly Markup[];

/** A tagged template whose values are escaped unless they are markup built here. */
function html(strings: TemplateStringsArray, ...values: Interpolated[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += partOf(value) + (strings[index + 1] ?? '');
  });
  return new Markup(out);
}

function partOf(value: Interpolated): string {
  if (value instanceof Markup) {
    return value.value;
  }
  if (typeof value === 'string' || typeof value === 'number') {
    return escapeHtml(String(value));
  }
  return value.map((item) => item.value).join('');
}

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Where a notice leads: the case page of the web app, and the person's preferences there. */
export interface CaseLinks {
  /** Null for a notice about no case in particular. */
  readonly caseUrl: string | null;
  readonly preferencesUrl: string;
}

/** The web app's links for a case (`webBaseUrl` without or with a trailing slash). */
export function caseLinks(webBaseUrl: string, caseId: string | null): CaseLinks {
  const base = webBaseUrl.replace(/\/+$/, '');
  return {
    caseUrl: caseId ? `${base}/cases/${encodeURIComponent(caseId)}` : null,
    preferencesUrl: preferencesUrl(webBaseUrl),
  };
}

export function preferencesUrl(webBaseUrl: string): string {
  return `${webBaseUrl.replace(/\/+$/, '')}/my-work#preferences`;
}

/** A notice about one case: its subject and message (as planned and kept), and its links. */
export interface CaseNotice {
  readonly subject: string;
  /** The notice's text: paragraphs split by a blank line, lines within one by a newline. */
  readonly message: string;
  readonly links: CaseLinks;
}

const WHY =
  'You receive this as the chair, clinical lead or member of the body concerned. You can choose ' +
  'how you hear of cases (e-mail, a daily digest, your inbox) in your preferences.';

const paragraphsOf = (message: string): string[][] =>
  message
    .split(/\n\s*\n/)
    .map((block) => block.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);

function messageHtml(message: string): Markup[] {
  return paragraphsOf(message).map(
    (lines) =>
      html`<p style="margin:0 0 16px">
        ${lines.map((line, i) => html`${i > 0 ? html`<br />` : ''}${line}`)}
      </p>`,
  );
}

function page(title: string, content: Markup): string {
  return html`<!DOCTYPE html>
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
      </head>
      <body
        style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#212b32;background:#ffffff"
      >
        ${content}
      </body>
    </html> `.value;
}

function footer(preferences: string): Markup {
  return html`<p style="margin:24px 0 0;font-size:14px;color:#4c6272">
    ${WHY} <a href="${preferences}" style="color:#005eb8">Your notification preferences</a>
  </p>`;
}

const openText = (links: CaseLinks): string[] =>
  links.caseUrl ? ['', `Open the case: ${links.caseUrl}`] : [];

const openHtml = (links: CaseLinks): Markup =>
  links.caseUrl
    ? html`<p style="margin:0 0 16px">
        <a href="${links.caseUrl}" style="color:#005eb8;font-weight:bold">Open the case</a>
      </p>`
    : html``;

/** One notice about one case: the message, a link to open the case, and the preferences. */
export function caseEmail(notice: CaseNotice): RenderedEmail {
  const { subject, message, links } = notice;
  const text = [
    message.trim(),
    ...openText(links),
    '',
    '--',
    WHY,
    `Your notification preferences: ${links.preferencesUrl}`,
    '',
  ].join('\n');
  const body = html`<h1 style="font-size:24px;margin:0 0 16px">${subject}</h1>
    ${messageHtml(message)} ${openHtml(links)} ${footer(links.preferencesUrl)}`;
  return { subject, text, html: page(subject, body) };
}

/** Several held notices to one person in one message, each with its own link. */
export function digestEmail(notices: readonly CaseNotice[], preferences: string): RenderedEmail {
  const subject = `Escalations digest: ${notices.length} update${notices.length === 1 ? '' : 's'}`;
  const text = [
    ...notices.map((notice) =>
      [notice.subject, '', notice.message.trim(), ...openText(notice.links)].join('\n'),
    ),
    ['--', WHY, `Your notification preferences: ${preferences}`, ''].join('\n'),
  ].join('\n\n---\n\n');
  const items = notices.map(
    (notice) =>
      html`<h2 style="font-size:19px;margin:24px 0 8px">${notice.subject}</h2>
        ${messageHtml(notice.message)} ${openHtml(notice.links)}`,
  );
  const body = html`<h1 style="font-size:24px;margin:0 0 16px">${subject}</h1>
    ${items} ${footer(preferences)}`;
  return { subject, text, html: page(subject, body) };
}
