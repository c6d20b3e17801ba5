import { createServer, Server, Socket } from 'node:net';
import { AddressInfo } from 'node:net';

/** The EICAR test string: every virus scanner reports it (as Eicar-Test-Signature in ClamAV). */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

export interface ClamdPeer {
  address: string;
  /** What each INSTREAM session carried, in order. */
  scanned: Buffer[];
  stop(): Promise<void>;
}

/**
 * A real TCP peer speaking clamd's INSTREAM protocol (clamd(8)): `zINSTREAM\0`, length-prefixed chunks up to a
 * zero length, then one NUL-terminated reply. It "finds" the EICAR test string, as ClamAV does, and refuses a
 * stream longer than `streamMaxLength` the way clamd does (StreamMaxLength).
 */
export async function startClamdPeer(options: { streamMaxLength?: number } = {}): Promise<ClamdPeer> {
  const scanned: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = Buffer.alloc(0);
    let commandRead = false;
    const parts: Buffer[] = [];
    let length = 0;
    socket.on('data', (data: Buffer) => {
      // Answered already (like clamd, it stops reading): what the client still sends is dropped.
      if (socket.writableEnded) return;
      buffered = Buffer.concat([buffered, data]);
      if (!commandRead) {
        const end = buffered.indexOf(0);
        if (end < 0) return;
        const command = buffered.subarray(0, end).toString();
        buffered = buffered.subarray(end + 1);
        commandRead = true;
        if (command !== 'zINSTREAM') {
          socket.end(`${command}: Unknown command. ERROR\0`);
          return;
        }
      }
      while (buffered.length >= 4) {
        const size = buffered.readUInt32BE(0);
        if (size === 0) {
          const content = Buffer.concat(parts);
          scanned.push(content);
          socket.end(content.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (buffered.length < 4 + size) return;
        parts.push(buffered.subarray(4, 4 + size));
        buffered = buffered.subarray(4 + size);
        length += size;
        if (options.streamMaxLength !== undefined && length > options.streamMaxLength) {
          socket.end('INSTREAM size limit exceeded. ERROR\0');
          return;
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    scanned,
    async stop() {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
