// POST /v1/compose (token scope): refresh the url sources now. `?force=false` fetches only those
// past their TTL; by default every enabled url source is fetched again.
import type { FastifyPluginAsync } from 'fastify';
import type { HubContext } from '../context.js';
import { composeQuery } from '../schemas.js';

export const composeRoutes: FastifyPluginAsync<{ hub: HubContext }> = async (app, { hub }) => {
  app.post<{ Querystring: { force?: 'true' | 'false' } }>('/v1/compose', { schema: { querystring: composeQuery } }, async (request) => {
    const report = await hub.refresher.refresh({ force: request.query.force !== 'false' });
    const view = await hub.views.view();
    return { ...report, complete: view.document.complete };
  });
};
