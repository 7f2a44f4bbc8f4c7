//! Dates and clock times.
//!
//! Recognised forms: `Kamis (13/1/2022)`, `Rabu (12/1)`, `13/1/2022`,
//! `17 Desember [2021]`, `13 January 2022`, `January 13, 2022`,
//! `Desember 2021`, weekdays (`Senin`, `pada hari Rabu`, `Monday`),
//! `kemarin`/`yesterday`, `hari ini`/`today`, `besok`/`tomorrow`, and
//! times `09.00 GMT`, `00:46 WIB`, `pukul 15.24 WIB`, `2pm`, `2.17pm`.
//!
//! Resolution against the publication date, when known:
//! - a weekday is the most recent such day on or before publication (the
//!   publication day itself counts): news reports past events;
//! - a day and month without a year takes the publication year, unless
//!   that lands more than 31 days after publication, then the year before;
//! - relative words count days from publication.
//!
//! Unresolved dates keep what was stated: `--12-17` (ISO 8601 without a
//! year) for day and month, `None` for a bare weekday or relative word.
//! `Minggu` is Sunday only when it is capitalised and not after a number
//! (after a number it is the week unit); the scanner checks the latter.

use super::token::{TokKind, Tokens};
use super::Kind;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// A recognised date or time.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateHit {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub date: Option<String>,
    pub tz: Option<String>,
    /// Year value for year-precision dates.
    pub year: Option<i32>,
}

pub(crate) fn month(w: &str) -> Option<u32> {
    crate::ingest::date::month_name(w)
}

/// Whether a month name of at most four letters is the whole name (`May`,
/// `June`, `Juli`), not an abbreviation (`Aug`, `Sept`).
fn is_full_month(w: &str) -> bool {
    matches!(w, "mei" | "may" | "juni" | "june" | "juli" | "july")
}

pub(crate) fn weekday(w: &str) -> Option<Weekday> {
    Some(match w {
        "senin" | "monday" => Weekday::Mon,
        "selasa" | "tuesday" => Weekday::Tue,
        "rabu" | "wednesday" => Weekday::Wed,
        "kamis" | "thursday" => Weekday::Thu,
        "jumat" | "jum'at" | "friday" => Weekday::Fri,
        "sabtu" | "saturday" => Weekday::Sat,
        "minggu" | "ahad" | "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// The time zone an abbreviation names (`WIB`, `GMT`).
pub(crate) fn tz(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "WIB" => "WIB",
        "WITA" => "WITA",
        "WIT" => "WIT",
        "GMT" => "GMT",
        "UTC" => "UTC",
        "EST" => "EST",
        "EDT" => "EDT",
        "PST" => "PST",
        "PDT" => "PDT",
        "CET" => "CET",
        "CEST" => "CEST",
        "BST" => "BST",
        "JST" => "JST",
        "ET" => "ET",
        _ => return None,
    })
}

fn num(t: &Tokens, i: usize) -> Option<u32> {
    if t.kind(i) != Some(TokKind::Num) {
        return None;
    }
    let s = t.low(i);
    if s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn year_of(t: &Tokens, i: usize) -> Option<i32> {
    let s = t.low(i);
    let y = num(t, i)? as i32;
    match s.len() {
        4 if (1000..=2999).contains(&y) => Some(y),
        2 => Some(2000 + y),
        _ => None,
    }
}

fn fmt_date(y: Option<i32>, m: u32, d: u32, published: Option<NaiveDate>) -> Option<String> {
    let y = match (y, published) {
        (Some(y), _) => y,
        (None, Some(p)) => {
            let cand = NaiveDate::from_ymd_opt(p.year(), m, d)?;
            if cand > p + Duration::days(31) {
                p.year() - 1
            } else {
                p.year()
            }
        }
        (None, None) => return Some(format!("--{m:02}-{d:02}")),
    };
    NaiveDate::from_ymd_opt(y, m, d).map(|x| x.format("%Y-%m-%d").to_string())
}

fn resolve_weekday(w: Weekday, published: Option<NaiveDate>) -> Option<String> {
    let p = published?;
    let back = (7 + p.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
    Some(
        (p - Duration::days(back as i64))
            .format("%Y-%m-%d")
            .to_string(),
    )
}

fn relative(t: &Tokens, i: usize) -> Option<(i64, usize)> {
    match t.low(i) {
        "kemarin" | "yesterday" => Some((-1, i + 1)),
        "today" => Some((0, i + 1)),
        "besok" | "tomorrow" => Some((1, i + 1)),
        "lusa" => Some((2, i + 1)),
        "hari" if t.low(i + 1) == "ini" => Some((0, i + 2)),
        _ => None,
    }
}

/// Day/month(/year) written with slashes starting at `i`: (d, m, y, end).
fn slash_date(t: &Tokens, i: usize) -> Option<(u32, u32, Option<i32>, usize)> {
    let d = num(t, i)?;
    if !(t.is_punct(i + 1, "/") && t.glued(i + 1) && t.glued(i + 2)) {
        return None;
    }
    let m = num(t, i + 2)?;
    if !(1..=31).contains(&d) || !(1..=12).contains(&m) {
        return None;
    }
    if t.is_punct(i + 3, "/") && t.glued(i + 3) && t.glued(i + 4) {
        let y = year_of(t, i + 4)?;
        return Some((d, m, Some(y), i + 5));
    }
    Some((d, m, None, i + 3))
}

/// Tries a date or time at token `i`.
pub(crate) fn parse_at(
    t: &Tokens,
    text: &str,
    i: usize,
    published: Option<NaiveDate>,
) -> Option<DateHit> {
    let w = t.low(i);
    let tok = t.toks.get(i)?;
    let hit = |s: usize, e: usize, kind: Kind, date: Option<String>| DateHit {
        start: s,
        end: e,
        kind,
        date,
        tz: None,
        year: None,
    };
    // weekday, possibly followed by "(d/m/y)" or "d Month y"
    if let Some(wd) = weekday(w) {
        let raw = t.raw(text, i);
        let capital = raw.chars().next().is_some_and(|c| c.is_uppercase());
        if !capital {
            return None;
        }
        let mut j = i + 1;
        if t.is_punct(j, ",") {
            j += 1;
        }
        if t.is_punct(j, "(") {
            if let Some((d, m, y, e)) = slash_date(t, j + 1) {
                let end = if t.is_punct(e, ")") { e + 1 } else { e };
                return Some(hit(i, end, Kind::Date, fmt_date(y, m, d, published)));
            }
        }
        if let Some(mut h) = day_month(t, j, published) {
            h.start = i;
            return Some(h);
        }
        if wd == Weekday::Sun && w == "minggu" {
            // "Minggu" alone is Sunday only after "pada", "hari" or ","; or before "("
            let prev = if i > 0 { t.low(i - 1) } else { "" };
            if !matches!(prev, "pada" | "hari" | "," | "sejak" | "setiap") {
                return None;
            }
        }
        return Some(hit(i, i + 1, Kind::Date, resolve_weekday(wd, published)));
    }
    if tok.kind == TokKind::Punct && w == "(" {
        if let Some((d, m, y, e)) = slash_date(t, i + 1) {
            if t.is_punct(e, ")") {
                return Some(hit(i, e + 1, Kind::Date, fmt_date(y, m, d, published)));
            }
        }
        return None;
    }
    if let Some((off, e)) = relative(t, i) {
        let date = published.map(|p| (p + Duration::days(off)).format("%Y-%m-%d").to_string());
        return Some(hit(i, e, Kind::Date, date));
    }
    if let Some(m) = month(w) {
        // "January 13, 2022", "Desember 2021"
        let raw = t.raw(text, i);
        if !raw.chars().next().is_some_and(|c| c.is_uppercase()) {
            return None;
        }
        // "Aug. 15": an abbreviation's full stop, glued to it
        let k = if t.is_punct(i + 1, ".") && t.glued(i + 1) && w.len() <= 4 && !is_full_month(w) {
            i + 2
        } else {
            i + 1
        };
        if let Some(d) = day(t, k) {
            // "June 20-22": the days' range is part of the date
            let (mut j, last) = past_days(t, k);
            let days_end = j;
            if t.is_punct(j, ",") {
                j += 1;
            }
            if let Some(y) = year_of(t, j).filter(|_| t.low(j).len() == 4) {
                return Some(hit(
                    i,
                    j + 1,
                    Kind::Date,
                    fmt_days(Some(y), m, d, last, published),
                ));
            }
            return Some(hit(
                i,
                days_end,
                Kind::Date,
                fmt_days(None, m, d, last, published),
            ));
        }
        if let Some(y) = year_of(t, i + 1).filter(|_| t.low(i + 1).len() == 4) {
            return Some(DateHit {
                year: Some(y),
                ..hit(i, i + 2, Kind::Date, Some(format!("{y:04}-{m:02}")))
            });
        }
        return None;
    }
    if tok.kind == TokKind::Num {
        if let Some(h) = time_at(t, text, i) {
            return Some(h);
        }
        if let Some((d, m, y, e)) = slash_date(t, i) {
            if y.is_some() {
                return Some(hit(i, e, Kind::Date, fmt_date(y, m, d, published)));
            }
        }
        return day_month(t, i, published);
    }
    None
}

/// A day of the month at `i` (one or two digits, 1–31).
fn day(t: &Tokens, i: usize) -> Option<u32> {
    num(t, i).filter(|d| (1..=31).contains(d) && t.low(i).len() <= 2)
}

/// The token after a span of days that starts with the day at `i`, and the span's last day: `i + 1`
/// and none, or past the last day of a range of days (`20-22`, `20 – 22`) whose last day is later
/// than the first.
fn past_days(t: &Tokens, i: usize) -> (usize, Option<u32>) {
    let first = day(t, i);
    if t.is_punct(i + 1, "-") || t.is_punct(i + 1, "–") {
        if let Some(last) = day(t, i + 2).filter(|last| first.is_some_and(|d| *last > d)) {
            return (i + 3, Some(last));
        }
    }
    (i + 1, None)
}

/// A date, or a range of days of one month as an ISO 8601 interval (`2025-06-20/2025-06-22`): the
/// last day takes the first day's year and month (`--06-22` when no year is known); a last day the
/// month does not have leaves the first day alone.
fn fmt_days(
    y: Option<i32>,
    m: u32,
    d: u32,
    last: Option<u32>,
    published: Option<NaiveDate>,
) -> Option<String> {
    let first = fmt_date(y, m, d, published)?;
    let Some(last) = last else {
        return Some(first);
    };
    let end = match NaiveDate::parse_from_str(&first, "%Y-%m-%d") {
        Ok(start) => start
            .with_day(last)
            .map(|e| e.format("%Y-%m-%d").to_string()),
        Err(_) => Some(format!("--{m:02}-{last:02}")),
    };
    Some(match end {
        Some(end) => format!("{first}/{end}"),
        None => first,
    })
}

/// "17 Desember [2021]" at `i`; a range of days ("20-22 Juni 2025") is a date too, an ISO 8601
/// interval (see [`fmt_days`]).
fn day_month(t: &Tokens, i: usize, published: Option<NaiveDate>) -> Option<DateHit> {
    let d = day(t, i)?;
    let (i_month, last) = past_days(t, i);
    let m = month(t.low(i_month))?;
    if t.kind(i_month) != Some(TokKind::Word) {
        return None;
    }
    let (y, end) = match year_of(t, i_month + 1).filter(|_| t.low(i_month + 1).len() == 4) {
        Some(y) => (Some(y), i_month + 2),
        None => (None, i_month + 1),
    };
    Some(DateHit {
        start: i,
        end,
        kind: Kind::Date,
        date: fmt_days(y, m, d, last, published),
        tz: None,
        year: None,
    })
}

/// Clock time at `i` (a number token).
pub(crate) fn time_at(t: &Tokens, text: &str, i: usize) -> Option<DateHit> {
    let s = t.low(i);
    let (h, m, mut end) = if let Some((a, b)) = s.split_once('.') {
        if a.len() > 2 || b.len() != 2 || b.contains(['.', ',']) {
            return None;
        }
        (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?, i + 1)
    } else if t.is_punct(i + 1, ":") && t.glued(i + 1) && t.glued(i + 2) && t.low(i + 2).len() == 2
    {
        if s.len() > 2 {
            return None;
        }
        (s.parse::<u32>().ok()?, num(t, i + 2)?, i + 3)
    } else if s.len() <= 2 && !s.contains([',', '.']) {
        (s.parse::<u32>().ok()?, 0, i + 1)
    } else {
        return None;
    };
    if h > 24 || m > 59 {
        return None;
    }
    let explicit_colon = end == i + 3;
    // seconds: "09:12:41"
    let mut secs = None;
    if explicit_colon
        && t.is_punct(end, ":")
        && t.glued(end)
        && t.glued(end + 1)
        && t.low(end + 1).len() == 2
    {
        if let Some(sec) = num(t, end + 1).filter(|&x| x <= 59) {
            secs = Some(sec);
            end += 2;
        }
    }
    let dotted = s.contains('.');
    let prev = if i > 0 { t.low(i - 1) } else { "" };
    // am / pm
    let mut hour = h;
    let mut ampm = false;
    let w = t.low(end);
    if matches!(w, "am" | "pm")
        || (matches!(w, "a" | "p") && t.is_punct(end + 1, ".") && t.low(end + 2) == "m")
    {
        if h == 0 || h > 12 {
            return None;
        }
        let pm = w.starts_with('p');
        hour = match (pm, h) {
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, 12) => 0,
            (false, h) => h,
        };
        end = if matches!(w, "am" | "pm") {
            end + 1
        } else {
            end + 3
        };
        if t.is_punct(end, ".") && !matches!(w, "am" | "pm") {
            end += 1;
        }
        ampm = true;
    }
    // Indonesian parts of the day after a clock cue: "pukul 7 malam" is
    // 19:00, "jam 2 siang" 14:00 ("menginap 3 malam" is three nights).
    let cue = matches!(prev, "pukul" | "pk" | "jam" | "at" | "sekitar");
    if !ampm && cue && !explicit_colon && (1..=12).contains(&h) {
        let part = t.low(end);
        let dini = part == "dini" && t.low(end + 1) == "hari";
        let shifted = match part {
            "pagi" => (h <= 11).then_some(h),
            "siang" => match h {
                10..=12 => Some(h),
                1..=3 => Some(h + 12),
                _ => None,
            },
            "sore" | "petang" => (1..=7).contains(&h).then_some(h + 12),
            "malam" => match h {
                6..=11 => Some(h + 12),
                12 => Some(0),
                1..=3 => Some(h),
                _ => None,
            },
            _ if dini => (h <= 5).then_some(h),
            _ => None,
        };
        if let Some(hh) = shifted {
            hour = hh;
            end += if dini { 2 } else { 1 };
            ampm = true;
        }
    }
    let zone = tz(t.raw(text, end));
    let ok = explicit_colon
        || ampm
        || zone.is_some()
        || (dotted && cue)
        || (!dotted && matches!(prev, "pukul" | "pk"));
    if !ok {
        return None;
    }
    let mut out = DateHit {
        start: i,
        end,
        kind: Kind::Time,
        date: Some(match secs {
            Some(sec) => format!("{hour:02}:{m:02}:{sec:02}"),
            None => format!("{hour:02}:{m:02}"),
        }),
        tz: None,
        year: None,
    };
    if let Some(z) = zone {
        out.tz = Some(z.to_string());
        out.end = end + 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn at(s: &str, pub_: Option<NaiveDate>) -> Option<DateHit> {
        let mut t = Tokens::default();
        tokenize(s, 0, s.len(), &mut t);
        parse_at(&t, s, 0, pub_)
    }

    #[test]
    fn dates() {
        let p = NaiveDate::from_ymd_opt(2022, 1, 14);
        assert_eq!(
            at("Kamis (13/1/2022)", None).and_then(|h| h.date),
            Some("2022-01-13".into())
        );
        assert_eq!(
            at("Selasa (11/1)", p).and_then(|h| h.date),
            Some("2022-01-11".into())
        );
        assert_eq!(
            at("17 Desember", p).and_then(|h| h.date),
            Some("2021-12-17".into())
        );
        assert_eq!(
            at("Senin", p).and_then(|h| h.date),
            Some("2022-01-10".into())
        );
        assert_eq!(
            at("kemarin", p).and_then(|h| h.date),
            Some("2022-01-13".into())
        );
        assert_eq!(
            at("13 January 2022", None).and_then(|h| h.date),
            Some("2022-01-13".into())
        );
    }

    #[test]
    fn a_range_of_days_is_one_date_an_interval() {
        let p = NaiveDate::from_ymd_opt(2025, 6, 18);
        for (text, date, tokens) in [
            ("20-22 Juni 2025", "2025-06-20/2025-06-22", 5),
            ("15 – 29 Juli", "2025-07-15/2025-07-29", 4),
            ("June 20-22, 2025", "2025-06-20/2025-06-22", 6),
            ("June 20-22", "2025-06-20/2025-06-22", 4),
            ("30-31 Juni 2025", "2025-06-30", 5),
        ] {
            let hit = at(text, p).unwrap_or_else(|| panic!("{text}: no date"));
            assert_eq!(hit.date.as_deref(), Some(date), "{text}");
            assert_eq!(hit.end, tokens, "{text}: the whole range is the date");
        }
        // a falling or equal pair of numbers is no range of days
        let hit = at("22-20 Juni", p);
        assert!(hit.is_none_or(|h| h.end < 4), "22-20 Juni");
        assert_eq!(at("June 20-20", p).map(|h| h.end), Some(2));
        assert_eq!(
            at("20-22 Juni", None).and_then(|h| h.date).as_deref(),
            Some("--06-20/--06-22")
        );
    }

    #[test]
    fn times() {
        let h = at("09.00 GMT", None);
        assert_eq!(
            h.as_ref().and_then(|h| h.date.clone()),
            Some("09:00".into())
        );
        assert_eq!(h.and_then(|h| h.tz), Some("GMT".into()));
        assert_eq!(
            at("00:46 WIB", None).and_then(|h| h.date),
            Some("00:46".into())
        );
        assert_eq!(at("2pm", None).and_then(|h| h.date), Some("14:00".into()));
        assert_eq!(at("2.50", None), None);
    }
}
