//! Calendar patterns: numeric and written dates, weekdays, years, decades, centuries, quarters,
//! seasons, holidays and clock times.

use super::grammar::{adjectival, core, part_clock, two_digit_year, Core, Scanner, TIME_PREPS};
use super::lex::{Cat, TokKind};
use super::resolve::{Clock, Pick, Sem, YearRef};
use crate::facts::date::{days_in_month, Date};

/// Time-zone abbreviations that may follow a clock time.
#[rustfmt::skip]
const ZONES: &[&str] = &[
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "ct", "gmt", "utc", "bst",
    "cet", "cest", "eet", "eest", "msk", "ist", "jst", "aest", "aedt", "hkt", "sgt",
];

/// Nouns after which a four-digit number is a count, not a year.
#[rustfmt::skip]
const COUNT_NOUNS: &[&str] = &[
    "people", "persons", "men", "women", "children", "soldiers", "troops", "workers", "jobs",
    "votes", "points", "km", "kilometers", "kilometres", "miles", "feet", "ft", "meters", "metres",
    "m", "kg", "tons", "tonnes", "pounds", "dollars", "euros", "yen", "barrels", "shares", "units",
    "cars", "homes", "houses", "cases", "deaths", "bodies", "prisoners", "employees", "students",
    "members", "copies", "calories", "hectares", "acres", "rooms", "beds", "pages", "words",
    "times", "percent", "per", "mph", "rpm", "mw", "gb", "mb", "residents", "refugees", "patients",
    "visitors", "fans", "users", "customers", "signatures",
];

impl Scanner<'_, '_> {
    // ---- patterns --------------------------------------------------------------------------

    /// 2025-11-27, 27.11.2025, 11/27/2025, 27/11/2025, 2025/11/27.
    pub(super) fn numeric_date(&self, i: usize) -> Option<Core> {
        let a = self.t(i)?;
        if a.kind != TokKind::Num {
            return None;
        }
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "." | "/")
            || !self.adj(i + 1)
            || !self.adj(i + 2)
            || !self.adj(i + 3)
            || !self.adj(i + 4)
        {
            return None;
        }
        if self.w(i + 3) != sep {
            return None;
        }
        let b = self.t(i + 2)?;
        let c = self.t(i + 4)?;
        if b.kind != TokKind::Num || c.kind != TokKind::Num {
            return None;
        }
        // Not inside a longer chain (IP addresses, version numbers, phone numbers).
        if self.adj(i + 5)
            && matches!(self.w(i + 5), "-" | "." | "/")
            && self.is_num(i + 6)
            && self.adj(i + 6)
        {
            return None;
        }
        if i > 0 && self.adj(i) && matches!(self.w(i - 1), "-" | "." | "/") {
            return None;
        }
        let (an, bn, cn) = (a.num?, b.num?, c.num?);
        let (y, m, d) = if a.text.len() == 4 && b.text.len() <= 2 && c.text.len() <= 2 {
            (an as i32, bn, cn)
        } else if a.text.len() <= 2 && b.text.len() <= 2 && c.text.len() == 4 && sep != "-" {
            let us = sep == "/" && matches!(self.lang, None | Some("en"));
            if sep == "/" && (bn > 12 || (us && an <= 12)) {
                (cn as i32, an, bn)
            } else {
                (cn as i32, bn, an)
            }
        } else {
            return None;
        };
        let date = Date::new(y, m, d)?;
        core(i, i + 5, Sem::Ymd(date))
    }

    /// "Nov. 27", "November 27, 2025", "November 2025", "January last year", "November".
    pub(super) fn month_first(&self, i: usize) -> Option<Core> {
        let h = self.hit(i, Cat::Month, true)?;
        let m = h.entry.num as u32;
        let j = h.end;
        if let Some((k, d)) = self.day_num(j).filter(|_| {
            self.t(j)
                .is_some_and(|t| t.space_before || self.w(j - 1) == ".")
        }) {
            let mut e = k;
            if self.w(e) == "," {
                e += 1;
            }
            if let Some((e2, y)) = self.year4(e) {
                let date = Date::new(y, m, d)?;
                return core(i, e2, Sem::Ymd(date));
            }
            if d > days_in_month(2000, m) {
                return None;
            }
            return core(i, k, Sem::MonthDay(m, d, None));
        }
        let mut k = j;
        if matches!(self.w(k), "," | "of" | "de" | "del") {
            k += 1;
        }
        if let Some((e, y)) = self.year4(k) {
            return core(i, e, Sem::Month(m, Some(YearRef::Abs(y)), Pick::Bare));
        }
        if let Some(Core {
            end,
            sem: Sem::Year(y),
            ..
        }) = self.spoken_year(k)
        {
            return core(i, end, Sem::Month(m, Some(y), Pick::Bare));
        }
        if let Some((e, y)) = self.year_expr(j).filter(|_| self.w(j) != "the") {
            return core(i, e, Sem::Month(m, Some(y), Pick::Bare));
        }
        // A bare month.
        if !self.bare_ok(&h, i) || (h.entry.lang_only && self.lang != Some(h.entry.lang)) {
            return None;
        }
        let prev = self.prev_word(i);
        let prep = TIME_PREPS.contains(&prev);
        if h.entry.lang == "en" {
            if matches!(m, 3 | 5) && !prep {
                return None;
            }
            // "August Wilson", "June Carter": a name.
            let next_upper = self
                .t(j)
                .is_some_and(|t| t.kind == TokKind::Word && t.upper);
            let strong_prep = matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "during"
                    | "through"
                    | "throughout"
                    | "from"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
                    | "each"
                    | "every"
            );
            if next_upper && !strong_prep {
                return None;
            }
        }
        core(i, j, Sem::Month(m, None, Pick::Bare))
    }

    /// "27 November 2025", "27. November", "27th of November", "27 de noviembre de 2025",
    /// "27 ноября 2025 года".
    pub(super) fn day_first(&self, i: usize) -> Option<Core> {
        let (mut j, d) = self.day_num(i)?;
        if self.w(j) == "." && self.adj(j) {
            j += 1;
        }
        if matches!(self.w(j), "of" | "de") {
            j += 1;
        }
        let h = self.hit(j, Cat::Month, true)?;
        let m = h.entry.num as u32;
        let mut e = h.end;
        let mut k = e;
        if matches!(self.w(k), "," | "de" | "del") {
            k += 1;
        }
        if let Some((k2, y)) = self.year4(k) {
            e = k2;
            if matches!(self.w(e), "года" | "г") {
                e += 1;
                if self.w(e) == "." && self.adj(e) && self.w(e - 1) == "г" {
                    e += 1;
                }
            }
            let date = Date::new(y, m, d)?;
            return core(i, e, Sem::Ymd(date));
        }
        if d > days_in_month(2000, m) {
            return None;
        }
        core(i, e, Sem::MonthDay(m, d, None))
    }

    /// "Thursday", "Friday, Oct. 23", "Wednesday night", "Mondays".
    pub(super) fn weekday(&self, i: usize) -> Option<Core> {
        let t = self.t(i)?;
        // Plural English weekdays recur: "on Sundays", "Tuesday nights".
        if t.upper && t.lower.len() > 6 && t.lower.ends_with("days") {
            let stem = &t.lower[..t.lower.len() - 1];
            if let Some(e) = super::lex::TABLE
                .get(stem)
                .and_then(|v| v.iter().find(|e| e.cat == Cat::Weekday && e.lang == "en"))
            {
                return core(i, i + 1, Sem::Set(format!("XXXX-WXX-{}", e.num)));
            }
        }
        let h = self.hit(i, Cat::Weekday, true)?;
        let wd = h.entry.num as u32;
        let j = h.end;
        let k = if self.w(j) == "," { j + 1 } else { j };
        for c in [self.month_first(k), self.day_first(k), self.numeric_date(k)]
            .into_iter()
            .flatten()
        {
            if matches!(c.sem, Sem::MonthDay(..) | Sem::Ymd(_)) {
                return core(i, c.end, c.sem);
            }
        }
        if !self.bare_ok(&h, i) || (h.entry.lang_only && self.lang != Some(h.entry.lang)) {
            return None;
        }
        if let Some(p) = self.hit(j, Cat::PartOfDay, true) {
            let code = p.entry.code;
            if code.len() == 2 {
                if self.w(p.end) == "s" || self.w(j).ends_with('s') {
                    return core(i, p.end, Sem::Set(format!("XXXX-WXX-{wd}T{code}")));
                }
                return core(
                    i,
                    p.end,
                    Sem::At(
                        Some(Box::new(Sem::Weekday(wd, Pick::Bare))),
                        Clock::Part(code),
                    ),
                );
            }
        }
        if self.w(j) == "nights" {
            return core(i, j + 1, Sem::Set(format!("XXXX-WXX-{wd}TNI")));
        }
        core(i, j, Sem::Weekday(wd, Pick::Bare))
    }

    /// "today", "yesterday morning", "tonight", "heute".
    pub(super) fn relday(&self, i: usize) -> Option<Core> {
        if self.w(i) == "tonight" {
            return core(
                i,
                i + 1,
                Sem::At(Some(Box::new(Sem::DayOffset(0))), Clock::Part("NI")),
            );
        }
        let h = self.hit(i, Cat::RelDay, false)?;
        if !self.bare_ok(&h, i) {
            return None;
        }
        // "USA Today", "VOA Today": a name.
        if i > 0
            && self.t(i).is_some_and(|t| t.upper)
            && self
                .t(i - 1)
                .is_some_and(|p| p.upper && p.kind == TokKind::Word)
        {
            return None;
        }
        let n = i64::from(h.entry.num);
        let day = Sem::DayOffset(n);
        if h.entry.lang == "en" {
            if let Some(p) = self.hit(h.end, Cat::PartOfDay, true) {
                let clock = part_clock(p.entry.code);
                return core(i, p.end, Sem::At(Some(Box::new(day)), clock));
            }
        }
        core(i, h.end, day)
    }

    /// A year standing alone: "2022", "fiscal 1988", "FY2025", "'89".
    pub(super) fn year(&self, i: usize) -> Option<Core> {
        let w = self.w(i);
        if w == "fiscal" || w == "fy" {
            let j = if w == "fiscal" && self.w(i + 1) == "year" {
                i + 2
            } else {
                i + 1
            };
            if let Some((e, y)) = self.year4(j) {
                return core(i, e, Sem::Year(YearRef::Abs(y)));
            }
            if w == "fy" && self.adj(i + 1) {
                if let Some(n) = self.t(i + 1).and_then(|t| t.num_len(2)) {
                    return core(i, i + 2, Sem::Year(YearRef::Abs(two_digit_year(n))));
                }
            }
            return None;
        }
        // "'89"
        if matches!(w, "'") && self.adj(i + 1) {
            let n = self.t(i + 1)?.num_len(2)?;
            if self.adj(i + 2) && self.w(i + 2) == "s" {
                return None;
            }
            if !TIME_PREPS.contains(&self.prev_word(i)) {
                return None;
            }
            return core(i, i + 2, Sem::Year(YearRef::Abs(two_digit_year(n))));
        }
        if let Some(c) = self.spoken_year(i) {
            return Some(c);
        }
        let t = self.t(i)?;
        let y = t.num_len(4)?;
        if !(1000..=2099).contains(&y) {
            return None;
        }
        // Money, numbers and codes around it.
        if i > 0 {
            let p = self.t(i - 1)?;
            let mid = p.text == "-" && i >= 2 && self.w(i - 2) == "mid";
            if !t.space_before
                && p.kind == TokKind::Punct
                && !mid
                && !matches!(p.text, "(" | "\"" | "“" | "‘" | "'" | "[")
            {
                return None;
            }
            if matches!(p.text, "$" | "€" | "£" | "¥" | "#" | "№")
                || matches!(
                    p.lower.as_ref(),
                    "no" | "nos" | "number" | "page" | "room" | "flight" | "route"
                )
            {
                return None;
            }
            if p.kind == TokKind::Num {
                return None;
            }
        }
        let n = self.t(i + 1);
        if let Some(n) = n {
            if !n.space_before {
                match n.text {
                    "," | "." | ":" | "-" | "/" | "–" if self.is_num(i + 2) && self.adj(i + 2) => {
                        return None
                    }
                    "%" => return None,
                    _ if n.kind != TokKind::Punct => return None,
                    _ => {}
                }
            }
            if n.kind == TokKind::Num || COUNT_NOUNS.contains(&n.lower.as_ref()) {
                return None;
            }
        }
        if y < 1800
            && !matches!(
                self.prev_word(i),
                "in" | "since"
                    | "of"
                    | "by"
                    | "until"
                    | "from"
                    | "year"
                    | "circa"
                    | "before"
                    | "after"
                    | "around"
                    | "c"
            )
        {
            return None;
        }
        core(i, i + 1, Sem::Year(YearRef::Abs(y as i32)))
    }

    /// "nineteen ninety-six", "two thousand".
    pub(super) fn spoken_year(&self, i: usize) -> Option<Core> {
        let h = self.hit(i, Cat::Number, true)?;
        let hi = h.entry.num;
        if hi == 2 && self.w(h.end) == "thousand" {
            if !matches!(self.prev_word(i), "year" | "in" | "since" | "of" | "by") {
                return None;
            }
            return core(i, h.end + 1, Sem::Year(YearRef::Abs(2000)));
        }
        if !(hi == 19 || hi == 20) {
            return None;
        }
        let (e, lo) = self.number_words(h.end)?;
        if !(10.0..=99.0).contains(&lo) || self.unit(e).is_some() {
            return None;
        }
        core(i, e, Sem::Year(YearRef::Abs(hi * 100 + lo as i32)))
    }

    /// "the year 2000", "the year two thousand", "the 1988 period" (after "the").
    pub(super) fn year_of_the(&self, i: usize) -> Option<Core> {
        if let Some((e, y)) = self.year4(i) {
            if matches!(self.w(e), "period" | "season") {
                return core(i, e + 1, Sem::Year(YearRef::Abs(y)));
            }
        }
        if self.w(i) != "year" {
            return None;
        }
        let c = self.year(i + 1)?;
        core(i, c.end, c.sem)
    }

    /// "1990s", "'80s", "the nineties", "the 1990's".
    pub(super) fn decade(&self, i: usize) -> Option<Core> {
        if let Some(y) = self.t(i).and_then(|t| t.num_len(4)) {
            if y % 10 == 0 && self.adj(i + 1) {
                if self.w(i + 1) == "s" {
                    return core(i, i + 2, Sem::Decade(y as i32 / 10));
                }
                if self.w(i + 1) == "'" && self.w(i + 2) == "s" && self.adj(i + 2) {
                    return core(i, i + 3, Sem::Decade(y as i32 / 10));
                }
            }
            return None;
        }
        if self.w(i) == "'" && self.adj(i + 1) && self.adj(i + 2) && self.w(i + 2) == "s" {
            let n = self.t(i + 1)?.num_len(2)?;
            if n % 10 == 0 {
                let century = if n <= 20 { 200 } else { 190 };
                return core(i, i + 3, Sem::Decade(century + n as i32 / 10));
            }
        }
        let d = match self.w(i) {
            "twenties" => 192,
            "thirties" => 193,
            "forties" => 194,
            "fifties" => 195,
            "sixties" => 196,
            "seventies" => 197,
            "eighties" => 198,
            "nineties" => 199,
            _ => return None,
        };
        // "in his forties" is an age: only "the forties".
        if self.prev_word(i) != "the" {
            return None;
        }
        core(i, i + 1, Sem::Decade(d))
    }

    /// "20th century", "the nineteenth century", "21st-century".
    pub(super) fn century(&self, i: usize) -> Option<Core> {
        let (mut j, n) = self.ordinal(i)?;
        if self.w(j) == "-" && self.adj(j) {
            j += 1;
        }
        if self.w(j) != "century" || n == 0 || n > 22 {
            return None;
        }
        core(i, j + 1, Sem::Century(n as i32 - 1))
    }

    /// "third quarter", "third-quarter", "the 1988 third quarter", "next year's first quarter",
    /// "the first quarter of 1990", "Q3 2025", "the first half of 1990", "first-half".
    pub(super) fn quarter(&self, i: usize) -> Option<Core> {
        // Q3, 3Q
        if self.w(i) == "q" && self.t(i)?.upper && self.adj(i + 1) {
            let q = self.t(i + 1)?.num_len(1)?;
            if !(1..=4).contains(&q) {
                return None;
            }
            let (e, y) = self.q_year(i + 2);
            return core(i, e, Sem::Quarter(q, y));
        }
        if let Some(q) = self.t(i).and_then(|t| t.num_len(1)) {
            if self.adj(i + 1) && self.w(i + 1) == "q" && (1..=4).contains(&q) {
                let (e, y) = self.q_year(i + 2);
                return core(i, e, Sem::Quarter(q, y));
            }
        }
        let mut j = i;
        let mut year = None;
        if self.w(j) == "fiscal" {
            j += 1;
        }
        if let Some((e, y)) = self.year_expr(j).filter(|_| self.w(j) != "the") {
            // "1988 third quarter", "next year's first quarter"
            let mut e = e;
            if self.w(e) == "'" && self.w(e + 1) == "s" {
                e += 2;
            }
            if self.ordinal(e).is_some() || self.w(e) == "fiscal" {
                year = Some(y);
                j = e;
            }
        }
        if self.w(j) == "fiscal" {
            j += 1;
        }
        let (mut k, n) = match self.w(j) {
            "last" | "final" if self.w(j + 1) == "half" => (j + 1, 2),
            _ => self.ordinal(j)?,
        };
        if self.w(k) == "fiscal" {
            k += 1;
        }
        let hyphen = self.w(k) == "-" && self.adj(k);
        if hyphen {
            k += 1;
        }
        let is_half = self.w(k) == "half";
        if !(self.w(k) == "quarter" || self.w(k) == "qtr" || is_half) {
            return None;
        }
        let mut e = k + 1;
        if year.is_none() {
            if self.w(e) == "of" {
                if let Some((e2, y)) = self.year_expr(e + 1) {
                    year = Some(y);
                    e = e2;
                } else if is_half {
                    // "the first half of the match"
                    return None;
                }
            } else if let Some((e2, y)) = self.year4(e) {
                year = Some(YearRef::Abs(y));
                e = e2;
            }
        }
        let make = if hyphen && e == k + 1 {
            adjectival
        } else {
            core
        };
        if is_half {
            if n > 2 || (year.is_none() && !hyphen) {
                return None;
            }
            return make(i, e, Sem::Half(n, year.or(Some(YearRef::Rel(0)))));
        }
        if n > 4 {
            return None;
        }
        make(i, e, Sem::Quarter(n, year))
    }

    /// A year after "Q3": " 2025", "'25", "89".
    pub(super) fn q_year(&self, i: usize) -> (usize, Option<YearRef>) {
        if let Some((e, y)) = self.year4(i) {
            return (e, Some(YearRef::Abs(y)));
        }
        if let Some(n) = self.t(i).and_then(|t| t.num_len(2)) {
            return (i + 1, Some(YearRef::Abs(two_digit_year(n))));
        }
        (i, None)
    }

    /// "10 p.m.", "6:30 a.m. EST Tuesday", "14:30", "noon Thursday", "10 Uhr", "10h30".
    pub(super) fn clock(&self, i: usize) -> Option<Core> {
        let (mut j, clock) = if let Some(p) = self
            .hit(i, Cat::PartOfDay, true)
            .filter(|p| p.entry.code.len() == 5 && self.prev_word(i) != "high")
        {
            (p.end, part_clock(p.entry.code))
        } else {
            let t = self.t(i)?;
            if t.kind != TokKind::Num || t.text.len() > 2 {
                return None;
            }
            if i > 0 && self.adj(i) && matches!(self.w(i - 1), ":" | "." | "," | "-" | "/" | "$") {
                return None;
            }
            let mut h = t.num?;
            let mut m = 0;
            let mut j = i + 1;
            let mut colon = false;
            if matches!(self.w(j), ":" | ".") && self.adj(j) && self.adj(j + 1) {
                let mm = self.t(j + 1)?.num_len(2)?;
                if mm > 59 {
                    return None;
                }
                colon = self.w(j) == ":";
                m = mm;
                j += 2;
                if self.w(j) == ":"
                    && self.adj(j)
                    && self.t(j + 1).and_then(|t| t.num_len(2)).is_some()
                {
                    j += 2;
                }
            } else if self.w(j) == "h" && self.adj(j) {
                // French "10h30", "10h"
                if let Some(mm) = self
                    .t(j + 1)
                    .filter(|_| self.adj(j + 1))
                    .and_then(|t| t.num_len(2))
                {
                    m = mm;
                    j += 2;
                } else {
                    j += 1;
                }
                colon = true;
            }
            let (e, ampm) = self.am_pm(j);
            match ampm {
                Some(pm) => {
                    if h == 0 || h > 12 {
                        return None;
                    }
                    if pm && h < 12 {
                        h += 12;
                    } else if !pm && h == 12 {
                        h = 0;
                    }
                    j = e;
                }
                None => {
                    if matches!(self.w(j), "uhr" | "o") {
                        if self.w(j) == "o" && !(self.w(j + 1) == "'" && self.w(j + 2) == "clock") {
                            return None;
                        }
                        j += if self.w(j) == "o" { 3 } else { 1 };
                    } else if !colon || self.w(i + 1) == "." {
                        return None;
                    }
                    if h > 24 {
                        return None;
                    }
                }
            }
            (j, Clock::At(h, m))
        };
        if ZONES.contains(&self.w(j)) && self.t(j).is_some_and(|t| t.upper) {
            j += 1;
        }
        let k = if self.w(j) == "," { j + 1 } else { j };
        let date = [
            self.weekday(k),
            self.relday(k),
            self.month_first(k),
            self.day_first(k),
            self.numeric_date(k),
        ]
        .into_iter()
        .flatten()
        .filter(|c| {
            matches!(
                c.sem,
                Sem::Weekday(..) | Sem::DayOffset(_) | Sem::MonthDay(..) | Sem::Ymd(_)
            )
        })
        .max_by_key(|c| c.end);
        match date {
            Some(c) => core(i, c.end, Sem::At(Some(Box::new(c.sem)), clock)),
            None => core(i, j, Sem::At(None, clock)),
        }
    }

    /// "a.m.", "am", "p.m", "PM": (index after, is pm).
    pub(super) fn am_pm(&self, j: usize) -> (usize, Option<bool>) {
        match self.w(j) {
            "am" | "pm" => (j + 1, Some(self.w(j) == "pm")),
            "a" | "p"
                if self.w(j + 1) == "."
                    && self.adj(j + 1)
                    && self.w(j + 2) == "m"
                    && self.adj(j + 2) =>
            {
                let pm = self.w(j) == "p";
                // The closing dot, unless it also ends the sentence.
                let e = if self.w(j + 3) == "." && self.adj(j + 3) && self.t(j + 4).is_some() {
                    j + 4
                } else {
                    j + 3
                };
                (e, Some(pm))
            }
            _ => (j, None),
        }
    }

    /// "Christmas", "Thanksgiving Day", "Easter 2026".
    pub(super) fn holiday(&self, i: usize) -> Option<Core> {
        if !self.t(i)?.upper {
            return None;
        }
        let h = self.hit(i, Cat::Holiday, true)?;
        if let Some((e, y)) = self.year4(h.end) {
            return core(i, e, Sem::Holiday(h.entry.code, Some(YearRef::Abs(y))));
        }
        core(i, h.end, Sem::Holiday(h.entry.code, None))
    }

    /// "summer", "the fall of 1994", "winter 2025".
    pub(super) fn season(&self, i: usize, after_the: bool) -> Option<Core> {
        let h = self.hit(i, Cat::Season, true)?;
        let e = h.end;
        let s = h.entry.code;
        if self.w(e) == "of" {
            if let Some((e2, y)) = self.year_expr(e + 1) {
                return core(i, e2, Sem::Season(s, Some(y), Pick::Bare));
            }
            // "the fall of the Berlin Wall"
            return None;
        }
        if let Some((e2, y)) = self.year4(e) {
            return core(i, e2, Sem::Season(s, Some(YearRef::Abs(y)), Pick::Bare));
        }
        let prev = if after_the {
            self.prev_word(i.saturating_sub(1))
        } else {
            self.prev_word(i)
        };
        let ok = after_the && s != "SP"
            || matches!(
                prev,
                "in" | "during"
                    | "this"
                    | "since"
                    | "until"
                    | "by"
                    | "through"
                    | "over"
                    | "last"
                    | "next"
                    | "early"
                    | "late"
                    | "mid"
            );
        if !ok || self.unit(e).is_some() || (s == "FA" && !after_the && prev != "in") {
            return None;
        }
        core(i, e, Sem::Season(s, None, Pick::Bare))
    }

    /// A part of the day alone (weak: "mid afternoon", "late morning").
    pub(super) fn part_of_day(&self, i: usize) -> Option<Core> {
        let h = self.hit(i, Cat::PartOfDay, true)?;
        (h.entry.code.len() == 2).then_some(())?;
        Some(Core {
            start: i,
            end: h.end,
            sem: Sem::At(None, Clock::Part(h.entry.code)),
            weak: true,
            modifier: None,
            adjectival: false,
        })
    }
}
