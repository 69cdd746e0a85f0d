//! Page metadata gathered on the DOM walk: title, authors, publication date, site name, language,
//! canonical URL — from `<meta>` tags (Open Graph, Dublin Core, `article:*`), JSON-LD
//! (schema.org `NewsArticle`), microdata (`itemprop`), `<time datetime>` and a visible dateline.

use std::sync::LazyLock;

use regex::Regex;

/// What the page says about itself. Candidates are kept by source and resolved at the end.
#[derive(Clone, Debug, Default)]
pub(crate) struct Meta {
    pub title_tag: Option<String>,
    pub og_title: Option<String>,
    pub ld_headline: Option<String>,
    pub meta_authors: Vec<String>,
    pub ld_authors: Vec<String>,
    pub visible_authors: Vec<String>,
    pub meta_published: Option<String>,
    pub ld_published: Option<String>,
    pub time_published: Option<String>,
    pub visible_published: Option<String>,
    pub site_name: Option<String>,
    pub ld_site_name: Option<String>,
    pub lang: Option<String>,
    pub canonical: Option<String>,
    pub og_url: Option<String>,
    /// `og:type` or the JSON-LD `@type`s, lower-cased.
    pub types: Vec<String>,
}

fn set(slot: &mut Option<String>, v: &str) {
    let v = v.trim();
    if slot.is_none() && !v.is_empty() {
        *slot = Some(collapse(v));
    }
}

/// Collapses whitespace runs to one space.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

impl Meta {
    /// A `<meta>` element: `name`, `property` or `itemprop` with `content`.
    pub fn meta_tag(&mut self, key: &str, content: &str) {
        let key = key.trim().to_ascii_lowercase();
        match key.as_str() {
            "og:title" | "twitter:title" => set(&mut self.og_title, content),
            "og:site_name" | "application-name" => set(&mut self.site_name, content),
            "og:url" => set(&mut self.og_url, content),
            "og:type" => self.types.push(content.trim().to_ascii_lowercase()),
            "author" | "article:author" | "dc.creator" | "dcterms.creator" | "byl"
            | "sailthru.author" | "parsely-author" => {
                let c = content.trim();
                // Profile URLs are not names.
                if !c.is_empty() && !c.contains("://") {
                    push_names(&mut self.meta_authors, c);
                }
            }
            "article:published_time"
            | "og:published_time"
            | "published_time"
            | "pubdate"
            | "publishdate"
            | "publish-date"
            | "date"
            | "dc.date"
            | "dc.date.issued"
            | "dcterms.created"
            | "dcterms.date"
            | "sailthru.date"
            | "parsely-pub-date"
            | "datepublished"
            | "article.published"
            | "cxenseparse:recs:publishtime" => {
                if let Some(d) = iso_date(content) {
                    set(&mut self.meta_published, &d);
                }
            }
            _ => {}
        }
    }

    /// The text of a `<script type="application/ld+json">`.
    pub fn json_ld(&mut self, json: &str) {
        let _ = self.json_ld_inner(json);
    }

    fn json_ld_inner(&mut self, json: &str) -> Option<()> {
        static TYPE: LazyLock<Option<Regex>> =
            LazyLock::new(|| re(r#""@type"\s*:\s*"([^"]+)""#));
        static PUBLISHED: LazyLock<Option<Regex>> =
            LazyLock::new(|| re(r#""datePublished"\s*:\s*"([^"]+)""#));
        static HEADLINE: LazyLock<Option<Regex>> =
            LazyLock::new(|| re(r#""headline"\s*:\s*"((?:[^"\\]|\\.)+)""#));
        static AUTHOR: LazyLock<Option<Regex>> = LazyLock::new(|| {
            re(
                r#""(?:author|creator)"\s*:\s*(\[[^\]]{0,2000}\]|\{[^}]{0,1000}\}|"(?:[^"\\]|\\.){1,200}")"#,
            )
        });
        static NAME: LazyLock<Option<Regex>> =
            LazyLock::new(|| re(r#""name"\s*:\s*"((?:[^"\\]|\\.)+)""#));
        static PUBLISHER: LazyLock<Option<Regex>> = LazyLock::new(|| {
            re(r#""publisher"\s*:\s*\{[^}]*?"name"\s*:\s*"((?:[^"\\]|\\.)+)""#)
        });
        for c in TYPE.as_ref()?.captures_iter(json).take(50) {
            if let Some(m) = c.get(1) {
                self.types.push(m.as_str().to_ascii_lowercase());
            }
        }
        if let Some(m) = PUBLISHED.as_ref()?.captures(json).and_then(|c| c.get(1)) {
            if let Some(d) = iso_date(m.as_str()) {
                set(&mut self.ld_published, &d);
            }
        }
        if let Some(m) = HEADLINE.as_ref()?.captures(json).and_then(|c| c.get(1)) {
            set(&mut self.ld_headline, &unescape(m.as_str()));
        }
        if let Some(m) = PUBLISHER.as_ref()?.captures(json).and_then(|c| c.get(1)) {
            set(&mut self.ld_site_name, &unescape(m.as_str()));
        }
        if self.ld_authors.is_empty() {
            if let Some(m) = AUTHOR.as_ref()?.captures(json).and_then(|c| c.get(1)) {
                let v = m.as_str();
                if v.starts_with('"') {
                    push_names(&mut self.ld_authors, &unescape(v.trim_matches('"')));
                } else {
                    for n in NAME.as_ref()?.captures_iter(v).filter_map(|c| c.get(1)) {
                        push_names(&mut self.ld_authors, &unescape(n.as_str()));
                    }
                }
            }
        }
        Some(())
    }

    /// The best title.
    pub fn title(&self) -> Option<String> {
        self.og_title
            .clone()
            .or_else(|| self.ld_headline.clone())
            .or_else(|| self.title_tag.as_deref().map(strip_site_suffix))
            .filter(|t| !t.is_empty())
    }

    /// The authors, best source first.
    pub fn authors(&self) -> Vec<String> {
        for list in [&self.ld_authors, &self.meta_authors, &self.visible_authors] {
            if !list.is_empty() {
                return list.clone();
            }
        }
        Vec::new()
    }

    /// The publication date, best source first.
    pub fn published(&self) -> Option<String> {
        self.meta_published
            .clone()
            .or_else(|| self.ld_published.clone())
            .or_else(|| self.time_published.clone())
            .or_else(|| self.visible_published.clone())
    }

    /// The site's name.
    pub fn site(&self) -> Option<String> {
        self.site_name.clone().or_else(|| self.ld_site_name.clone())
    }

    /// The canonical URL.
    pub fn url(&self) -> Option<String> {
        self.canonical
            .clone()
            .or_else(|| self.og_url.clone())
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
    }

    /// True when the page declares itself an article (Open Graph or schema.org).
    pub fn declares_article(&self) -> bool {
        self.types.iter().any(|t| {
            t == "article" || t.ends_with("article") || t == "blogposting" || t == "report"
        })
    }
}

/// Compiles a constant pattern (checked by the tests; `None` would only disable that source).
fn re(p: &str) -> Option<Regex> {
    Regex::new(p).ok()
}

/// Splits "A, B and C" into names, skipping duplicates and leading "By".
pub(crate) fn push_names(out: &mut Vec<String>, s: &str) {
    let s = collapse(s);
    let s = strip_by(&s);
    for part in s.split([',', ';', '|', '&']).flat_map(|p| p.split(" and ")) {
        let n = part.trim().trim_matches(|c: char| !c.is_alphanumeric());
        if n.is_empty() || n.len() > 80 || n.split_whitespace().count() > 6 {
            continue;
        }
        if !out.iter().any(|o| o == n) {
            out.push(n.to_string());
        }
    }
}

/// Drops a leading "By" / "Von" / "Par" / "Por" / "Di" / "Автор:".
pub(crate) fn strip_by(s: &str) -> &str {
    for p in [
        "By ", "by ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por ", "Di ", "di ",
    ] {
        if let Some(r) = s.strip_prefix(p) {
            return r.trim_start();
        }
    }
    s
}

/// "Headline | Site" -> "Headline" when the headline part is long enough (Readability's rule).
fn strip_site_suffix(t: &str) -> String {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " « ", " » "] {
        if let Some(p) = t.rfind(sep) {
            let head = t[..p].trim();
            if head.split_whitespace().count() >= 4 {
                return head.to_string();
            }
        }
    }
    t.trim().to_string()
}

/// Undoes JSON string escapes (`\"`, `\\`, `\/`, `\n`, `\uXXXX`).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            Some('n' | 't' | 'r') => out.push(' '),
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

/// An ISO 8601 date or date-time from a machine-readable value: `YYYY-MM-DD`, optionally with
/// `THH:MM[:SS][.fff][zone]` (a space instead of `T` is accepted); `YYYYMMDD` too.
pub(crate) fn iso_date(s: &str) -> Option<String> {
    static ISO: LazyLock<Option<Regex>> = LazyLock::new(|| {
        re(
            r"(?-u)^\s*(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
        )
    });
    let c = ISO.as_ref()?.captures(s)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, mo, d) = (num(1)?, num(2)?, num(3)?);
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return None;
    }
    let mut out = format!("{y:04}-{mo:02}-{d:02}");
    if let (Some(h), Some(mi)) = (num(4), num(5)) {
        if h < 24 && mi < 60 {
            out.push_str(&format!("T{h:02}:{mi:02}"));
            out.push_str(&format!(":{:02}", num(6).unwrap_or(0).min(59)));
            if let Some(z) = c.get(7) {
                let z = z.as_str();
                if z == "Z" {
                    out.push('Z');
                } else if z.len() == 5 {
                    out.push_str(&format!("{}:{}", &z[..3], &z[3..]));
                } else {
                    out.push_str(z);
                }
            }
        }
    }
    Some(out)
}

/// Month names (English, German, French, Spanish, Italian, Portuguese; full and abbreviated),
/// lower-case, to their number.
fn month(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').to_lowercase();
    const MONTHS: [&[&str]; 12] = [
        &[
            "january", "jan", "januar", "jänner", "janvier", "enero", "gennaio", "janeiro",
        ],
        &[
            "february",
            "feb",
            "februar",
            "février",
            "fevrier",
            "febrero",
            "febbraio",
            "fevereiro",
        ],
        &[
            "march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco",
        ],
        &["april", "apr", "avril", "abril", "aprile"],
        &["may", "mai", "mayo", "maggio", "maio"],
        &["june", "jun", "juni", "juin", "junio", "giugno", "junho"],
        &["july", "jul", "juli", "juillet", "julio", "luglio", "julho"],
        &["august", "aug", "août", "aout", "agosto"],
        &[
            "september",
            "sep",
            "sept",
            "septembre",
            "septiembre",
            "settembre",
            "setembro",
        ],
        &[
            "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro",
        ],
        &["november", "nov", "novembre", "noviembre", "novembro"],
        &[
            "december",
            "dec",
            "dezember",
            "dez",
            "décembre",
            "decembre",
            "diciembre",
            "dicembre",
            "dezembro",
        ],
    ];
    // Russian month names in the genitive, as dates are written ("12 января 2024").
    const RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    if let Some(i) = RU.iter().position(|m| *m == w) {
        return Some(i as u32 + 1);
    }
    MONTHS
        .iter()
        .position(|names| names.contains(&w.as_str()))
        .map(|i| i as u32 + 1)
}

/// A date written for people in a short line ("March 5, 2024", "5 March 2024", "5. März 2024",
/// "05.03.2024", "2024-03-05"), as `YYYY-MM-DD`.
pub(crate) fn visible_date(line: &str) -> Option<String> {
    // Every form below has a four-digit year: skip lines without four digits in a row.
    let has_year = line
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    if !has_year {
        return None;
    }
    static NUMERIC: LazyLock<Option<Regex>> =
        LazyLock::new(|| re(r"(?-u)\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})\b"));
    static ISO_IN: LazyLock<Option<Regex>> =
        LazyLock::new(|| re(r"(?-u)\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b"));
    static DMY: LazyLock<Option<Regex>> = LazyLock::new(|| {
        re(r"\b(\d{1,2})\.?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?((?:19|20)\d{2})\b")
    });
    static MDY: LazyLock<Option<Regex>> = LazyLock::new(|| {
        re(r"\b(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b")
    });
    let ymd = |y: &str, m: u32, d: &str| -> Option<String> {
        let y: u32 = y.parse().ok()?;
        let d: u32 = d.parse().ok()?;
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    if let Some(c) = ISO_IN.as_ref()?.captures(line) {
        let m: u32 = c.get(2)?.as_str().parse().ok()?;
        return ymd(c.get(1)?.as_str(), m, c.get(3)?.as_str());
    }
    if let Some(c) = MDY.as_ref()?.captures(line) {
        if let Some(m) = month(c.get(1)?.as_str()) {
            return ymd(c.get(3)?.as_str(), m, c.get(2)?.as_str());
        }
    }
    if let Some(c) = DMY.as_ref()?.captures(line) {
        if let Some(m) = month(c.get(2)?.as_str()) {
            return ymd(c.get(3)?.as_str(), m, c.get(1)?.as_str());
        }
    }
    if let Some(c) = NUMERIC.as_ref()?.captures(line) {
        let m: u32 = c.get(2)?.as_str().parse().ok()?;
        return ymd(c.get(3)?.as_str(), m, c.get(1)?.as_str());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        assert_eq!(iso_date("2024-03-05").as_deref(), Some("2024-03-05"));
        assert_eq!(
            iso_date("2024-03-05T09:30:00+0100").as_deref(),
            Some("2024-03-05T09:30:00+01:00")
        );
        assert_eq!(
            iso_date(" 2024-03-05 09:30Z").as_deref(),
            Some("2024-03-05T09:30:00Z")
        );
        assert_eq!(iso_date("20240305").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date("yesterday"), None);
        assert_eq!(iso_date("2024-13-05"), None);
    }

    #[test]
    fn visible_dates() {
        assert_eq!(
            visible_date("Published March 5, 2024 at 9:00").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            visible_date("5. März 2024, 10:15 Uhr").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            visible_date("le 12 janvier 2023").as_deref(),
            Some("2023-01-12")
        );
        assert_eq!(
            visible_date("Stand: 05.03.2024").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            visible_date("5 de mayo de 2022").as_deref(),
            Some("2022-05-05")
        );
        assert_eq!(visible_date("In 2024 the team"), None);
        assert_eq!(
            visible_date("12 января 2024").as_deref(),
            Some("2024-01-12")
        );
    }

    #[test]
    fn json_ld() {
        let mut m = Meta::default();
        m.json_ld(
            r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Rain \"again\"",
            "datePublished":"2023-06-01T08:00:00Z","author":[{"@type":"Person","name":"Ann Lee"},
            {"@type":"Person","name":"Bo Chen"}],"publisher":{"@type":"Organization","name":"The Daily"}}"#,
        );
        assert_eq!(m.ld_headline.as_deref(), Some("Rain \"again\""));
        assert_eq!(m.ld_published.as_deref(), Some("2023-06-01T08:00:00Z"));
        assert_eq!(m.ld_authors, ["Ann Lee", "Bo Chen"]);
        assert_eq!(m.ld_site_name.as_deref(), Some("The Daily"));
        assert!(m.declares_article());
    }

    #[test]
    fn names_and_titles() {
        let mut v = Vec::new();
        push_names(&mut v, "By Ann Lee and Bo Chen, Staff");
        assert_eq!(v, ["Ann Lee", "Bo Chen", "Staff"]);
        assert_eq!(
            strip_site_suffix("Council passes the budget | The Daily"),
            "Council passes the budget"
        );
        assert_eq!(strip_site_suffix("Home | Site"), "Home | Site");
    }
}
