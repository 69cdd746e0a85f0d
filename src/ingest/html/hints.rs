//! What an element's tag, `class`, `id`, `role` and `itemprop` say about its content.
//!
//! The word lists follow the spirit of Readability.js's `unlikelyCandidates` / `positive` /
//! `negative` patterns (Mozilla, `Readability.js`, REGEXPS) and trafilatura's boilerplate XPath
//! expressions (Barbaresi 2021, "Trafilatura: A Web Scraping Library and Command-Line Tool for Text
//! Discovery and Extraction", `xpaths.py`), grouped here by the [`Reason`] a user is told. Written
//! from those descriptions; no code copied.

use crate::article::Reason;

/// The hint an element carries.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Hint {
    /// The boilerplate kind its markup names, if any.
    pub reason: Option<Reason>,
    /// The markup names the article body (`<article>`, `itemprop=articleBody`, `entry-content`).
    pub article: bool,
    /// Readability-style class weight: +25 for article-like names, -25 for boilerplate-like.
    pub weight: f32,
}

/// Substrings of `class` / `id` (lower-cased) that name a boilerplate kind, most specific first.
const NAMED: &[(&str, Reason)] = &[
    ("cookie", Reason::Cookie),
    ("consent", Reason::Cookie),
    ("gdpr", Reason::Cookie),
    ("newsletter", Reason::Newsletter),
    ("subscribe", Reason::Newsletter),
    ("signup", Reason::Newsletter),
    ("sign-up", Reason::Newsletter),
    ("comment", Reason::Comments),
    ("disqus", Reason::Comments),
    ("discussion", Reason::Comments),
    ("replies", Reason::Comments),
    ("share", Reason::Share),
    ("sharing", Reason::Share),
    ("social", Reason::Share),
    ("sociable", Reason::Share),
    ("addthis", Reason::Share),
    ("follow-us", Reason::Share),
    ("related", Reason::LinkList),
    ("recommend", Reason::LinkList),
    ("more-stories", Reason::LinkList),
    ("morestories", Reason::LinkList),
    ("most-popular", Reason::LinkList),
    ("mostpopular", Reason::LinkList),
    ("popular", Reason::LinkList),
    ("trending", Reason::LinkList),
    ("ranking", Reason::LinkList),
    ("outbrain", Reason::LinkList),
    ("taboola", Reason::LinkList),
    ("recirc", Reason::LinkList),
    ("read-more", Reason::LinkList),
    ("readmore", Reason::LinkList),
    ("see-also", Reason::LinkList),
    ("excerpt", Reason::LinkList),
    ("teaser", Reason::LinkList),
    ("recent", Reason::LinkList),
    ("more-from", Reason::LinkList),
    ("also-read", Reason::LinkList),
    ("read-also", Reason::LinkList),
    ("further-reading", Reason::LinkList),
    ("next-prev", Reason::Navigation),
    ("prev-next", Reason::Navigation),
    ("post-nav", Reason::Navigation),
    ("breadcrumb", Reason::Navigation),
    ("pagination", Reason::Navigation),
    ("pager", Reason::Navigation),
    ("navbar", Reason::Navigation),
    ("navigation", Reason::Navigation),
    ("menu", Reason::Navigation),
    ("masthead", Reason::Navigation),
    ("skip-link", Reason::Navigation),
    ("footer", Reason::Footer),
    ("copyright", Reason::Footer),
    ("colophon", Reason::Footer),
    ("advert", Reason::Advertisement),
    ("sponsor", Reason::Advertisement),
    ("promo", Reason::Advertisement),
    ("banner", Reason::Advertisement),
    ("adslot", Reason::Advertisement),
    ("ad-slot", Reason::Advertisement),
    ("ad-container", Reason::Advertisement),
    ("ad-wrapper", Reason::Advertisement),
    ("dfp", Reason::Advertisement),
    ("byline", Reason::Byline),
    ("author", Reason::Byline),
    ("dateline", Reason::Metadata),
    ("timestamp", Reason::Metadata),
    ("publish-date", Reason::Metadata),
    ("post-meta", Reason::Metadata),
    ("entry-meta", Reason::Metadata),
    ("article-meta", Reason::Metadata),
    ("tags", Reason::Metadata),
    ("sidebar", Reason::Boilerplate),
    ("widget", Reason::Boilerplate),
    ("toolbar", Reason::Boilerplate),
    ("modal", Reason::Boilerplate),
    ("popup", Reason::Boilerplate),
    ("overlay", Reason::Boilerplate),
];

/// Whole `class` / `id` tokens (split on anything but letters and digits) that name a kind.
const TOKENS: &[(&str, Reason)] = &[
    ("nav", Reason::Navigation),
    ("ad", Reason::Advertisement),
    ("ads", Reason::Advertisement),
    ("adv", Reason::Advertisement),
    ("meta", Reason::Metadata),
    ("tag", Reason::Metadata),
    ("date", Reason::Metadata),
    ("respond", Reason::Comments),
    ("rail", Reason::Boilerplate),
    ("aside", Reason::Boilerplate),
];

/// Substrings that name the article body.
const ARTICLE: &[&str] = &[
    "articlebody",
    "article-body",
    "article_body",
    "article-content",
    "article__body",
    "article__content",
    "articletext",
    "article-text",
    "story-body",
    "storybody",
    "story-content",
    "entry-content",
    "post-content",
    "post-body",
    "postbody",
    "body-text",
    "bodytext",
    "main-content",
    "content-body",
    "rich-text",
];

/// Readability's positive names (weight +25).
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story",
];
/// Readability's negative names (weight -25).
const NEGATIVE: &[&str] = &[
    "hidden",
    "banner",
    "combx",
    "comment",
    "contact",
    "footer",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

#[derive(Clone, Copy)]
enum Pat {
    Article,
    Positive,
    Negative,
    /// Index into `NAMED` (lower is more specific).
    Named(usize),
    /// Names an embedded post.
    Embed,
}

/// Every substring pattern (all are 2+ bytes), by its first byte, with a bit set of the byte pairs
/// that start one so that most positions of a value are passed over at one bit test.
struct Patterns {
    starts: Vec<[u64; 4]>,
    by_first: Vec<Vec<(&'static [u8], Pat)>>,
}

impl Patterns {
    /// The patterns that may start with bytes `a`, `b` (the bit set has them; the list is the
    /// patterns starting with `a`).
    fn candidates(&self, a: u8, b: u8) -> &[(&'static [u8], Pat)] {
        let hit = self
            .starts
            .get(a as usize)
            .is_some_and(|set| set[(b >> 6) as usize] & (1 << (b & 63)) != 0);
        if !hit {
            return &[];
        }
        self.by_first.get(a as usize).map_or(&[], Vec::as_slice)
    }
}

static PATTERNS: std::sync::LazyLock<Patterns> = std::sync::LazyLock::new(|| {
    let mut t = Patterns {
        starts: vec![[0; 4]; 256],
        by_first: vec![Vec::new(); 256],
    };
    let mut add = |p: &'static str, k: Pat| {
        if let [a, b, ..] = *p.as_bytes() {
            t.starts[a as usize][(b >> 6) as usize] |= 1 << (b & 63);
            t.by_first[a as usize].push((p.as_bytes(), k));
        }
    };
    for p in ARTICLE {
        add(p, Pat::Article);
    }
    for p in POSITIVE {
        add(p, Pat::Positive);
    }
    for p in NEGATIVE {
        add(p, Pat::Negative);
    }
    for (i, (p, _)) in NAMED.iter().enumerate() {
        add(p, Pat::Named(i));
    }
    for p in ["embed", "tweet"] {
        add(p, Pat::Embed);
    }
    t
});

/// What one `class` or `id` value (lower-cased) names, before the tag, role and the other
/// attribute are taken into account. The patterns hold no spaces, so a class and an id scanned
/// apart say what the two scanned together would.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Scan {
    article: bool,
    positive: bool,
    negative: bool,
    /// The most specific `NAMED` pattern found (lowest index).
    named: Option<usize>,
    /// The first whole token found in `TOKENS`.
    token: Option<Reason>,
    /// Names an embedded post (a tweet, an Instagram embed).
    embed: bool,
}

/// Scans a lower-cased `class` or `id` value.
pub(crate) fn scan(value: &str) -> Scan {
    let mut sc = Scan::default();
    if value.is_empty() {
        return sc;
    }
    // One scan over the string: at each position, only the patterns starting with its two bytes.
    let table = &*PATTERNS;
    let bytes = value.as_bytes();
    for (i, pair) in bytes.windows(2).enumerate() {
        for &(pat, kind) in table.candidates(pair[0], pair[1]) {
            if pat.get(1) != Some(&pair[1]) || !bytes[i..].starts_with(pat) {
                continue;
            }
            match kind {
                Pat::Article => sc.article = true,
                Pat::Positive => sc.positive = true,
                Pat::Negative => sc.negative = true,
                Pat::Named(k) => sc.named = Some(sc.named.map_or(k, |n| n.min(k))),
                Pat::Embed => sc.embed = true,
            }
        }
    }
    sc.token = bytes.split(|c| !c.is_ascii_alphanumeric()).find_map(|t| {
        TOKENS
            .iter()
            .find(|(s, _)| s.as_bytes() == t)
            .map(|(_, r)| *r)
    });
    sc
}

/// The hint of an element from its tag, the scans of its `class` and `id`, its `role` and its
/// `itemprop`.
pub(crate) fn combine(
    tag: &str,
    class: Scan,
    id: Scan,
    role: Option<&str>,
    itemprop: Option<&str>,
) -> Hint {
    let mut h = Hint::default();
    if let Some(p) = itemprop {
        if p.eq_ignore_ascii_case("articleBody") || p.eq_ignore_ascii_case("text") {
            h.article = true;
        }
        if p.eq_ignore_ascii_case("author") {
            h.reason = Some(Reason::Byline);
        }
    }
    match tag {
        "article" | "main" => h.article = true,
        "nav" => h.reason = Some(Reason::Navigation),
        "footer" => h.reason = Some(Reason::Footer),
        "aside" => h.reason = Some(Reason::Boilerplate),
        _ => {}
    }
    if let Some(r) = role {
        match r.trim().to_ascii_lowercase().as_str() {
            "main" | "article" => h.article = true,
            "navigation" | "menu" | "menubar" | "search" => h.reason = Some(Reason::Navigation),
            "contentinfo" => h.reason = Some(Reason::Footer),
            "complementary" => h.reason = Some(Reason::Boilerplate),
            "banner" => h.reason = Some(Reason::Navigation),
            "dialog" | "alertdialog" => h.reason = Some(Reason::Boilerplate),
            _ => {}
        }
    }
    h.article |= class.article || id.article;
    if class.positive || id.positive {
        h.weight += 25.0;
    }
    if class.negative || id.negative {
        h.weight -= 25.0;
    }
    // A generic tag (`aside`, a complementary role) yields to a class that names the kind.
    if (h.reason.is_none() || h.reason == Some(Reason::Boilerplate)) && !h.article {
        let generic = h.reason;
        let named = match (class.named, id.named) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        h.reason = named
            .and_then(|k| NAMED.get(k))
            .map(|(_, r)| *r)
            .or(class.token)
            .or(id.token)
            .or(generic);
    }
    // An embedded post (a tweet, an Instagram post) quoted by the article is not a share bar.
    if h.reason == Some(Reason::Share) && (class.embed || id.embed) {
        h.reason = None;
    }
    h
}

/// The hint of an element from its tag and attributes (`class_id` = class and id, lower-cased,
/// space-separated): [`scan`] and [`combine`] in one call.
#[cfg(test)]
pub(crate) fn of(tag: &str, class_id: &str, role: Option<&str>, itemprop: Option<&str>) -> Hint {
    combine(tag, scan(class_id), Scan::default(), role, itemprop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_kinds() {
        assert_eq!(
            of("div", "cookie-banner", None, None).reason,
            Some(Reason::Cookie)
        );
        assert_eq!(
            of("div", "ad", None, None).reason,
            Some(Reason::Advertisement)
        );
        assert_eq!(of("div", "header", None, None).reason, None);
        assert_eq!(of("div", "shadow", None, None).reason, None);
        assert_eq!(of("nav", "", None, None).reason, Some(Reason::Navigation));
        assert_eq!(
            of("div", "", Some("contentinfo"), None).reason,
            Some(Reason::Footer)
        );
        let a = of("div", "entry-content", None, None);
        assert!(a.article && a.reason.is_none() && a.weight > 0.0);
        assert!(of("section", "", None, Some("articleBody")).article);
    }

    #[test]
    fn every_pattern_has_two_bytes() {
        let all = ARTICLE
            .iter()
            .chain(POSITIVE)
            .chain(NEGATIVE)
            .chain(NAMED.iter().map(|(p, _)| p));
        for p in all {
            assert!(p.len() >= 2, "{p}");
        }
    }

    #[test]
    fn class_and_id_scanned_apart_say_what_they_say_together() {
        let pairs = [
            ("share-bar", "tweet-7"),
            ("story-body", "comments"),
            ("nav", "related-posts"),
            ("widget promo", "main"),
            ("", "ad"),
            ("col", ""),
        ];
        for (class, id) in pairs {
            for tag in ["div", "aside", "article"] {
                let together = of(tag, &format!("{class} {id}"), None, None);
                let apart = combine(tag, scan(class), scan(id), None, None);
                assert_eq!(together, apart, "{tag} {class:?} {id:?}");
            }
        }
    }
}
