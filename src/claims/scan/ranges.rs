//! Ranges: the end of `10-15`, `10 hingga 15`, `between 10 and 15`.

#[allow(unused_imports)] // reason: one import list for all the scanner steps
use super::*;

impl Scanner<'_> {
    /// Second half of a range after index `k`: (number, its unit, end, dash?).
    pub(super) fn range_end(
        &self,
        k: usize,
        qual: Option<Qual>,
        unit: &Option<UnitHit>,
        first: &Num,
    ) -> Option<(Num, Option<UnitHit>, usize, bool)> {
        let t = &self.toks;
        let mut q = k;
        let mut dash = false;
        if t.is_dash(q) {
            dash = true;
            q += 1;
        }
        let w = t.low(q);
        let word_conn = match qual {
            Some(Qual::Between) | Some(Qual::From) => {
                matches!(w, "and" | "dan" | "hingga" | "sampai" | "to" | "until")
            }
            _ => matches!(
                w,
                "to" | "hingga" | "sampai" | "s.d" | "s/d" | "sd" | "until"
            ),
        };
        if word_conn {
            q += 1;
            if w == "sampai" && t.low(q) == "dengan" {
                q += 1;
            }
        } else if t.low(q) == "s" && t.is_punct(q + 1, ".") && t.low(q + 2) == "d" {
            q += 3;
            if t.is_punct(q, ".") {
                q += 1;
            }
        } else if !dash {
            return None;
        }
        // "between 2 g and about 7 g", "2 - ~7 grams": an approximation word
        // before the second number leaves its value as stated
        if let Some((Qual::Approx, after)) = qualifier::match_at(t, q) {
            q = after;
        }
        // optional currency on the second number
        let cur2 = self.currency_at(q);
        let nstart = cur2.as_ref().map(|c| c.1).unwrap_or(q);
        if cur2.is_some() && unit.as_ref().is_none_or(|u| u.unit.kind != Kind::Money) {
            return None;
        }
        let hi = self.number(
            nstart,
            cur2.is_some() || unit.as_ref().is_some_and(|u| u.unit.kind == Kind::Money),
        )?;
        if hi.vague {
            return None;
        }
        // a year after a non-year is not a range end
        if hi.plain_int
            && hi.int_len == 4
            && (1900.0..=2100.0).contains(&hi.low)
            && !(first.plain_int && first.int_len == 4)
            && unit.is_none()
        {
            return None;
        }
        let mut end = hi.end;
        let mut hi_unit = None;
        if let Some(u2) = self.unit_at(end, &hi) {
            if let Some(u1) = unit {
                if u1.base != u2.base {
                    // the range ends before the second quantity
                    return None;
                }
            }
            end = u2.end;
            hi_unit = Some(u2);
        } else if let Some(u1) = unit {
            // "$350 per kg to $680 per kg": the second rate suffix
            if u1.unit.kind == Kind::Money && cur2.is_some() {
                if let Some((_, e)) = self.rate_at(end, false) {
                    end = e;
                }
            }
        }
        if let Some(u1) = unit {
            if u1.base.contains('/') {
                if let Some((_, e)) = self.rate_at(end, false) {
                    end = e;
                }
            }
        }
        if dash && !word_conn && unit.is_none() && hi_unit.is_none() && first.words != hi.words {
            return None;
        }
        Some((hi, hi_unit, end, dash && !word_conn))
    }
}
