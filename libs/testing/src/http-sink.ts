import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP endpoint a test sends to (a webhook receiver), and what it received. */
export interface HttpSink {
  readonly url: string;
  readonly calls: { headers: IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
}

/** Listens on 127.0.0.1, records every request and answers it with `status` (and `location`). */
export async function httpSink(status: number, location?: string): Promise<HttpSink> {
  const calls: HttpSink['calls'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      res.writeHead(status, location ? { location } : {}).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
