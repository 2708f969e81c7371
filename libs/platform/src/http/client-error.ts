import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { toProblem } from './problem-details.js';

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

const DETAIL_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'The request is not well-formed HTTP',
  408: 'The request did not arrive in time',
  431: 'The request line or headers are longer than the server reads (16 KB)',
};

/**
 * Requests Node's HTTP parser refuses before any middleware sees them (a URL or headers over
 * 16 KB, a malformed request line) are answered as problem details too, not a bare status line.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = STATUS_BY_CODE[error.code ?? ''] ?? 400;
    const body = JSON.stringify(
      toProblem({ message: DETAIL_BY_STATUS[status] }, status, undefined),
    );
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        'content-type: application/problem+json; charset=utf-8',
        `content-length: ${Buffer.byteLength(body)}`,
        'connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
