// Untrusted text in the page: markup shows as text, control characters show as symbols, and the
// embedded JSON cannot end its script element or open a comment.
import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineJson, visible } from '../../src/report/view/escape.js';

describe('escapeHtml', () => {
  it('turns markup characters into entities', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'q'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
  });

  it('shows an ANSI escape as a visible symbol, not as nothing', () => {
    expect(escapeHtml('\u001b[31mred\u001b[0m')).toBe('\u241b[31mred\u241b[0m');
    expect(visible('a\u0000b\u007fc\u009bd\te\nf')).toBe('a\u2400b\u2421c\ufffdd\te\nf');
  });

  it('prints nothing for null', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(3)).toBe('3');
  });
});

describe('inlineJson', () => {
  const nasty = { title: '</script><script>x()</script><!-- --> & \u2028\u2029 \u001b[1m' };

  it('never contains <, > or & (so no </script> and no <!--) and reads back to the same value', () => {
    const text = inlineJson(nasty);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(nasty);
  });
});
