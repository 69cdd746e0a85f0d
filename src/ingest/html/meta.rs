//! Page metadata gathered on the DOM walk: title, authors, publication date, site name, language,
//! canonical URL — from `<meta>` tags (Open Graph, Dublin Core, `article:*`), JSON-LD
//! (schema.org `NewsArticle`), microdata (`itemprop`), `<time datetime>` and a visible dateline.

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
        for v in values_of(json, "@type").take(50) {
            match v {
                Value::Str(t) => self.types.push(t.to_ascii_lowercase()),
                Value::Array(a) | Value::Object(a) => {
                    for t in strings_in(a) {
                        self.types.push(t.to_ascii_lowercase());
                    }
                }
            }
        }
        if let Some(Value::Str(d)) = values_of(json, "datePublished").next() {
            if let Some(d) = iso_date(&d) {
                set(&mut self.ld_published, &d);
            }
        }
        if let Some(Value::Str(h)) = values_of(json, "headline").next() {
            set(&mut self.ld_headline, &h);
        }
        if let Some(Value::Object(o)) = values_of(json, "publisher").next() {
            if let Some(Value::Str(n)) = values_of(o, "name").next() {
                set(&mut self.ld_site_name, &n);
            }
        }
        if self.ld_authors.is_empty() {
            let author = values_of(json, "author")
                .next()
                .or_else(|| values_of(json, "creator").next());
            match author? {
                Value::Str(n) => push_names(&mut self.ld_authors, &n),
                Value::Array(a) | Value::Object(a) => {
                    for v in values_of(a, "name") {
                        if let Value::Str(n) = v {
                            push_names(&mut self.ld_authors, &n);
                        }
                    }
                    // A list of plain names.
                    if self.ld_authors.is_empty() && a.starts_with('[') {
                        for n in strings_in(a) {
                            push_names(&mut self.ld_authors, &n);
                        }
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
    let b = s.trim_start().as_bytes();
    let mut i = 0;
    let y = digits(b, &mut i, 4, 4)?;
    let dash = b.get(i) == Some(&b'-');
    i += usize::from(dash);
    let mo = digits(b, &mut i, 2, 2)?;
    if dash != (b.get(i) == Some(&b'-')) {
        return None;
    }
    i += usize::from(dash);
    let d = digits(b, &mut i, 2, 2)?;
    if b.get(i).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return None;
    }
    let mut out = format!("{y:04}-{mo:02}-{d:02}");
    if matches!(b.get(i), Some(b'T' | b' ')) {
        let mut j = i + 1;
        let h = digits(b, &mut j, 2, 2);
        let colon = b.get(j) == Some(&b':');
        j += 1;
        let mi = if colon { digits(b, &mut j, 2, 2) } else { None };
        if let (Some(h), Some(mi)) = (h, mi) {
            if h < 24 && mi < 60 {
                let mut sec = 0;
                if b.get(j) == Some(&b':') {
                    j += 1;
                    sec = digits(b, &mut j, 2, 2).unwrap_or(0).min(59);
                }
                if b.get(j) == Some(&b'.') {
                    j += 1;
                    while b.get(j).is_some_and(u8::is_ascii_digit) {
                        j += 1;
                    }
                }
                while b.get(j) == Some(&b' ') {
                    j += 1;
                }
                out.push_str(&format!("T{h:02}:{mi:02}:{sec:02}"));
                match b.get(j) {
                    Some(b'Z') => out.push('Z'),
                    Some(&sign @ (b'+' | b'-')) => {
                        j += 1;
                        let zh = digits(b, &mut j, 2, 2);
                        j += usize::from(b.get(j) == Some(&b':'));
                        let zm = digits(b, &mut j, 2, 2);
                        if let (Some(zh), Some(zm)) = (zh, zm) {
                            out.push_str(&format!("{}{zh:02}:{zm:02}", sign as char));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    Some(out)
}

/// Reads `min..=max` ASCII digits at `*i` as a number, advancing `*i`.
fn digits(b: &[u8], i: &mut usize, min: usize, max: usize) -> Option<u32> {
    let start = *i;
    let mut v: u32 = 0;
    while *i < b.len() && *i - start < max && b[*i].is_ascii_digit() {
        v = v * 10 + u32::from(b[*i] - b'0');
        *i += 1;
    }
    (*i - start >= min).then_some(v)
}

/// A JSON value found by [`values_of`]: a string (unescaped), or the raw text of an array or
/// object (brackets included).
enum Value<'a> {
    Str(String),
    Array(&'a str),
    Object(&'a str),
}

/// The values of every `"key": …` in a JSON text, in order (a scanner, not a parser: enough for
/// the flat shapes JSON-LD takes; malformed text yields fewer values, never a panic).
fn values_of<'a>(json: &'a str, key: &str) -> impl Iterator<Item = Value<'a>> + 'a {
    let pat = format!("\"{key}\"");
    let mut pos = 0;
    std::iter::from_fn(move || loop {
        let at = pos + json.get(pos..)?.find(&pat)?;
        pos = at + pat.len();
        let rest = json.get(pos..)?.trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        let start = json.len() - rest.len();
        match rest.as_bytes().first() {
            Some(b'"') => {
                if let Some((s, end)) = json_string(json, start) {
                    pos = end;
                    return Some(Value::Str(s));
                }
            }
            Some(&open @ (b'[' | b'{')) => {
                let close = if open == b'[' { b']' } else { b'}' };
                let end = matching(json, start, open, close);
                pos = end;
                let raw = json.get(start..end)?;
                return Some(if open == b'[' {
                    Value::Array(raw)
                } else {
                    Value::Object(raw)
                });
            }
            _ => {}
        }
    })
}

/// The end (exclusive) of the bracketed value starting at `start`, strings respected.
fn matching(json: &str, start: usize, open: u8, close: u8) -> usize {
    let b = json.as_bytes();
    let (mut depth, mut i, mut in_str) = (0usize, start, false);
    while i < b.len() {
        let c = b[i];
        if in_str {
            if c == b'\\' {
                i += 1;
            } else if c == b'"' {
                in_str = false;
            }
        } else if c == b'"' {
            in_str = true;
        } else if c == open {
            depth += 1;
        } else if c == close {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return i + 1;
            }
        }
        i += 1;
    }
    b.len()
}

/// The JSON string starting at `start` (a `"`), unescaped, and the index after it.
fn json_string(json: &str, start: usize) -> Option<(String, usize)> {
    let b = json.as_bytes();
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some((unescape(json.get(start + 1..i)?), i + 1)),
            _ => i += 1,
        }
    }
    None
}

/// Every string directly in a raw array or object text (values and keys alike).
fn strings_in(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(p) = raw.get(i..).and_then(|r| r.find('"')) {
        match json_string(raw, i + p) {
            Some((s, end)) => {
                out.push(s);
                i = end;
            }
            None => break,
        }
    }
    out
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
    let toks = tokens(line);
    let ymd = |y: u32, m: u32, d: u32| -> Option<String> {
        ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    let num = |i: usize, lo: usize, hi: usize| match toks.get(i) {
        Some(Tok::Num(v, n)) if (lo..=hi).contains(n) => Some(*v),
        _ => None,
    };
    let punct = |i: usize, c: char| matches!(toks.get(i), Some(Tok::Punct(p)) if *p == c);
    let word = |i: usize| match toks.get(i) {
        Some(Tok::Word(w)) => Some(*w),
        _ => None,
    };
    // 2024-03-05
    for i in 0..toks.len() {
        if let (Some(y), true, Some(m), true, Some(d)) = (
            num(i, 4, 4),
            punct(i + 1, '-'),
            num(i + 2, 2, 2),
            punct(i + 3, '-'),
            num(i + 4, 2, 2),
        ) {
            if let Some(r) = ymd(y, m, d) {
                return Some(r);
            }
        }
    }
    // March 5, 2024 / Mar. 5th 2024
    for i in 0..toks.len() {
        let Some(m) = word(i).and_then(month) else {
            continue;
        };
        let mut j = i + 1;
        j += usize::from(punct(j, '.'));
        let Some(d) = num(j, 1, 2) else { continue };
        j += 1;
        if word(j).is_some_and(|w| matches!(w, "st" | "nd" | "rd" | "th")) {
            j += 1;
        }
        j += usize::from(punct(j, ','));
        if let Some(r) = num(j, 4, 4).and_then(|y| ymd(y, m, d)) {
            return Some(r);
        }
    }
    // 5 March 2024 / 5. März 2024 / 5 de mayo de 2022 / 12 января 2024
    for i in 0..toks.len() {
        let Some(d) = num(i, 1, 2) else { continue };
        let mut j = i + 1;
        j += usize::from(punct(j, '.'));
        if word(j) == Some("de") {
            j += 1;
        }
        let Some(m) = word(j).and_then(month) else {
            continue;
        };
        j += 1;
        j += usize::from(punct(j, '.'));
        j += usize::from(punct(j, ','));
        if word(j) == Some("de") {
            j += 1;
        }
        if let Some(r) = num(j, 4, 4).and_then(|y| ymd(y, m, d)) {
            return Some(r);
        }
    }
    // 05.03.2024
    for i in 0..toks.len() {
        if let (Some(d), true, Some(m), true, Some(y)) = (
            num(i, 1, 2),
            punct(i + 1, '.'),
            num(i + 2, 1, 2),
            punct(i + 3, '.'),
            num(i + 4, 4, 4),
        ) {
            if let Some(r) = ymd(y, m, d) {
                return Some(r);
            }
        }
    }
    None
}

/// A token of a dateline: a number (value, digit count), a word, or a punctuation mark.
#[derive(Debug)]
enum Tok<'a> {
    Num(u32, usize),
    Word(&'a str),
    Punct(char),
}

fn tokens(line: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut it = line.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                it.next();
            }
            let digits = &line[i..end];
            let v = digits.parse::<u32>().unwrap_or(u32::MAX);
            out.push(Tok::Num(v, digits.len()));
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            out.push(Tok::Word(&line[i..end]));
        } else if !c.is_whitespace() {
            out.push(Tok::Punct(c));
        }
        if out.len() > 64 {
            break;
        }
    }
    out
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
