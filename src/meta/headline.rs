//! The headline as the page shows it.
//!
//! The page names its title in the head (`og:title`, `twitter:title`, the JSON-LD `headline`,
//! `<title>`), usually with the site's name around it ("Headline | Site"), and shows it in an
//! `<h1>`, which can also hold the site's logo or a section name. The rules, in order:
//! 1. the head's title loses a site name at either end ([`strip_site`]);
//! 2. an `<h1>` that shares no word with it (a logo, "Blog", "Search") is no headline: the head's
//!    title is;
//! 3. an `<h1>` that reads as the head's title, or as a variant of it, is the headline as shown —
//!    unless it is the head's title plus a tail after a separator ("Headline – Site", "Headline
//!    | Top 10"), or plus a prefix ("Blog: Headline", a dateline): then the head's title is;
//! 4. without a title in the head, the first `<h1>`; without `<h1>`, the head's title.

use crate::normalize::key;

/// Separators between a headline and a site name or tagline.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " • ", " · ", " ⋆ ", " » ", " « ", " : ", " ~ ", " / ",
];

/// `t` less a site name at its end ("Headline | Site") or start ("Site | Headline"). A tail goes
/// when it names the site (`site`: the `og:site_name`; `host`: the URL's host) or, once, when it
/// is up to three words long; at most three tails go, and at least two words stay.
pub(crate) fn strip_site(t: &str, site: Option<&str>, host: Option<&str>) -> String {
    let site_key = site.map(squash).filter(|k| k.len() >= 3);
    let host_key = host.map(host_label).filter(|k| k.len() >= 3);
    let names_site = |part: &str| {
        let k = squash(part);
        !k.is_empty()
            && [&site_key, &host_key]
                .into_iter()
                .flatten()
                .any(|s| k == *s || (k.len() >= 3 && (s.contains(&k) || k.contains(s.as_str()))))
    };
    let mut t = super::collapse(t);
    let mut short_used = false;
    for _ in 0..3 {
        // (where, what stays, whether the cut tail is a short one)
        let mut cut: Option<(usize, String, bool)> = None;
        for sep in SEPARATORS {
            if let Some(at) = t.rfind(sep) {
                let (head, tail) = (t[..at].trim(), t[at + sep.len()..].trim());
                let site = names_site(tail);
                let short = !short_used && tail.split_whitespace().count() <= 3;
                if (short || site)
                    && head.split_whitespace().count() >= 2
                    && cut.as_ref().is_none_or(|(c, ..)| at > *c)
                {
                    cut = Some((at, head.to_string(), !site));
                }
            }
            if let Some(at) = t.find(sep) {
                let (head, tail) = (t[..at].trim(), t[at + sep.len()..].trim());
                if names_site(head) && tail.split_whitespace().count() >= 2 {
                    cut = Some((usize::MAX, tail.to_string(), false));
                }
            }
        }
        match cut {
            Some((_, rest, short)) => {
                t = rest;
                short_used |= short;
            }
            None => break,
        }
    }
    t
}

/// Letters and digits only, lower-case: "The Daily-News" → "thedailynews".
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The name part of a host: "www.daily-news.co.uk" → "dailynews".
fn host_label(host: &str) -> String {
    let host = host.trim_start_matches("www.");
    let mut labels: Vec<&str> = host.split('.').collect();
    // Drop the public suffix: one label, two for "co.uk"-style suffixes.
    if labels.len() > 1 {
        labels.pop();
    }
    if labels.len() > 1 && labels.last().is_some_and(|l| l.len() <= 3) {
        labels.pop();
    }
    labels.last().map(|l| squash(l)).unwrap_or_default()
}

/// The host of a URL ("https://www.example.org/a" → "www.example.org").
pub(crate) fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    (!host.is_empty()).then_some(host)
}

/// The share of words two comparison keys have in common (Jaccard over word sets).
fn overlap(a: &str, b: &str) -> f32 {
    // word -> 1 (in `a`), 2 (in `b`), 3 (in both). The map type of the stopword lists, so the
    // WebAssembly modules carry no extra set code.
    let mut words: crate::normalize::FastMap<&str, u32> = Default::default();
    for (bit, s) in [(1, a), (2, b)] {
        for w in s.split(' ').filter(|w| !w.is_empty()) {
            *words.entry(w).or_insert(0) |= bit;
        }
    }
    let union = words.len();
    if union == 0 {
        return 0.0;
    }
    words.values().filter(|&&v| v == 3).count() as f32 / union as f32
}

/// Headings sharing at most this share of words with the head's title are not its headline.
const UNRELATED: f32 = 0.1;

/// Chooses the headline between the head's title (`head`, site name already stripped) and the
/// page's `<h1>` texts, in document order. Returns the headline and, when it is one of the
/// `<h1>`s, its index.
pub(crate) fn choose(head: Option<&str>, h1s: &[&str]) -> (Option<String>, Option<usize>) {
    let Some(head) = head.filter(|h| !h.trim().is_empty()) else {
        return match h1s.iter().position(|h| !key(h).is_empty()) {
            Some(i) => (Some(super::collapse(h1s[i])), Some(i)),
            None => (None, None),
        };
    };
    let hk = key(head);
    // The <h1> closest to the head's title.
    let best = h1s
        .iter()
        .enumerate()
        .map(|(i, h)| (i, overlap(&key(h), &hk)))
        .fold(None::<(usize, f32)>, |b, (i, o)| match b {
            Some((_, bo)) if bo >= o => b,
            _ => Some((i, o)),
        });
    let Some((i, _)) = best.filter(|&(_, o)| o > UNRELATED) else {
        return (Some(head.to_string()), None);
    };
    let shown = super::collapse(h1s[i]);
    let k = key(&shown);
    if k != hk && k.contains(&hk) {
        // The head's title plus more: a tail after a separator, or a prefix, is not headline.
        let extra_tail = k
            .strip_prefix(&hk)
            .map(|_| tail_after(&shown, hk.split(' ').count()))
            .is_some_and(|t| t.starts_with(['-', '–', '—', '|', '(', '[', '·', '•', ':', '/']));
        if extra_tail || !k.starts_with(&hk) {
            return (Some(head.to_string()), None);
        }
    }
    (Some(shown), Some(i))
}

/// The text of `s` after its first `words` words (as [`key`] counts them), trimmed.
fn tail_after(s: &str, words: usize) -> &str {
    let mut end = 0;
    let mut n = 0;
    crate::normalize::for_each_word(s, |_, e| {
        n += 1;
        if n == words {
            end = e;
        }
    });
    s.get(end..).unwrap_or("").trim_start()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_are_stripped() {
        let strip = |t| strip_site(t, Some("The Daily"), Some("www.thedaily.example"));
        assert_eq!(
            strip("Council passes the budget | The Daily"),
            "Council passes the budget"
        );
        assert_eq!(
            strip("The Daily - Council passes the budget"),
            "Council passes the budget"
        );
        assert_eq!(
            strip("Council passes the budget – Local – thedaily.example"),
            "Council passes the budget"
        );
        assert_eq!(
            strip("The Daily | Council passes the budget | Politics"),
            "Council passes the budget"
        );
        assert_eq!(
            strip("Budget: what it means for you - Explainer"),
            "Budget: what it means for you"
        );
        // A long tail that names no site stays.
        assert_eq!(
            strip("Council passes the budget - and the bridge repair plan with it"),
            "Council passes the budget - and the bridge repair plan with it"
        );
        assert_eq!(strip("Home | Site"), "Home | Site");
        assert_eq!(host_label("news.bbc.co.uk"), "bbc");
        assert_eq!(
            url_host("https://www.a.example:8080/x?y"),
            Some("www.a.example")
        );
    }

    #[test]
    fn the_visible_headline_wins_when_it_reads_as_the_title() {
        let head = Some("Ten ways to save water at home");
        // The same words as shown.
        assert_eq!(
            choose(head, &["Our Blog", "Ten Ways to Save Water at Home"]),
            (Some("Ten Ways to Save Water at Home".into()), Some(1))
        );
        // A rewording of the same headline: as shown.
        assert_eq!(
            choose(head, &["Ten easy ways to save water in your home"]).1,
            Some(0)
        );
        // A logo or section name: the head's title.
        assert_eq!(
            choose(head, &["Green Living Blog"]),
            (Some("Ten ways to save water at home".into()), None)
        );
        // The title plus a site name or a prefix: the head's title.
        assert_eq!(
            choose(head, &["Ten ways to save water at home – Green Living"]).1,
            None
        );
        assert_eq!(
            choose(head, &["Blog: Ten ways to save water at home"]).1,
            None
        );
        // The title plus a subtitle: as shown.
        assert_eq!(
            choose(
                head,
                &["Ten ways to save water at home, tested by our readers"]
            )
            .1,
            Some(0)
        );
        assert_eq!(
            choose(None, &["", "Only heading"]),
            (Some("Only heading".into()), Some(1))
        );
        assert_eq!(choose(None, &[]), (None, None));
    }
}
