//! The word tables of entity extraction, parsed once.
//!
//! Cue words (`src/data/entities/cues.txt`: titles, name heads, particles, non-names) are always
//! built in. The gazetteers (countries, cities, regions, demonyms, organisations, events, given
//! names) sit behind the default-on `gazetteers` feature; without it they are empty and entities
//! come from capitalisation and cue words alone.

use crate::normalize::{FastMap as HashMap, FastSet as HashSet};
use std::sync::LazyLock;

/// A group of cue words (a `[section]` of `cues.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cue {
    /// Titles before a person's name ("President", "Mr.").
    Title,
    /// Words inside multi-word titles ("Prime", "Foreign", "State").
    TitleMod,
    /// Lower-case role nouns before a person's name ("striker").
    Role,
    /// Last word of an organisation's name ("Committee", "Inc.").
    OrgHead,
    /// Lower-case nouns before an organisation's name ("maker", "chain").
    OrgRole,
    /// Lower-case nouns before a place's name ("town", "province").
    PlaceRole,
    /// Last word of a place's name ("Road", "River").
    PlaceHead,
    /// Last word of an event's name ("Cup", "Championship").
    EventHead,
    /// First word of many organisations' names ("Bank", "Real").
    OrgPrefix,
    /// Words after which "of" continues a name ("Bank of …", "Duke of …").
    OfHead,
    /// Particles inside names ("de", "van", "bin").
    Particle,
    /// Capitalised words that are no names (months, weekdays, "I").
    NonEntity,
    /// Ordinary words that often start a sentence.
    Common,
    /// Names of sports.
    Sport,
    /// Words of sports reports.
    SportWord,
    /// Words after a team's name ("beat").
    TeamNext,
    /// Words before a team's name ("against").
    TeamPrev,
    /// Lower-case nouns after a named building ("hospital").
    Facility,
    /// Lower-case nouns after a product's name ("phones").
    ProductNext,
    /// Prepositions before a place ("in", "near").
    PlacePrev,
    /// Words of sports clubs' names ("Dinamo", "FC").
    Club,
    /// Compass directions ("North", "Western").
    Direction,
    /// Legal forms of companies, which end a name ("Inc", "GmbH").
    LegalForm,
    /// Endings of compound organisation names in German ("-bank", "-ministerium").
    OrgSuffix,
    /// Words that name a work or its kind next to its title ("film", "album", "starring").
    WorkNoun,
    /// Lower-case nouns after a body's name or acronym ("FOMC meeting", "UN officials").
    OrgNext,
}

const SECTIONS: [(&str, Cue); 26] = [
    ("work", Cue::WorkNoun),
    ("org-next", Cue::OrgNext),
    ("org-suffix", Cue::OrgSuffix),
    ("sport", Cue::Sport),
    ("sport-word", Cue::SportWord),
    ("team-next", Cue::TeamNext),
    ("team-prev", Cue::TeamPrev),
    ("facility", Cue::Facility),
    ("product-next", Cue::ProductNext),
    ("place-prev", Cue::PlacePrev),
    ("club", Cue::Club),
    ("direction", Cue::Direction),
    ("legal-form", Cue::LegalForm),
    ("org-role", Cue::OrgRole),
    ("place-role", Cue::PlaceRole),
    ("title", Cue::Title),
    ("title-mod", Cue::TitleMod),
    ("role", Cue::Role),
    ("org-head", Cue::OrgHead),
    ("place-head", Cue::PlaceHead),
    ("event-head", Cue::EventHead),
    ("org-prefix", Cue::OrgPrefix),
    ("of-head", Cue::OfHead),
    ("particle", Cue::Particle),
    ("nonentity", Cue::NonEntity),
    ("common", Cue::Common),
];

/// What a gazetteer entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gaz {
    /// A country or territory.
    Country,
    /// A city.
    City,
    /// A region, state, sea, river or mountain range.
    Region,
    /// A nationality, people, religion, political group or language.
    Demonym,
    /// An organisation.
    Org,
    /// An event or other named thing.
    Event,
}

struct Tables {
    cues: HashMap<&'static str, u32>,
    /// Every cue word and stopword: (cue groups, stopword languages), so a token needs one lookup.
    words: HashMap<&'static str, (u32, u32)>,
    by_cue: Vec<Vec<&'static str>>,
    gaz: HashMap<String, Gaz>,
    first_names: HashSet<String>,
    /// The most tokens in a gazetteer entry.
    max_len: usize,
}

const CUES: &str = crate::datafile::without_comments!(include_str!("../../data/entities/cues.txt"));

#[cfg(feature = "gazetteers")]
const GAZETTEERS: [(&str, Gaz); 6] = [
    // Earlier files win when a name is in two of them.
    (
        include_str!("../../data/entities/countries.txt"),
        Gaz::Country,
    ),
    (
        include_str!("../../data/entities/organizations.txt"),
        Gaz::Org,
    ),
    (include_str!("../../data/entities/cities.txt"), Gaz::City),
    (include_str!("../../data/entities/regions.txt"), Gaz::Region),
    (
        include_str!("../../data/entities/demonyms.txt"),
        Gaz::Demonym,
    ),
    (include_str!("../../data/entities/events.txt"), Gaz::Event),
];
#[cfg(not(feature = "gazetteers"))]
const GAZETTEERS: [(&str, Gaz); 0] = [];

#[cfg(feature = "gazetteers")]
const FIRST_NAMES: &str = include_str!("../../data/entities/first-names.txt");
#[cfg(not(feature = "gazetteers"))]
const FIRST_NAMES: &str = "";

fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    let mut cues: HashMap<&'static str, u32> = HashMap::default();
    let mut section: Option<Cue> = None;
    let mut by_cue: Vec<Vec<&'static str>> = vec![Vec::new(); SECTIONS.len()];
    for line in entries(CUES) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = SECTIONS.iter().find(|(n, _)| *n == name).map(|(_, c)| *c);
            continue;
        }
        if let Some(c) = section {
            *cues.entry(line).or_insert(0) |= 1 << c as u32;
            if let Some(list) = by_cue.get_mut(c as usize) {
                list.push(line);
            }
        }
    }
    let mut gaz = HashMap::default();
    let mut max_len = 1;
    for (file, kind) in GAZETTEERS {
        for name in entries(file) {
            let k = key(name);
            max_len = max_len.max(k.split(' ').count());
            // "McDonald's" is met as "McDonald" + "'s" (a possessive is its own token).
            if let Some(stem) = k.strip_suffix("'s") {
                gaz.entry(stem.to_string()).or_insert(kind);
            }
            gaz.entry(k).or_insert(kind);
        }
    }
    let first_names = entries(FIRST_NAMES).map(key).collect();
    let mut words: HashMap<&'static str, (u32, u32)> = HashMap::default();
    for (&w, &bits) in &cues {
        words.entry(w).or_default().0 = bits;
    }
    for (w, langs) in crate::lang::stopwords() {
        words.entry(w).or_default().1 = langs;
    }
    Tables {
        cues,
        words,
        by_cue,
        gaz,
        first_names,
        max_len,
    }
});

/// The lookup key of a word or name: lower case, without dots, with typographic apostrophes
/// made plain and inner whitespace single ("U.S." → "us", "St. Louis" → "st louis").
pub(super) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if c == '.' {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c == '’' || c == '‘' {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// [`key`], borrowed when the word is its own key (lower case, no dots, no curly apostrophes,
/// no whitespace: most words of a text), or when `lower`, the word's lower-case form at the same
/// byte offsets ([`crate::normalize::lower_aligned`]), is its key; so tokenising allocates only for
/// the others.
pub(super) fn key_cow<'a>(s: &'a str, lower: Option<&'a str>) -> std::borrow::Cow<'a, str> {
    use std::borrow::Cow;
    if s.is_ascii() {
        let (mut special, mut upper) = (false, false);
        for &c in s.as_bytes() {
            // `char::is_whitespace` also counts the vertical tab, which `u8::is_ascii_whitespace`
            // does not.
            special |= c == b'.' || c.is_ascii_whitespace() || c == 0x0b;
            upper |= c.is_ascii_uppercase();
        }
        if !special {
            return match (upper, lower) {
                (false, _) => Cow::Borrowed(s),
                (true, Some(l)) => Cow::Borrowed(l),
                (true, None) => Cow::Owned(s.to_ascii_lowercase()),
            };
        }
        if s.bytes().all(|c| c == b'.') {
            // "." and "...": nothing is left.
            return Cow::Owned(String::new());
        }
        return Cow::Owned(key(s));
    }
    let (mut special, mut same) = (false, true);
    for c in s.chars() {
        special |= c.is_whitespace() || matches!(c, '.' | '’' | '‘');
        same = same && crate::normalize::lower_is_same(c);
    }
    match (special, same, lower) {
        (false, true, _) => Cow::Borrowed(s),
        // Each character lower-cased on its own, which is what `key` does.
        (false, false, Some(l)) => Cow::Borrowed(l),
        _ => Cow::Owned(key(s)),
    }
}

/// The cue groups (bits by [`Cue`]) that have the key `k` (see [`is`]), and the languages (bits
/// in `lang::LANGS` order) whose stopword list has it, in one lookup.
pub(super) fn word_bits(k: &str) -> (u32, u32) {
    TABLES.words.get(k).copied().unwrap_or((0, 0))
}

/// True when the key `k` is in the cue group `c`.
pub(super) fn is(c: Cue, k: &str) -> bool {
    TABLES.cues.get(k).is_some_and(|b| b & (1 << c as u32) != 0)
}

/// The entries of a cue group, in file order.
pub(super) fn entries_of(c: Cue) -> impl Iterator<Item = &'static str> {
    TABLES.by_cue[c as usize].iter().copied()
}

/// The gazetteer entry of a key, if any.
pub(super) fn gazetteer(k: &str) -> Option<Gaz> {
    match TABLES.gaz.get(k) {
        // "Disney+", "Apple TV+": the service of a known company.
        None if k.ends_with('+') => TABLES.gaz.get(k.trim_end_matches('+')).copied(),
        g => g.copied(),
    }
}

/// True when the key is a common given name.
pub(super) fn is_first_name(k: &str) -> bool {
    TABLES.first_names.contains(k)
}

/// The most tokens in a gazetteer entry (at least 1).
pub(super) fn max_len() -> usize {
    TABLES.max_len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_drop_dots_case_and_curly_apostrophes() {
        for w in [
            "U.S.",
            "us",
            "Kyiv",
            "o’neill",
            "o'neill",
            "ΟΔΟΣ",
            "straße",
            "İ",
            "a b",
            "",
            "é",
            ".",
            "...",
            "A.B",
            "a\u{b}b",
            " x ",
            "NATO",
        ] {
            assert_eq!(key_cow(w, None), key(w), "{w}");
            if let Some(l) = crate::normalize::lower_aligned(w) {
                assert_eq!(key_cow(w, Some(&l)), key(w), "{w}");
            }
        }
        assert!(matches!(
            key_cow("o'neill", None),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(matches!(
            key_cow("Kyiv", Some("kyiv")),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("St. Louis"), "st louis");
        assert_eq!(key("Côte d’Ivoire"), "côte d'ivoire");
        assert_eq!(key("  New   York "), "new york");
    }

    #[test]
    fn cue_sections_are_parsed() {
        assert!(is(Cue::Title, "president"));
        assert!(is(Cue::Title, "mr"));
        assert!(is(Cue::OrgHead, "committee"));
        assert!(is(Cue::PlaceHead, "road"));
        assert!(is(Cue::EventHead, "cup"));
        assert!(is(Cue::Particle, "von"));
        assert!(is(Cue::NonEntity, "monday"));
        assert!(!is(Cue::Title, "committee"));
        assert_eq!(word_bits("monday"), (1 << Cue::NonEntity as u32, 0));
        assert_eq!(word_bits("zzxq"), (0, 0));
        for w in ["the", "of", "president", "der", "и", "said"] {
            let cues = TABLES.cues.get(w).copied().unwrap_or(0);
            assert_eq!(word_bits(w), (cues, crate::lang::stopword_langs(w)), "{w}");
        }
    }

    #[cfg(feature = "gazetteers")]
    #[test]
    fn gazetteers_know_the_basics() {
        assert_eq!(gazetteer("kyiv"), Some(Gaz::City));
        assert_eq!(gazetteer("ukraine"), Some(Gaz::Country));
        assert_eq!(gazetteer("ukrainian"), Some(Gaz::Demonym));
        assert_eq!(gazetteer("kremlin"), Some(Gaz::Org));
        assert_eq!(gazetteer("us"), Some(Gaz::Country));
        assert_eq!(
            gazetteer("international committee of the red cross"),
            Some(Gaz::Org)
        );
        assert!(is_first_name("john"));
        assert!(max_len() >= 6);
    }

    #[cfg(not(feature = "gazetteers"))]
    #[test]
    fn slim_build_has_no_gazetteers() {
        assert_eq!(gazetteer("kyiv"), None);
        assert!(!is_first_name("john"));
    }
}
