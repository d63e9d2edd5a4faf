// Writes to the registry of sources (inside the token scope, see ../server.ts): register, change,
// remove, and push a snapshot. Every change is one store transaction; the view follows on the next read.
import type { FastifyPluginAsync } from 'fastify';
import { conflict, notFound, usageError } from '../../errors.js';
import { snapshotText } from '../../snapshot/text.js';
import { checkSnapshot } from '../../snapshot/validate.js';
import { sha256Hex } from '../../hashing.js';
import type { HubContext } from '../context.js';
import { checkScheme, FetchError } from '../fetch/safe-fetch.js';
import { emptyQuery, nameParams, patchBody, registerBody, sourceResponse } from '../schemas.js';
import type { SourceSettings } from '../store/types.js';
import { sourceItem } from './source-items.js';

interface RegisterBody extends Partial<SourceSettings> {
  name: string;
}

export const DEFAULT_TTL_SECONDS = 300;

export const sourceWriteRoutes: FastifyPluginAsync<{ hub: HubContext }> = async (app, { hub }) => {
  const answer = async (name: string) => {
    const record = await hub.store.getSource(name);
    if (!record) throw notFound(`no source ${name}`);
    return { schema_version: 1, kind: 'source', source: sourceItem(record, await hub.views.view()) };
  };

  app.post<{ Body: RegisterBody }>(
    '/v1/sources',
    { schema: { body: registerBody, querystring: emptyQuery, response: { 201: sourceResponse } } },
    async (request, reply) => {
      const body = request.body;
      const settings: SourceSettings = {
        url: checkedUrl(body.url ?? null, hub),
        domain: body.domain ?? null,
        enabled: body.enabled ?? true,
        required: body.required ?? false,
        cache_ttl_seconds: body.cache_ttl_seconds ?? DEFAULT_TTL_SECONDS,
        description: body.description ?? null,
      };
      const created = await hub.store.createSource(body.name, settings, request.tokenName, hub.now().toISOString());
      if (!created) throw conflict(`source ${body.name} exists already (PATCH /v1/sources/${body.name} changes it)`);
      reply.code(201);
      return answer(body.name);
    },
  );

  app.patch<{ Params: { name: string }; Body: Partial<SourceSettings> }>(
    '/v1/sources/:name',
    { schema: { params: nameParams, body: patchBody, querystring: emptyQuery, response: { 200: sourceResponse } } },
    async (request) => {
      const patch = { ...request.body };
      if (patch.url !== undefined) patch.url = checkedUrl(patch.url, hub);
      const updated = await hub.store.updateSource(request.params.name, patch, request.tokenName, hub.now().toISOString());
      if (!updated) throw notFound(`no source ${request.params.name}`);
      return answer(request.params.name);
    },
  );

  app.delete<{ Params: { name: string } }>('/v1/sources/:name', { schema: { params: nameParams, querystring: emptyQuery } }, async (request) => {
    if (!(await hub.store.deleteSource(request.params.name))) throw notFound(`no source ${request.params.name}`);
    return { schema_version: 1, kind: 'source-removed', name: request.params.name };
  });

  app.put<{ Params: { name: string }; Body: unknown }>(
    '/v1/sources/:name/snapshot',
    { bodyLimit: hub.limits.snapshotBytes, schema: { params: nameParams, querystring: emptyQuery, response: { 200: sourceResponse } } },
    async (request) => {
      const source = await hub.store.getSource(request.params.name);
      if (!source) throw notFound(`no source ${request.params.name} (register it first: POST /v1/sources with no url)`);
      if (source.url !== null) throw conflict(`source ${source.name} is fetched from its url; push is for sources registered without one`);
      const check = checkSnapshot(request.body);
      if (!check.ok) throw usageError(check.error);
      const text = snapshotText(check.snapshot);
      await hub.store.putSnapshot(source.name, { text, digest: sha256Hex(text), received_at: hub.now().toISOString() }, false);
      return answer(source.name);
    },
  );
};

/** A url a source may be registered with: absolute, no credentials, a scheme the fetcher would use. */
function checkedUrl(url: string | null, hub: HubContext): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw usageError(`url is not an absolute URL: ${JSON.stringify(url)}`);
  }
  if (parsed.username !== '' || parsed.password !== '') throw usageError('url must not carry credentials (they would be shown to every reader)');
  try {
    checkScheme(parsed, hub.fetchPolicy);
  } catch (error) {
    if (error instanceof FetchError) throw usageError(error.message);
    throw error;
  }
  return parsed.href;
}
