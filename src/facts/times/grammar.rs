//! The patterns: at each token, the longest time expression that starts there.
//!
//! A hand-written matcher over the tokens of one sentence (no backtracking beyond a few tokens,
//! so the scan is linear). Each pattern returns a [`Core`]: the tokens it covers and its meaning.
//! [`Scanner::at`] adds what TimeML puts around a core: a determiner ("the third quarter"), a
//! modifier ("about two years", "late November", "the end of the year"; TIMEX3 `mod`).

use super::lex::{lookup, Cat, Hit, Tok, TokKind};
use super::resolve::{Amount, Clock, Sem, Unit, YearRef};

/// A found expression: token range and meaning.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its meaning.
    pub sem: Sem,
    /// TIMEX3 modifier.
    pub modifier: Option<&'static str>,
}

/// A pattern's result.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Core {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    /// Only an expression with a modifier ("the end of the year", "mid afternoon").
    pub weak: bool,
    pub modifier: Option<&'static str>,
    /// A hyphenated adjective ("third-quarter", "two-week"): "the" before it belongs to the noun.
    pub adjectival: bool,
}

pub(super) fn core(start: usize, end: usize, sem: Sem) -> Option<Core> {
    Some(Core {
        start,
        end,
        sem,
        weak: false,
        modifier: None,
        adjectival: false,
    })
}

pub(super) fn adjectival(start: usize, end: usize, sem: Sem) -> Option<Core> {
    Some(Core {
        start,
        end,
        sem,
        weak: false,
        modifier: None,
        adjectival: true,
    })
}

/// Modifiers that say how much ("about", "more than"): TIMEX3 `mod`, but outside the span.
/// The longest of the cores found (the first of equally long ones).
fn longest(cores: impl IntoIterator<Item = Option<Core>>) -> Option<Core> {
    let mut best: Option<Core> = None;
    for c in cores.into_iter().flatten() {
        if best.as_ref().is_none_or(|b| c.end > b.end) {
            best = Some(c);
        }
    }
    best
}

fn is_approximator(m: &str) -> bool {
    !matches!(m, "START" | "END" | "MID")
}

/// Words after which a bare month or season name is a time ("in May", "since March").
#[rustfmt::skip]
pub(super) const TIME_PREPS: &[&str] = &[
    "in", "of", "since", "until", "till", "by", "during", "from", "through", "throughout", "before",
    "after", "early", "late", "mid", "last", "next", "this", "between", "and", "or", "to", "for",
    "that", "each", "every", "on", "into", "-", "around", "about", "end",
];

/// The scanner over one sentence.
pub(super) struct Scanner<'a, 'b> {
    /// The sentence's tokens.
    pub toks: &'b [Tok<'a>],
    /// The text's language, when known.
    pub lang: Option<&'b str>,
}

impl Scanner<'_, '_> {
    pub(super) fn t(&self, i: usize) -> Option<&Tok<'_>> {
        self.toks.get(i)
    }

    /// Lowercased token text, "" past the end.
    pub(super) fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_ref())
    }

    /// The token exists and touches the one before it.
    pub(super) fn adj(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    pub(super) fn is_num(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Num)
    }

    pub(super) fn prev_word(&self, i: usize) -> &str {
        if i == 0 {
            ""
        } else {
            self.w(i - 1)
        }
    }

    /// All expressions of the sentence, left to right, longest first.
    pub fn scan(&self) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            match self.at(i) {
                Some(f) if f.end > i => {
                    i = f.end;
                    out.push(f);
                }
                _ => i += 1,
            }
        }
        out
    }

    /// The expression starting at token `i`, with its modifier.
    pub fn at(&self, i: usize) -> Option<Found> {
        if !self.t(i)?.starter {
            return None;
        }
        let plain = self.core_det(i).filter(|c| !c.weak).map(|c| Found {
            start: c.start,
            end: c.end,
            sem: c.sem,
            modifier: c.modifier,
        });
        let modified = self.prefix(i).and_then(|(j, m)| {
            let c = self.core_det(j)?;
            modifier_fits(m, &c.sem).then_some(())?;
            Some(Found {
                // TIMEX3 keeps "about", "nearly", "more than" in `mod`, not in the span.
                start: if is_approximator(m) { c.start } else { i },
                end: c.end,
                sem: c.sem,
                modifier: Some(m),
            })
        });
        match (plain, modified) {
            (Some(p), Some(m)) => {
                let approx = m.modifier.is_some_and(is_approximator);
                Some(if m.end > p.end || (m.end == p.end && approx) {
                    m
                } else {
                    p
                })
            }
            (p, m) => p.or(m),
        }
    }

    /// A modifier before a core: (index after it, TIMEX3 mod).
    pub(super) fn prefix(&self, i: usize) -> Option<(usize, &'static str)> {
        let w = self.w(i);
        let w1 = self.w(i + 1);
        let two = |m: &'static str| Some((i + 2, m));
        match (w, w1) {
            ("more" | "longer", "than") => two("MORE_THAN"),
            ("less" | "fewer" | "shorter", "than") => two("LESS_THAN"),
            ("at", "least") => two("EQUAL_OR_MORE"),
            ("at", "most") => two("EQUAL_OR_LESS"),
            ("up", "to") => two("EQUAL_OR_LESS"),
            ("no", "more") if self.w(i + 2) == "than" => Some((i + 3, "EQUAL_OR_LESS")),
            ("no", "less") if self.w(i + 2) == "than" => Some((i + 3, "EQUAL_OR_MORE")),
            ("the", "end" | "close") if self.w(i + 2) == "of" => Some((i + 3, "END")),
            ("the", "early" | "late") => two(if w1 == "early" { "START" } else { "END" }),
            ("the", "first" | "last" | "second" | "latter")
                if self.w(i + 2) == "half" && self.w(i + 3) == "of" =>
            {
                Some((i + 4, if w1 == "first" { "START" } else { "END" }))
            }
            ("the", "mid") if self.w(i + 2) == "-" && self.adj(i + 2) => Some((i + 3, "MID")),
            ("earlier" | "later", "in") if self.w(i + 2) == "the" => {
                two(if w == "earlier" { "START" } else { "END" })
            }
            ("the", "beginning" | "start" | "dawn") if self.w(i + 2) == "of" => {
                Some((i + 3, "START"))
            }
            ("the", "middle") if self.w(i + 2) == "of" => Some((i + 3, "MID")),
            ("end" | "beginning" | "start" | "middle", "of") => two(match w {
                "end" => "END",
                "middle" => "MID",
                _ => "START",
            }),
            ("about" | "around" | "approximately" | "roughly" | "some" | "circa", _) => {
                Some((i + 1, "APPROX"))
            }
            ("over" | "under", _) if !self.starts_amount(i + 1) => None,
            ("nearly" | "almost" | "over" | "under", _) => Some((
                i + 1,
                if matches!(w, "over") {
                    "MORE_THAN"
                } else {
                    "LESS_THAN"
                },
            )),
            ("early" | "earlier", _) => Some((i + 1, "START")),
            ("late" | "later", _) => Some((i + 1, "END")),
            ("mid", "-") if self.adj(i + 1) => two("MID"),
            ("mid", _) => Some((i + 1, "MID")),
            _ => None,
        }
    }

    /// A core, with "the" in front when the core takes a determiner.
    pub(super) fn core_det(&self, i: usize) -> Option<Core> {
        if self.w(i) == "the" {
            if let Some(mut c) = self.core_the(i + 1).filter(|c| !c.adjectival) {
                c.start = i;
                return Some(c);
            }
            return None;
        }
        self.core(i)
    }

    /// Cores that take "the" (the token after "the" at `i`).
    pub(super) fn core_the(&self, i: usize) -> Option<Core> {
        longest([
            self.the_phrase(i),
            self.relative(i, true),
            self.duration(i, true),
            self.quarter(i),
            self.season(i, true),
            self.decade(i),
            self.century(i),
            self.year_of_the(i),
            self.day_first(i),
        ])
    }

    /// Every core starting at `i` (without a determiner); the longest wins.
    pub(super) fn core(&self, i: usize) -> Option<Core> {
        let t = self.t(i)?;
        if t.kind == TokKind::Punct && !matches!(t.text, "'" | "’" | "½") {
            return None;
        }
        longest([
            self.numeric_date(i),
            self.month_first(i),
            self.day_first(i),
            self.weekday(i),
            self.relday(i),
            self.year(i),
            self.decade(i),
            self.century(i),
            self.quarter(i),
            self.relative(i, false),
            self.duration(i, false),
            self.refs(i),
            self.clock(i),
            self.set(i),
            self.holiday(i),
            self.season(i, false),
            self.anaphor(i),
            self.year_end(i),
            self.part_of_day(i),
        ])
    }

    pub(super) fn hit(&self, i: usize, cat: Cat, any_lang: bool) -> Option<Hit<'static>> {
        let h = lookup(self.toks, i, cat)?;
        let e = h.entry;
        // A foreign abbreviation that is an English word ("out.", "ago.") needs the language.
        if e.lang_only && (!any_lang || e.abbr) && self.lang != Some(e.lang) {
            return None;
        }
        Some(h)
    }

    /// An amount starts at `i` (a number, a number word, "a", "an", "half").
    pub(super) fn starts_amount(&self, i: usize) -> bool {
        self.is_num(i)
            || matches!(self.w(i), "a" | "an" | "half")
            || self.hit(i, Cat::Number, true).is_some()
    }

    /// A month, weekday or relative-day name standing alone: its language must fit.
    pub(super) fn bare_ok(&self, h: &Hit<'_>, i: usize) -> bool {
        let e = h.entry;
        if e.lang == "en" {
            return true;
        }
        // Without a language, a capitalised foreign name counts only where a sentence or
        // clause starts ("Вчера было холодно"); elsewhere it is likely a name ("Domingo").
        let clause_start = i == 0 || self.t(i - 1).is_some_and(|p| p.kind == TokKind::Punct);
        match self.lang {
            Some(l) => l == e.lang,
            None => e.lang == "de" || clause_start || !self.t(i).is_some_and(|t| t.upper),
        }
    }

    /// A day of the month: "27", "27th", "27." (German).
    pub(super) fn day_num(&self, i: usize) -> Option<(usize, u32)> {
        let t = self.t(i)?;
        if t.kind != TokKind::Num || t.text.len() > 2 {
            return None;
        }
        let d = t.num?;
        if !(1..=31).contains(&d) {
            return None;
        }
        let mut j = i + 1;
        if self.adj(j) && matches!(self.w(j), "st" | "nd" | "rd" | "th" | "er" | "º" | "o") {
            j += 1;
        }
        // Not part of a larger number ("3,000", "3.5", "3:30", "3-4").
        if self.adj(j)
            && matches!(self.w(j), "," | "." | ":" | "-" | "/")
            && self.is_num(j + 1)
            && self.adj(j + 1)
        {
            return None;
        }
        if self.adj(j) && matches!(self.w(j), "%") {
            return None;
        }
        Some((j, d))
    }

    /// A four-digit year inside a date.
    pub(super) fn year4(&self, i: usize) -> Option<(usize, i32)> {
        let y = self.t(i)?.num_len(4)?;
        if !(1000..=2199).contains(&y) {
            return None;
        }
        if self.adj(i + 1)
            && matches!(self.w(i + 1), "," | "." | ":" | "-" | "/")
            && self.is_num(i + 2)
            && self.adj(i + 2)
        {
            return None;
        }
        Some((i + 1, y as i32))
    }

    /// An ordinal: "third", "3rd", "twenty-first".
    pub(super) fn ordinal(&self, i: usize) -> Option<(usize, u32)> {
        if let Some(h) = self.hit(i, Cat::Ordinal, true) {
            return Some((h.end, h.entry.num as u32));
        }
        let t = self.t(i)?;
        let n = t
            .num
            .filter(|_| t.kind == TokKind::Num && t.text.len() <= 2)?;
        if self.adj(i + 1) && matches!(self.w(i + 1), "st" | "nd" | "rd" | "th") {
            return Some((i + 2, n));
        }
        None
    }

    /// A unit of time: (index after, unit, plural).
    pub(super) fn unit(&self, i: usize) -> Option<(usize, Unit, bool)> {
        let t = self.t(i)?;
        // "60 Minutes", "This Week With ...": a title, not a unit.
        if i > 0 && t.upper && t.text.chars().any(char::is_lowercase) {
            return None;
        }
        let h = self.hit(i, Cat::Unit, true)?;
        let u = super::resolve::Unit::from_code(h.entry.code)?;
        let w = self.w(i);
        let plural = w.ends_with('s') && w != "hrs" || w == "centuries";
        let plural = plural || matches!(w, "yrs" | "hrs" | "mins" | "secs");
        Some((h.end, u, plural))
    }

    /// An amount before a unit: digits (with thousands, decimals, "1/2"), number words, "a",
    /// "a few", "several".
    pub(super) fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        let t = self.t(i)?;
        if t.kind == TokKind::Num {
            let mut v = f64::from(t.num?);
            let mut j = i + 1;
            // At most five groups ("1,000,000"), so a long digit chain costs no more.
            while j < i + 11
                && self.w(j) == ","
                && self.adj(j)
                && self
                    .t(j + 1)
                    .is_some_and(|n| n.kind == TokKind::Num && n.text.len() == 3 && !n.space_before)
            {
                v = v * 1000.0 + f64::from(self.t(j + 1)?.num?);
                j += 2;
            }
            if self.w(j) == "." && self.adj(j) && self.is_num(j + 1) && self.adj(j + 1) {
                let frac = self.t(j + 1)?;
                v += f64::from(frac.num?) / 10f64.powi(frac.text.len() as i32);
                j += 2;
            }
            // "5 1/2", "2½"
            if self.is_num(j)
                && self.w(j + 1) == "/"
                && self.adj(j + 1)
                && self.is_num(j + 2)
                && self.adj(j + 2)
            {
                let a = f64::from(self.t(j)?.num?);
                let b = f64::from(self.t(j + 2)?.num?);
                if b > a && b > 0.0 {
                    v += a / b;
                    j += 3;
                }
            } else if self.w(j) == "½" {
                v += 0.5;
                j += 1;
            }
            return Some((j, Amount::Num(v)));
        }
        if t.kind != TokKind::Word {
            return None;
        }
        match t.lower.as_ref() {
            "a" | "an" | "one" => {
                match (self.w(i + 1), self.w(i + 2)) {
                    ("few", _) => return Some((i + 2, Amount::Vague)),
                    ("couple", "of") => return Some((i + 3, Amount::Num(2.0))),
                    ("dozen", _) => return Some((i + 2, Amount::Num(12.0))),
                    ("half", _) => return Some((i + 2, Amount::Num(0.5))),
                    ("hundred", _) => return Some((i + 2, Amount::Num(100.0))),
                    ("number", "of") => return Some((i + 3, Amount::Vague)),
                    _ => {}
                }
                if t.lower == "one" {
                    if let Some(r) = self.and_a_half(i + 1, 1.0) {
                        return Some(r);
                    }
                }
                return Some((i + 1, Amount::Num(1.0)));
            }
            "half" if matches!(self.w(i + 1), "a" | "an") => {
                return Some((i + 2, Amount::Num(0.5)))
            }
            "few" | "several" | "many" | "some" | "couple" => {
                let j = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
                return Some((j, Amount::Vague));
            }
            "dozens" | "hundreds" | "thousands" if self.w(i + 1) == "of" => {
                return Some((i + 2, Amount::Vague))
            }
            _ => {}
        }
        let (j, n) = self.number_words(i)?;
        Some(self.and_a_half(j, n).unwrap_or((j, Amount::Num(n))))
    }

    pub(super) fn and_a_half(&self, j: usize, n: f64) -> Option<(usize, Amount)> {
        (self.w(j) == "and" && self.w(j + 1) == "a" && self.w(j + 2) == "half")
            .then_some((j + 3, Amount::Num(n + 0.5)))
    }

    /// Number words: "twenty-five", "forty", "one hundred".
    pub(super) fn number_words(&self, i: usize) -> Option<(usize, f64)> {
        let h = self.hit(i, Cat::Number, true)?;
        let mut n = f64::from(h.entry.num);
        let mut j = h.end;
        if (20.0..=90.0).contains(&n) {
            let k = if self.w(j) == "-" && self.adj(j) {
                j + 1
            } else {
                j
            };
            if let Some(u) = self.hit(k, Cat::Number, true) {
                if (1..=9).contains(&u.entry.num) && (k == j || self.adj(k)) {
                    n += f64::from(u.entry.num);
                    j = u.end;
                }
            }
        }
        if self.w(j) == "hundred" && n < 100.0 {
            n *= 100.0;
            j += 1;
        }
        Some((j, n))
    }

    /// A year expression for "of ...", "...'s": 1990, fiscal 1990, this/last/next year.
    pub(super) fn year_expr(&self, i: usize) -> Option<(usize, YearRef)> {
        let mut j = i;
        if self.w(j) == "fiscal" {
            j += 1;
        }
        if let Some((e, y)) = self.year4(j) {
            return Some((e, YearRef::Abs(y)));
        }
        if let Some(Core {
            end,
            sem: Sem::Year(y),
            ..
        }) = self.spoken_year(j)
        {
            return Some((end, y));
        }
        let n = match self.w(i) {
            "this" | "the" => 0,
            "last" => -1,
            "next" => 1,
            _ => return None,
        };
        if self.w(i + 1) == "year"
            || (self.w(i) == "the" && self.w(i + 1) == "current" && self.w(i + 2) == "year")
        {
            let e = if self.w(i + 1) == "year" {
                i + 2
            } else {
                i + 3
            };
            return Some((e, YearRef::Rel(n)));
        }
        None
    }
}

/// Words after which a unit is counted or determined ("the years", "two years").
pub(super) fn after_t(prev: &str) -> bool {
    matches!(
        prev,
        "the" | "these" | "those" | "a" | "an" | "few" | "several" | "many"
    )
}

/// A part-of-day code as a clock.
pub(super) fn part_clock(code: &'static str) -> Clock {
    if code.len() == 5 {
        let h = code.get(0..2).and_then(|s| s.parse().ok()).unwrap_or(12);
        let m = code.get(3..5).and_then(|s| s.parse().ok()).unwrap_or(0);
        Clock::At(h, m)
    } else {
        Clock::Part(code)
    }
}

/// "89" → 1989, "25" → 2025.
pub(super) fn two_digit_year(n: u32) -> i32 {
    if n <= 40 {
        2000 + n as i32
    } else {
        1900 + n as i32
    }
}

/// Whether a modifier can attach to a meaning: approximations go with amounts and points in
/// time, positions ("early", "the end of") with calendar periods.
fn modifier_fits(m: &str, sem: &Sem) -> bool {
    let positional = matches!(m, "START" | "END" | "MID");
    match sem {
        Sem::Duration(..) => !positional,
        Sem::Set(_) => false,
        Sem::Ref(r) => *r == "PAST_REF" && !positional,
        Sem::Ymd(_) | Sem::MonthDay(..) => matches!(m, "APPROX" | "START" | "END"),
        Sem::Weekday(..) | Sem::DayOffset(_) => positional,
        Sem::At(_, Clock::At(..)) => matches!(m, "APPROX" | "START" | "END"),
        _ => true,
    }
}
