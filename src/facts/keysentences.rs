//! Key sentences: the top sentences by a documented score.
//!
//! The score of sentence *i* adds four ingredients, each scaled to 0..1 within the document, minus
//! a length penalty:
//!
//! | ingredient | weight | what |
//! |---|---|---|
//! | centrality | [`W_CENTROID`] | cosine similarity of the sentence's content words with the document's word-frequency centroid (Radev, Jing, Styś & Tam 2004, "Centroid-based summarization of multiple documents": the centroid, here the term frequencies of the one document, stands for what the text is about). Content words are lower-cased non-stopwords; in English, plurals are folded ("talks" = "talk") |
//! | position | [`W_POSITION`] | lead bias, `1 / √(1 + i)` (news puts the core facts first) |
//! | significance | [`W_LUHN`] | Luhn 1958 ("The automatic creation of literature abstracts"): the densest cluster of significant words (content words seen at least twice) in the sentence, `(significant words)² / cluster length` |
//! | fact density | [`W_FACTS`] | entities, quantities, times and quotes in the sentence (from the other extractors) per word |
//! | length penalty | [`W_LENGTH`] | sentences under [`MIN_WORDS`] or over [`MAX_WORDS`] words lose up to this much |
//!
//! Everything is linear in the text: one pass builds the centroid (a hash map of word counts), and
//! each sentence is compared with the centroid only — no matrix of sentence-to-sentence
//! similarities (TextRank, Mihalcea & Tarau 2004, would need one).
//!
//! The weights were set on the development summaries of the project's evaluation data
//! (`newsclean-eval summaries`, BBC News extractive summaries): there the centroid alone does far
//! better than the lead (F1 0.73 against 0.49 at k = len(gold)), and position, Luhn and fact density
//! move F1 by less than 0.01, so they keep small weights — enough to break near-ties towards early,
//! dense sentences, as news writing suggests.

use serde::{Deserialize, Serialize};

use std::borrow::Cow;

use crate::article::Span;
use crate::normalize::FastMap as HashMap;

/// One of the top sentences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeySentence {
    /// The sentence.
    pub text: String,
    /// Byte offsets into `Article.text`.
    pub span: Span,
    /// Index in `Facts.sentences`.
    pub sentence: usize,
    /// Its score (higher is more central).
    pub score: f64,
    /// 1 for the best.
    pub rank: usize,
}

/// Weight of the centroid similarity.
pub const W_CENTROID: f64 = 1.0;
/// Weight of the position (lead) score.
pub const W_POSITION: f64 = 0.1;
/// Weight of Luhn's significance.
pub const W_LUHN: f64 = 0.1;
/// Weight of the fact density.
pub const W_FACTS: f64 = 0.05;
/// Largest length penalty.
pub const W_LENGTH: f64 = 0.5;
/// Sentences with fewer words are penalised.
pub const MIN_WORDS: usize = 6;
/// Sentences with more words are penalised.
pub const MAX_WORDS: usize = 60;

/// English plural folding for comparison: "talks" -> "talk", "parties" -> "party" (not "news",
/// "bus", "crisis"). Borrowed unless the ending changes.
fn fold_plural(w: &str) -> Cow<'_, str> {
    let n = w.len();
    if let Some(stem) = w.strip_suffix("ies").filter(|_| n > 4) {
        return Cow::Owned(format!("{stem}y"));
    }
    let invariant = matches!(w, "news" | "series" | "species" | "means" | "politics");
    match w.strip_suffix('s') {
        Some(stem)
            if n > 3
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && !w.ends_with("is")
                && !invariant =>
        {
            Cow::Borrowed(stem)
        }
        _ => Cow::Borrowed(w),
    }
}

/// The content words of a text: each distinct word once, and each sentence as word numbers.
struct Words<'a> {
    /// Number of each distinct content word (borrowed from the lower-case text when possible).
    ids: HashMap<Cow<'a, str>, usize>,
    /// Per sentence: its content words (as numbers) and the count of all its words.
    sentences: Vec<(Vec<usize>, usize)>,
}

/// The content words of each sentence, lower-cased: words with letters that are not stopwords.
/// Also the count of all its words.
/// `lower` is the lower-case form of `text` when it has the same byte offsets.
fn content_words<'a>(
    text: &str,
    lower: Option<&'a str>,
    sentences: &[Span],
    lang: Option<usize>,
) -> Words<'a> {
    let en = crate::lang::EN;
    let lang = lang.unwrap_or(en);
    // Only asked for words and its size: sized up front (about one distinct content word per 16
    // bytes), it rarely grows.
    let mut ids: HashMap<Cow<'a, str>, usize> =
        HashMap::with_capacity_and_hasher(text.len() / 16, Default::default());
    let sentences = sentences
        .iter()
        .map(|s| {
            let t = text.get(s.start..s.end).unwrap_or("");
            let mut words = Vec::with_capacity(t.len() / 8);
            let mut all = 0;
            crate::normalize::for_each_word(t, |a, b| {
                all += 1;
                let w: Cow<'a, str> = match lower.and_then(|l| l.get(s.start + a..s.start + b)) {
                    Some(l) => Cow::Borrowed(l),
                    None => {
                        let mut w = String::new();
                        crate::normalize::push_lower(&mut w, &t[a..b]);
                        Cow::Owned(w)
                    }
                };
                if w.chars().any(crate::facts::chars::is_alphabetic)
                    && !crate::lang::is_stopword(&w, lang)
                {
                    let w = match w {
                        Cow::Borrowed(b) if lang == en => fold_plural(b),
                        Cow::Owned(o) if lang == en => Cow::Owned(fold_plural(&o).into_owned()),
                        w => w,
                    };
                    let next = ids.len();
                    words.push(*ids.entry(w).or_insert(next));
                }
            });
            (words, all)
        })
        .collect();
    Words { ids, sentences }
}

/// Cosine of a sentence's word counts with a weighted vector of norm `norm` (indexed by word
/// number). `own` is scratch space of the vector's length, all zero, left all zero.
fn cosine(words: &[usize], vec: &[f64], norm: f64, own: &mut [f64]) -> f64 {
    if words.is_empty() || norm == 0.0 {
        return 0.0;
    }
    for &w in words {
        if let Some(c) = own.get_mut(w) {
            *c += 1.0;
        }
    }
    // Counts are whole numbers, so these sums are exact in any order.
    let (mut dot, mut own_sq) = (0.0f64, 0.0f64);
    for &w in words {
        let Some(c) = own.get_mut(w) else { continue };
        if *c > 0.0 {
            dot += *c * vec.get(w).copied().unwrap_or(0.0);
            own_sq += *c * *c;
            *c = 0.0;
        }
    }
    dot / (own_sq.sqrt() * norm)
}

/// Luhn's significance: the best cluster of significant words, where a cluster is a run of words
/// in which significant words are at most 4 words apart.
fn luhn(words: &[usize], significant: &[bool]) -> f64 {
    let mut best = 0.0f64;
    let mut first: Option<usize> = None;
    let mut last = 0;
    let mut count = 0usize;
    for (i, &w) in words.iter().enumerate() {
        if !significant.get(w).copied().unwrap_or(false) {
            continue;
        }
        match first {
            Some(_) if i - last <= 4 => {
                count += 1;
                last = i;
            }
            _ => {
                if let Some(f) = first {
                    best = best.max((count * count) as f64 / (last - f + 1) as f64);
                }
                first = Some(i);
                last = i;
                count = 1;
            }
        }
        if let Some(f) = first {
            best = best.max((count * count) as f64 / (last - f + 1) as f64);
        }
    }
    best
}

/// How often each word occurs in the document (indexed by word number).
fn term_frequencies(words: &[(Vec<usize>, usize)], distinct: usize) -> Vec<f64> {
    let mut tf = vec![0.0f64; distinct];
    for (ws, _) in words {
        for &w in ws {
            if let Some(c) = tf.get_mut(w) {
                *c += 1.0;
            }
        }
    }
    tf
}

/// The Euclidean norm of a vector of counts (whole numbers, so the sum is exact).
fn norm(v: &[f64]) -> f64 {
    v.iter().map(|c| c * c).sum::<f64>().sqrt()
}

/// Scales a vector to 0..1 by its largest value.
fn scale(v: &mut [f64]) {
    let max = v.iter().copied().fold(0.0f64, f64::max);
    if max > 0.0 {
        for x in v.iter_mut() {
            *x /= max;
        }
    }
}

/// The score of every sentence (see the module docs).
pub(crate) fn scores(
    text: &str,
    lower: Option<&str>,
    sentences: &[Span],
    facts: &crate::facts::Facts,
    lang: Option<usize>,
) -> Vec<f64> {
    let n = sentences.len();
    let Words {
        ids,
        sentences: words,
    } = content_words(text, lower, sentences, lang);
    // The centroid: term frequencies of the document.
    let tf = term_frequencies(&words, ids.len());
    let centroid_norm = norm(&tf);
    let mut own = vec![0.0f64; tf.len()];
    let mut centroid: Vec<f64> = words
        .iter()
        .map(|(ws, _)| cosine(ws, &tf, centroid_norm, &mut own))
        .collect();
    scale(&mut centroid);
    // Luhn: significant words occur at least twice.
    let significant: Vec<bool> = tf.iter().map(|&c| c >= 2.0).collect();
    let mut sig: Vec<f64> = words.iter().map(|(ws, _)| luhn(ws, &significant)).collect();
    scale(&mut sig);
    // Fact density.
    let mut fact_count = vec![0.0f64; n];
    let mut bump = |i: usize| {
        if let Some(c) = fact_count.get_mut(i) {
            *c += 1.0;
        }
    };
    for e in &facts.entities {
        for m in &e.mentions {
            bump(m.sentence);
        }
    }
    for q in &facts.quantities {
        bump(q.sentence);
    }
    for t in &facts.times {
        bump(t.sentence);
    }
    for q in &facts.quotes {
        bump(q.sentence);
    }
    let mut density: Vec<f64> = fact_count
        .iter()
        .zip(&words)
        .map(|(c, (_, all))| c / (*all).max(1) as f64)
        .collect();
    scale(&mut density);
    let position: Vec<f64> = (0..n).map(|i| 1.0 / ((1 + i) as f64).sqrt()).collect();
    (0..n)
        .map(|i| {
            let all = words[i].1;
            let length = if all < MIN_WORDS {
                (MIN_WORDS - all) as f64 / MIN_WORDS as f64
            } else if all > MAX_WORDS {
                ((all - MAX_WORDS) as f64 / MAX_WORDS as f64).min(1.0)
            } else {
                0.0
            };
            W_POSITION * position[i]
                + W_CENTROID * centroid[i]
                + W_LUHN * sig[i]
                + W_FACTS * density[i]
                - W_LENGTH * length
        })
        .collect()
}

/// Picks the key sentences of `text`, given the sentences and the other facts: the
/// `ctx.key_sentences` best by [`scores`], listed in article order, ranked 1 = best.
pub(crate) fn extract(
    text: &str,
    lower: Option<&str>,
    sentences: &[Span],
    facts: &crate::facts::Facts,
    ctx: &super::Context,
) -> Vec<KeySentence> {
    let k = ctx.key_sentences.min(sentences.len());
    if k == 0 {
        return Vec::new();
    }
    let lang = ctx
        .language
        .as_deref()
        .and_then(crate::lang::index_of)
        .or_else(|| {
            crate::lang::guess(sentences.iter().filter_map(|s| text.get(s.start..s.end)))
                .and_then(crate::lang::index_of)
        });
    let scores = scores(text, lower, sentences, facts, lang);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    // Best first; ties go to the earlier sentence.
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut picked: Vec<(usize, usize)> = order
        .into_iter()
        .take(k)
        .enumerate()
        .map(|(r, i)| (i, r + 1))
        .collect();
    picked.sort_unstable();
    picked
        .into_iter()
        .filter_map(|(i, rank)| {
            let s = *sentences.get(i)?;
            Some(KeySentence {
                text: text.get(s.start..s.end)?.to_string(),
                span: s,
                sentence: i,
                score: scores[i],
                rank,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(text: &str, k: usize) -> Vec<KeySentence> {
        let ctx = crate::facts::Context {
            key_sentences: k,
            language: Some("en".into()),
            ..Default::default()
        };
        crate::facts::extract(text, &ctx).key_sentences
    }

    const STORY: &str = "The city council approved a new budget for schools on Monday. \
        Ok. \
        The budget adds money for teachers, books and school buses across the city. \
        Weather was mild. \
        Parents said the school budget was overdue, and teachers welcomed the money. \
        A band played later.";

    #[test]
    fn top_k_in_article_order_with_ranks() {
        let got = pick(STORY, 3);
        assert_eq!(got.len(), 3);
        let idx: Vec<usize> = got.iter().map(|k| k.sentence).collect();
        assert!(idx.windows(2).all(|w| w[0] < w[1]), "{idx:?}");
        let mut ranks: Vec<usize> = got.iter().map(|k| k.rank).collect();
        ranks.sort_unstable();
        assert_eq!(ranks, [1, 2, 3]);
        // The lead and the sentences about the topic win; filler and the very short one lose.
        assert_eq!(idx, [0, 2, 4]);
        for k in &got {
            assert_eq!(&STORY[k.span.start..k.span.end], k.text);
        }
        let best = got.iter().find(|k| k.rank == 1).map(|k| k.score);
        assert!(got.iter().all(|k| Some(k.score) <= best));
    }

    #[test]
    fn k_zero_and_short_texts() {
        assert!(pick(STORY, 0).is_empty());
        assert_eq!(pick("One sentence only.", 3).len(), 1);
        assert!(pick("", 3).is_empty());
    }

    #[test]
    fn plural_folding() {
        let f = |w: &str| fold_plural(w).into_owned();
        assert_eq!(
            (f("talks"), f("parties"), f("news"), f("crisis"), f("bus")),
            (
                "talk".into(),
                "party".into(),
                "news".into(),
                "crisis".into(),
                "bus".into()
            )
        );
    }

    #[test]
    fn luhn_clusters() {
        // Words 0 ("budget") and 2 ("school") are significant, 1 ("for") and 3 are not.
        let sig = [true, false, true, false];
        // Two significant words two apart: 2² / 3.
        assert!((luhn(&[0, 1, 2], &sig) - 4.0 / 3.0).abs() < 1e-9);
        assert_eq!(luhn(&[3, 1], &sig), 0.0);
    }

    #[test]
    fn centroid_prefers_the_topic() {
        let sentences = crate::facts::sentences::split(STORY);
        let words = content_words(STORY, None, &sentences, None);
        let lower = crate::normalize::lower_aligned(STORY);
        let shared = content_words(STORY, lower.as_deref(), &sentences, None);
        assert_eq!(words.sentences, shared.sentences);
        // Lower-cased, plurals folded, stopwords out.
        assert!(words.ids.contains_key("budget") && words.ids.contains_key("school"));
        assert!(!words.ids.contains_key("schools") && !words.ids.contains_key("the"));
        let tf = term_frequencies(&words.sentences, words.ids.len());
        let mut own = vec![0.0; tf.len()];
        let topic = cosine(&words.sentences[4].0, &tf, norm(&tf), &mut own);
        let filler = cosine(&words.sentences[3].0, &tf, norm(&tf), &mut own);
        assert!(topic > filler);
        assert!(own.iter().all(|&c| c == 0.0));
    }
}
