//! Publication dates as outlets print them.
//!
//! Indonesian and English outlets print dates in many shapes
//! (`Rabu, 18 Jun 2025 07:30 WIB`, `18 Juni 2025 | 20.04 WIB`,
//! `Kompas.com- 18/06/2025, 21:35 WIB`, `Thursday 13 January 2022 - 15:29`,
//! `June 18, 2025 3:45 PM`, `2025-06-18T07:30:00+07:00`). Rather than a list
//! of formats, [`parse_published`] scans the string for a calendar date (day,
//! month name or number, four-digit year), then for a clock time after it and
//! a zone (`WIB` +07:00, `WITA` +08:00, `WIT` +09:00, `GMT`/`UTC`/`Z`, or an
//! explicit offset). Weekday names and prefixes such as `Diperbarui` or
//! `Tayang:` are ignored. A string with no recognisable date yields `None`:
//! a date is never invented.
//!
//! Numeric dates are read day first (`18/06/2025`), the Indonesian and
//! British convention, unless the second field cannot be a month, or the
//! string has a 12-hour clock or a US zone (`07/08/2025 11:30 PM PDT` is
//! 8 July).

use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

/// A parsed publication date, with the time and zone when the outlet gave them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Published {
    /// The calendar date as printed (local to the outlet).
    pub date: NaiveDate,
    /// The local time of day, when printed.
    pub time: Option<NaiveTime>,
    /// The zone offset in minutes east of UTC, when printed.
    pub offset_minutes: Option<i32>,
}

impl Published {
    /// Minutes since the Unix epoch in UTC, for ordering reports in time.
    /// Without a zone the local time is taken as UTC+7 (Western Indonesia),
    /// without a time as noon, so that a date alone sorts in the middle of its day.
    pub fn instant_minutes(&self) -> i64 {
        let days = i64::from(self.date.num_days_from_ce()) - 719_163;
        let local = self
            .time
            .map_or(12 * 60, |t| i64::from(t.hour() * 60 + t.minute()));
        let offset = i64::from(self.offset_minutes.unwrap_or(7 * 60));
        days * 1440 + local - offset
    }

    /// Whether the time of day is known, so that two reports of one day can be ordered.
    pub fn has_time(&self) -> bool {
        self.time.is_some()
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date.format("%Y-%m-%d"))?;
        if let Some(time) = self.time {
            write!(f, "T{}", time.format("%H:%M"))?;
            if let Some(off) = self.offset_minutes {
                if off == 0 {
                    f.write_str("Z")?;
                } else {
                    let sign = if off < 0 { '-' } else { '+' };
                    let off = off.abs();
                    write!(f, "{sign}{:02}:{:02}", off / 60, off % 60)?;
                }
            }
        }
        Ok(())
    }
}

impl serde::Serialize for Published {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The month number of a lower-case Indonesian or English month name or
/// abbreviation (`juni`, `jun`, `june`); shared with the claims extractor.
pub(crate) fn month_name(w: &str) -> Option<u32> {
    Some(match w {
        "januari" | "january" | "jan" => 1,
        "februari" | "pebruari" | "february" | "feb" => 2,
        "maret" | "march" | "mar" => 3,
        "april" | "apr" => 4,
        "mei" | "may" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "agustus" | "august" | "agu" | "agt" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nopember" | "nov" => 11,
        "desember" | "december" | "des" | "dec" => 12,
        _ => return None,
    })
}

/// The month number of a month name as an outlet prints it: any case, an
/// abbreviation's full stop, and `Agus` (too common a given name for the
/// claims extractor, but unambiguous in a date line).
fn month_number(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    if w == "agus" {
        return Some(8);
    }
    month_name(w)
}

/// Offset in minutes of a zone abbreviation.
fn zone_offset(word: &str) -> Option<i32> {
    match word.to_ascii_uppercase().as_str() {
        "WIB" => Some(7 * 60),
        "WITA" => Some(8 * 60),
        "WIT" => Some(9 * 60),
        "GMT" | "UTC" | "Z" => Some(0),
        "EDT" => Some(-4 * 60),
        "EST" | "CDT" => Some(-5 * 60),
        "CST" | "MDT" => Some(-6 * 60),
        "MST" | "PDT" => Some(-7 * 60),
        "PST" => Some(-8 * 60),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    Num(&'a str),
    Word(&'a str),
    Sym(char),
}

fn tokenize(s: &str) -> Vec<(usize, Tok<'_>)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    it.next();
                } else {
                    break;
                }
            }
            out.push((i, Tok::Num(&s[i..end])));
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push((i, Tok::Word(&s[i..end])));
        } else if !c.is_whitespace() {
            out.push((i, Tok::Sym(c)));
        }
    }
    out
}

fn num(t: Option<&(usize, Tok<'_>)>) -> Option<u32> {
    match t {
        Some((_, Tok::Num(n))) if n.len() <= 4 => n.parse().ok(),
        _ => None,
    }
}

fn year_of(t: Option<&(usize, Tok<'_>)>) -> Option<i32> {
    match t {
        Some((_, Tok::Num(n))) if n.len() == 4 => n.parse().ok(),
        _ => None,
    }
}

/// Parses a publication date as an outlet prints it. See the module docs.
///
/// ```
/// use crosscheck::ingest::date::parse_published;
/// let p = parse_published("Rabu, 18 Jun 2025 07:30 WIB").unwrap();
/// assert_eq!(p.to_string(), "2025-06-18T07:30+07:00");
/// assert_eq!(parse_published("Kompas.com- 18/06/2025, 21:35 WIB").unwrap().to_string(),
///            "2025-06-18T21:35+07:00");
/// assert!(parse_published("Scroll ke bawah untuk membaca berita").is_none());
/// ```
pub fn parse_published(s: &str) -> Option<Published> {
    // Every date form has a four-digit year: most lines have none.
    if !s
        .as_bytes()
        .split(|b| !b.is_ascii_digit())
        .any(|run| run.len() == 4)
    {
        return None;
    }
    let toks = tokenize(s);
    // A 12-hour clock or a US zone means a US numeric date: month first.
    let us = toks.iter().any(|(_, t)| {
        matches!(t, Tok::Word(w) if matches!(w.to_ascii_uppercase().as_str(),
            "AM" | "PM" | "EDT" | "EST" | "CDT" | "CST" | "MDT" | "MST" | "PDT" | "PST"))
    });
    let (date, after) = find_date(&toks, us)?;
    let (time, offset) = find_time(&toks[after..]);
    Some(Published {
        date,
        time,
        offset_minutes: offset,
    })
}

/// Finds the first calendar date; returns it and the index of the token after it.
fn find_date(toks: &[(usize, Tok<'_>)], month_first: bool) -> Option<(NaiveDate, usize)> {
    for i in 0..toks.len() {
        // ISO: 2025-06-18
        if let Some(y) = year_of(toks.get(i)) {
            if matches!(toks.get(i + 1), Some((_, Tok::Sym('-' | '/' | '.'))))
                && matches!(toks.get(i + 3), Some((_, Tok::Sym('-' | '/' | '.'))))
            {
                if let (Some(m), Some(d)) = (num(toks.get(i + 2)), num(toks.get(i + 4))) {
                    if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                        return Some((date, i + 5));
                    }
                }
            }
        }
        if let Some(a) = num(toks.get(i)) {
            // Numeric: 18/06/2025 (day first unless impossible).
            if let (Some((_, Tok::Sym(s1))), Some(b), Some((_, Tok::Sym(s2))), Some(y)) = (
                toks.get(i + 1),
                num(toks.get(i + 2)),
                toks.get(i + 3),
                year_of(toks.get(i + 4)),
            ) {
                if matches!(s1, '/' | '-' | '.') && s1 == s2 {
                    let (d, m) = if b > 12 || (month_first && a <= 12) {
                        (b, a)
                    } else {
                        (a, b)
                    };
                    if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                        return Some((date, i + 5));
                    }
                }
            }
            // Day month-name year: 18 Juni 2025, 18 Jun. 2025
            if let Some((_, Tok::Word(w))) = toks.get(i + 1) {
                if let Some(m) = month_number(w) {
                    let mut j = i + 2;
                    if matches!(toks.get(j), Some((_, Tok::Sym('.' | ',')))) {
                        j += 1;
                    }
                    if let Some(y) = year_of(toks.get(j)) {
                        if let Some(date) = NaiveDate::from_ymd_opt(y, m, a) {
                            return Some((date, j + 1));
                        }
                    }
                }
            }
        }
        // Month-name day, year: June 18, 2025
        if let Some((_, Tok::Word(w))) = toks.get(i) {
            if let Some(m) = month_number(w) {
                let mut j = i + 1;
                if matches!(toks.get(j), Some((_, Tok::Sym('.')))) {
                    j += 1;
                }
                if let Some(d) = num(toks.get(j)) {
                    let mut k = j + 1;
                    if matches!(toks.get(k), Some((_, Tok::Sym(',')))) {
                        k += 1;
                    }
                    if let Some(y) = year_of(toks.get(k)) {
                        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                            return Some((date, k + 1));
                        }
                    }
                }
            }
        }
    }
    None
}

/// Finds a clock time (`07:30`, `20.04`, `3:45 PM`, `T07:30:00+07:00`) and zone.
fn find_time(toks: &[(usize, Tok<'_>)]) -> (Option<NaiveTime>, Option<i32>) {
    for i in 0..toks.len() {
        let (Some(h), Some((_, Tok::Sym(sep))), Some(m)) =
            (num(toks.get(i)), toks.get(i + 1), num(toks.get(i + 2)))
        else {
            continue;
        };
        if !matches!(sep, ':' | '.') {
            continue;
        }
        let mut j = i + 3;
        // seconds
        if matches!(toks.get(j), Some((_, Tok::Sym(':')))) && num(toks.get(j + 1)).is_some() {
            j += 2;
        }
        let mut hour = h;
        if let Some((_, Tok::Word(w))) = toks.get(j) {
            let w = w.to_ascii_lowercase();
            if (w == "pm" || w == "am") && (1..=12).contains(&h) {
                hour = match (w.as_str(), h) {
                    ("am", 12) => 0,
                    ("pm", 12) => 12,
                    ("pm", h) => h + 12,
                    (_, h) => h,
                };
                j += 1;
            }
        }
        let Some(time) = NaiveTime::from_hms_opt(hour, m, 0) else {
            continue;
        };
        return (Some(time), find_zone(&toks[j..]));
    }
    (None, None)
}

fn find_zone(toks: &[(usize, Tok<'_>)]) -> Option<i32> {
    match toks.first() {
        Some((_, Tok::Word(w))) => zone_offset(w),
        Some((_, Tok::Sym(c @ ('+' | '-')))) => {
            let sign = if *c == '-' { -1 } else { 1 };
            let Some((_, Tok::Num(n))) = toks.get(1) else {
                return None;
            };
            let (h, m): (i32, i32) = if n.len() == 4 {
                (n[..2].parse().ok()?, n[2..].parse().ok()?)
            } else {
                let h = n.parse().ok()?;
                let m = if matches!(toks.get(2), Some((_, Tok::Sym(':')))) {
                    num(toks.get(3)).and_then(|m| i32::try_from(m).ok())?
                } else {
                    0
                };
                (h, m)
            };
            (h <= 14 && m < 60).then(|| sign * (h * 60 + m))
        }
        _ => None,
    }
}

/// Looks for a dateline among the first lines of an article body: a short
/// line that is mostly a date (`Kamis, 23 Desember 2021 - 00:46 WIB`).
/// Returns the date and the line's byte range.
pub fn find_dateline(text: &str) -> Option<(Published, std::ops::Range<usize>)> {
    let mut start = 0;
    for piece in super::lines_inclusive(text.as_bytes()).take(12) {
        let end = start + piece.len();
        let line = &text[start..end];
        // Long lines are paragraphs: no need to trim or parse them.
        if line.len() > 200 {
            start = end;
            continue;
        }
        let trimmed = line.trim();
        if !trimmed.is_empty() && trimmed.len() <= 80 {
            if let Some(p) = parse_published(trimmed) {
                let words = tokenize(trimmed)
                    .iter()
                    .filter(|(_, t)| matches!(t, Tok::Word(w) if month_number(w).is_none() && zone_offset(w).is_none()))
                    .count();
                // A weekday and perhaps a city name, not a sentence.
                if words <= 3 {
                    return Some((p, start..end));
                }
            }
        }
        start = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> String {
        parse_published(s).map_or_else(|| "none".to_string(), |p| p.to_string())
    }

    #[test]
    fn outlet_formats() {
        assert_eq!(p("Rabu, 18 Jun 2025 07:30 WIB"), "2025-06-18T07:30+07:00");
        assert_eq!(
            p("Diperbarui 18 Jun 2025, 14:05 WIB"),
            "2025-06-18T14:05+07:00"
        );
        assert_eq!(
            p(", Jurnalis-Senin, 16 Juni 2025 |15:20 WIB"),
            "2025-06-16T15:20+07:00"
        );
        assert_eq!(p("18 Juni 2025 | 20.04 WIB"), "2025-06-18T20:04+07:00");
        assert_eq!(
            p("Kompas.com- 18/06/2025, 21:35 WIB"),
            "2025-06-18T21:35+07:00"
        );
        assert_eq!(p("Rabu   18 Jun 2025  22:02 WIB"), "2025-06-18T22:02+07:00");
        assert_eq!(p("06 Jun 2025"), "2025-06-06");
        assert_eq!(
            p("Selasa, 10 Juni 2025 - 07:00 WIB"),
            "2025-06-10T07:00+07:00"
        );
        assert_eq!(
            p("Tayang: Selasa, 10 Juni 2025 08:52 WIB"),
            "2025-06-10T08:52+07:00"
        );
        assert_eq!(
            p("Selasa, 3 Juni 2025-  13:35 WIB"),
            "2025-06-03T13:35+07:00"
        );
        assert_eq!(p("10 Juni 2025 |04:01 WIB"), "2025-06-10T04:01+07:00");
        assert_eq!(p("Thursday 13 January 2022 - 15:29"), "2022-01-13T15:29");
        assert_eq!(p("June 18, 2025 3:45 PM"), "2025-06-18T15:45");
        assert_eq!(p("18 Jun 2025 07:30 GMT"), "2025-06-18T07:30Z");
        assert_eq!(p("2025-06-18T07:30:00+07:00"), "2025-06-18T07:30+07:00");
        assert_eq!(p("2025-06-18"), "2025-06-18");
        assert_eq!(
            p("Kamis, 23 Desember 2021 - 00:46 WIB"),
            "2021-12-23T00:46+07:00"
        );
        assert_eq!(p("22 April 2024, 17:22"), "2024-04-22T17:22");
        assert_eq!(p("09/10/2023, 13:33 WIB"), "2023-10-09T13:33+07:00");
        assert_eq!(p("07/08/2025 11:30 PM PDT"), "2025-07-08T23:30-07:00");
        assert_eq!(p("07/18/2025"), "2025-07-18");
    }

    #[test]
    fn nothing_is_invented() {
        assert_eq!(p("Scroll ke bawah untuk membaca berita"), "none");
        assert_eq!(p(""), "none");
        assert_eq!(p("31 Februari 2025"), "none");
        assert_eq!(p("99/99/2025"), "none");
    }

    #[test]
    fn ordering_uses_zones() {
        let a = parse_published("18 Jun 2025 07:30 WIB").unwrap();
        let b = parse_published("18 Jun 2025 01:00 GMT").unwrap();
        assert!(a.instant_minutes() < b.instant_minutes());
    }

    #[test]
    fn dateline_in_body() {
        let body =
            "Bulan Depan Rusia\n\nKamis, 23 Desember 2021 - 00:46 WIB\nMOSKOW - Negosiator ...\n";
        let (d, r) = find_dateline(body).unwrap();
        assert_eq!(d.to_string(), "2021-12-23T00:46+07:00");
        assert!(body[r].starts_with("Kamis"));
        assert!(find_dateline("Pada 17 Desember 2021 Kementerian merilis rancangan perjanjian keamanan yang panjang sekali.").is_none());
    }
}
