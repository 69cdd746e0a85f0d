//! Phrase patterns: "last week", "two years ago", "the third quarter", "the past two months",
//! "daily", "every Monday", "now", "recently", "the future".

use super::grammar::{adjectival, after_t, core, part_clock, Core, Scanner};
use super::lex::{Cat, TokKind};
use super::resolve::{duration_value, Amount, Pick, Sem, Unit};

impl Scanner<'_, '_> {
    /// "last week", "this year", "next Monday", "last November", "this past spring",
    /// "the past two months", "the coming weeks", "the following day".
    pub(super) fn relative(&self, i: usize, after_the: bool) -> Option<Core> {
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
        // "this past Friday" is handled above; a bare "past Friday" is not said.
        if word == "past" {
            return None;
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

    /// "two weeks", "16-hour", "a couple of years", "5 1/2 hours", "three days ago", "a year
    /// earlier", "for years", "$5 a year" (a set). Not ages ("a 52-year-old").
    pub(super) fn duration(&self, i: usize, after_the: bool) -> Option<Core> {
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
                return core(i, e, Sem::Set(duration_value(Amount::Num(1.0), u)));
            }
        }
        if hyphen {
            return adjectival(i, e, Sem::Duration(a, u));
        }
        core(i, e, Sem::Duration(a, u))
    }

    /// "of the ...", "of its ...": the unit before is a fraction or a part ("a quarter of the
    /// vote"), not a time.
    pub(super) fn fraction_of(&self, e: usize) -> bool {
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
    pub(super) fn refs(&self, i: usize) -> Option<Core> {
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
    pub(super) fn the_phrase(&self, i: usize) -> Option<Core> {
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
    pub(super) fn year_ago(&self, i: usize) -> Option<usize> {
        (self.w(i) == "year"
            && self.w(i + 1) == "-"
            && self.adj(i + 1)
            && matches!(self.w(i + 2), "ago" | "earlier")
            && self.adj(i + 2))
        .then_some(i + 3)
    }

    /// "year-ago", "year-earlier" alone; "year-end", "year's end", "year end".
    pub(super) fn year_end(&self, i: usize) -> Option<Core> {
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
    pub(super) fn anaphor(&self, i: usize) -> Option<Core> {
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

    /// "daily", "every week", "each Thursday", "per year", "every other month".
    pub(super) fn set(&self, i: usize) -> Option<Core> {
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
            return core(i, e, Sem::Set(duration_value(Amount::Num(n), u)));
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
}
