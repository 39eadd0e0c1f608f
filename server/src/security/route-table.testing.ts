import type { FastifyInstance } from 'fastify';

/** One route as Fastify serves it, e.g. `GET /api/materials/:id`. */
export type RouteKey = `${string} ${string}`;

/**
 * Every route the running application answers, read from Fastify's own route table (`printRoutes`), so routes
 * added by plugins (static files, API docs) are there too. HEAD is left out: Fastify adds it to every GET.
 */
export function routeTable(fastify: FastifyInstance): RouteKey[] {
  const routes = new Set<RouteKey>();
  const prefixes: string[] = [];
  for (const line of fastify.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (\S+) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (prefixes[depth - 1] ?? '') + match[2]!;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    for (const method of match[3]!.split(', ')) {
      if (method !== 'HEAD') routes.add(`${method} ${path.startsWith('/') ? path : `/${path}`}`);
    }
  }
  return [...routes].sort();
}
