//! Markdown rendering of the kept article: headings, list items, block quotes, code blocks,
//! captions and (for HTML input) links, one block after another.

use crate::article::{Article, BlockKind};
use crate::block::Block;

/// Renders `article` as Markdown. `sources[i]` is the index in `blocks` of `article.blocks[i]`.
pub(crate) fn render(article: &Article, blocks: &[Block], sources: &[usize]) -> String {
    let mut out = String::with_capacity(article.text.len() + article.text.len() / 8);
    let mut prev: Option<BlockKind> = None;
    for (i, ab) in article.blocks.iter().enumerate() {
        let src = sources.get(i).and_then(|&s| blocks.get(s));
        if !out.is_empty() {
            // Consecutive list items (and table rows) form one list.
            let tight = prev == Some(ab.kind)
                && matches!(ab.kind, BlockKind::ListItem | BlockKind::TableRow);
            out.push_str(if tight { "\n" } else { "\n\n" });
        }
        // Links apply when the block's text is the source block's text unchanged.
        let links = match src {
            Some(b) if b.text == ab.text => b.structure.links.as_slice(),
            _ => &[],
        };
        let body = inline(&ab.text, links);
        match ab.kind {
            BlockKind::Heading => {
                let level = src.map_or(2, |b| b.structure.heading_level).clamp(1, 6);
                let level = if level == 0 { 2 } else { level };
                for _ in 0..level {
                    out.push('#');
                }
                out.push(' ');
                out.push_str(&body.replace('\n', " "));
            }
            BlockKind::ListItem => {
                let t = ab
                    .text
                    .trim_start_matches([
                        '•', '·', '▪', '■', '►', '▶', '●', '◦', '‣', '-', '*', '–',
                    ])
                    .trim_start();
                let body = if links.is_empty() { escape(t) } else { body };
                out.push_str("- ");
                out.push_str(&body.replace('\n', "\n  "));
            }
            BlockKind::Quote => {
                out.push_str("> ");
                out.push_str(&body.replace('\n', "\n> "));
            }
            BlockKind::Preformatted => {
                let fence = if ab.text.contains("```") {
                    "~~~~"
                } else {
                    "```"
                };
                out.push_str(fence);
                out.push('\n');
                out.push_str(&ab.text);
                out.push('\n');
                out.push_str(fence);
            }
            BlockKind::Caption => {
                out.push('*');
                out.push_str(body.trim());
                out.push('*');
            }
            BlockKind::TableRow | BlockKind::Paragraph => {
                out.push_str(&body.replace('\n', "  \n"));
            }
        }
        prev = Some(ab.kind);
    }
    out.push('\n');
    out
}

/// The text with Markdown's special characters escaped and links written as `[text](href)`.
fn inline(text: &str, links: &[(crate::article::Span, String)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for (span, href) in links {
        let (s, e) = (span.start, span.end);
        if s < last || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&escape(&text[last..s]));
        out.push('[');
        out.push_str(&escape(&text[s..e]));
        out.push_str("](");
        out.push_str(&href.replace(' ', "%20").replace(')', "%29"));
        out.push(')');
        last = e;
    }
    out.push_str(&escape(&text[last..]));
    out
}

/// Escapes characters that would start Markdown syntax.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut line_start = true;
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' => {
                out.push('\\');
                out.push(c);
            }
            '#' | '>' | '+' | '-' if line_start => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        line_start = c == '\n' || (line_start && c == ' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{clean, Format, Options};

    #[test]
    fn renders_structure_and_links() {
        let html = "<html><body><article><h1>The headline of the story here</h1>\
            <p>The council approved the <a href=\"https://example.org/budget\">new budget</a> on Tuesday after a long debate, members said.</p>\
            <h2>What changes</h2><ul><li>Two new schools for the north of the town.</li><li>A repaired bridge over the river at last.</li></ul>\
            <blockquote>We waited a long time for this decision, and it is a good one.</blockquote>\
            <p>The plan now goes to the regional government, which must sign it off by the end of the month.</p>\
            <p>Opposition members said the council had moved too fast, and that the costs of the bridge were still unclear to everyone.</p>\
            <p>The mayor answered that the engineers had checked the numbers twice, and that work could begin in the spring.</p>\
            </article></body></html>";
        let opts = Options {
            format: Format::Html,
            markdown: true,
            facts: false,
            ..Options::default()
        };
        let a = clean(html, &opts).unwrap();
        let md = a.markdown.unwrap();
        assert!(
            md.contains("[new budget](https://example.org/budget)"),
            "{md}"
        );
        assert!(md.contains("## What changes"), "{md}");
        assert!(
            md.contains("- Two new schools for the north of the town.\n- A repaired"),
            "{md}"
        );
        assert!(md.contains("> We waited"), "{md}");
    }
}
