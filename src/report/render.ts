// renderReport: a snapshot or the federated view in, the dashboard page out. One function for
// `custodian report --html` (the workspace's snapshot) and the hub's `GET /` (the federated view).
import { nodeCrypto } from '../lazy-builtins.js';
import { REPORT_SCRIPT, REPORT_STYLE } from '../generated/report-assets.js';
import { buildReport, type BuildOptions } from './build/index.js';
import type { ReportInput } from './input.js';
import type { ReportDocument } from './model.js';
import { pageHtml } from './view/page.js';

export function renderReport(input: ReportInput, options: BuildOptions = {}): string {
  return renderReportHtml(buildReport(input, options));
}

export function renderReportHtml(doc: ReportDocument): string {
  return pageHtml(doc, { style: REPORT_STYLE, script: REPORT_SCRIPT, csp: REPORT_CSP });
}

/**
 * The page's Content-Security-Policy: nothing may load; only the page's own inline style and
 * script (by hash) run. A server sending the page may send the same policy as a header.
 */
export const REPORT_CSP = [
  "default-src 'none'",
  `script-src '${sha256(REPORT_SCRIPT)}'`,
  `style-src '${sha256(REPORT_STYLE)}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function sha256(text: string): string {
  return `sha256-${nodeCrypto().createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
