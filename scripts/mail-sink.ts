// A local SMTP server that keeps what it receives and shows it, for `npm start` and the demo:
// services send to smtp://127.0.0.1:1025; http://127.0.0.1:8025 lists the messages
// (/messages as JSON, newest first). Nothing leaves the machine.
//   node --conditions=development --import @swc-node/register/esm-register scripts/mail-sink.ts
import { createServer } from 'node:http';
import { SmtpSink } from '#testing';

const SMTP_PORT = Number(process.env['MAIL_SINK_SMTP_PORT'] ?? 1025);
const HTTP_PORT = Number(process.env['MAIL_SINK_HTTP_PORT'] ?? 8025);

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const sink = await SmtpSink.start({ port: SMTP_PORT });
const http = createServer((req, res) => {
  const newest = [...sink.messages].reverse();
  if (req.url?.startsWith('/messages')) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(newest));
    return;
  }
  const rows = newest
    .map(
      (mail) =>
        `<article><h2>${escape(mail.subject)}</h2><p>To ${escape(mail.to.join(', '))}</p><pre>${escape(mail.text)}</pre></article>`,
    )
    .join('\n');
  res
    .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    .end(
      `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Mail sink</title>` +
        `<style>body{font-family:sans-serif;max-width:60rem;margin:auto}article{border-bottom:1px solid #ccc}</style>` +
        `<h1>${sink.messages.length} message(s) received</h1>${rows}`,
    );
});
http.listen(HTTP_PORT, '127.0.0.1', () => {
  console.log(`SMTP on 127.0.0.1:${sink.port}; messages at http://127.0.0.1:${HTTP_PORT}`);
});
const stop = () => {
  http.close();
  void sink.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
