/**
 * The text of an HTML page or snippet as Pagefind reads it: scripts, styles and tags out, the few
 * entities this site writes (`escapeHtml`, markdown-it) decoded.
 */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
