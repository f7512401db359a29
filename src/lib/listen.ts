// Starts a node:http server listening, for the two servers feedwright runs (`serve`'s feeds
// and a worker's /metrics): resolves with the bound address, or rejects with an IO error
// naming the address (a port in use says so before anything else starts).

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FeedwrightError } from './errors.js';

export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolveListen, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        new FeedwrightError('IO', `Cannot listen on ${host}:${port}: ${error.code ?? error.message}`, {
          stage: 'cli',
          cause: error,
        }),
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolveListen(server.address() as AddressInfo);
    });
  });
}

/** `http://HOST:PORT/` for a bound address (IPv6 in brackets). */
export function addressUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}/`;
}

/** Closes the server and its open connections. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolveClose) => {
    server.closeAllConnections();
    server.close(() => resolveClose());
  });
}
