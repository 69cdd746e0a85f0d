//! Plain text (a browser's `innerText`, a scraper's output) to blocks: one block per non-blank line.
//!
//! `innerText` puts a blank line between paragraphs (`<p>`) and a single line break between other
//! block boxes (menu items, `<div>`s), so the number of blank lines before a line is kept as a feature.

use crate::article::{BlockKind, Span};
use crate::block::Block;

/// Splits `input` into one block per non-blank line, trimmed, with its byte span in `input`.
pub(crate) fn blocks(input: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut gap: u8 = 0;
    let mut pos = 0;
    for line in input.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let trimmed_start = line.len() - line.trim_start().len();
        let body = line.trim();
        if body.is_empty() {
            gap = gap.saturating_add(1).min(3);
            continue;
        }
        let s = start + trimmed_start;
        let e = s + body.len();
        let kind = if is_bullet(body) {
            BlockKind::ListItem
        } else {
            BlockKind::Paragraph
        };
        let mut b = Block {
            text: body.to_string(),
            span: Span::new(s, e),
            kind,
            ..Block::default()
        };
        b.feat.gap_before = if out.is_empty() { 3 } else { gap };
        b.feat.bullet = kind == BlockKind::ListItem;
        out.push(b);
        gap = 0;
    }
    out
}

/// A line that starts with a list bullet.
fn is_bullet(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('•' | '·' | '▪' | '■' | '►' | '▶' | '●' | '◦' | '‣') => true,
        Some('-' | '*' | '–') => chars.next().is_some_and(char::is_whitespace),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_at_trimmed_lines() {
        let input = "  Title line \n\nFirst para.\r\nSecond\n\n\n\n• item";
        let bs = blocks(input);
        let texts: Vec<_> = bs
            .iter()
            .map(|b| &input[b.span.start..b.span.end])
            .collect();
        assert_eq!(texts, ["Title line", "First para.", "Second", "• item"]);
        assert_eq!(
            bs.iter().map(|b| b.feat.gap_before).collect::<Vec<_>>(),
            [3, 1, 0, 3]
        );
        assert_eq!(bs[3].kind, BlockKind::ListItem);
    }

    #[test]
    fn empty_and_blank_inputs_give_no_blocks() {
        assert!(blocks("").is_empty());
        assert!(blocks(" \n\t\n \u{a0}").is_empty());
    }
}
