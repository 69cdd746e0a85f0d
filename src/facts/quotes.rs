//! Quotes: direct and reported speech, with speaker, cue and channel.
//!
//! The rules are those of news attribution as described for PARC / PolNeAR (Pareti 2016, "PARC
//! 3.0: A Corpus of Attribution Relations"; Newell, Margolin & Ruths 2018, "An Attribution
//! Relations Corpus for Political News"): a *source*, a *cue* and a *content*. The implementation
//! is our own, a single pass over tokens with a few bounded look-arounds:
//!
//! 1. Quotation marks are paired per paragraph ([`marks`]): curly, straight, low-9, guillemets,
//!    nested single marks; a quote still open at a paragraph end continues when the next paragraph
//!    opens with a mark.
//! 2. A top-level quotation is a **direct quote** only when it opens where speech opens — at the
//!    start of a paragraph or sentence, after a colon, or after a cue ("she said, “…") — and
//!    starts with a capital (lower case only for the second piece of a split quote). A quotation
//!    that opens after any other word (`were on “pause”`, `the “I Want to Find” project`) is a
//!    scare quote or a title, never a quote of a speaker. A sentence-opening quotation without an
//!    attribution must also look like speech (inner punctuation or the end of the sentence).
//! 3. The speaker is found after the quote (`,” she said`, `,” said Jane Smith, a lawyer`), or
//!    before it (`Smith said: “`, `According to Smith, “`); pieces of one quote and paragraphs of a
//!    multi-paragraph quote share it.
//! 4. **Reported speech** is a sentence with a cue outside quotation marks: `X said (that) …`,
//!    `…, X said.`, `According to X, …` (`direct: false`).
//!
//! Sentence boundaries are decided locally (an abbreviation such as "Mr." or "Sen." or an initial
//! does not end a sentence), so a speaker is never cut from its title. Entities, when given,
//! resolve the speaker: a name to the entity mentioned there, a pronoun to the nearest preceding
//! person (he, she) or organisation or place (it, they).

mod lexicon;
mod marks;
mod reported;
mod resolve;
mod scan;

use crate::facts::chars::Class as _;
use serde::{Deserialize, Serialize};

use crate::article::Span;
use crate::facts::{Entity, TextSpan};

use lexicon::{Lexicon, Tokens};
use marks::Quotation;
use resolve::Mentions;
use scan::{Attribution, Extractor, Opening, Range, WINDOW};

/// Who said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Speaker {
    /// The speaker as written ("he", "the ministry", "Jane Smith").
    pub text: String,
    /// Byte offsets into `Article.text`.
    pub span: Span,
    /// Index into `Facts.entities` of the entity it refers to, when resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<usize>,
    /// The resolved entity's name, when resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// What was said (inside the quotation marks for a direct quote).
    pub text: String,
    /// Byte offsets of the content into `Article.text`.
    pub span: Span,
    /// Index of the sentence where the quote starts.
    pub sentence: usize,
    /// True for a direct quote (in quotation marks), false for reported speech.
    pub direct: bool,
    /// The speaker, when found.
    pub speaker: Option<Speaker>,
    /// The cue ("said", "according to"), when found.
    pub cue: Option<TextSpan>,
    /// Where it was said ("on Telegram", "in a statement"), when stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<TextSpan>,
}

/// A transcript line ("SMITH: Well, …") or a stage aside ("(CROSSTALK)") inside quotation marks:
/// dialogue copied as a block, not a quote of a speaker.
fn transcript_or_aside(content: &str) -> bool {
    if content.starts_with('(') && content.trim_end_matches(['.', ' ']).ends_with(')') {
        return true;
    }
    let Some((label, _)) = content.split_once(':') else {
        return false;
    };
    let letters = label.chars().filter(|c| c.alpha()).count();
    letters >= 2
        && label.len() <= 40
        && label
            .chars()
            .all(|c| !c.is_lowercase() && (c.alpha() || " .'’-".contains(c)))
}

/// Byte span of the content of a quotation (inside its marks), trimmed.
fn content_span(t: &Tokens, q: &Quotation) -> Span {
    let a = t.toks.get(q.open).map_or(0, |x| x.end);
    let b = t.toks.get(q.end).map_or(t.text.len(), |x| x.start).max(a);
    trim(t.text, Span::new(a, b))
}

fn trim(text: &str, s: Span) -> Span {
    let inner = text.get(s.start..s.end).unwrap_or("");
    let lead = inner.len() - inner.trim_start().len();
    let body = inner.trim();
    Span::new(s.start + lead, s.start + lead + body.len())
}

/// Finds the quotes of `text` (its lower-case form when aligned, sentence spans and entities
/// given).
pub(crate) fn extract(
    text: &str,
    lower: Option<&str>,
    sentences: &[Span],
    entities: &[Entity],
    labels: &[super::transcript::Label],
    ctx: &super::Context,
) -> Vec<Quote> {
    let toks = Tokens::with_lower(text, lower);
    let quotations = marks::find(&toks);
    // Cue lists of the article's language (and English); guessed when not given.
    let language = ctx
        .language
        .as_deref()
        .or_else(|| crate::lang::guess(std::iter::once(text)));
    let mask = Lexicon::mask(language);
    let mut ex = Extractor::new(&toks, &quotations, mask);
    let mentions = Mentions::new(entities);

    let mut found: Vec<Found> = direct(&ex, &quotations);
    // Reported speech: only direct quotes bound a stretch; a scare quote or a quoted title is
    // part of the sentence ("Ukraine’s “I Want to Find” project said …").
    ex.mark.iter_mut().for_each(|m| *m = false);
    for f in &found {
        for k in [f.open, f.close] {
            if let Some(m) = ex.mark.get_mut(k) {
                *m = true;
            }
        }
    }
    found.extend(reported::reported(&ex, &quotations, &found));
    found.sort_by_key(|f| (f.span.start, f.span.end));

    let piece = |r: Range| -> TextSpan {
        let a = toks.toks.get(r.0).map_or(0, |x| x.start);
        let b = toks
            .toks
            .get(r.1.saturating_sub(1))
            .map_or(a, |x| x.end)
            .max(a);
        TextSpan {
            text: text.get(a..b).unwrap_or("").to_string(),
            span: Span::new(a, b),
        }
    };
    let mut quotes: Vec<Quote> = found
        .into_iter()
        .map(|f| {
            let speaker = f.attr.speaker.map(|r| {
                let ts = piece(r);
                let (entity, name) = mentions.resolve(&ex, r, ts.span);
                Speaker {
                    text: ts.text,
                    span: ts.span,
                    entity,
                    name,
                }
            });
            Quote {
                text: text.get(f.span.start..f.span.end).unwrap_or("").to_string(),
                span: f.span,
                sentence: super::sentence_index(sentences, f.span.start),
                direct: f.direct,
                speaker,
                cue: f.attr.cue.map(piece),
                channel: f.attr.channel.map(piece),
            }
        })
        .collect();
    if !labels.is_empty() {
        quotes.extend(transcript_quotes(text, sentences, labels, &mentions));
        quotes.sort_by_key(|q| (q.span.start, q.span.end));
    }
    quotes
}

/// What the speakers of a transcript said: each label's speech, a direct quote (said word for
/// word, though printed without quotation marks) with the label's name as its speaker.
fn transcript_quotes(
    text: &str,
    sentences: &[Span],
    labels: &[super::transcript::Label],
    mentions: &Mentions,
) -> Vec<Quote> {
    labels
        .iter()
        .filter_map(|l| {
            let span = l.speech?;
            let (entity, name) = if l.person {
                mentions.named(l.name)
            } else {
                (None, None)
            };
            Some(Quote {
                text: text.get(span.start..span.end)?.to_string(),
                span,
                sentence: super::sentence_index(sentences, span.start),
                direct: true,
                speaker: Some(Speaker {
                    text: text.get(l.name.start..l.name.end)?.to_string(),
                    span: l.name,
                    entity,
                    name,
                }),
                cue: None,
                channel: None,
            })
        })
        .collect()
}

/// A quote before it is turned into text.
#[derive(Clone, Debug)]
struct Found {
    span: Span,
    direct: bool,
    attr: Attribution,
    /// Token range the quote and its attribution occupy (to keep reported speech out of it).
    toks: Range,
    /// Token indices of the quotation marks (direct quotes) or `usize::MAX`.
    open: usize,
    close: usize,
}

/// The direct quotes.
fn direct(ex: &Extractor, quotations: &[Quotation]) -> Vec<Found> {
    let t = ex.t;
    // Per quotation: accepted, and its own attribution.
    let mut accepted = vec![false; quotations.len()];
    let mut attrs: Vec<Option<Attribution>> = vec![None; quotations.len()];
    let mut transcript = vec![false; quotations.len()];
    for (qi, q) in quotations.iter().enumerate() {
        if !q.double || q.nested {
            continue;
        }
        let span = content_span(t, q);
        let content = t.text.get(span.start..span.end).unwrap_or("");
        let Some(first) = content.chars().find(|c| c.alnum()) else {
            continue;
        };
        let upper = !first.is_lowercase()
            || content.starts_with(['…', '-', '—', '–'])
            || content.starts_with("..");
        let words = content.split_whitespace().count();
        let inner_punct = content
            .chars()
            .next_back()
            .is_some_and(|c| ",.?!…:;—–-".contains(c));
        let tail = q.close.and_then(|c| ex.tail(c));
        let lead = ex.lead(q.open);
        // Does the sentence end right after the quotation?
        let ends_after = q.close.is_none_or(|c| {
            let n = c + 1;
            n >= t.len() || t.is_break(n) || ex.is_end(n) || ex.mark[n]
        });
        // The previous accepted quotation in this paragraph closed right before our lead.
        let after_piece = qi > 0
            && accepted[qi - 1]
            && quotations[qi - 1]
                .close
                .is_some_and(|c| ex.para[c] == ex.para[q.open] && q.open - c <= 30);
        if transcript_or_aside(content) || q.continues.is_some_and(|p| transcript[p]) {
            // A transcript runs on through the paragraphs it continues into.
            transcript[qi] = true;
            continue;
        }
        let ok = if q.continues.is_some_and(|p| accepted[p]) {
            true
        } else {
            match ex.opening(q.open) {
                Opening::Paragraph | Opening::Sentence => {
                    if tail.is_some() {
                        upper || after_piece
                    } else {
                        upper && words >= 2 && (inner_punct || ends_after)
                    }
                }
                Opening::Colon => {
                    upper && (lead.is_some() || tail.is_some() || words >= 4 || after_piece)
                }
                Opening::Comma => {
                    if lead.is_some() {
                        upper || after_piece
                    } else {
                        upper && tail.is_some()
                    }
                }
                // `declared “…”` with no comma: a whole sentence of speech, not a phrase.
                Opening::Cue => upper && words >= 4 && (inner_punct || tail.is_some()),
                Opening::Other => false,
            }
        };
        if !ok {
            continue;
        }
        accepted[qi] = true;
        // The speaker after the quote wins; else before it.
        let own = match (tail, lead) {
            (Some(tl), Some(ld)) if tl.speaker.is_none() && ld.speaker.is_some() => Some(ld),
            (Some(tl), _) => Some(tl),
            (None, Some(ld)) if q.continues.is_none() => Some(ld),
            _ => None,
        };
        attrs[qi] = own;
    }
    // Pieces of one paragraph and continued paragraphs share a speaker: fill forward, then back.
    let mut last: Option<(u32, Attribution)> = None;
    for (qi, q) in quotations.iter().enumerate() {
        if !accepted[qi] {
            continue;
        }
        let para = ex.para[q.open];
        match attrs[qi] {
            Some(a) if a.speaker.is_some() => last = Some((para, a)),
            _ => {
                let chained = q.continues.is_some();
                if let Some((p, a)) = last {
                    if p == para || chained {
                        attrs[qi] = Some(a);
                        last = Some((para, a));
                    }
                }
            }
        }
    }
    let mut next: Option<(u32, Attribution)> = None;
    for (qi, q) in quotations.iter().enumerate().rev() {
        if !accepted[qi] {
            continue;
        }
        let para = ex.para[q.open];
        match attrs[qi] {
            Some(a) if a.speaker.is_some() => next = Some((para, a)),
            _ => {
                if let Some((p, a)) = next {
                    if p == para {
                        attrs[qi] = Some(a);
                    }
                }
            }
        }
    }
    let mut out = Vec::new();
    for (qi, q) in quotations.iter().enumerate() {
        if !accepted[qi] {
            continue;
        }
        let attr = attrs[qi].unwrap_or_default();
        // The quote and its attribution, at most a window away (an inherited speaker may be
        // far back; bounded so that marking these ranges stays linear).
        let mut lo = q.open;
        let mut hi = q.end + 1;
        for r in [attr.speaker, attr.cue, attr.channel].into_iter().flatten() {
            lo = lo.min(r.0).max(q.open.saturating_sub(WINDOW));
            hi = hi.max(r.1).min(q.end + 1 + WINDOW);
        }
        out.push(Found {
            span: content_span(t, q),
            direct: true,
            attr,
            toks: (lo, hi),
            open: q.open,
            close: q.close.unwrap_or(usize::MAX),
        });
    }
    out
}

#[cfg(test)]
mod tests;
