/**
 * Real local stand-ins for the outside services the platform talks to: an SMTP server that keeps
 * what it receives (parsed), and an HTTP receiver for webhooks that records each call and answers
 * as the test tells it to (a status, a delay). Both on 127.0.0.1, started and stopped by the test.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailServer {
  url: string;
  messages: ParsedMail[];
  /** Holds each message's DATA this long before accepting it (to kill a sender mid-send). */
  delayMs: number;
  waitFor(count: number, ms?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

export async function startMailServer(): Promise<MailServer> {
  const messages: ParsedMail[] = [];
  const state = { delayMs: 0 };
  // A message counts only once the server has acknowledged it: if the sender's connection drops
  // while the server holds its answer, the message was never accepted (as a real server treats it).
  const closed = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        setTimeout(() => {
          if (closed.has(session.id)) return callback(new Error('the sender went away'));
          simpleParser(Buffer.concat(chunks))
            .then((mail) => {
              messages.push(mail);
              callback();
            })
            .catch(callback);
        }, state.delayMs);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}?tls=off`,
    messages,
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    async waitFor(count, ms = 15_000) {
      const until = Date.now() + ms;
      while (messages.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedCall {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface WebhookReceiver {
  url: string;
  calls: ReceivedCall[];
  /** Status answered to the next calls, in order (then 200). */
  answers: number[];
  /** Holds each answer this long (a gateway that hangs). */
  delayMs: number;
  waitFor(count: number, ms?: number): Promise<ReceivedCall[]>;
  /** The calls matching `which`, once at least one has arrived (other traffic may come first). */
  waitForMatch(which: (call: ReceivedCall) => boolean, ms?: number): Promise<ReceivedCall[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver = { calls: [] as ReceivedCall[], answers: [] as number[], delayMs: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receiver.calls.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const status = receiver.answers.shift() ?? 200;
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: status < 300 }));
      }, receiver.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}`,
    async waitFor(count: number, ms = 15_000) {
      const until = Date.now() + ms;
      while (receiver.calls.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return receiver.calls;
    },
    async waitForMatch(which: (call: ReceivedCall) => boolean, ms = 15_000) {
      const until = Date.now() + ms;
      while (!receiver.calls.some(which) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return receiver.calls.filter(which);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
