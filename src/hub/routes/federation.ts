// The federated reads (public): repos, one repo, a repo's dispatch, next, DoI and the whole composed
// view. Each answer is computed from the composed view by src/federation (the CLI's own dispatch
// code) and kept serialised until the view changes, so repeated reads cost a lookup.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { DEFAULT_LIMIT } from '../../dispatch/limit.js';
import { federatedDispatch } from '../../api/federation/dispatch.js';
import { federatedDoi } from '../../api/federation/doi.js';
import { federatedNext } from '../../api/federation/next.js';
import { federatedRepo, federatedRepos } from '../../api/federation/repos.js';
import type { FederatedView } from '../../api/federation/types.js';
import type { HubContext } from '../context.js';
import { dispatchQuery, doiQuery, emptyQuery, nextQuery, slugParams, sourceQuery } from '../schemas.js';

export const federationRoutes: FastifyPluginAsync<{ hub: HubContext }> = async (app, { hub }) => {
  const send = async (reply: FastifyReply, key: string, compute: (view: FederatedView) => unknown) =>
    reply.type('application/json; charset=utf-8').send(await hub.views.answer(key, compute));

  app.get('/v1/federated', { schema: { querystring: emptyQuery } }, (_request, reply) => send(reply, 'federated', (view) => view.document));

  app.get('/v1/repos', { schema: { querystring: emptyQuery } }, (_request, reply) => send(reply, 'repos', federatedRepos));

  app.get<{ Params: { slug: string }; Querystring: { source?: string } }>(
    '/v1/repos/:slug',
    { schema: { params: slugParams, querystring: sourceQuery } },
    (request, reply) => {
      const { slug } = request.params;
      const { source } = request.query;
      return send(reply, key('repo', slug, source), (view) => federatedRepo(view, slug, source));
    },
  );

  app.get<{ Params: { slug: string }; Querystring: { source?: string; limit?: string } }>(
    '/v1/repos/:slug/dispatch',
    { schema: { params: slugParams, querystring: dispatchQuery } },
    (request, reply) => {
      const { slug } = request.params;
      const { source } = request.query;
      const limit = request.query.limit === undefined ? DEFAULT_LIMIT : Number(request.query.limit);
      return send(reply, key('dispatch', slug, source, limit), (view) => federatedDispatch(view, { repo: slug, source, limit }));
    },
  );

  app.get<{ Querystring: { repo?: string; source?: string; as?: string; include_human?: string } }>(
    '/v1/next',
    { schema: { querystring: nextQuery } },
    (request, reply) => {
      const { repo, source, as } = request.query;
      const includeHuman = request.query.include_human === 'true';
      return send(reply, key('next', repo, source, as, includeHuman), (view) => federatedNext(view, { repo, source, as, includeHuman }));
    },
  );

  app.get<{ Querystring: { repo?: string } }>('/v1/doi', { schema: { querystring: doiQuery } }, (request, reply) =>
    send(reply, key('doi', request.query.repo), (view) => federatedDoi(view, request.query.repo)),
  );
};

/** A cache key that cannot collide: the parts as a JSON array. */
function key(...parts: unknown[]): string {
  return JSON.stringify(parts);
}
