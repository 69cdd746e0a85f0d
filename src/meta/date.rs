//! Dates: machine-readable values (ISO 8601 in `<meta>`, JSON-LD, `<time datetime>`), dates written
//! for people in a dateline ("March 5, 2024", "5. März 2024", "05.03.2024"), and dates in URLs
//! (`/2024/03/05/`). Every result is `YYYY-MM-DD`, optionally followed by a time and zone.

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

/// True when a dateline says its date is of an update, not of publication ("Updated March 5",
/// "Last modified:", "Aktualisiert am", "Mis à jour le", "Actualizado").
pub(crate) fn says_updated(line: &str) -> bool {
    let l = line.to_lowercase();
    [
        "updat",
        "modif",
        "revised",
        "edited",
        "aktualisiert",
        "mis à jour",
        "actualiz",
        "aggiornat",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// True when a line says its date is of publication ("Published", "Posted on", "Veröffentlicht",
/// "Publié le", "Publicado", "Pubblicato").
pub(crate) fn says_published(line: &str) -> bool {
    let l = line.to_lowercase();
    [
        "published",
        "posted on",
        "veröffentlicht",
        "publié",
        "publicado",
        "pubblicato",
        "date:",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// Month names (English, German, French, Spanish, Italian, Portuguese; full and abbreviated),
/// lower-case, to their number.
pub(super) fn month(w: &str) -> Option<u32> {
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

/// True when `s` has four digits in a row (every dated form here has a four-digit year): a
/// cheap test before reading a line for a date.
pub(crate) fn has_year(s: &str) -> bool {
    s.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

/// A date written for people in a short line ("March 5, 2024", "5 March 2024", "5. März 2024",
/// "05.03.2024", "2024-03-05", "2024/03/05", "03/05/2024" read as month / day), as
/// `YYYY-MM-DD`.
pub(crate) fn visible_date(line: &str) -> Option<String> {
    // Every form below has a four-digit year: skip lines without four digits in a row.
    if !has_year(line) {
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
    // 2024/03/05, and 03/05/2024 as month / day (the American order) unless the first number
    // cannot be a month (25/03/2024).
    for i in 0..toks.len() {
        let (Some(a), true, Some(b), true) = (
            num(i, 1, 4),
            punct(i + 1, '/'),
            num(i + 2, 1, 2),
            punct(i + 3, '/'),
        ) else {
            continue;
        };
        let r = match (num(i, 4, 4), num(i + 4, 1, 2), num(i + 4, 4, 4)) {
            (Some(y), Some(d), _) => ymd(y, b, d),
            (None, _, Some(y)) if a > 12 => ymd(y, b, a),
            (None, _, Some(y)) => ymd(y, a, b),
            _ => None,
        };
        if r.is_some() {
            return r;
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

/// A date in a URL's path: `/2024/03/05/`, `/2024-03-05-slug`, `/20240305/` (year 1990–2100);
/// a year and month alone (`/2024/03/`) is no date.
pub(crate) fn url_date(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let path = match path.find("://") {
        Some(p) => &path[p + 3..],
        None => path,
    };
    let b = path.as_bytes();
    let mut i = 0;
    while i < b.len() {
        // A run of digits that starts a path segment (or follows a dash or underscore).
        let starts = i > 0 && matches!(b[i - 1], b'/' | b'-' | b'_') && b[i].is_ascii_digit();
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        let y = digits(b, &mut j, 4, 4);
        let mut parts = [0u32; 2];
        let mut ok = y.is_some_and(|y| (1990..=2100).contains(&y));
        if ok && j == i + 4 && b.get(j).is_some_and(u8::is_ascii_digit) {
            // 20240305
            ok = b
                .get(i..i + 8)
                .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && !b.get(i + 8).is_some_and(u8::is_ascii_digit);
            j = i + 4;
            for p in &mut parts {
                *p = digits(b, &mut j, 2, 2).unwrap_or(0);
            }
        } else if ok {
            let sep = b.get(j).copied();
            ok = matches!(sep, Some(b'/' | b'-' | b'_'));
            for p in &mut parts {
                if !ok || b.get(j).copied() != sep {
                    ok = false;
                    break;
                }
                j += 1;
                match digits(b, &mut j, 1, 2) {
                    Some(v) => *p = v,
                    None => ok = false,
                }
            }
            ok = ok && !b.get(j).is_some_and(u8::is_ascii_digit);
        }
        if let (true, Some(y)) = (ok, y) {
            let [m, d] = parts;
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
        }
        i += 1;
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
            visible_date("Updated: 10/31/2024").as_deref(),
            Some("2024-10-31")
        );
        assert_eq!(visible_date("25/03/2024").as_deref(), Some("2024-03-25"));
        assert_eq!(
            visible_date("2024/3/5 10:00").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(visible_date("1/2 cup flour, 2024 recipe"), None);
        assert_eq!(
            visible_date("12 января 2024").as_deref(),
            Some("2024-01-12")
        );
    }

    #[test]
    fn url_dates() {
        for (u, want) in [
            (
                "https://example.org/2024/03/05/council-budget/",
                Some("2024-03-05"),
            ),
            (
                "https://example.org/news/2024-3-5-council",
                Some("2024-03-05"),
            ),
            ("https://example.org/a/20240305/council", Some("2024-03-05")),
            ("https://example.org/2024/03/council", None),
            ("https://example.org/item/120240305", None),
            ("https://example.org/2024/13/05/x", None),
            ("https://example.org/x?d=2024/03/05", None),
            ("/1899/01/01/", None),
        ] {
            assert_eq!(url_date(u).as_deref(), want, "{u}");
        }
    }
}
