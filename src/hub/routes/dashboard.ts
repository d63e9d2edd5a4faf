// GET /: the dashboard — the same page as `custodian report --html` (src/report), rendered from the
// composed view and kept until the view changes. The page inlines its script and style, allowed by
// hash: its own Content-Security-Policy replaces the hub's default-src 'none' for this route only.
import type { FastifyPluginAsync } from 'fastify';
import type { HubContext } from '../context.js';
import { emptyQuery } from '../schemas.js';

export const dashboardRoutes: FastifyPluginAsync<{ hub: HubContext }> = async (app, { hub }) => {
  app.get('/', { schema: { querystring: emptyQuery } }, async (_request, reply) => {
    const { renderReport, REPORT_CSP } = await import('../../report/render.js');
    const html = await hub.views.text('dashboard', (view) => renderReport(view.document));
    reply.header('content-security-policy', REPORT_CSP).type('text/html; charset=utf-8').send(html);
  });
};
