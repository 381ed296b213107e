/**
 * A Redis that cannot be reached at start is a configuration mistake: say so and stop, rather than
 * start a node that silently shares nothing while its Redis client retries in the background.
 */
import { connect } from 'node:net';

export async function checkRedisReachable(host: string, port: number, timeoutMs = 5000): Promise<void> {
  const problem = await new Promise<string | null>((resolve) => {
    const socket = connect({ host, port });
    let reply = '';
    const done = (result: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done(`no answer within ${timeoutMs / 1000} s`), timeoutMs);
    // eslint-disable-next-line no-restricted-syntax -- a TCP socket's write, not document.write: no HTML here
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      reply += data.toString('latin1');
      if (!reply.includes('\r\n')) return;
      // +PONG, or an error such as -NOAUTH: a Redis that wants a password, which this server does
      // not send (keep Redis on loopback or a private network instead).
      done(reply.startsWith('+PONG') ? null : `it answered "${reply.trim().slice(0, 80)}"`);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
  if (problem) throw new Error(`Cannot use Redis at ${host}:${port}: ${problem}. Start redis-server there or fix TIERCOVER_REDIS`);
}
