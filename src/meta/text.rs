//! Byline and dateline of plain-text input (a page's `innerText`), read from the lines around
//! where the article starts: a "By …" line (or a label line followed by the names), a short line
//! holding a date (one said to be of an update counts only when no other is found), else a line
//! anywhere that says the page was published on a date. The headline is the line the classifier
//! named as one ([`crate::article::Reason::Title`]).

use super::{date, names, push_names, visible_date};
use crate::block::Block;

/// How many lines before the article's first kept line, and after it, are read.
const BEFORE: usize = 15;
const AFTER: usize = 5;

/// The byline and publication date found in plain-text blocks (classified).
pub(crate) fn read(blocks: &[Block]) -> (Vec<String>, Option<String>) {
    let Some(first) = blocks.iter().position(Block::is_content) else {
        return (Vec::new(), None);
    };
    let mut authors = Vec::new();
    let (mut published, mut updated, mut labelled) = (None, None, None);
    let lo = first.saturating_sub(BEFORE);
    let hi = (first + AFTER).min(blocks.len());
    // Nearest the article's start first: backwards from it, then on into it.
    let order = (lo..first).rev().chain(first..hi);
    for i in order {
        let b = &blocks[i];
        let line = b.text.as_str();
        if line.chars().count() > 120 {
            continue;
        }
        let date = visible_date(line);
        if let Some(d) = date.clone() {
            let prev_says = i
                .checked_sub(1)
                .and_then(|p| blocks.get(p))
                .is_some_and(|p| p.text.len() <= 30 && date::says_updated(&p.text));
            let slot = if prev_says || date::says_updated(line) {
                &mut updated
            } else {
                &mut published
            };
            if slot.is_none() {
                *slot = Some(d);
            }
        }
        if !authors.is_empty() {
            continue;
        }
        // A name on its own line next to the dateline ("Ann Lee" above "March 5, 2024").
        if date.is_some() {
            let near = [i.checked_sub(1), Some(i + 1)];
            if let Some(n) = near
                .into_iter()
                .flatten()
                .filter_map(|j| blocks.get(j))
                .find(|n| names::looks_like_name(&n.text))
            {
                push_names(&mut authors, &n.text);
                continue;
            }
        }
        let after_label = i
            .checked_sub(1)
            .and_then(|p| blocks.get(p))
            .is_some_and(|p| names::is_bare_label(&p.text));
        if names::starts_with_label(line) || after_label {
            push_names(&mut authors, line);
        } else if let (Some(_), Some(at)) = (&date, line.to_lowercase().rfind(" by ")) {
            push_names(&mut authors, line.get(at + 4..).unwrap_or(""));
        }
    }
    if published.is_none() {
        labelled = blocks.iter().enumerate().find_map(|(i, b)| {
            if b.text.len() > 320 || !date::has_year(&b.text) {
                return None;
            }
            let prev = i.checked_sub(1).and_then(|p| blocks.get(p));
            let says = date::says_published(&b.text)
                || prev.is_some_and(|p| p.text.len() <= 30 && date::says_published(&p.text));
            (says && b.text.chars().count() <= 80)
                .then(|| visible_date(&b.text))
                .flatten()
        });
    }
    // Else the dateline nearest the article's start, however far (after it first at equal
    // distance).
    let published = published.or(labelled).or_else(|| {
        (1..=blocks.len())
            .flat_map(|d| [first.checked_add(d - 1), first.checked_sub(d)])
            .flatten()
            .filter_map(|i| blocks.get(i))
            .filter(|b| b.text.chars().count() <= 80 && !date::says_updated(&b.text))
            .find_map(|b| visible_date(&b.text))
    });
    (authors, published.or(updated))
}
