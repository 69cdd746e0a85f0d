//! The patterns: at each token, the longest time expression that starts there.
//!
//! A hand-written matcher over the tokens of one sentence (no backtracking beyond a few tokens,
//! so the scan is linear). Each pattern returns a [`Core`]: the tokens it covers and its meaning.
//! [`Scanner::at`] adds what TimeML puts around a core: a determiner ("the third quarter"), a
//! modifier ("about two years", "late November", "the end of the year"; TIMEX3 `mod`).

use super::lex::{lookup, Cat, Hit, Tok, TokKind};
use super::resolve::{Amount, Clock, Pick, Sem, Unit, YearRef};

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
struct Core {
    start: usize,
    end: usize,
    sem: Sem,
    /// Only an expression with a modifier ("the end of the year", "mid afternoon").
    weak: bool,
    modifier: Option<&'static str>,
    /// A hyphenated adjective ("third-quarter", "two-week"): "the" before it belongs to the noun.
    adjectival: bool,
}

fn core(start: usize, end: usize, sem: Sem) -> Option<Core> {
    Some(Core {
        start,
        end,
        sem,
        weak: false,
        modifier: None,
        adjectival: false,
    })
}

fn adjectival(start: usize, end: usize, sem: Sem) -> Option<Core> {
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
fn is_approximator(m: &str) -> bool {
    !matches!(m, "START" | "END" | "MID")
}

/// Words after which a bare month or season name is a time ("in May", "since March").
const TIME_PREPS: &[&str] = &[
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "during",
    "from",
    "through",
    "throughout",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "between",
    "and",
    "or",
    "to",
    "for",
    "that",
    "each",
    "every",
    "on",
    "into",
    "-",
    "around",
    "about",
    "end",
];

/// Nouns after which a four-digit number is a count, not a year.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "men",
    "women",
    "children",
    "soldiers",
    "troops",
    "workers",
    "jobs",
    "votes",
    "points",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "feet",
    "ft",
    "meters",
    "metres",
    "m",
    "kg",
    "tons",
    "tonnes",
    "pounds",
    "dollars",
    "euros",
    "yen",
    "barrels",
    "shares",
    "units",
    "cars",
    "homes",
    "houses",
    "cases",
    "deaths",
    "bodies",
    "prisoners",
    "employees",
    "students",
    "members",
    "copies",
    "calories",
    "hectares",
    "acres",
    "rooms",
    "beds",
    "pages",
    "words",
    "times",
    "percent",
    "per",
    "mph",
    "rpm",
    "mw",
    "gb",
    "mb",
    "residents",
    "refugees",
    "patients",
    "visitors",
    "fans",
    "users",
    "customers",
    "signatures",
];

/// Time-zone abbreviations that may follow a clock time.
const ZONES: &[&str] = &[
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "ct", "gmt", "utc", "bst",
    "cet", "cest", "eet", "eest", "msk", "ist", "jst", "aest", "aedt", "hkt", "sgt",
];

/// Past participles and past forms that do not mark a past event before a date ("scheduled for
/// Monday" is ahead).
const AHEAD_WORDS: &[&str] = &[
    "will",
    "ll",
    "shall",
    "scheduled",
    "schedule",
    "planned",
    "plans",
    "plan",
    "planning",
    "expected",
    "expects",
    "expect",
    "due",
    "upcoming",
    "next",
    "slated",
    "intends",
    "intend",
    "hopes",
    "aims",
    "going",
    "until",
    "till",
    "wird",
    "werden",
    "sera",
    "seront",
    "será",
    "serán",
    "sarà",
    "будет",
    "payable",
    "starting",
    "beginning",
    "effective",
    "by",
];

/// Words before a past participle that make it an adjective or a present passive, not a past
/// tense ("a still unspecified date", "is expected").
const NOT_PAST_BEFORE: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "still",
    "very",
    "newly",
    "recently",
    "previously",
    "already",
    "not",
    "be",
    "been",
    "being",
    "is",
    "are",
    "am",
    "will",
    "'s",
    "s",
];

/// Words that mark the past.
const PAST_WORDS: &[&str] = &[
    "said",
    "was",
    "were",
    "had",
    "did",
    "ago",
    "last",
    "told",
    "went",
    "came",
    "met",
    "made",
    "took",
    "gave",
    "saw",
    "got",
    "left",
    "led",
    "won",
    "lost",
    "held",
    "began",
    "fell",
    "rose",
    "sent",
    "spoke",
    "found",
    "struck",
    "wrote",
    "announced",
    "since",
    "earlier",
    "yesterday",
    "hit",
    "killed",
    "died",
    "became",
    "brought",
    "ran",
    "sold",
    "bought",
    "paid",
    "put",
    "set",
    "shot",
    "kept",
    "felt",
    "heard",
    "meant",
    "stood",
    "won",
    "broke",
    "chose",
    "drove",
    "flew",
    "grew",
    "knew",
    "threw",
    "overnight",
    "closed",
    "opened",
    "ended",
    "reported",
];

/// The scanner over one sentence.
pub(super) struct Scanner<'a, 'b> {
    /// The sentence's tokens.
    pub toks: &'b [Tok<'a>],
    /// The text's language, when known.
    pub lang: Option<&'b str>,
}

impl Scanner<'_, '_> {
    fn t(&self, i: usize) -> Option<&Tok<'_>> {
        self.toks.get(i)
    }

    /// Lowercased token text, "" past the end.
    fn w(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.lower.as_str())
    }

    /// The token exists and touches the one before it.
    fn adj(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    fn is_num(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Num)
    }

    fn prev_word(&self, i: usize) -> &str {
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
    fn prefix(&self, i: usize) -> Option<(usize, &'static str)> {
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
    fn core_det(&self, i: usize) -> Option<Core> {
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
    fn core_the(&self, i: usize) -> Option<Core> {
        let mut best: Option<Core> = None;
        for c in [
            self.the_phrase(i),
            self.relative(i, true),
            self.duration(i, true),
            self.quarter(i),
            self.season(i, true),
            self.decade(i),
            self.century(i),
            self.year_of_the(i),
            self.day_first(i),
        ]
        .into_iter()
        .flatten()
        {
            if best.as_ref().is_none_or(|b| c.end > b.end) {
                best = Some(c);
            }
        }
        best
    }

    /// Every core starting at `i` (without a determiner); the longest wins.
    fn core(&self, i: usize) -> Option<Core> {
        let t = self.t(i)?;
        if t.kind == TokKind::Punct && !matches!(t.text, "'" | "’" | "½") {
            return None;
        }
        let mut best: Option<Core> = None;
        for c in [
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
        ]
        .into_iter()
        .flatten()
        {
            if best.as_ref().is_none_or(|b| c.end > b.end) {
                best = Some(c);
            }
        }
        best
    }

    // ---- pieces ----------------------------------------------------------------------------

    fn hit(&self, i: usize, cat: Cat, any_lang: bool) -> Option<Hit<'static>> {
        let h = lookup(self.toks, i, cat)?;
        let e = h.entry;
        // A foreign abbreviation that is an English word ("out.", "ago.") needs the language.
        if e.lang_only && (!any_lang || e.abbr) && self.lang != Some(e.lang) {
            return None;
        }
        Some(h)
    }

    /// An amount starts at `i` (a number, a number word, "a", "an", "half").
    fn starts_amount(&self, i: usize) -> bool {
        self.is_num(i)
            || matches!(self.w(i), "a" | "an" | "half")
            || self.hit(i, Cat::Number, true).is_some()
    }

    /// A month, weekday or relative-day name standing alone: its language must fit.
    fn bare_ok(&self, h: &Hit<'_>, i: usize) -> bool {
        let e = h.entry;
        if e.lang == "en" {
            return true;
        }
        match self.lang {
            Some(l) => l == e.lang,
            None => e.lang == "de" || !self.t(i).is_some_and(|t| t.upper),
        }
    }

    /// A day of the month: "27", "27th", "27." (German).
    fn day_num(&self, i: usize) -> Option<(usize, u32)> {
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
    fn year4(&self, i: usize) -> Option<(usize, i32)> {
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
    fn ordinal(&self, i: usize) -> Option<(usize, u32)> {
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
    fn unit(&self, i: usize) -> Option<(usize, Unit, bool)> {
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
    fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        let t = self.t(i)?;
        if t.kind == TokKind::Num {
            let mut v = f64::from(t.num?);
            let mut j = i + 1;
            while self.w(j) == ","
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
        match t.lower.as_str() {
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

    fn and_a_half(&self, j: usize, n: f64) -> Option<(usize, Amount)> {
        (self.w(j) == "and" && self.w(j + 1) == "a" && self.w(j + 2) == "half")
            .then_some((j + 3, Amount::Num(n + 0.5)))
    }

    /// Number words: "twenty-five", "forty", "one hundred".
    fn number_words(&self, i: usize) -> Option<(usize, f64)> {
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
    fn year_expr(&self, i: usize) -> Option<(usize, YearRef)> {
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

    // ---- patterns --------------------------------------------------------------------------

    /// 2025-11-27, 27.11.2025, 11/27/2025, 27/11/2025, 2025/11/27.
    fn numeric_date(&self, i: usize) -> Option<Core> {
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
        let date = crate::facts::date::Date::new(y, m, d)?;
        core(i, i + 5, Sem::Ymd(date))
    }

    /// "Nov. 27", "November 27, 2025", "November 2025", "January last year", "November".
    fn month_first(&self, i: usize) -> Option<Core> {
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
                let date = crate::facts::date::Date::new(y, m, d)?;
                return core(i, e2, Sem::Ymd(date));
            }
            if d > crate::facts::date::days_in_month(2000, m) {
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
            if next_upper && !prep {
                return None;
            }
        }
        core(i, j, Sem::Month(m, None, Pick::Bare))
    }

    /// "27 November 2025", "27. November", "27th of November", "27 de noviembre de 2025",
    /// "27 ноября 2025 года".
    fn day_first(&self, i: usize) -> Option<Core> {
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
            let date = crate::facts::date::Date::new(y, m, d)?;
            return core(i, e, Sem::Ymd(date));
        }
        if d > crate::facts::date::days_in_month(2000, m) {
            return None;
        }
        core(i, e, Sem::MonthDay(m, d, None))
    }

    /// "Thursday", "Friday, Oct. 23", "Wednesday night", "Mondays".
    fn weekday(&self, i: usize) -> Option<Core> {
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
    fn relday(&self, i: usize) -> Option<Core> {
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
    fn year(&self, i: usize) -> Option<Core> {
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
                    p.lower.as_str(),
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
            if n.kind == TokKind::Num || COUNT_NOUNS.contains(&n.lower.as_str()) {
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
    fn spoken_year(&self, i: usize) -> Option<Core> {
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
    fn year_of_the(&self, i: usize) -> Option<Core> {
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
    fn decade(&self, i: usize) -> Option<Core> {
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
    fn century(&self, i: usize) -> Option<Core> {
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
    fn quarter(&self, i: usize) -> Option<Core> {
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
    fn q_year(&self, i: usize) -> (usize, Option<YearRef>) {
        if let Some((e, y)) = self.year4(i) {
            return (e, Some(YearRef::Abs(y)));
        }
        if let Some(n) = self.t(i).and_then(|t| t.num_len(2)) {
            return (i + 1, Some(YearRef::Abs(two_digit_year(n))));
        }
        (i, None)
    }

    /// "last week", "this year", "next Monday", "last November", "this past spring",
    /// "the past two months", "the coming weeks", "the following day".
    fn relative(&self, i: usize, after_the: bool) -> Option<Core> {
        let mut j = i + 1;
        let n: i64 = match self.w(i) {
            "this" if self.w(i + 1) == "past" => {
                j = i + 2;
                -1
            }
            "this" | "current" => 0,
            "last" | "past" => -1,
            "next" | "coming" => 1,
            "previous" | "preceding" | "following" | "same" | "latest" | "first" if after_the => 0,
            _ => return None,
        };
        let word = self.w(i);
        let anaphoric = matches!(word, "previous" | "preceding" | "following" | "same");
        // "the past two months", "the next few days", "the first nine months"
        if !anaphoric || word == "following" {
            if let Some((k, a)) = self
                .amount(j)
                .filter(|(_, a)| !matches!(a, Amount::Num(x) if *x == 1.0 && self.w(j) != "one"))
            {
                if let Some((e, u, _)) = self.unit(k) {
                    return core(i, e, Sem::Duration(a, u));
                }
            }
        }
        if word == "first" || word == "latest" {
            if word == "latest" && self.w(j) == "quarter" {
                return core(i, j + 1, Sem::LatestQuarter);
            }
            return None;
        }
        if let Some((e, u, plural)) = self.unit(j) {
            if plural {
                // "the coming weeks", "the past months"
                if matches!(word, "coming" | "past" | "last" | "next") && !u.is_clock()
                    || u == Unit::Hour
                {
                    return core(i, e, Sem::Duration(Amount::Vague, u));
                }
                return None;
            }
            if u == Unit::Weekend {
                let n = if anaphoric { 0 } else { n };
                return core(i, e, Sem::Weekend(n));
            }
            if anaphoric {
                let n = match word {
                    "previous" | "preceding" => -1,
                    "following" => 1,
                    _ => 0,
                };
                if u.is_clock() {
                    return None;
                }
                return core(i, e, Sem::FocusOffset(u, n));
            }
            if matches!(u, Unit::Day) || u.is_clock() {
                return None;
            }
            // "the past year" is the year before; "last quarter" likewise.
            return core(i, e, Sem::UnitOffset(u, n));
        }
        if anaphoric || word == "current" || word == "coming" {
            return None;
        }
        let pick = match n {
            -1 => Pick::Last,
            1 => Pick::Next,
            _ => Pick::This,
        };
        if word == "past" && !matches!(self.w(i - usize::from(i > 0)), "this") {
            // "past Friday" is rare; "this past Friday" is handled above.
            if i == 0 || self.w(i - 1) != "this" {
                return None;
            }
        }
        if let Some(h) = self.hit(j, Cat::Weekday, false) {
            return core(i, h.end, Sem::Weekday(h.entry.num as u32, pick));
        }
        if let Some(h) = self.hit(j, Cat::Month, false) {
            if self.day_num(h.end).is_some() {
                return None;
            }
            return core(i, h.end, Sem::Month(h.entry.num as u32, None, pick));
        }
        if let Some(h) = self.hit(j, Cat::Season, true) {
            return core(i, h.end, Sem::Season(h.entry.code, None, pick));
        }
        if let Some(p) = self.hit(j, Cat::PartOfDay, true) {
            let off = match (word, p.entry.code) {
                ("last", "NI" | "EV") => -1,
                ("this", _) => 0,
                _ => return None,
            };
            return core(
                i,
                p.end,
                Sem::At(
                    Some(Box::new(Sem::DayOffset(off))),
                    part_clock(p.entry.code),
                ),
            );
        }
        None
    }

    /// "two weeks", "16-hour", "52-year-old", "a couple of years", "5 1/2 hours", "three days
    /// ago", "a year earlier", "for years".
    fn duration(&self, i: usize, after_the: bool) -> Option<Core> {
        // "day-long", "year-long"
        if let Some((e, u, false)) = self.unit(i) {
            if self.w(e) == "-" && self.adj(e) && self.w(e + 1) == "long" && self.adj(e + 1) {
                return core(i, e + 2, Sem::Duration(Amount::Num(1.0), u));
            }
        }
        // Bare plurals: "for years", "in years.", "months of talks", "months ago".
        if let Some((e, u, true)) = self.unit(i) {
            let prev = self.prev_word(i);
            let next = self.w(e);
            if !after_the && next == "ago" {
                return core(i, e + 1, Sem::Ref("PAST_REF"));
            }
            let counted = !after_t(prev) && !u.is_clock() && u != Unit::Quarter;
            if !after_the && counted && matches!(prev, "for" | "within" | "after")
                || !after_the && counted && prev == "in" && matches!(next, "" | "." | "," | ";")
                || !after_the && counted && next == "of" && !self.fraction_of(e)
                || (after_the && self.w(i) == "years")
            {
                return core(i, e, Sem::Duration(Amount::Vague, u));
            }
        }
        let (j, a) = self.amount(i)?;
        if after_the && matches!(self.w(i), "a" | "an" | "few" | "some" | "many") {
            return None;
        }
        let hyphen = self.w(j) == "-" && self.adj(j) && self.adj(j + 1);
        let k = if hyphen { j + 1 } else { j };
        let (e, u, plural) = self.unit(k)?;
        if u == Unit::Weekend {
            return None;
        }
        // "one years" is not English; "two year" only as an adjective ("a six year term").
        if let Amount::Num(x) = a {
            if x == 1.0 && plural {
                return None;
            }
        }
        if matches!(a, Amount::Vague) && !plural {
            return None;
        }
        // Ages ("a 52-year-old", "37 years old") are not time expressions.
        if (hyphen && self.w(e) == "-" && self.adj(e) && self.w(e + 1) == "old")
            || (plural && self.w(e) == "old")
        {
            return None;
        }
        // "a second chance"; "three-quarters", "a quarter of the vote" are fractions.
        if u == Unit::Second && matches!(self.w(i), "a" | "an") {
            return None;
        }
        if u == Unit::Quarter && ((hyphen && plural) || self.fraction_of(e)) {
            return None;
        }
        let vague = matches!(a, Amount::Vague);
        let num = match a {
            Amount::Num(x) => x,
            Amount::Vague => 0.0,
        };
        let whole = (num.round() - num).abs() < 1e-9;
        match (self.w(e), self.w(e + 1)) {
            ("ago", _) if !after_the => {
                let sem = if vague {
                    Sem::Ref("PAST_REF")
                } else if u.is_clock() || !whole {
                    Sem::DayOffset(0)
                } else {
                    Sem::Ago(u, -(num as i64))
                };
                return core(i, e + 1, sem);
            }
            ("or", "so") if self.w(e + 2) == "ago" => {
                let sem = if vague || u.is_clock() || !whole {
                    Sem::Ref("PAST_REF")
                } else {
                    Sem::Ago(u, -(num as i64))
                };
                return Some(Core {
                    start: i,
                    end: e + 3,
                    sem,
                    weak: false,
                    modifier: Some("APPROX"),
                    adjectival: false,
                });
            }
            ("earlier" | "before", next) | ("later" | "after", next)
                if !after_the
                    && !u.is_clock()
                    && (matches!(self.w(e), "earlier" | "later")
                        || matches!(next, "" | "," | "." | ";")) =>
            {
                let sign = if matches!(self.w(e), "earlier" | "before") {
                    -1
                } else {
                    1
                };
                let sem = if vague || !whole {
                    Sem::Ref(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" })
                } else {
                    Sem::FocusOffset(u, sign * num as i64)
                };
                return core(i, e + 1, sem);
            }
            ("from", "now") | ("hence", _) if !after_the && !vague && whole => {
                let end = if self.w(e) == "hence" { e + 1 } else { e + 2 };
                return core(i, end, Sem::UnitOffset(u, num as i64));
            }
            _ => {}
        }
        // "$5 a year", "twice a week": a frequency.
        if matches!(self.w(i), "a" | "an") && !plural && !after_the {
            let prev = self.prev_word(i);
            let p = if i > 0 { self.t(i - 1) } else { None };
            if p.is_some_and(|p| p.kind == TokKind::Num)
                || matches!(
                    prev,
                    "times"
                        | "once"
                        | "twice"
                        | "thrice"
                        | "million"
                        | "billion"
                        | "%"
                        | "percent"
                        | "cents"
                        | "dollars"
                )
            {
                return core(
                    i,
                    e,
                    Sem::Set(super::resolve::duration_value(Amount::Num(1.0), u)),
                );
            }
        }
        if hyphen {
            return adjectival(i, e, Sem::Duration(a, u));
        }
        core(i, e, Sem::Duration(a, u))
    }

    /// "of the ...", "of its ...": the unit before is a fraction or a part ("a quarter of the
    /// vote"), not a time.
    fn fraction_of(&self, e: usize) -> bool {
        self.w(e) == "of"
            && self.year_expr(e + 1).is_none()
            && (matches!(
                self.w(e + 1),
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "all"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "them"
                    | "us"
                    | "it"
            ) || self.is_num(e + 1))
    }

    /// PRESENT_REF, PAST_REF, FUTURE_REF words.
    fn refs(&self, i: usize) -> Option<Core> {
        let w = self.w(i);
        let r = |end: usize, v: &'static str| core(i, end, Sem::Ref(v));
        match w {
            "now" => r(i + 1, "PRESENT_REF"),
            "currently" | "nowadays" => r(i + 1, "PRESENT_REF"),
            "these" if self.w(i + 1) == "days" => r(i + 2, "PRESENT_REF"),
            "present" if self.prev_word(i) == "at" => r(i + 1, "PRESENT_REF"),
            "recently" | "lately" | "formerly" => r(i + 1, "PAST_REF"),
            "more" if self.w(i + 1) == "recently" => r(i + 2, "PAST_REF"),
            "recent" => {
                let (e, _, plural) = self.unit(i + 1)?;
                plural.then_some(())?;
                r(e, "PAST_REF")
            }
            "soon" if !(self.prev_word(i) == "as" && self.w(i + 1) == "as") => {
                r(i + 1, "FUTURE_REF")
            }
            "future" => {
                if let Some((e, _, true)) = self.unit(i + 1) {
                    return r(e, "FUTURE_REF");
                }
                (self.prev_word(i) == "in").then_some(())?;
                r(i + 1, "FUTURE_REF")
            }
            _ => None,
        }
    }

    /// Phrases after "the": "the future", "the past", "the quarter", "the weekend",
    /// "the year-ago quarter", "the summer", "the year" (weak), "the same day".
    fn the_phrase(&self, i: usize) -> Option<Core> {
        let w = self.w(i);
        let r = |end: usize, v: &'static str| core(i, end, Sem::Ref(v));
        match w {
            "future" => return r(i + 1, "FUTURE_REF"),
            "past" if self.unit(i + 1).is_none() && self.amount(i + 1).is_none() => {
                return r(i + 1, "PAST_REF")
            }
            "present"
                if !self.is_num(i + 1)
                    && self.t(i + 1).is_none_or(|t| t.kind == TokKind::Punct) =>
            {
                return r(i + 1, "PRESENT_REF")
            }
            "moment" if self.prev_word(i.saturating_sub(1)) == "at" => {
                return r(i + 1, "PRESENT_REF")
            }
            "near" if matches!(self.w(i + 1), "future" | "term") => return r(i + 2, "FUTURE_REF"),
            "weekend" => return core(i, i + 1, Sem::Weekend(0)),
            "quarter" if !self.t(i).is_some_and(|t| t.upper) => {
                if self.w(i + 1) == "a"
                    && self.w(i + 2) == "year"
                    && matches!(self.w(i + 3), "ago" | "earlier")
                {
                    return core(i, i + 4, Sem::FocusQuarter(-1));
                }
                if self.w(i + 1) == "of" {
                    return None;
                }
                return core(i, i + 1, Sem::FocusQuarter(0));
            }
            "most" if self.w(i + 1) == "recent" && self.w(i + 2) == "quarter" => {
                return core(i, i + 3, Sem::LatestQuarter)
            }
            "same" | "next" | "following" | "previous" if self.w(i + 1) == "day" => {
                let n = match w {
                    "same" => 0,
                    "previous" => -1,
                    _ => 1,
                };
                return core(i, i + 2, Sem::FocusOffset(Unit::Day, n));
            }
            "day"
                if matches!(self.w(i + 1), "before" | "after")
                    && matches!(self.w(i + 2), "" | "," | "." | ";") =>
            {
                let n = if self.w(i + 1) == "before" { -1 } else { 1 };
                return core(i, i + 2, Sem::FocusOffset(Unit::Day, n));
            }
            _ => {}
        }
        // "the weeks ahead", "the months to come"
        if let Some((e, u, true)) = self.unit(i) {
            if self.w(e) == "ahead" || (self.w(e) == "to" && self.w(e + 1) == "come") {
                let end = if self.w(e) == "ahead" { e + 1 } else { e + 2 };
                return core(i, end, Sem::Duration(Amount::Vague, u));
            }
        }
        // "the year-ago quarter", "the comparable year-earlier period", "the year-ago period"
        let mut j = i;
        if matches!(self.w(j), "comparable" | "same") {
            j += 1;
        }
        if let Some(e) = self.year_ago(j) {
            if matches!(self.w(e), "quarter" | "period") {
                return core(i, e + 1, Sem::FocusQuarter(-1));
            }
        }
        // "the year", "the fiscal year", "the month": durations after "for", else weak.
        let mut k = i;
        let fiscal = self.w(k) == "fiscal";
        if fiscal || self.w(k) == "current" {
            k += 1;
        }
        if let Some((e, u, false)) = self.unit(k) {
            if matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Quarter) {
                let before = self.prev_word(i.saturating_sub(1));
                if matches!(before, "for" | "during" | "throughout" | "over")
                    && self.w(k) != "quarter"
                {
                    return core(i, e, Sem::Duration(Amount::Num(1.0), u));
                }
                if self.w(i) == "current" || fiscal && u == Unit::Year {
                    return core(i, e, Sem::UnitOffset(u, 0));
                }
                if u != Unit::Quarter {
                    return Some(Core {
                        start: i,
                        end: e,
                        sem: Sem::UnitOffset(u, 0),
                        weak: true,
                        modifier: None,
                        adjectival: false,
                    });
                }
            }
        }
        None
    }

    /// "year-ago", "year-earlier": the index after it.
    fn year_ago(&self, i: usize) -> Option<usize> {
        (self.w(i) == "year"
            && self.w(i + 1) == "-"
            && self.adj(i + 1)
            && matches!(self.w(i + 2), "ago" | "earlier")
            && self.adj(i + 2))
        .then_some(i + 3)
    }

    /// "year-ago", "year-earlier" alone; "year-end", "year's end", "year end".
    fn year_end(&self, i: usize) -> Option<Core> {
        if let Some(e) = self.year_ago(i) {
            return core(i, e, Sem::FocusOffset(Unit::Year, -1));
        }
        if !matches!(self.w(i), "year" | "month") {
            return None;
        }
        let u = if self.w(i) == "year" {
            Unit::Year
        } else {
            Unit::Month
        };
        let e = match (self.w(i + 1), self.w(i + 2), self.w(i + 3)) {
            ("-", "end", _) if self.adj(i + 1) => i + 3,
            ("end", _, _) => i + 2,
            ("'", "s", "end") => i + 4,
            _ => return None,
        };
        Some(Core {
            start: i,
            end: e,
            sem: Sem::UnitOffset(u, 0),
            weak: false,
            modifier: Some("END"),
            adjectival: false,
        })
    }

    /// "that day", "that year" (the time in focus).
    fn anaphor(&self, i: usize) -> Option<Core> {
        if self.w(i) != "that" {
            return None;
        }
        let (e, u, false) = self.unit(i + 1)? else {
            return None;
        };
        if u.is_clock() || u == Unit::Weekend {
            return None;
        }
        if u == Unit::Quarter {
            return core(i, e, Sem::FocusQuarter(0));
        }
        core(i, e, Sem::FocusOffset(u, 0))
    }

    /// "10 p.m.", "6:30 a.m. EST Tuesday", "14:30", "noon Thursday", "10 Uhr", "10h30".
    fn clock(&self, i: usize) -> Option<Core> {
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
    fn am_pm(&self, j: usize) -> (usize, Option<bool>) {
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

    /// "daily", "every week", "each Thursday", "per year", "every other month".
    fn set(&self, i: usize) -> Option<Core> {
        if let Some(h) = self.hit(i, Cat::Set, true).filter(|h| h.entry.lang == "en") {
            return core(i, h.end, Sem::Set(h.entry.code.to_string()));
        }
        let w = self.w(i);
        if !matches!(w, "every" | "each" | "per") {
            return None;
        }
        let mut j = i + 1;
        let mut n = 1.0;
        if self.w(j) == "other" {
            n = 2.0;
            j += 1;
        } else if let Some((k, Amount::Num(x))) =
            self.amount(j).filter(|_| w == "every" && self.w(j) != "a")
        {
            n = x;
            j = k;
        }
        if let Some((e, u, _)) = self.unit(j) {
            return core(
                i,
                e,
                Sem::Set(super::resolve::duration_value(Amount::Num(n), u)),
            );
        }
        if w == "per" {
            return None;
        }
        if let Some(h) = self.hit(j, Cat::Weekday, false) {
            return core(i, h.end, Sem::Set(format!("XXXX-WXX-{}", h.entry.num)));
        }
        if let Some(h) = self.hit(j, Cat::Month, false) {
            return core(i, h.end, Sem::Set(format!("XXXX-{:02}", h.entry.num)));
        }
        if let Some(h) = self.hit(j, Cat::Season, true) {
            return core(i, h.end, Sem::Set(format!("XXXX-{}", h.entry.code)));
        }
        if let Some(h) = self
            .hit(j, Cat::PartOfDay, true)
            .filter(|h| h.entry.code.len() == 2)
        {
            return core(i, h.end, Sem::Set(format!("XXXX-XX-XXT{}", h.entry.code)));
        }
        None
    }

    /// "Christmas", "Thanksgiving Day", "Easter 2026".
    fn holiday(&self, i: usize) -> Option<Core> {
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
    fn season(&self, i: usize, after_the: bool) -> Option<Core> {
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
    fn part_of_day(&self, i: usize) -> Option<Core> {
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

/// Words after which a unit is counted or determined ("the years", "two years").
fn after_t(prev: &str) -> bool {
    matches!(
        prev,
        "the" | "these" | "those" | "a" | "an" | "few" | "several" | "many"
    )
}

/// A part-of-day code as a clock.
fn part_clock(code: &'static str) -> Clock {
    if code.len() == 5 {
        let h = code.get(0..2).and_then(|s| s.parse().ok()).unwrap_or(12);
        let m = code.get(3..5).and_then(|s| s.parse().ok()).unwrap_or(0);
        Clock::At(h, m)
    } else {
        Clock::Part(code)
    }
}

/// "89" → 1989, "25" → 2025.
fn two_digit_year(n: u32) -> i32 {
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

/// The tense around tokens `start..end` of a sentence: the nearest strong marker within eight
/// tokens on either side (before wins a tie), else the nearest weak one. Strong future markers:
/// "will", "scheduled", "plans", "is to", "as early as"; strong past markers: "was", "ago", past
/// forms. Weak: "by", "until" right before the expression (a deadline), and a reporting "said"
/// that is not next to it.
pub(super) fn tense(toks: &[Tok<'_>], start: usize, end: usize) -> super::resolve::Tense {
    use super::resolve::Tense;
    let word = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    // (tense, strong)
    let classify = |k: usize| -> Option<(Tense, bool)> {
        let w = word(k);
        let right_before = k + 1 == start;
        let near = k + 2 >= start && k <= end + 1;
        if matches!(
            w,
            "until" | "till" | "by" | "starting" | "beginning" | "effective"
        ) {
            // A deadline after an infinitive ("asked it to respond by Oct. 31") lies ahead.
            let infinitive = (k.saturating_sub(6)..k).any(|j| {
                word(j) == "to"
                    && toks
                        .get(j + 1)
                        .is_some_and(|t| t.kind == TokKind::Word && !t.upper)
            });
            let deadline = matches!(w, "by" | "until" | "till");
            return right_before.then_some((Tense::Future, !deadline || infinitive));
        }
        if AHEAD_WORDS.contains(&w) {
            return Some((Tense::Future, true));
        }
        // "as early as Tuesday", "as soon as Monday"
        if right_before && w == "as" && matches!(word(k.wrapping_sub(1)), "early" | "soon") {
            return Some((Tense::Future, true));
        }
        if w == "to" && k < start {
            let before = word(k.wrapping_sub(1));
            if matches!(
                before,
                "is" | "are"
                    | "set"
                    | "going"
                    | "due"
                    | "expected"
                    | "scheduled"
                    | "planned"
                    | "plans"
            ) {
                return Some((Tense::Future, true));
            }
        }
        if matches!(w, "said" | "says" | "told") {
            return Some((Tense::Past, near));
        }
        let participle = PAST_WORDS.contains(&w)
            || (w.len() > 4 && w.ends_with("ed") && toks.get(k).is_some_and(|t| !t.upper));
        if participle {
            // "will be paid", "a still unspecified date": not a past tense.
            let plain_past = matches!(
                w,
                "was" | "were" | "had" | "did" | "ago" | "last" | "since" | "earlier" | "yesterday"
            );
            if !plain_past && NOT_PAST_BEFORE.contains(&word(k.wrapping_sub(1))) {
                return None;
            }
            return Some((Tense::Past, true));
        }
        None
    };
    let stop = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matches!(t.text, ";" | "“" | "”" | "\"" | "(" | ")"))
    };
    // The nearest strong and the nearest weak marker: (distance, tense).
    let mut strong: Option<(usize, Tense)> = None;
    let mut weak: Option<(usize, Tense)> = None;
    let mut note = |dist: usize, t: Tense, is_strong: bool| {
        let slot = if is_strong { &mut strong } else { &mut weak };
        if slot.is_none_or(|(d, _)| dist < d) {
            *slot = Some((dist, t));
        }
    };
    for (dist, k) in (start.saturating_sub(8)..start).rev().enumerate() {
        if stop(k) {
            break;
        }
        if let Some((t, st)) = classify(k) {
            note(dist, t, st);
            if st {
                break;
            }
        }
    }
    for (dist, k) in (end..(end + 8).min(toks.len())).enumerate() {
        if stop(k) {
            break;
        }
        if let Some((t, st)) = classify(k) {
            // After the expression, a tie goes to the marker before it.
            note(dist + 1, t, st);
            if st {
                break;
            }
        }
    }
    strong.or(weak).map_or(Tense::Unknown, |(_, t)| t)
}
