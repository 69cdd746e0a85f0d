//! What a found expression means ([`Sem`]) and its TIMEX3 value against the reference date.
//!
//! Conventions (TimeML / TIMEX3, Pustejovsky et al. 2003; TimeML Annotation Guidelines 1.2.1):
//! values are ISO 8601 shaped (`2025-11-27`, `2025-11`, `2025`, `2025-W47`, `2025-Q3`, `2025-SU`,
//! `199` for a decade, `19` for a century, `2025-11-27T14:30`, `2025-11-27TNI`), durations `P3D`,
//! `PT2H`, `PXY` (unknown amount), and `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
//!
//! Without a reference date a relative expression keeps what it states and writes the rest as
//! `X`: "Thursday" → `XXXX-WXX-4`, "Nov. 27" → `XXXX-11-27`, "the third quarter" → `XXXX-Q3`,
//! "yesterday" → `XXXX-XX-XX`, "last week" → `XXXX-WXX`, "last year" → `XXXX`.
//!
//! Resolution follows news convention: a bare weekday is the most recent such day on or before
//! the reference date unless the tense points ahead (then the next one on or after it); a bare
//! month-day or month is the nearest occurrence (past or future by tense); "a year earlier" and
//! "the quarter" refer to the quarter the text is talking about (the last one mentioned).

use crate::facts::date::{days_in_month, Date};

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Decade,
    Century,
    Quarter,
    Fortnight,
    Weekend,
}

impl Unit {
    /// From the word table's code.
    pub fn from_code(c: &str) -> Option<Unit> {
        Some(match c {
            "Y" => Unit::Year,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "Q" => Unit::Quarter,
            "FN" => Unit::Fortnight,
            "WE" => Unit::Weekend,
            _ => return None,
        })
    }

    /// TIMEX3 period letters and whether they follow `T`.
    fn period(self) -> (&'static str, bool, f64) {
        match self {
            Unit::Year => ("Y", false, 1.0),
            Unit::Month => ("M", false, 1.0),
            Unit::Week => ("W", false, 1.0),
            Unit::Day => ("D", false, 1.0),
            Unit::Hour => ("H", true, 1.0),
            Unit::Minute => ("M", true, 1.0),
            Unit::Second => ("S", true, 1.0),
            Unit::Decade => ("Y", false, 10.0),
            Unit::Century => ("Y", false, 100.0),
            Unit::Quarter => ("Q", false, 1.0),
            Unit::Fortnight => ("W", false, 2.0),
            Unit::Weekend => ("D", false, 2.0),
        }
    }

    /// True for units that measure a time of day.
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Hour | Unit::Minute | Unit::Second)
    }
}

/// An amount: a number, or unknown ("several", "a few", bare plurals).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Amount {
    Num(f64),
    Vague,
}

/// A year: absolute or relative to the reference year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum YearRef {
    Abs(i32),
    Rel(i32),
}

/// Which one of a repeating day, month or season.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pick {
    /// As the tense and news convention say.
    Bare,
    /// "last Friday": the one before the reference (strictly).
    Last,
    /// "this Friday": the one in the current week / year.
    This,
    /// "next Friday": the one after the reference (strictly).
    Next,
}

/// The tense around an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tense {
    Past,
    Future,
    Unknown,
}

/// A time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Clock {
    /// Hours and minutes (24 h; 24:00 is midnight at the end of the day).
    At(u32, u32),
    /// A part of the day: MO, AF, EV, NI.
    Part(&'static str),
}

/// The meaning of an expression, before the reference date is applied.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Sem {
    /// A calendar date.
    Ymd(Date),
    /// Month and day, year maybe given.
    MonthDay(u32, u32, Option<YearRef>),
    /// A month, year maybe given.
    Month(u32, Option<YearRef>, Pick),
    /// A year.
    Year(YearRef),
    /// A decade as its first three digits (199 = the 1990s).
    Decade(i32),
    /// A century as its first two digits (19 = the 20th century).
    Century(i32),
    /// A quarter of a year.
    Quarter(u32, Option<YearRef>),
    /// A half of a year.
    Half(u32, Option<YearRef>),
    /// A season (SP SU FA WI), with an explicit year or a pick.
    Season(&'static str, Option<YearRef>, Pick),
    /// A weekday (1 = Monday).
    Weekday(u32, Pick),
    /// A day relative to the reference ("yesterday" = -1).
    DayOffset(i64),
    /// A calendar unit relative to the reference ("last week" = Week, -1).
    UnitOffset(Unit, i64),
    /// A calendar unit relative to the date in focus ("a year earlier", "the following day").
    FocusOffset(Unit, i64),
    /// "N units ago": relative to the reference, except that "a year ago" next to a quarter
    /// means that quarter a year before.
    Ago(Unit, i64),
    /// The quarter in focus, shifted by whole years ("the quarter", "the year-ago quarter").
    FocusQuarter(i32),
    /// The most recent completed quarter ("the latest quarter").
    LatestQuarter,
    /// A weekend relative to the reference week.
    Weekend(i64),
    /// A holiday: a fixed `MM-DD` or a rule, with an optional year.
    Holiday(&'static str, Option<YearRef>),
    /// PRESENT_REF, PAST_REF, FUTURE_REF.
    Ref(&'static str),
    /// A length of time.
    Duration(Amount, Unit),
    /// A recurring time, value given.
    Set(String),
    /// A date with a time of day.
    At(Option<Box<Sem>>, Clock),
}

/// What the resolver knows about the document so far.
#[derive(Clone, Debug, Default)]
pub(super) struct Focus {
    /// The reference date.
    pub reference: Option<Date>,
    /// The last fully resolved day.
    pub day: Option<Date>,
    /// The first day of the last resolved month (or day).
    pub month: Option<Date>,
    /// The last resolved quarter (year, quarter).
    pub quarter: Option<(i32, u32)>,
    /// Sentence index of the last quarter, to keep "a year earlier" local.
    pub quarter_sentence: Option<usize>,
    /// Index of the sentence being resolved.
    pub sentence: usize,
}

impl Focus {
    /// The quarter in focus when it was named at most two sentences back.
    fn near_quarter(&self) -> Option<(i32, u32)> {
        let qs = self.quarter_sentence?;
        (self.sentence.saturating_sub(qs) <= 4).then_some(self.quarter?)
    }
}

/// The TIMEX3 type a meaning has.
pub(super) fn kind_of(sem: &Sem) -> super::TimeKind {
    use super::TimeKind;
    match sem {
        Sem::Duration(..) => TimeKind::Duration,
        Sem::Set(_) => TimeKind::Set,
        Sem::At(..) => TimeKind::Time,
        _ => TimeKind::Date,
    }
}

fn ymd(d: Date) -> String {
    d.to_string()
}

fn year_of(y: Option<YearRef>, reference: Option<Date>) -> Option<i32> {
    match y? {
        YearRef::Abs(y) => Some(y),
        YearRef::Rel(n) => reference.map(|r| r.year + n),
    }
}

/// `{year}` or `XXXX` when the year is not known.
fn year_str(y: Option<i32>) -> String {
    y.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"))
}

/// The (year, month) `months` months after `year`-`month`.
fn add_months(year: i32, month: u32, months: i64) -> (i32, u32) {
    let idx = i64::from(year) * 12 + i64::from(month) - 1 + months;
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u32)
}

/// The quarter (1..4) of a month.
fn quarter_of(month: u32) -> u32 {
    month.div_ceil(3)
}

/// The date of a weekday (1..7) picked relative to `r`.
pub(super) fn pick_weekday(r: Date, wd: u32, pick: Pick, tense: Tense) -> Date {
    let cur = i64::from(r.weekday()) + 1;
    let wd = i64::from(wd);
    let back = (cur - wd).rem_euclid(7);
    let ahead = (wd - cur).rem_euclid(7);
    match pick {
        Pick::Last => r.add_days(-if back == 0 { 7 } else { back }),
        Pick::Next => r.add_days(if ahead == 0 { 7 } else { ahead }),
        Pick::This => r.add_days(wd - cur),
        Pick::Bare if tense == Tense::Future => r.add_days(ahead),
        Pick::Bare => r.add_days(-back),
    }
}

/// The year of a month-day (or month when `day` is None) nearest to `r`, by tense.
pub(super) fn pick_year(r: Date, month: u32, day: Option<u32>, tense: Tense) -> i32 {
    let cand = |y: i32| -> Option<i64> {
        let d = day.unwrap_or(1).min(days_in_month(y, month));
        let date = Date::new(y, month, d)?;
        let days = date.to_days();
        let rd = r.to_days();
        if day.is_some() {
            Some(days - rd)
        } else {
            // Whole months: the distance in months, scaled to days.
            let m = (i64::from(y) * 12 + i64::from(month))
                - (i64::from(r.year) * 12 + i64::from(r.month));
            Some(m * 30)
        }
    };
    let mut best = r.year;
    let mut best_key = i64::MAX;
    for y in [r.year - 1, r.year, r.year + 1] {
        let Some(diff) = cand(y) else { continue };
        // A tense rules out the other side, give or take a few days of reporting delay.
        let slack = if day.is_some() { 3 } else { 0 };
        let key = match tense {
            Tense::Past if diff > slack => continue,
            Tense::Future if diff < -slack => continue,
            // Nearest; a tie goes to the past.
            _ => diff.abs() * 2 + i64::from(diff > 0),
        };
        if key < best_key {
            best_key = key;
            best = y;
        }
    }
    best
}

/// The year of a bare quarter: this year's, unless it lies two or more quarters ahead (then
/// last year's, as in "fourth-quarter results" early in the year).
fn pick_quarter_year(r: Date, q: u32) -> i32 {
    if q >= quarter_of(r.month) + 2 {
        r.year - 1
    } else {
        r.year
    }
}

/// Months of a season: (first month, last month); winter starts in December.
fn season_months(s: &str) -> (u32, u32) {
    match s {
        "SP" => (3, 5),
        "SU" => (6, 8),
        "FA" => (9, 11),
        _ => (12, 2),
    }
}

fn season_year(r: Date, s: &str, pick: Pick, tense: Tense) -> i32 {
    let (first, last) = season_months(s);
    let m = r.month;
    // Winter belongs to the year in which it started (December), except in January-February.
    let cur_winter_year = if m <= 2 { r.year - 1 } else { r.year };
    let (started, ended) = if s == "WI" {
        (m >= 12 || m <= 2, m > 2 && m < 12)
    } else {
        (m >= first, m > last)
    };
    let this = if s == "WI" { cur_winter_year } else { r.year };
    match pick {
        Pick::This => this,
        Pick::Last => {
            if ended {
                this
            } else {
                this - 1
            }
        }
        Pick::Next => {
            if started {
                this + 1
            } else {
                this
            }
        }
        Pick::Bare => match tense {
            Tense::Past if !started => this - 1,
            Tense::Future if ended => this + 1,
            _ => this,
        },
    }
}

/// Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
pub(super) fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, month as u32, day as u32)
}

fn holiday_in(code: &str, y: i32) -> Option<Date> {
    match code {
        "THANKSGIVING" => {
            let nov1 = Date::new(y, 11, 1)?;
            let first_thu = (3 + 7 - i64::from(nov1.weekday())) % 7;
            Some(nov1.add_days(first_thu + 21))
        }
        "EASTER" => easter(y),
        "GOOD_FRIDAY" => easter(y).map(|d| d.add_days(-2)),
        _ => {
            let m: u32 = code.get(0..2)?.parse().ok()?;
            let d: u32 = code.get(3..5)?.parse().ok()?;
            Date::new(y, m, d)
        }
    }
}

fn iso_week_str(d: Date) -> String {
    let (y, w) = d.iso_week();
    format!("{y:04}-W{w:02}")
}

/// A number in a duration: integers plain, others with at most two decimals.
fn num_str(n: f64) -> String {
    if (n - n.round()).abs() < 1e-9 {
        format!("{}", n.round() as i64)
    } else {
        // Rounded to hundredths as `format!("{n:.2}")` would (no float formatting in the
        // WebAssembly module): to the nearest of the exact value, half to even, decided by the
        // sign of `x * 100 - (h + 0.5)` taken with one rounding (a fused multiply-add), since
        // `x * 100.0` rounded (0.005 -> 0.5) can land on the midpoint; trailing zeros cut.
        let x = n.abs();
        let h = (x * 100.0).floor();
        let above = x.mul_add(100.0, -(h + 0.5));
        let up = above > 0.0 || above == 0.0 && h % 2.0 == 1.0;
        let hundredths = h as u64 + u64::from(up);
        let sign = if n < 0.0 { "-" } else { "" };
        let (whole, frac) = (hundredths / 100, hundredths % 100);
        match frac {
            0 => format!("{sign}{whole}"),
            f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
            f => format!("{sign}{whole}.{f:02}"),
        }
    }
}

/// A duration value: `P2Y`, `PT5H30M`, `P1Y6M`, `PXY`.
pub(super) fn duration_value(a: Amount, u: Unit) -> String {
    let (letter, time, scale) = u.period();
    let t = if time { "T" } else { "" };
    let n = match a {
        Amount::Vague => return format!("P{t}X{letter}"),
        Amount::Num(n) => n * scale,
    };
    let whole = n.trunc();
    let frac = n - whole;
    if frac.abs() > 1e-9 {
        // A fraction goes to the next smaller unit: 1.5 years = P1Y6M, 5.5 hours = PT5H30M.
        let sub = match u {
            Unit::Year | Unit::Decade | Unit::Century => Some((12.0, "M", false)),
            Unit::Month => Some((30.0, "D", false)),
            Unit::Day => Some((24.0, "H", true)),
            Unit::Hour => Some((60.0, "M", true)),
            Unit::Minute => Some((60.0, "S", true)),
            _ => None,
        };
        if let Some((k, l2, t2)) = sub {
            let part = num_str(frac * k);
            let head = if whole > 0.0 {
                format!("{}{letter}", num_str(whole))
            } else {
                String::new()
            };
            let sep = if t2 && !time { "T" } else { "" };
            return format!("P{t}{head}{sep}{part}{l2}");
        }
        if u == Unit::Week {
            return format!("P{}D", num_str(n * 7.0));
        }
    }
    format!("P{t}{}{letter}", num_str(n))
}

/// The value of a calendar unit containing `d`.
fn unit_value(u: Unit, d: Date) -> String {
    match u {
        Unit::Year => format!("{:04}", d.year),
        Unit::Month => format!("{:04}-{:02}", d.year, d.month),
        Unit::Week | Unit::Fortnight => iso_week_str(d),
        Unit::Quarter => format!("{:04}-Q{}", d.year, quarter_of(d.month)),
        Unit::Decade => format!("{:03}", d.year.div_euclid(10)),
        Unit::Century => format!("{:02}", d.year.div_euclid(100)),
        Unit::Weekend => format!("{}-WE", iso_week_str(d)),
        _ => ymd(d),
    }
}

/// The X-pattern of a calendar unit.
fn unit_unknown(u: Unit) -> String {
    match u {
        Unit::Year => "XXXX",
        Unit::Month => "XXXX-XX",
        Unit::Week | Unit::Fortnight => "XXXX-WXX",
        Unit::Quarter => "XXXX-QX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        Unit::Weekend => "XXXX-WXX-WE",
        _ => "XXXX-XX-XX",
    }
    .to_string()
}

/// `d` shifted by `n` calendar units.
fn shift(d: Date, u: Unit, n: i64) -> Date {
    match u {
        Unit::Year => shift_months(d, 12 * n),
        Unit::Month => shift_months(d, n),
        Unit::Quarter => shift_months(d, 3 * n),
        Unit::Decade => shift_months(d, 120 * n),
        Unit::Century => shift_months(d, 1200 * n),
        Unit::Week | Unit::Weekend => d.add_days(7 * n),
        Unit::Fortnight => d.add_days(14 * n),
        Unit::Day => d.add_days(n),
        Unit::Hour | Unit::Minute | Unit::Second => d,
    }
}

fn shift_months(d: Date, n: i64) -> Date {
    let (y, m) = add_months(d.year, d.month, n);
    Date {
        year: y,
        month: m,
        day: d.day.min(days_in_month(y, m)),
    }
}

/// The value of `sem` (None when there is none, e.g. an unknown date with no reference).
pub(super) fn value(sem: &Sem, tense: Tense, focus: &Focus) -> Option<String> {
    let r = focus.reference;
    Some(match sem {
        Sem::Ymd(d) => ymd(*d),
        Sem::MonthDay(m, d, y) => {
            let year = year_of(*y, r).or_else(|| r.map(|r| pick_year(r, *m, Some(*d), tense)));
            format!("{}-{m:02}-{d:02}", year_str(year))
        }
        Sem::Month(m, y, pick) => {
            let year = year_of(*y, r).or_else(|| {
                r.map(|r| match pick {
                    // "last February" said in March is a year back; "last May" in October not.
                    Pick::Last if *m + 1 >= r.month => r.year - 1,
                    Pick::Next if *m <= r.month => r.year + 1,
                    Pick::Last | Pick::Next | Pick::This => r.year,
                    Pick::Bare => pick_year(r, *m, None, tense),
                })
            });
            format!("{}-{m:02}", year_str(year))
        }
        Sem::Year(y) => year_str(year_of(Some(*y), r)),
        Sem::Decade(d) => format!("{d:03}"),
        Sem::Century(c) => format!("{c:02}"),
        Sem::Quarter(q, y) => {
            let year = year_of(*y, r).or_else(|| r.map(|r| pick_quarter_year(r, *q)));
            format!("{}-Q{q}", year_str(year))
        }
        Sem::Half(h, y) => format!("{}-H{h}", year_str(year_of(*y, r))),
        Sem::Season(s, y, pick) => {
            let year = year_of(*y, r).or_else(|| r.map(|r| season_year(r, s, *pick, tense)));
            format!("{}-{s}", year_str(year))
        }
        Sem::Weekday(wd, pick) => match r {
            Some(r) => ymd(pick_weekday(r, *wd, *pick, tense)),
            None => format!("XXXX-WXX-{wd}"),
        },
        Sem::DayOffset(n) => match r {
            Some(r) => ymd(r.add_days(*n)),
            None => "XXXX-XX-XX".to_string(),
        },
        Sem::UnitOffset(u, n) => match r {
            Some(r) => unit_value(*u, shift(r, *u, *n)),
            None => unit_unknown(*u),
        },
        Sem::FocusOffset(u, n) => {
            if *u == Unit::Year {
                if let Some((y, q)) = focus.near_quarter() {
                    return Some(format!("{:04}-Q{q}", i64::from(y) + n));
                }
            }
            let base = match u {
                Unit::Day | Unit::Week | Unit::Weekend | Unit::Fortnight => focus.day,
                Unit::Month => focus.month,
                _ => None,
            };
            match base.or(r) {
                Some(d) => unit_value(*u, shift(d, *u, *n)),
                None => unit_unknown(*u),
            }
        }
        Sem::Ago(u, n) => {
            if *u == Unit::Year {
                if let Some((y, q)) = focus.near_quarter() {
                    return Some(format!("{:04}-Q{q}", i64::from(y) + n));
                }
            }
            match r {
                Some(r) => unit_value(*u, shift(r, *u, *n)),
                None => unit_unknown(*u),
            }
        }
        Sem::FocusQuarter(n) => {
            let (y, q) = focus.quarter.or_else(|| r.map(latest_quarter))?;
            format!("{:04}-Q{q}", i64::from(y) + i64::from(*n))
        }
        Sem::LatestQuarter => match r {
            Some(r) => {
                let (y, q) = latest_quarter(r);
                format!("{y:04}-Q{q}")
            }
            None => "XXXX-QX".to_string(),
        },
        Sem::Weekend(n) => match r {
            Some(r) => unit_value(Unit::Weekend, weekend_week(r, *n, tense)),
            None => "XXXX-WXX-WE".to_string(),
        },
        Sem::Holiday(code, y) => {
            let year = year_of(*y, r);
            match (year, r) {
                (Some(y), _) => ymd(holiday_in(code, y)?),
                (None, Some(r)) => {
                    let cands = [r.year - 1, r.year, r.year + 1].map(|y| holiday_in(code, y));
                    let rd = r.to_days();
                    let best = cands.iter().flatten().min_by_key(|d| {
                        let diff = d.to_days() - rd;
                        match tense {
                            Tense::Past if diff > 0 => i64::MAX,
                            Tense::Future if diff < 0 => i64::MAX,
                            _ => diff.abs() * 2 + i64::from(diff > 0),
                        }
                    })?;
                    ymd(*best)
                }
                (None, None) => match code.len() {
                    5 => format!("XXXX-{code}"),
                    _ => "XXXX-XX-XX".to_string(),
                },
            }
        }
        Sem::Ref(s) => (*s).to_string(),
        Sem::Duration(a, u) => duration_value(*a, *u),
        Sem::Set(v) => v.clone(),
        Sem::At(date, clock) => {
            let day = match date {
                Some(d) => value(d, tense, focus)?,
                None => r.map_or_else(|| "XXXX-XX-XX".to_string(), ymd),
            };
            match clock {
                Clock::At(h, m) => format!("{day}T{h:02}:{m:02}"),
                Clock::Part(p) => format!("{day}T{p}"),
            }
        }
    })
}

/// The most recent completed quarter before `r`.
fn latest_quarter(r: Date) -> (i32, u32) {
    let q = quarter_of(r.month);
    if q == 1 {
        (r.year - 1, 4)
    } else {
        (r.year, q - 1)
    }
}

/// A day in the week of the weekend meant: "this weekend" early in the week is the one just
/// past (news), unless the tense points ahead.
fn weekend_week(r: Date, n: i64, tense: Tense) -> Date {
    let wd = r.weekday(); // 0 = Monday
    let base = if n == 0 && wd <= 1 && tense != Tense::Future {
        r.add_days(-7)
    } else {
        r
    };
    base.add_days(7 * n)
}

/// The day a value pins down, for the focus of later anaphora.
pub(super) fn day_of(v: &str) -> Option<Date> {
    Date::parse_iso(v.get(0..10)?)
}

/// The first day of the month a value names (`1989-03`, `1989-03-12`).
pub(super) fn month_of(v: &str) -> Option<Date> {
    let b = v.as_bytes();
    if b.len() < 7 || b.get(4) != Some(&b'-') || b.len() > 7 && b.get(7) != Some(&b'-') {
        return None;
    }
    Date::new(v.get(0..4)?.parse().ok()?, v.get(5..7)?.parse().ok()?, 1)
}

/// The quarter a value names (`1989-Q3`).
pub(super) fn quarter_of_value(v: &str) -> Option<(i32, u32)> {
    let (y, q) = v.split_once("-Q")?;
    Some((y.parse().ok()?, q.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap_or(Date {
            year: 0,
            month: 1,
            day: 1,
        })
    }

    fn val(sem: Sem, tense: Tense, reference: &str) -> String {
        let f = Focus {
            reference: Date::parse_iso(reference),
            ..Focus::default()
        };
        value(&sem, tense, &f).unwrap_or_default()
    }

    #[test]
    fn weekdays_past_by_default_and_ahead_with_future_tense() {
        // 2025-11-28 is a Friday.
        let r = "2025-11-28";
        assert_eq!(
            val(Sem::Weekday(4, Pick::Bare), Tense::Unknown, r),
            "2025-11-27"
        );
        assert_eq!(
            val(Sem::Weekday(5, Pick::Bare), Tense::Past, r),
            "2025-11-28"
        );
        assert_eq!(
            val(Sem::Weekday(1, Pick::Bare), Tense::Future, r),
            "2025-12-01"
        );
        assert_eq!(
            val(Sem::Weekday(5, Pick::Last), Tense::Unknown, r),
            "2025-11-21"
        );
        assert_eq!(
            val(Sem::Weekday(5, Pick::Next), Tense::Unknown, r),
            "2025-12-05"
        );
        assert_eq!(
            val(Sem::Weekday(4, Pick::Bare), Tense::Unknown, ""),
            "XXXX-WXX-4"
        );
    }

    #[test]
    fn month_days_nearest_occurrence() {
        let r = "2025-12-28";
        assert_eq!(
            val(Sem::MonthDay(1, 3, None), Tense::Unknown, r),
            "2026-01-03"
        );
        assert_eq!(
            val(Sem::MonthDay(12, 20, None), Tense::Unknown, r),
            "2025-12-20"
        );
        assert_eq!(val(Sem::MonthDay(1, 3, None), Tense::Past, r), "2025-01-03");
        assert_eq!(
            val(Sem::MonthDay(8, 7, None), Tense::Unknown, "1998-09-30"),
            "1998-08-07"
        );
        assert_eq!(
            val(Sem::MonthDay(11, 27, None), Tense::Unknown, ""),
            "XXXX-11-27"
        );
        assert_eq!(
            val(
                Sem::Month(12, None, Pick::Bare),
                Tense::Unknown,
                "1998-01-08"
            ),
            "1997-12"
        );
        assert_eq!(
            val(
                Sem::Month(1, None, Pick::Bare),
                Tense::Unknown,
                "1989-10-30"
            ),
            "1990-01"
        );
        assert_eq!(
            val(
                Sem::Month(11, None, Pick::Last),
                Tense::Unknown,
                "1998-11-08"
            ),
            "1997-11"
        );
    }

    #[test]
    fn units_quarters_and_seasons() {
        let r = "2025-11-27";
        assert_eq!(
            val(Sem::UnitOffset(Unit::Week, -1), Tense::Unknown, r),
            "2025-W47"
        );
        assert_eq!(
            val(Sem::UnitOffset(Unit::Month, -1), Tense::Unknown, r),
            "2025-10"
        );
        assert_eq!(
            val(Sem::UnitOffset(Unit::Year, 1), Tense::Unknown, r),
            "2026"
        );
        assert_eq!(
            val(Sem::UnitOffset(Unit::Year, -1), Tense::Unknown, ""),
            "XXXX"
        );
        assert_eq!(
            val(Sem::Quarter(3, None), Tense::Unknown, "1989-10-26"),
            "1989-Q3"
        );
        assert_eq!(
            val(Sem::Quarter(4, None), Tense::Unknown, "1990-02-01"),
            "1989-Q4"
        );
        assert_eq!(
            val(Sem::LatestQuarter, Tense::Unknown, "1990-02-01"),
            "1989-Q4"
        );
        assert_eq!(
            val(
                Sem::Season("FA", None, Pick::Last),
                Tense::Unknown,
                "1998-03-01"
            ),
            "1997-FA"
        );
        assert_eq!(
            val(Sem::Season("SU", None, Pick::This), Tense::Unknown, r),
            "2025-SU"
        );
        assert_eq!(
            val(Sem::Weekend(0), Tense::Unknown, "2025-11-24"),
            "2025-W47-WE"
        );
    }

    /// Numbers in durations read as `format!("{n:.2}")` with trailing zeros cut would read.
    #[test]
    fn duration_numbers_as_formatting_would_round() {
        let by_formatting = |n: f64| {
            let s = format!("{n:.2}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        };
        let mut values: Vec<f64> = (1..20_000).map(|k| f64::from(k) / 1000.0).collect();
        values.extend((1..2_000).map(|k| f64::from(k) / 8.0 + 0.001));
        values.extend([
            0.125, 0.375, 2.675, 1.005, 1.015, 1234.565, 0.004, -0.5, -1.25,
        ]);
        for n in values {
            if (n - n.round()).abs() >= 1e-9 {
                assert_eq!(num_str(n), by_formatting(n), "{n}");
            }
        }
    }

    #[test]
    fn durations_and_times() {
        assert_eq!(duration_value(Amount::Num(2.0), Unit::Year), "P2Y");
        assert_eq!(duration_value(Amount::Num(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration_value(Amount::Num(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration_value(Amount::Num(2.0), Unit::Decade), "P20Y");
        assert_eq!(duration_value(Amount::Vague, Unit::Hour), "PTXH");
        assert_eq!(duration_value(Amount::Num(1.0), Unit::Quarter), "P1Q");
        assert_eq!(duration_value(Amount::Num(0.5), Unit::Hour), "PT30M");
        let r = "2025-11-27";
        assert_eq!(
            val(Sem::At(None, Clock::At(14, 30)), Tense::Unknown, r),
            "2025-11-27T14:30"
        );
        assert_eq!(
            val(
                Sem::At(Some(Box::new(Sem::DayOffset(-1))), Clock::Part("NI")),
                Tense::Unknown,
                r
            ),
            "2025-11-26TNI"
        );
    }

    #[test]
    fn holidays() {
        assert_eq!(
            easter(2025).map(|d| d.to_string()).as_deref(),
            Some("2025-04-20")
        );
        assert_eq!(
            holiday_in("THANKSGIVING", 2025)
                .map(|d| d.to_string())
                .as_deref(),
            Some("2025-11-27")
        );
        assert_eq!(
            val(Sem::Holiday("12-25", None), Tense::Unknown, "2025-11-27"),
            "2025-12-25"
        );
        assert_eq!(
            val(Sem::Holiday("12-25", None), Tense::Past, "2025-11-27"),
            "2024-12-25"
        );
        assert_eq!(d("2025-11-27").weekday(), 3);
    }
}
