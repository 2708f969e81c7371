import type { IncomingMessage } from 'node:http';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The development sign-in page: a demo address and the development password. */
export function loginPage(page: { action: string; email?: string; error?: string }): string {
  const error = page.error
    ? `<p class="error" role="alert" id="error">${escape(page.error)}</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sign in (development) - Cancer network governance</title>
  <style>
    body { font-family: Arial, sans-serif; max-width: 30rem; margin: 3rem auto; padding: 0 1rem; color: #212b32; }
    label { display: block; font-weight: bold; margin-top: 1rem; }
    input { font-size: 1.1rem; padding: .4rem; width: 100%; box-sizing: border-box; border: 2px solid #4c6272; }
    input:focus { outline: 4px solid #ffeb3b; }
    button { margin-top: 1.5rem; font-size: 1.1rem; padding: .6rem 1.2rem; background: #007f3b; color: #fff; border: 0; }
    .error { color: #d5281b; font-weight: bold; }
    .note { background: #fff9c4; padding: .75rem; }
  </style>
</head>
<body>
  <main>
    <h1>Sign in</h1>
    <p class="note">Development identity server. Sign in as a demo member with the address the seed gave
      them (…@example.org), as admin@example.org or secretariat@example.org. Never for real people.</p>
    ${error}
    <form method="post" action="${escape(page.action)}">
      <label for="email">E-mail address</label>
      <input id="email" name="email" type="email" autocomplete="username" value="${escape(page.email ?? '')}" required>
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit">Sign in</button>
    </form>
  </main>
</body>
</html>`;
}

/** The fields of a url-encoded form post (at most 16 KiB). */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 16_384) {
      throw new Error('Form too large');
    }
  }
  return new URLSearchParams(body);
}
