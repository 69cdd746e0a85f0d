//! Author names from a byline or an author field: "By Ann Lee and Bo Chen, Staff Writers" →
//! `["Ann Lee", "Bo Chen"]`. Labels ("By", "Written by", "Autor:"), roles ("Staff Writer",
//! "Founder") and credentials ("MS, RD", "PhD") are split off; dates, URLs and reading times are
//! no names.

/// Labels that introduce a byline, lower-case, longest first where one starts another.
const LABELS: &[&str] = &[
    "written and reviewed by",
    "about the authors",
    "about the author",
    "article written by",
    "story written by",
    "words and photos by",
    "words by",
    "text by",
    "story by",
    "article by",
    "written by",
    "authored by",
    "posted by",
    "published by",
    "created by",
    "compiled by",
    "reported by",
    "contributed by",
    "posted on behalf of",
    "blog post by",
    "post by",
    "guest post by",
    "author:",
    "authors:",
    "author",
    "authors",
    "byline:",
    "by:",
    "by",
    "von",
    "par",
    "por",
    "di",
    "door",
    "av",
    "autor:",
    "autor",
    "auteur:",
    "auteur",
    "autore:",
    "автор:",
    "автор",
];

/// Nouns that name a role or job ("Writer", "Founder", "Dietitian"), lower-case. A name is cut
/// where one of them starts ("Rasmus Lee Founder at Oakwood" → "Rasmus Lee").
const ROLE_HEADS: &[&str] = &[
    "writer",
    "writers",
    "editor",
    "reporter",
    "reporters",
    "correspondent",
    "columnist",
    "journalist",
    "author",
    "reviewer",
    "founder",
    "co-founder",
    "cofounder",
    "ceo",
    "cto",
    "cmo",
    "coo",
    "cfo",
    "president",
    "director",
    "manager",
    "strategist",
    "specialist",
    "consultant",
    "analyst",
    "producer",
    "photographer",
    "expert",
    "owner",
    "partner",
    "advisor",
    "adviser",
    "officer",
    "professor",
    "student",
    "intern",
    "host",
    "blogger",
    "researcher",
    "scientist",
    "engineer",
    "developer",
    "designer",
    "marketer",
    "coach",
    "nutritionist",
    "dietitian",
    "head",
    "lead",
    "chief",
    "editor-in-chief",
];

/// Words that qualify a role ("Senior Staff Writer", "Head of Content"), lower-case: a part of
/// these and role nouns alone is no name.
const ROLE_WORDS: &[&str] = &[
    "staff",
    "senior",
    "junior",
    "managing",
    "executive",
    "contributing",
    "associate",
    "assistant",
    "deputy",
    "guest",
    "freelance",
    "special",
    "editors",
    "contributor",
    "contributors",
    "editorial",
    "content",
    "marketing",
    "news",
    "science",
    "health",
    "technology",
    "tech",
    "business",
    "travel",
    "sports",
    "product",
    "of",
    "and",
    "&",
    "at",
];

/// Words that make a byline stand for a group ("Podium Staff", "Our Editors", "Marketing
/// Team"): kept with the name before them.
const COLLECTIVE: &[&str] = &[
    "staff",
    "team",
    "editors",
    "contributors",
    "contributor",
    "desk",
];

/// Lower-case words that may stand inside a name ("Ana de la Cruz", "Ludwig van Beethoven").
const PARTICLES: &[&str] = &[
    "de", "da", "di", "do", "dos", "das", "del", "della", "der", "den", "van", "von", "la", "le",
    "du", "bin", "ibn", "al", "el", "y", "e", "the", "of", "zu", "ter", "ten", "st",
];

/// Credentials written after a name ("Ann Lee, MS, RD"), lower-case without dots.
const CREDENTIALS: &[&str] = &[
    "ms", "msc", "ma", "mba", "mph", "mfa", "md", "do", "dds", "dmd", "dvm", "vmd", "phd", "edd",
    "jd", "llm", "rd", "rdn", "ld", "cdn", "cde", "cdces", "fand", "rn", "np", "pa", "pa-c", "bsn",
    "msn", "dnp", "lpn", "lcsw", "lmft", "lpc", "cpa", "cfa", "cfp", "chfc", "clu", "cepf", "esq",
    "pe", "pmp", "cissp", "facp", "facs", "faafp", "faap", "frcp", "frcs", "mbbs", "bsc", "ba",
    "bs", "bfa", "jr", "sr", "ii", "iii", "iv", "cscs", "cpt", "nasm", "ace", "ryt", "e-ryt",
    "lvt", "vts", "dacvb", "dacvim", "facvim", "ibclc", "cnm", "fnp", "fnp-c", "aprn", "crnp",
    "od", "pharmd", "dpt", "dc", "otr", "otr/l", "ccc-slp", "slp", "ot", "pt", "atc", "lmt",
];

/// Adds the names in `s` (a byline, a `<meta name=author>` value, a JSON-LD name) to `out`,
/// skipping names already there.
pub(crate) fn push_names(out: &mut Vec<String>, s: &str) {
    // Profile links and schema node ids are no bylines.
    if s.contains("://") {
        return;
    }
    let s = unglue(&super::collapse(s));
    let parts: Vec<(String, bool)> = split_names(&s).into_iter().filter_map(clean_name).collect();
    // A part of role words alone ("Editorial Team") is no name beside a person's name; alone, a
    // team stands for its members ("Marketing Team").
    let any_person = parts.iter().any(|(_, role)| !role);
    for (n, role) in parts {
        let keep = !role || (!any_person && n.to_lowercase().ends_with("team"));
        if keep && !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
            out.push(n);
        }
    }
}

/// `s` with a space where text of two elements ran together without one: a lower-case letter
/// followed by a capital that starts a month's name or a role ("Ann LeeNovember 5, 2024",
/// "Ann LeeFounder at Oakwood"). Names with an inner capital ("McNally") stay whole.
fn unglue(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut prev_lower = false;
    for (i, c) in s.char_indices() {
        if prev_lower && c.is_uppercase() {
            let word = s[i..]
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            let lower = word.to_lowercase();
            if word.len() >= 3
                && (super::date::month(word).is_some()
                    || is_in(ROLE_HEADS, &lower)
                    || is_in(ROLE_WORDS, &lower))
            {
                out.push(' ');
            }
        }
        prev_lower = c.is_lowercase();
        out.push(c);
    }
    out
}

/// The parts of a byline: split on `,` `;` `|` `&` `·` `•` `⋅`, " and ", " und ", " et ", " y ",
/// " e ", after its label. What follows a spaced dash is a role or an affiliation ("Ann Lee -
/// Editorial Team"), not a name.
fn split_names(s: &str) -> Vec<&str> {
    let s = strip_label(s);
    let mut out = Vec::new();
    for p in s.split([',', ';', '|', '&', '·', '•', '⋅', '\n']) {
        let mut rest = [" - ", " – ", " — "]
            .iter()
            .filter_map(|d| p.find(d))
            .min()
            .map_or(p, |at| &p[..at]);
        'conj: loop {
            for conj in [" and ", " And ", " und ", " et ", " y ", " e "] {
                if let Some(at) = rest.find(conj) {
                    out.push(&rest[..at]);
                    rest = &rest[at + conj.len()..];
                    continue 'conj;
                }
            }
            out.push(rest);
            break;
        }
    }
    out
}

/// `s` without a leading label ("By", "Written by", "Autor:"), matched case-insensitively on
/// whole words.
pub(crate) fn strip_label(s: &str) -> &str {
    let mut s = s.trim_start();
    // Labels can stack ("About the author: Written by …"): strip up to two.
    for _ in 0..2 {
        let Some(rest) = LABELS.iter().find_map(|l| label_prefix(s, l)) else {
            break;
        };
        s = rest
            .trim_start_matches([':', ' ', '-', '–', '—'])
            .trim_start();
    }
    s
}

/// True when `s` starts with a label that introduces a byline ("By", "Written by", "Von",
/// "Autor:"); the short labels of other languages ("di", "par") are too common in text to count.
pub(crate) fn starts_with_label(s: &str) -> bool {
    const STRONG: &[&str] = &[
        "by",
        "written by",
        "words by",
        "text by",
        "story by",
        "article by",
        "posted by",
        "authored by",
        "author:",
        "authors:",
        "von",
        "autor:",
        "auteur:",
        "автор:",
    ];
    let s = s.trim_start();
    STRONG.iter().any(|l| {
        label_prefix(s, l).is_some_and(|rest| {
            rest.trim_start_matches([':', ' '])
                .starts_with(char::is_uppercase)
        })
    })
}

/// True when a line reads as a person's name alone: two to four words, each capitalised (or a
/// particle: "de", "van"), letters only (and `.`, `-`, `'`), no month or weekday.
pub(crate) fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            (starts_upper(w) || is_in(PARTICLES, w))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
                && super::date::month(w).is_none()
                && !is_in(ROLE_HEADS, w)
                && !is_in(ROLE_WORDS, w)
        })
}

/// True when `s` is a byline label alone ("By", "Written by", "AUTHOR:").
pub(crate) fn is_bare_label(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty() && s.len() <= 24 && strip_label(s).trim().is_empty()
}

fn label_prefix<'a>(s: &'a str, label: &str) -> Option<&'a str> {
    let head = s.get(..label.len())?;
    if !head.eq_ignore_ascii_case(label) {
        return None;
    }
    let rest = &s[label.len()..];
    // A whole word: the label ends with ':' or the next character is no letter.
    let whole = label.ends_with(':') || !rest.chars().next().is_some_and(char::is_alphanumeric);
    whole.then_some(rest)
}

/// One part of a byline as a name, and whether it is made of role words alone ("Editorial
/// Team"); `None` when it is no name (a label, role, credential, date, URL, a phrase, or too long
/// to be a name).
fn clean_name(part: &str) -> Option<(String, bool)> {
    let mut n = strip_label(part.trim()).trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
    // "Ann Lee (Staff)" keeps "(Staff)" only when the bracket closes in the name.
    if n.ends_with(')') && !n.contains('(') {
        n = n.trim_end_matches(')');
    }
    if n.is_empty() || n.len() > 80 || n.contains("://") || n.contains("www.") {
        return None;
    }
    if n.contains('@') && !n.starts_with('@') {
        return None;
    }
    let all: Vec<&str> = n.split_whitespace().collect();
    // The name ends where a number ("59 Comments", a date) or a role noun after it starts.
    let end = all
        .iter()
        .enumerate()
        .position(|(i, w)| {
            w.bytes().any(|b| b.is_ascii_digit())
                || (i > 0 && is_in(ROLE_HEADS, w) && starts_upper(w) && !collective_after(&all, i))
        })
        .unwrap_or(all.len());
    let words = &all[..end];
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    // "March 5": a date, not a name ("April Fulton" is one).
    let dated = all
        .get(end)
        .is_some_and(|w| w.bytes().any(|b| b.is_ascii_digit()));
    let words = match words.split_last() {
        Some((last, rest)) if dated && super::date::month(last).is_some() => rest,
        _ => words,
    };
    if words.is_empty() {
        return None;
    }
    // A phrase ("One comment so far", "Product marketer") has lower-case words after a capital
    // that a name has not (a name written all in lower case is still one).
    let phrase = words.len() > 1
        && words.first().is_some_and(|w| starts_upper(w))
        && words.iter().skip(1).any(|w| {
            w.starts_with(char::is_lowercase) && !is_in(PARTICLES, w) && !is_in(ROLE_WORDS, w)
        });
    if phrase {
        return None;
    }
    let role = words
        .iter()
        .all(|w| is_in(ROLE_WORDS, w) || is_in(ROLE_HEADS, w) || is_in(COLLECTIVE, w));
    let name = words.join(" ");
    let name = name
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')')
        .to_string();
    let lower = name.to_lowercase();
    if words.len() == 1 && (is_credential(&lower) || is_in(ROLE_HEADS, &lower)) {
        return None;
    }
    if matches!(
        lower.as_str(),
        "id" | "amp" | "admin" | "followers" | "follow" | "share" | "team" | "staff" | "read more"
    ) {
        return None;
    }
    Some((name, role))
}

/// True when the role noun at `i` is part of a group's name ("Lead Editors", "Editorial Team").
fn collective_after(words: &[&str], i: usize) -> bool {
    words
        .get(i..)
        .is_some_and(|rest| rest.iter().any(|w| is_in(COLLECTIVE, w)))
}

fn is_in(list: &[&str], w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '-');
    list.iter().any(|r| r.eq_ignore_ascii_case(w))
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A credential ("MS", "Ph.D.", "E-RYT 500" is cut before this by its digits).
fn is_credential(lower: &str) -> bool {
    let k: String = lower.chars().filter(|&c| c != '.' && c != ' ').collect();
    CREDENTIALS.contains(&k.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        push_names(&mut v, s);
        v
    }

    #[test]
    fn labels_roles_and_credentials_are_split_off() {
        assert_eq!(
            names("By Ann Lee and Bo Chen, Staff Writers"),
            ["Ann Lee", "Bo Chen"]
        );
        assert_eq!(names("Written by: Cleo Park"), ["Cleo Park"]);
        assert_eq!(names("Dana Ruiz, MS, RD, Ph.D."), ["Dana Ruiz"]);
        assert_eq!(names("Eli Stone Founder, Lead Reviewer"), ["Eli Stone"]);
        assert_eq!(names("Eli Stone Founder at Oakwood"), ["Eli Stone"]);
        assert_eq!(names("Cleo Park, Product marketer"), ["Cleo Park"]);
        assert_eq!(names("Valley Staff"), ["Valley Staff"]);
        assert_eq!(names("Our Editors"), ["Our Editors"]);
        assert_eq!(names("Posted by Lars Ek 12 Comments"), ["Lars Ek"]);
        assert_eq!(names("Fay Moss - Editorial Team"), ["Fay Moss"]);
        assert_eq!(
            names("Gus Hale | The Valley Courier"),
            ["Gus Hale", "The Valley Courier"]
        );
        assert_eq!(
            names("Von Ida Kern und Jo Brandt"),
            ["Ida Kern", "Jo Brandt"]
        );
        assert_eq!(names("About the Author"), Vec::<String>::new());
        assert_eq!(names("By"), Vec::<String>::new());
    }

    #[test]
    fn dates_links_and_handles_are_no_names() {
        assert!(names("March 5, 2024").is_empty());
        assert!(names("https://example.org/#/schema/person/1").is_empty());
        assert_eq!(names("Lee Ann Byrd, 5 min read"), ["Lee Ann Byrd"]);
        assert_eq!(names("Nora (Night Desk)"), ["Nora (Night Desk)"]);
        assert_eq!(names("Ann Lee, ann lee"), ["Ann Lee"]);
        assert_eq!(names("Amy, One comment so far"), ["Amy"]);
        assert_eq!(names("Ana de la Cruz"), ["Ana de la Cruz"]);
        assert_eq!(names("Kai McNally"), ["Kai McNally"]);
        assert_eq!(names("kai mcnally"), ["kai mcnally"]);
        assert_eq!(names("Valley- 2025/4/29"), ["Valley"]);
        // Text of two elements run together: the name, then a date or a role.
        assert_eq!(names("Ann LeeNovember 5, 2024"), ["Ann Lee"]);
        assert_eq!(names("Ann Lee November 5, 2024"), ["Ann Lee"]);
        assert_eq!(names("Eli StoneFounder at Oakwood"), ["Eli Stone"]);
        assert_eq!(names("Rosa MayField"), ["Rosa MayField"]);
    }

    #[test]
    fn names_that_start_like_labels_are_kept() {
        assert_eq!(names("Byron Katz"), ["Byron Katz"]);
        assert_eq!(names("Diane Ortiz"), ["Diane Ortiz"]);
        assert_eq!(names("Authorine Wells"), ["Authorine Wells"]);
    }
}
