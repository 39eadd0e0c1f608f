/**
 * The baseline every HTTP bench is divided by: a bare Fastify server doing only what the protocol needs
 * (parse the same JSON and answer 204, redirect, send a stored JSON body), nothing stored, no framework.
 * Run as its own process by the benches; BARE_REDIRECT_TO and BARE_READ_BODY configure the two GET routes.
 */
import Fastify from 'fastify';

const app = Fastify({ bodyLimit: 64 * 1024 });
const redirectTo = process.env.BARE_REDIRECT_TO ?? 'http://127.0.0.1/';
const readBody = process.env.BARE_READ_BODY ?? '{}';

app.get('/health', async () => ({ status: 'ok' }));
app.post('/ingest', async (request, reply) => {
  if (typeof request.body !== 'object' || request.body === null) return reply.status(400).send();
  return reply.status(204).send();
});
app.get('/s/:code', async (_request, reply) =>
  reply.header('cache-control', 'no-store').redirect(redirectTo, 302),
);
app.get('/read/:code', async (_request, reply) =>
  reply.type('application/json; charset=utf-8').send(readBody),
);

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
