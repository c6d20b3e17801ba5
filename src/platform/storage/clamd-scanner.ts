import { connect, Socket } from 'node:net';
import { ScannerUnavailableError } from './document-refusal';

/** A ClamAV daemon's address (CLAMD_ADDRESS, host:port) and how long a scan may take. */
export interface ClamdSettings {
  host: string;
  port: number;
  timeoutSeconds: number;
}

/** What clamd said of one stream: clean, or the signature it found. */
export type ScanVerdict = { clean: true } | { clean: false; signature: string };

/**
 * A ClamAV daemon spoken to over TCP with its INSTREAM command (clamd(8)): `zINSTREAM\0`, then the content in
 * chunks each prefixed by its length (4 bytes, network order), a zero length to end, and one reply
 * (`stream: OK`, `stream: <signature> FOUND` or `… ERROR`), NUL-terminated. No verdict (refused connection,
 * timeout, an ERROR such as clamd's StreamMaxLength) is ScannerUnavailableError: the upload fails closed.
 */
export class ClamdScanner {
  constructor(private readonly settings: ClamdSettings) {}

  /** Starts a scan; pieces are sent as they pass (each sent before it is passed on), the verdict after the last. */
  start(): ClamdScan {
    return new ClamdScan(this.settings);
  }
}

export class ClamdScan {
  private readonly socket: Socket;
  private readonly reply: Promise<string>;
  private failure: Error | null = null;

  constructor(settings: ClamdSettings) {
    this.socket = connect({ host: settings.host, port: settings.port });
    this.socket.setTimeout(settings.timeoutSeconds * 1000, () =>
      this.socket.destroy(new Error(`clamd gave no verdict within ${settings.timeoutSeconds} s`)),
    );
    this.reply = new Promise<string>((resolve, reject) => {
      const parts: Buffer[] = [];
      this.socket.on('data', (data: Buffer) => parts.push(data));
      this.socket.once('end', () => resolve(Buffer.concat(parts).toString('utf8').replace(/\0$/, '').trim()));
      this.socket.once('error', (error) => {
        this.failure = error;
        reject(error);
      });
    });
    // Until the verdict is awaited, a failure is remembered (and reported by send/verdict), not unhandled.
    this.reply.catch(() => undefined);
    this.socket.write('zINSTREAM\0');
  }

  /** The pieces passed on, each sent to clamd first (waiting for the socket to take it). */
  async *scan(pieces: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
    let sentAll = false;
    try {
      for await (const piece of pieces) {
        const length = Buffer.alloc(4);
        length.writeUInt32BE(piece.length);
        await this.send(Buffer.concat([length, piece]));
        yield piece;
      }
      sentAll = true;
    } finally {
      // Stopped early (the upload was refused): let clamd go.
      if (!sentAll) this.socket.destroy();
    }
  }

  async verdict(): Promise<ScanVerdict> {
    await this.send(Buffer.alloc(4));
    this.socket.end();
    let reply: string;
    try {
      reply = await this.reply;
    } catch (error) {
      throw new ScannerUnavailableError(`The virus scanner is unavailable: ${(error as Error).message}`);
    }
    const found = /^stream: (.+) FOUND$/.exec(reply);
    if (found) return { clean: false, signature: found[1] };
    if (reply === 'stream: OK') return { clean: true };
    throw new ScannerUnavailableError(`The virus scanner gave no verdict: ${reply || 'no reply'}`);
  }

  private send(bytes: Buffer): Promise<void> {
    if (this.failure) return Promise.reject(new ScannerUnavailableError(`The virus scanner is unavailable: ${this.failure.message}`));
    return new Promise((resolve, reject) =>
      this.socket.write(bytes, (error) =>
        error ? reject(new ScannerUnavailableError(`The virus scanner is unavailable: ${error.message}`)) : resolve(),
      ),
    );
  }
}
