// GET /health: for load balancers and Kubernetes probes. 200 while the store answers, 503 when not.
import type { FastifyPluginAsync } from 'fastify';
import type { HubContext } from '../context.js';

export const healthRoutes: FastifyPluginAsync<{ hub: HubContext }> = async (app, { hub }) => {
  app.get('/health', { logLevel: 'warn' }, async (_request, reply) => {
    try {
      const generation = await hub.store.generation();
      return { schema_version: 1, kind: 'health', status: 'ok', version: hub.version, store: hub.store.kind, generation };
    } catch {
      reply.code(503);
      return { schema_version: 1, kind: 'health', status: 'unavailable', version: hub.version, store: hub.store.kind, generation: null };
    }
  });
};
