// GET /v1/sources, GET /v1/sources/{name}: the registrations, their fetch state and whether each is
// part of the composed view (public).
import type { FastifyPluginAsync } from 'fastify';
import { notFound } from '../../errors.js';
import type { HubContext } from '../context.js';
import { emptyQuery, nameParams, sourceListResponse, sourceResponse } from '../schemas.js';
import { sourceItem } from './source-items.js';

export const sourceRoutes: FastifyPluginAsync<{ hub: HubContext }> = async (app, { hub }) => {
  app.get('/v1/sources', { schema: { querystring: emptyQuery, response: { 200: sourceListResponse } } }, async () => {
    const [records, view] = await Promise.all([hub.store.listSources(), hub.views.view()]);
    return { schema_version: 1, kind: 'source-list', complete: view.document.complete, items: records.map((r) => sourceItem(r, view)) };
  });

  app.get<{ Params: { name: string } }>(
    '/v1/sources/:name',
    { schema: { params: nameParams, querystring: emptyQuery, response: { 200: sourceResponse } } },
    async (request) => {
      const record = await hub.store.getSource(request.params.name);
      if (!record) throw notFound(`no source ${request.params.name} (GET /v1/sources lists them)`);
      return { schema_version: 1, kind: 'source', source: sourceItem(record, await hub.views.view()) };
    },
  );
};
