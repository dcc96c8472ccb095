import type { MessageName, Reply, RequestOf, ResponseOf } from './protocol';
import { RefusalError } from './refusal';

/**
 * The sending side of lib/protocol.ts. It imports the protocol's types only, so the content script
 * does not carry the zod schemas: the worker is where requests are checked.
 */
export function envelope<N extends MessageName>(name: N, payload: RequestOf<N>) {
  return { kefu: 1 as const, name, payload };
}

/** The sending side: `transport` is `browser.runtime.sendMessage` in the extension, a stub in tests. */
export function createClient(transport: (message: unknown) => Promise<unknown>) {
  return async function send<N extends MessageName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
    const reply = (await transport(envelope(name, payload))) as Reply<ResponseOf<N>> | undefined;
    if (!reply) throw new Error(`${name}: no answer from the background worker`);
    if (!reply.ok) throw reply.refused ? new RefusalError(reply.error) : new Error(reply.error);
    return reply.data;
  };
}
