// GET /: the dashboard, rendered from the composed view. The page itself is the report's
// (src/report, `custodian report --html`); until that renderer is wired in here, the route answers
// with a plain page pointing at the JSON endpoints.
import type { FastifyPluginAsync } from 'fastify';
import type { HubContext } from '../context.js';
import { emptyQuery } from '../schemas.js';

export const dashboardRoutes: FastifyPluginAsync<{ hub: HubContext }> = async (app, { hub }) => {
  app.get('/', { schema: { querystring: emptyQuery } }, async (_request, reply) => {
    const html = await hub.views.answer('dashboard', (view) => placeholderPage(view.document.complete, view.document.sources.length));
    // answer() caches JSON text; the page is a JSON string of HTML.
    reply.type('text/html; charset=utf-8').send(JSON.parse(html) as string);
  });
};

function placeholderPage(complete: boolean, sources: number): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>custodian hub</title></head><body>',
    '<h1>custodian hub</h1>',
    `<p>${sources} source${sources === 1 ? '' : 's'}; the view is ${complete ? 'complete' : '<strong>incomplete</strong> (a required source is missing)'}.</p>`,
    '<ul><li><a href="/v1/federated">/v1/federated</a></li><li><a href="/v1/sources">/v1/sources</a></li><li><a href="/v1/repos">/v1/repos</a></li><li><a href="/v1/doi">/v1/doi</a></li></ul>',
    '</body></html>',
    '',
  ].join('\n');
}
