/**
 * Live updates for a signed-in worker's page, without handing the browser their token: the
 * portal server subscribes to the API over WebSocket with the session it holds, and relays each
 * event to the browser as Server-Sent Events. The page's only script listens and offers a reload.
 */
import type { AstroCookies } from 'astro';
import { createClient } from 'graphql-ws';
import { apiUrl, DOCUMENTS } from './api.js';
import { SESSION_COOKIE } from './visitor.js';

/** The subscription named `operationName` of a trusted document (the workspace's by default), as Server-Sent Events. */
export function relay(request: Request, cookies: AstroCookies, operationName: string, document: string = DOCUMENTS.workspace, variables: Record<string, unknown> = {}): Response {
  const token = cookies.get(SESSION_COOKIE)?.value;
  if (!token) return new Response('Sign in first.', { status: 401 });
  const url = apiUrl().replace(/^http/, 'ws');
  const encoder = new TextEncoder();
  let dispose = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          dispose();
        }
      };
      const client = createClient({ url, connectionParams: { authorization: `Bearer ${token}` }, lazy: false, retryAttempts: 3 });
      const unsubscribe = client.subscribe(
        { query: document, operationName, variables },
        {
          next: (value) => send(`data: ${JSON.stringify(value.data ?? null)}\n\n`),
          error: () => {
            send('event: end\ndata: {}\n\n');
            dispose();
          },
          complete: () => dispose(),
        },
      );
      // Comments keep proxies from closing an idle stream.
      const ping = setInterval(() => send(': ping\n\n'), 25_000);
      send(': connected\n\n');
      dispose = () => {
        clearInterval(ping);
        unsubscribe();
        void client.dispose();
        try {
          controller.close();
        } catch {
          // already closed
        }
        dispose = () => {};
      };
      request.signal.addEventListener('abort', () => dispose());
    },
    cancel() {
      dispose();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' } });
}
