// Every string in a report comes from files somebody wrote (titles, ids, slugs, repo names), so
// every one is untrusted: text goes through escapeHtml, the embedded data through inlineJson.
// Shared by the page template and the browser script.

/** C0 controls other than tab and newline, DEL and the C1 controls (0x9B is a terminal's CSI). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Control characters made visible: an ANSI escape in a title shows as `␛[31m`, not as nothing
 * (or as a colour in a terminal someone pastes it into). C0 become their Control Pictures
 * (U+2400…), DEL becomes ␡, C1 become U+FFFD.
 */
export function visible(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an HTML element or a quoted attribute value. */
export function escapeHtml(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return visible(String(value)).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON that is safe inside `<script type="application/json">`: no `<` (so no `</script>` and no
 * `<!--`, which would switch the HTML parser's script states), no `>` or `&`, and no U+2028/U+2029.
 * JSON.parse reads the escapes back to the same strings.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
