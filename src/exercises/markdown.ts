// The little Markdown that goals and hints use: paragraphs, `code` and **bold**. Escapes everything
// else, so an exercise text can never inject markup.
const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One line: `code` and **bold**, everything else escaped. */
export function inlineMarkdown(s: string): string {
  return escape(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

/** Paragraphs separated by blank lines; single newlines inside a paragraph become spaces. */
export function miniMarkdown(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${inlineMarkdown(p.replace(/\s*\n\s*/g, ' '))}</p>`)
    .join('');
}
