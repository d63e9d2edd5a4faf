// The hub's HTTP server (fastify 5): public read routes, and the write routes inside one
// encapsulated scope that alone carries the rate limit and the bearer-token check. Strict request
// validation (no coercion, no stripping), a body limit, security headers, JSON errors with no stack
// traces, JSON request logs that never include headers (so never a token).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Writable } from 'node:stream';
import type { HubContext } from './context.js';
import { describeError, errorDocument, HttpError } from './http-errors.js';
import { composeRoutes } from './routes/compose.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { federationRoutes } from './routes/federation.js';
import { healthRoutes } from './routes/health.js';
import { sourceWriteRoutes } from './routes/source-writes.js';
import { sourceRoutes } from './routes/sources.js';
import { bearerToken } from './tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Name of the write token the request carried (write scope only). */
    tokenName: string | null;
  }
}

export interface HubServerOptions {
  /** JSON log lines go here (null: no log). */
  log: { stream: Writable; level: string } | null;
  /** Trust X-Forwarded-For from a proxy in front (for rate limits per client). */
  trustProxy: boolean;
}

export async function buildHubServer(hub: HubContext, options: HubServerOptions): Promise<FastifyInstance> {
  const { default: Fastify } = await import('fastify');
  const app = Fastify({
    logger: options.log === null ? false : {
      level: options.log.level,
      stream: options.log.stream,
      serializers: {
        req: (request: FastifyRequest) => ({ method: request.method, url: request.url, remote_address: request.ip }),
        res: (reply: { statusCode: number }) => ({ status: reply.statusCode }),
      },
    },
    bodyLimit: hub.limits.bodyBytes,
    trustProxy: options.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: false } },
  });
  app.decorateRequest('tokenName', null);

  const { default: helmet } = await import('@fastify/helmet');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"], frameAncestors: ["'none'"] },
    },
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, body, unexpected } = describeError(error);
    if (unexpected) request.log.error({ err: error }, 'request failed');
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    reply.code(status).type('application/json; charset=utf-8').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    reply.code(404).send(errorDocument('not-found', `no endpoint ${request.method} ${path} (GET /v1/sources, /v1/repos, /v1/federated, …)`));
  });

  await app.register(healthRoutes, { hub });
  await app.register(sourceRoutes, { hub });
  await app.register(federationRoutes, { hub });
  await app.register(dashboardRoutes, { hub });

  // The write scope: the rate limit first (its per-route onRequest hook, so failed token guesses
  // count too), then the token check (preParsing: before a body is read, so an unauthenticated
  // client never gets a snapshot parsed).
  const { default: rateLimit } = await import('@fastify/rate-limit');
  await app.register(async (scope) => {
    await scope.register(rateLimit, {
      max: hub.limits.writesPerWindow,
      timeWindow: hub.limits.writeWindowMs,
      errorResponseBuilder: (_request, context) =>
        new HttpError(429, 'refused', `too many write requests: at most ${context.max} per ${context.after}; retry later`),
    });
    scope.addHook('preParsing', async (request, _reply, payload) => {
      const token = bearerToken(request.headers.authorization);
      if (token === null) throw new HttpError(401, 'refused', 'this endpoint needs a write token: Authorization: Bearer <token>');
      const name = hub.tokens.match(token);
      if (name === null) throw new HttpError(403, 'refused', 'the bearer token is not valid for this hub');
      request.tokenName = name;
      return payload;
    });
    await scope.register(sourceWriteRoutes, { hub });
    await scope.register(composeRoutes, { hub });
  });
  return app;
}
