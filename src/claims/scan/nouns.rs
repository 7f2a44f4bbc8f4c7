//! Nouns and roles: the counted noun and its concept from the lexicon,
//! role predicates (`killed`, `tewas`) and implicit counts of one person,
//! ages.

#[allow(unused_imports)] // reason: one import list for all the scanner steps
use super::*;

impl Scanner<'_> {
    /// Whether a role predicate of the sentence starts in `range`
    /// (the predicates' positions are found once per sentence).
    pub(super) fn pred_in(&self, range: Range<usize>) -> bool {
        let mut cache = self.preds.borrow_mut();
        let preds = cache.get_or_insert_with(|| {
            let n = self.toks.toks.len();
            if !(0..n).any(|i| roles::is_cue(self.lang, self.toks.low(i))) {
                return Vec::new();
            }
            (0..n)
                .filter(|&i| {
                    let w = self.toks.low(i);
                    self.toks.kind(i) == Some(TokKind::Word)
                        && (self.lex.starts_multi(self.lang, w)
                            || matches!(self.lex_entry(w), Some((EntryKind::Pred, _))))
                })
                .collect()
        });
        preds.iter().any(|p| range.contains(p))
    }

    /// "five children and three adults were found dead": two counts of
    /// people joined by `and`/`dan` before one role predicate are one count
    /// of their sum, the role's concept and both nouns (`children and
    /// adults`). Only when both nouns are of people and the predicate
    /// follows the second part past bridge words only, or comes right
    /// before the first.
    pub(super) fn coordinated(&self, m: &mut Mention, start: usize) {
        let t = &self.toks;
        let person = |c: &Option<String>| c.as_deref().is_some_and(roles::is_person_concept);
        let (Some(b1), Some(low)) = (m.noun_base.clone(), m.low) else {
            return;
        };
        if !(person(&m.concept) || roles::is_role_concept(m.concept.as_deref())) {
            return;
        }
        if self.closes_including(start, m.end) {
            return;
        }
        // the parts after the first: one after `and` (a comma list of counts
        // is read only in a headline: `2 adults, six children dead`)
        let Some((v2, bases, e2)) = self.list_parts(m.end, false) else {
            return;
        };
        let b2 = bases.join(" and ");
        // the shared predicate after the second part, or right before the
        // first ("killed three adults and two children")
        // ("killed their three children and himself": past a determiner)
        let before = |k: usize| {
            self.role_before(k).or_else(|| {
                (k > 0 && roles::is_determiner(self.lang, t.low(k - 1)))
                    .then(|| self.role_before(k - 1))
                    .flatten()
            })
        };
        let Some(role) = self.role_after(e2).or_else(|| before(start)) else {
            return;
        };
        let sum = low + v2;
        m.low = Some(sum);
        m.high = Some(sum);
        m.stated.low = Some(sum);
        m.stated.high = Some(sum);
        m.precision = None;
        m.kind = Kind::Count;
        m.concept = Some(role);
        m.noun = Some(self.raw_span(start, e2));
        m.noun_base = Some(format!("{b1} and {b2}"));
        m.end = e2;
    }

    /// Whether the sentence makes its counts of people a tally over a
    /// period or over many places rather than the toll of one happening:
    /// `750 people have been killed so far this year`, `five were killed in
    /// separate shootings`, `10 killed in the city since Friday` (the
    /// phrases of `data/lexicon/roles.tsv`).
    pub(super) fn is_tally(&self) -> bool {
        if let Some(v) = self.tally.get() {
            return v;
        }
        let v = self.find_tally();
        self.tally.set(Some(v));
        v
    }

    /// One person without an article in a headline at `j`: a singular noun of
    /// people there (`police identify man killed`), or at the head of a clause
    /// after modifiers that are no common words (`Virginia Beach man`, `7-year-old
    /// girl`); as [`Self::single_person`].
    #[allow(clippy::type_complexity)] // reason: implicit_person's tuple
    fn bare_person(
        &self,
        j: usize,
    ) -> Option<(usize, (String, String, usize), Option<(usize, usize, f64)>)> {
        let t = &self.toks;
        // "Third person dies": a position, not one more
        if j > 0 && kinds::ordinal_word(self.lang, t.low(j - 1)).is_some() {
            return None;
        }
        if let Some(p) = self.singular_person(j) {
            return Some((j, p, None));
        }
        let found = self.single_person(j)?;
        let modifiers_only = (j..found.0).all(|k| {
            t.kind(k) != Some(TokKind::Word)
                || t.raw(self.text, k).starts_with(char::is_uppercase) && !self.is_title_case()
        });
        (self.at_clause_start(j) && (modifiers_only || found.2.is_some())).then_some(found)
    }

    /// Whether the token at `k` opens a clause of the sentence: its first
    /// token, or one after `:`, `;` or `,`.
    pub(super) fn at_clause_start(&self, k: usize) -> bool {
        k == 0 || matches!(self.toks.low(k - 1), ":" | ";" | ",")
    }

    /// Whether most words of the sentence start with a capital, as in a
    /// headline ("Shooting Leaves 1 Dead, 3 Injured"): there a capital
    /// says nothing of a name.
    pub(super) fn is_title_case(&self) -> bool {
        if let Some(v) = self.title.get() {
            return v;
        }
        let t = &self.toks;
        let (mut words, mut caps) = (0usize, 0usize);
        for k in 0..t.toks.len() {
            if t.kind(k) == Some(TokKind::Word) && t.low(k).len() > 3 {
                words += 1;
                caps += usize::from(t.raw(self.text, k).starts_with(char::is_uppercase));
            }
        }
        let v = words > 0 && caps * 2 > words;
        self.title.set(Some(v));
        v
    }

    /// Whether the word at `k` reads as a name: capitalised where capitals
    /// mean something (not in a headline), and no weekday, month or day
    /// (`Christmas`).
    fn is_name_at(&self, k: usize) -> bool {
        let t = &self.toks;
        let w = t.low(k);
        t.kind(k) == Some(TokKind::Word)
            && t.raw(self.text, k).starts_with(char::is_uppercase)
            && datetime::weekday(w).is_none()
            && datetime::month(w).is_none()
            && !roles::is_day(self.lang, w)
            && !self.is_title_case()
    }

    fn find_tally(&self) -> bool {
        let t = &self.toks;
        let n = t.toks.len();
        let at = |i: usize, phrase: &str| {
            phrase
                .split(' ')
                .enumerate()
                .all(|(o, w)| i + o < n && t.low(i + o) == w)
        };
        // a month or a year at `k`: where a period starts
        let month_or_year = |k: usize| {
            let w = t.low(k);
            datetime::month(w).is_some()
                || (t.kind(k) == Some(TokKind::Num)
                    && w.len() == 4
                    && parse_digits(w, self.lang)
                        .is_some_and(|d| (1900.0..=2100.0).contains(&d.value)))
        };
        (0..n).any(|i| {
            let w = t.low(i);
            // "between January 2010 and August 2013": a period
            if w == "between" {
                return month_or_year(i + 1);
            }
            if w == "since" {
                let next = t.low(i + 1);
                return datetime::weekday(next).is_some()
                    || roles::is_since_time(self.lang, next)
                    || month_or_year(i + 1);
            }
            // "in separate shootings", not "in a separate shooting"
            if roles::is_apart(self.lang, w) {
                return (i + 1..i + 3).any(|k| roles::is_happenings(self.lang, t.low(k)));
            }
            roles::starts_tally(self.lang, w)
                && roles::tally_phrases(self.lang)
                    .any(|p| p.split(' ').next() == Some(w) && at(i, p))
        })
    }

    /// Whether a role predicate near the mention may decide its concept:
    /// the count has no noun, an anaphor (`four others`) or a noun of
    /// people (`two children`); never a count of things (`two rival
    /// groups`, `two gunshot wounds`, `fired one shot`) or of times (`shot eight times`).
    pub(super) fn takes_role(&self, m: &Mention) -> bool {
        let t = &self.toks;
        if roles::is_thing(self.lang, t.low(m.end))
            || roles::is_fires(self.lang, self.prev_low(m.start))
        {
            return false;
        }
        // "the five-bedroom house", "a two-story home": a modifier
        if m.noun.is_none() && t.is_dash(m.end) && t.glued(m.end) && t.glued(m.end + 1) {
            return false;
        }
        // a count of people is whole: "19.3 deaths per 100,000 people"
        if m.low.is_some_and(|v| v.fract() != 0.0) {
            return false;
        }
        if self.lang == Lang::En {
            let prev = self.prev_low(m.start);
            // "deaths per 100,000", "a father of three", "shot at a Motel 6"
            let per = prev == "per" || (m.end..m.end + 2).any(|k| t.low(k) == "per");
            let kin = prev == "of" && m.start >= 2 && roles::is_kin(self.lang, t.low(m.start - 2));
            let name = m.noun.is_none()
                && m.start >= 2
                && t.kind(m.start - 2) != Some(TokKind::Punct)
                && self.is_name_at(m.start - 1)
                && !matches!(self.lex_at(m.end), Some((_, _, _, EntryKind::Pred, _)));
            if per || kin || name {
                return false;
            }
        }
        match (&m.noun_base, &m.concept) {
            (None, _) => true,
            (Some(_), Some(c)) => roles::is_person_concept(c),
            (Some(b), None) => roles::is_anaphor(self.lang, b),
        }
    }

    /// Whether a number (with its unit, if any) states a person's age in
    /// years: a bare integer in parentheses after a capitalised name
    /// (`Dedeh (45)`), or an integer count of years after an age word
    /// (`berusia 63 tahun`, `aged 45`, `umur 71 tahun`) or set off by
    /// commas after a name (`Liliana, 58 tahun,`, `Liliana, 58,`).
    pub(super) fn is_age(&self, num: &Num, m: &Mention, start: usize) -> bool {
        let t = &self.toks;
        if !num.plain_int || num.low < 1.0 || num.low > 120.0 || !num.is_point() {
            return false;
        }
        let years = match m.kind {
            Kind::Number => m.end == num.end,
            Kind::Duration => {
                m.stated.unit.as_deref().is_some_and(|u| {
                    matches!(
                        u.to_lowercase().as_str(),
                        "tahun" | "thn" | "th" | "year" | "years" | "yrs"
                    )
                }) && m.end == num.end + 1
            }
            _ => false,
        };
        if !years {
            return false;
        }
        let prev = self.prev_low(start);
        if matches!(
            prev,
            "berusia" | "berumur" | "usia" | "umur" | "usianya" | "umurnya" | "aged" | "age"
        ) {
            return true;
        }
        // "at the age of 79"
        if prev == "of" && start >= 2 && t.low(start - 2) == "age" {
            return true;
        }
        // "bocah 12 tahun", "pria 45 tahun": a noun of people right before a count of years
        if self.lang == Lang::Id
            && m.kind == Kind::Duration
            && start > 0
            && self.is_person_noun(start - 1)
        {
            return true;
        }
        // "juru taktik 62 tahun itu", "penyanyi dangdut 46 tahun ini": a noun of people (of one or
        // more words) right before, or one word before, years that a demonstrative closes ("kontrak
        // 3 tahun tersebut" names no people)
        if self.lang == Lang::Id
            && m.kind == Kind::Duration
            && matches!(t.low(m.end), "ini" | "itu" | "tersebut")
        {
            for k in start.saturating_sub(2)..start {
                if let Some((_, _, Some(c), EntryKind::Noun, end)) = self.person_at(k) {
                    if roles::is_person_concept(&c)
                        && (end == start
                            || (end + 1 == start && t.kind(end) == Some(TokKind::Word)))
                    {
                        return true;
                    }
                }
            }
        }
        let name_before = |k: usize| {
            k > 0
                && t.kind(k - 1) == Some(TokKind::Word)
                && t.raw(self.text, k - 1).starts_with(char::is_uppercase)
                && datetime::weekday(t.low(k - 1)).is_none()
                && datetime::month(t.low(k - 1)).is_none()
        };
        // "Dedeh (45)"
        if m.kind == Kind::Number
            && start == num.start
            && prev == "("
            && t.low(num.end) == ")"
            && name_before(start - 1)
        {
            return true;
        }
        // "Liliana, 58 tahun," / "Liliana, 58," / "Darrell Hawkins, 34 who"
        let after = t.low(m.end);
        start == num.start
            && prev == ","
            && name_before(start - 1)
            && (matches!(after, "," | ")")
                || self.lang == Lang::En && matches!(after, "who" | "and" | "was" | "were"))
            && (m.kind == Kind::Duration || self.lang == Lang::En)
    }

    /// An implicit count of one person with a role: `a man was shot and
    /// killed`, `killing a 17-year-old girl`, `left a woman dead`,
    /// `seorang wanita tewas`. The person is `a`/`an` and a noun of people
    /// after at most four modifiers (an age `N-year-old` among them), or
    /// `seorang` and at most two words; the role predicate comes right
    /// before, or after it past bridge words only (`was`, `shot and`,
    /// `dalam keadaan`). Without a role predicate nothing is claimed.
    pub(super) fn implicit_person(&self, qstart: usize, j: usize, qual: Option<Qual>) -> Outcome {
        let t = &self.toks;
        // cheap check before the lexicon walks: a predicate right before
        // or within sixteen tokens after (a group: "a man and a 2-year-old
        // boy were fatally shot")
        if qual.is_some() || !self.pred_in(j.saturating_sub(2)..j + 17) {
            return Outcome::None;
        }
        let w = t.low(j);
        // a singular noun of people: "victim", not "victims" or "people"
        let person = |k: usize| match self.lang {
            Lang::En => self.singular_person(k),
            Lang::Id => match self.person_at(k) {
                Some((written, base, Some(c), EntryKind::Noun, e))
                    if roles::is_person_concept(&c) =>
                {
                    Some((written, base, e))
                }
                _ => None,
            },
        };
        let mut age: Option<(usize, usize, f64)> = None;
        let noun = match (self.lang, w) {
            // "the victim died", "the 15-year-old was pronounced dead": a
            // singular noun of people is one person
            (Lang::En, w)
                if matches!(w, "a" | "an" | "the") || roles::is_possessive(self.lang, w) =>
            {
                self.single_person(j + 1).map(|(nk, p, a)| {
                    age = a;
                    (nk, p)
                })
            }
            // a pronoun of one person: "he was shot and killed"
            (Lang::En, w) if roles::is_pronoun(self.lang, w) => {
                Some((j, (t.raw(self.text, j).to_string(), w.to_string(), j + 1)))
            }
            // a headline leaves the article out: "Woman, 2 children dead"
            (Lang::En, _) if self.headline => self.bare_person(j).map(|(nk, p, a)| {
                age = a;
                (nk, p)
            }),
            (Lang::Id, "seorang") => {
                let k = j + 1;
                match person(k) {
                    Some(p) => Some((k, p)),
                    None => {
                        // an unknown common noun: "seorang pengendara"
                        let ok = t.kind(k) == Some(TokKind::Word)
                            && !t.raw(self.text, k).starts_with(char::is_uppercase)
                            && !lists().id_stop.contains(&t.low(k))
                            && !looks_like_verb(t.low(k))
                            && self.lex_at(k).is_none();
                        ok.then(|| {
                            let e = self.word_unit(k).map_or(k + 1, |x| x.1);
                            (k, (self.raw_span(k, e), t.low(k).to_string(), e))
                        })
                    }
                }
            }
            _ => None,
        };
        let Some((nk, (written, base, e))) = noun else {
            return Outcome::None;
        };
        // "the woman", "his son", "he": a person the text may have counted already
        let anaphoric = self.lang == Lang::En
            && (w == "the"
                || roles::is_possessive(self.lang, w)
                || roles::is_pronoun(self.lang, w));
        // Indonesian modifiers follow the noun: "seorang pengendara motor tewas"
        let mut after = e;
        if self.lang == Lang::Id {
            for _ in 0..2 {
                let lw = t.low(after);
                if t.kind(after) != Some(TokKind::Word)
                    || lists().id_stop.contains(&lw)
                    || roles::is_bridge(self.lang, lw)
                    || matches!(self.lex_at(after), Some((_, _, _, EntryKind::Pred, _)))
                    || looks_like_verb(lw)
                {
                    break;
                }
                after += 1;
            }
        }
        // an Indonesian age after the person: "seorang bocah 12 tahun meninggal",
        // "seorang pria berusia 40 tahun tewas"
        let mut id_age: Option<(usize, usize, f64)> = None;
        if self.lang == Lang::Id {
            let q = after
                + usize::from(matches!(
                    t.low(after),
                    "berusia" | "berumur" | "usia" | "umur"
                ));
            if t.kind(q) == Some(TokKind::Num) && t.low(q + 1) == "tahun" {
                if let Some(v) = t
                    .low(q)
                    .parse::<f64>()
                    .ok()
                    .filter(|v| (1.0..=120.0).contains(v))
                {
                    id_age = Some((q, q + 2, v));
                    after = q + 2;
                }
            }
        }
        let one = |start: usize, end: usize, low: f64| self.whole(start, end, Kind::Count, low);
        // the person's age, when stated, is a claim of its own
        let age_claim = |(a, ae, v): (usize, usize, f64)| {
            let mut am = one(a, ae, v);
            am.concept = Some("age".to_string());
            Box::new(am)
        };
        // an English age comes before the count
        let with_age = |mut m: Mention| match age {
            Some(x) => {
                m.start = nk.max(x.1);
                Outcome::Pair(age_claim(x), Box::new(m))
            }
            None => Outcome::Claim(Box::new(m)),
        };
        // "a man and a 2-year-old boy were killed", "killing a man and his
        // wife": one predicate for the group, the sum of its parts
        if let Some((role, v2, b2, e2)) = self.group_after(j, e) {
            let mut m = one(qstart.min(j), e2, 1.0 + v2);
            m.noun = Some(self.raw_span(nk, e2));
            m.noun_base = Some(format!("{base} and {b2}"));
            m.concept = Some(role);
            return with_age(m);
        }
        // one member of a list that cannot be summed ("his wife and
        // children", "his wife, Cynthia, and their daughters", "Bass and his
        // daughter"): no count of one
        if self.lang == Lang::En && (self.list_member_before(j) || self.list_after(e)) {
            return Outcome::None;
        }
        let Some(role) = self.role_before(j).or_else(|| self.role_after(after)) else {
            return Outcome::None;
        };
        // "Two people were killed. … He was pronounced dead at the scene": one of
        // the two, not a count of one (the age stays a claim)
        if anaphoric && self.counted_several(&role) {
            return age.map_or(Outcome::None, |x| Outcome::Claim(age_claim(x)));
        }
        let mut m = one(qstart.min(j), e, 1.0);
        m.noun = Some(written);
        m.noun_base = Some(base);
        m.concept = Some(role);
        // the count, then the age after it
        if let Some(x) = id_age {
            return Outcome::Pair(Box::new(m), age_claim(x));
        }
        with_age(m)
    }

    /// One person after `a`/`an`/`the` at `j`: a singular noun of people
    /// after at most four modifiers (`a 34-year-old man`), or an age that
    /// stands for the person (`a 17-year-old`): (noun index, (written,
    /// base, end), the age before the noun if any).
    #[allow(clippy::type_complexity)] // reason: implicit_person's tuple
    pub(super) fn single_person(
        &self,
        j: usize,
    ) -> Option<(usize, (String, String, usize), Option<(usize, usize, f64)>)> {
        let t = &self.toks;
        let person = |k: usize| self.singular_person(k);
        let mut age: Option<(usize, usize, f64)> = None;
        let mut k = j;
        for _ in 0..5 {
            if let Some(p) = person(k) {
                return Some((k, p, age));
            }
            if let Some((v, e)) = self.age_compound(k) {
                age = Some((k, e, v));
                k = e;
                continue;
            }
            let lw = t.low(k);
            // "the first person killed", "the third man": a position
            if t.kind(k) != Some(TokKind::Word)
                || lists().en_stop.contains(&lw)
                || kinds::ordinal_word(self.lang, lw).is_some()
                || matches!(self.lex_at(k), Some((_, _, _, EntryKind::Pred, _)))
            {
                break;
            }
            k = self.word_unit(k).map_or(k + 1, |x| x.1);
        }
        // "killing a 17-year-old": the age stands for the person
        match age {
            Some((a, e, _)) if e == k => {
                Some((a, (self.raw_span(a, e), "person".to_string(), e), None))
            }
            _ => None,
        }
    }

    /// A group `X and Y` whose first part (one person at `j..e`) is
    /// followed by `and` and a second part of people sharing one role
    /// predicate: right before the group with none after it (`killing a
    /// man and his wife`), or after the group (`a man and a boy were
    /// killed`): (role, how many in the second part, its noun, its end).
    pub(super) fn group_after(&self, j: usize, e: usize) -> Option<(String, f64, String, usize)> {
        if self.lang != Lang::En || self.closes_including(j, e) {
            return None;
        }
        // a list: "his wife, son and daughter", "his mother, stepfather, and
        // grandmother"
        let (sum, bases, p) = self.list_parts(e, true)?;
        let role = match (self.role_before(j), self.role_after(p)) {
            (Some(r), None) | (None, Some(r)) => r,
            _ => return None,
        };
        Some((role, sum, bases.join(" and "), p))
    }

    /// Whether the part of a list at `j..e` follows `including`/`termasuk` (one word may come
    /// between) and a comma closes it before `and`: "six people were killed, including the
    /// suspect, and four people were injured" starts a clause of its own at `and` ("four people
    /// including a 12-year-old and an 8-year-old were injured" is one list).
    fn closes_including(&self, j: usize, e: usize) -> bool {
        let t = &self.toks;
        (j.saturating_sub(2)..j).any(|k| matches!(t.low(k), "including" | "termasuk"))
            && t.low(e) == ","
            && matches!(t.low(e + 1), "and" | "dan")
    }

    /// The parts of a list of people after its first one, from token `p`
    /// ([`Self::group_part`] each): one after `and`/`dan`; with `commas`, a
    /// comma list ending in `and` (`his wife, son and daughter`), where a comma
    /// before anything but a part ends it with no sum (an apposition: `his
    /// wife, Cynthia Villegas`). A headline joins with commas and `then` too
    /// (`Man Kills Wife Then Himself`), and its list may end without `and`, at a
    /// comma or `then` before a clause (`…, police say`). (sum, parts' nouns,
    /// end), or `None` when no part follows or no sum can take the list.
    fn list_parts(&self, mut p: usize, commas: bool) -> Option<(f64, Vec<String>, usize)> {
        let t = &self.toks;
        let (mut sum, mut bases) = (0.0, Vec::new());
        loop {
            let then = self.headline && t.low(p) == "then";
            let comma = t.low(p) == ",";
            let and = then
                || matches!(t.low(p), "and" | "dan")
                || (comma && matches!(t.low(p + 1), "and" | "dan"));
            if !(and || comma && (commas || self.headline)) {
                if self.headline && !bases.is_empty() {
                    break;
                }
                return None;
            }
            let k = if then {
                p
            } else {
                p + 1 + usize::from(comma && and)
            };
            let (v, b, end) = match self.group_part(k) {
                None if self.headline && (then || comma && !and) && !bases.is_empty() => break,
                part => part?,
            };
            sum += v;
            bases.push(b);
            p = end;
            if and {
                break;
            }
        }
        Some((sum, bases, p))
    }

    /// Whether `and` before `j` joins what starts at `j` to an earlier
    /// person (`Bass and his daughter`, `two men and a boy`), not to a
    /// clause (`two were killed and a woman was wounded`).
    fn list_member_before(&self, j: usize) -> bool {
        let t = &self.toks;
        j >= 2
            && t.low(j - 1) == "and"
            && t.kind(j - 2) == Some(TokKind::Word)
            && (t.raw(self.text, j - 2).starts_with(char::is_uppercase)
                || self.is_person_noun(j - 2))
    }

    /// Whether a list of people goes on after the person ending at `e`
    /// that no sum can take: `and` right before a part
    /// ([`Self::group_part`] found none: `and children`, `and 3-year-old
    /// granddaughter`), or an apposition and then one (`, Cynthia, and
    /// their daughters`, `, two young children and his mother-in-law`).
    fn list_after(&self, e: usize) -> bool {
        let t = &self.toks;
        let part = |n: usize| {
            roles::is_determiner(self.lang, t.low(n))
                || t.kind(n) == Some(TokKind::Num)
                || word_atoms(t.low(n), self.lang).is_some()
                || self.is_person_noun(n)
        };
        match t.low(e) {
            "and" => part(e + 1) && self.group_part(e + 1).is_none(),
            "," => {
                let n = e + 1;
                let apposition = t.kind(n) == Some(TokKind::Num)
                    || (t.kind(n) == Some(TokKind::Word)
                        && t.raw(self.text, n).starts_with(char::is_uppercase))
                    || part(n);
                apposition
                    && (n..e + 9)
                        .take_while(|&k| t.kind(k).is_some() && !matches!(t.low(k), "." | ";"))
                        .any(|k| t.low(k) == "and" && part(k + 1))
            }
            _ => false,
        }
    }

    /// A singular noun of people written as in the lexicon at `k`
    /// (`victim`, not `victims`, `people` or `Victim`): (written, base, end).
    fn singular_person(&self, k: usize) -> Option<(String, String, usize)> {
        match self.person_at(k) {
            Some((written, base, Some(c), EntryKind::Noun, e))
                if roles::is_person_concept(&c)
                    && written.to_lowercase() == base
                    && !roles::is_plural(self.lang, &base) =>
            {
                Some((written, base, e))
            }
            _ => None,
        }
    }

    /// Whether a noun of people (of a `person` concept) is at `k`.
    fn is_person_noun(&self, k: usize) -> bool {
        matches!(self.person_at(k), Some((_, _, Some(c), EntryKind::Noun, _)) if roles::is_person_concept(&c))
    }

    /// Whether the word at `k` is a plural noun of people (`sisters`, `parents`).
    fn is_people_noun(&self, k: usize) -> bool {
        self.toks.kind(k) == Some(TokKind::Word)
            && self.base_forms(self.toks.low(k)).iter().any(|b| {
                matches!(self.lex_entry(b), Some((EntryKind::Noun, c)) if roles::is_person_concept(c))
            })
    }

    /// The second part of a coordinated group of people at `k` (after
    /// `and`): a count of people (`two men`, `three others`, `their three
    /// children`), one person (`a 2-year-old boy`, `his wife`,
    /// `another woman`) or the doer (`himself`, `then himself`): (how many,
    /// noun base, end).
    pub(super) fn group_part(&self, k: usize) -> Option<(f64, String, usize)> {
        let t = &self.toks;
        // the doer itself: "three people and (then) himself", "dan dirinya sendiri"
        let r = k + usize::from(matches!(t.low(k), "then" | "kemudian"));
        if roles::is_reflexive(self.lang, t.low(r)) {
            let end = r + 1 + usize::from(t.low(r + 1) == "sendiri");
            return Some((1.0, t.low(r).to_string(), end));
        }
        let mut n_at = k;
        if self.lang == Lang::En && roles::is_determiner(self.lang, t.low(k)) {
            if let Some((_, (_, base, e), _)) = self.single_person(k + 1) {
                return Some((1.0, base, e));
            }
            n_at = k + 1;
        } else if self.lang == Lang::En {
            // a bare singular noun that shares the first part's determiner:
            // "his father and brother"
            if let Some((_, base, e)) = self.singular_person(k) {
                return Some((1.0, base, e));
            }
            // a headline's part without its article: "Man, 11-Year-Old Daughter Dead"
            if self.headline {
                if let Some((_, (_, base, e), _)) = self.single_person(k) {
                    return Some((1.0, base, e));
                }
            }
        }
        let n = self.number(n_at, false)?;
        if !n.is_point() || n.vague || n.low.fract() != 0.0 || n.low < 1.0 {
            return None;
        }
        let (_, b, c, e) = self.noun_at(n.end)?;
        let person = match &c {
            Some(c) => roles::is_person_concept(c),
            None => roles::is_anaphor(self.lang, &b),
        };
        person.then_some((n.low, b, e))
    }

    /// [`Self::lex_at`] for a noun written as in the lexicon: one probe
    /// without allocation for a single word, the full match only where a
    /// multi-word surface may start.
    #[allow(clippy::type_complexity)] // reason: lex_at's tuple
    pub(super) fn person_at(
        &self,
        k: usize,
    ) -> Option<(String, String, Option<String>, EntryKind, usize)> {
        let t = &self.toks;
        let w = t.low(k);
        if t.kind(k) != Some(TokKind::Word) {
            return None;
        }
        if self.lex.starts_multi(self.lang, w) || (t.is_dash(k + 1) && t.glued(k + 1)) {
            return self.lex_at(k);
        }
        match self.lex_entry(w) {
            Some((EntryKind::Noun, c)) if roles::is_person_concept(c) => Some((
                t.raw(self.text, k).to_string(),
                w.to_string(),
                Some(c.to_string()),
                EntryKind::Noun,
                k + 1,
            )),
            _ => None,
        }
    }

    /// An age written `N-year-old` (`27-year-old`, `27 year old`) at `k`:
    /// (years, index after).
    pub(super) fn age_compound(&self, k: usize) -> Option<(f64, usize)> {
        let t = &self.toks;
        if t.kind(k) != Some(TokKind::Num) {
            return None;
        }
        let v = parse_digits(t.low(k), self.lang)?.value;
        if !(0.0..=120.0).contains(&v) || v.fract() != 0.0 {
            return None;
        }
        let mut q = k + 1;
        if t.is_dash(q) {
            q += 1;
        }
        // "13-month-old": the age in years
        let per_year = match t.low(q) {
            "year" | "years" => 1.0,
            "month" | "months" => 12.0,
            "week" | "weeks" => 52.0,
            "day" | "days" => 365.0,
            _ => return None,
        };
        let v = round_sig(v / per_year);
        q += 1;
        if t.is_dash(q) {
            q += 1;
        }
        (t.low(q) == "old").then_some((v, q + 1))
    }

    /// A role predicate ending right before `k` (`killing a man`, `killed
    /// at least`): its concept.
    pub(super) fn role_before(&self, k: usize) -> Option<String> {
        (1..=2)
            .filter(|&b| k >= b)
            .find_map(|b| match self.lex_at(k - b) {
                Some((_, _, Some(c), EntryKind::Pred, e)) if e == k => Some(self.fatal(k - b, c)),
                _ => None,
            })
    }

    /// The concept of a role predicate starting at `p`, given an adverb of
    /// death right before it: `fatally shot`, `mortally wounded` are deaths.
    pub(super) fn fatal(&self, p: usize, c: String) -> String {
        if c != "deaths" && p > 0 {
            if let Some((_, _, Some(d), EntryKind::Pred, e)) = self.lex_at(p - 1) {
                if e == p && d == "deaths" && self.toks.low(p - 1).ends_with("ly") {
                    return d;
                }
            }
        }
        c
    }

    /// Whether the role predicate at `p..e`, after a noun ending at
    /// `from`, is an active verb whose object follows (`a man shot six
    /// people`, `the gunman killed his wife`): then the noun is the agent.
    /// Passive with a form of "be" in between (`was shot`) or without an
    /// object after it (`two men killed in the shooting`) it is the
    /// noun's role.
    pub(super) fn is_active(&self, from: usize, p: usize, e: usize) -> bool {
        let t = &self.toks;
        // "fatally shot his daughters": the verb after the adverb
        let (p, e) = if roles::is_transitive(self.lang, t.low(e)) {
            (e, e + 1)
        } else {
            (p, e)
        };
        // "two males shot at them": firing at someone
        if self.lang == Lang::En
            && t.low(e) == "at"
            && roles::is_target(self.lang, t.low(e + 1))
            && roles::is_transitive(self.lang, t.low(p))
            && !(from..p).any(|k| roles::is_passive(self.lang, t.low(k)))
        {
            return true;
        }
        // "a security guard fatally shot Earnest Sneed": a name is an object
        let name = self.is_name_at(e);
        self.lang == Lang::En
            && roles::is_transitive(self.lang, t.low(p))
            && !(from..p).any(|k| roles::is_passive(self.lang, t.low(k)))
            && (roles::is_object(self.lang, t.low(e))
                || t.kind(e) == Some(TokKind::Num)
                || word_atoms(t.low(e), self.lang).is_some()
                || name
                // a headline leaves the object's article out: "Man killed wife, children"
                || self.headline && (self.is_person_noun(e) || self.is_people_noun(e)))
    }

    /// A role predicate at `k` or after bridge words only (`was shot and
    /// killed`, `dalam keadaan tewas`): its concept.
    pub(super) fn role_after(&self, mut k: usize) -> Option<String> {
        let t = &self.toks;
        let from = k;
        for _ in 0..6 {
            if t.kind(k) != Some(TokKind::Word) {
                return None;
            }
            if let Some((_, _, Some(c), EntryKind::Pred, e)) = self.lex_at(k) {
                return (!self.is_active(from, k, e)).then_some(c);
            }
            if !roles::is_bridge(self.lang, t.low(k)) {
                return None;
            }
            k += 1;
        }
        None
    }

    pub(super) fn lex_entry(&self, w: &str) -> Option<(EntryKind, &str)> {
        self.lex.entry(self.lang, w)
    }

    /// Base form of a word for lexicon lookup: strip -nya/-ku/-mu, plural.
    pub(super) fn base_forms(&self, w: &str) -> Vec<String> {
        let mut v = vec![w.to_string()];
        match self.lang {
            Lang::Id => {
                for suf in ["nya", "ku", "mu"] {
                    if let Some(b) = w.strip_suffix(suf) {
                        if b.len() >= 3 {
                            v.push(b.to_string());
                        }
                    }
                }
            }
            Lang::En => {
                if let Some(b) = w.strip_suffix("ies") {
                    v.push(format!("{b}y"));
                }
                if let Some(b) = w.strip_suffix("es") {
                    v.push(b.to_string());
                }
                if let Some(b) = w.strip_suffix('s') {
                    v.push(b.to_string());
                }
                if let Some(b) = w.strip_suffix("men") {
                    v.push(format!("{b}man"));
                }
            }
        }
        v
    }

    /// Word at `k` with a glued reduplication or hyphenated compound joined:
    /// (joined lower form, index after).
    pub(super) fn word_unit(&self, k: usize) -> Option<(String, usize)> {
        let t = &self.toks;
        if t.kind(k) != Some(TokKind::Word) {
            return None;
        }
        let w = t.low(k);
        if t.is_dash(k + 1)
            && t.glued(k + 1)
            && t.glued(k + 2)
            && t.kind(k + 2) == Some(TokKind::Word)
        {
            let w2 = t.low(k + 2);
            return Some((format!("{w}-{w2}"), k + 3));
        }
        Some((w.to_string(), k + 1))
    }

    /// Lexicon match at `k` (up to 3 words): (as written, base, concept, kind, end).
    pub(super) fn lex_at(
        &self,
        k: usize,
    ) -> Option<(String, String, Option<String>, EntryKind, usize)> {
        let t = &self.toks;
        if t.kind(k) != Some(TokKind::Word) {
            return None;
        }
        let w0 = t.low(k);
        // multi-word surfaces only when the lexicon has one starting here
        if self.lex.starts_multi(self.lang, w0) {
            let mut words: Vec<(String, usize)> = Vec::with_capacity(3);
            let mut q = k;
            for _ in 0..3 {
                match self.word_unit(q) {
                    Some((w, e)) => {
                        words.push((w, e));
                        q = e;
                    }
                    None => break,
                }
            }
            for len in (2..=words.len()).rev() {
                let last_end = words[len - 1].1;
                let head: Vec<&str> = words[..len - 1].iter().map(|(w, _)| w.as_str()).collect();
                for c in self.base_forms(&words[len - 1].0) {
                    let key = format!("{} {}", head.join(" "), c);
                    if let Some((kind, concept)) = self.lex_entry(&key) {
                        let concept = (!concept.is_empty()).then(|| concept.to_string());
                        return Some((self.raw_span(k, last_end), key, concept, kind, last_end));
                    }
                }
            }
        }
        // single word (or a glued hyphen pair such as "luka-luka")
        let hyphen = t.is_dash(k + 1)
            && t.glued(k + 1)
            && t.glued(k + 2)
            && t.kind(k + 2) == Some(TokKind::Word);
        if hyphen {
            let w2 = t.low(k + 2);
            let joined = format!("{w0}-{w2}");
            let mut cands = self.base_forms(&joined);
            if w0 == w2 || w2.starts_with(w0) {
                cands.extend(self.base_forms(w0));
            }
            for c in cands {
                if let Some((kind, concept)) = self.lex_entry(&c) {
                    let concept = (!concept.is_empty()).then(|| concept.to_string());
                    return Some((self.raw_span(k, k + 3), c, concept, kind, k + 3));
                }
            }
            return None;
        }
        let hit = |c: &str| {
            self.lex_entry(c)
                .map(|(kind, concept)| (c.to_string(), kind, concept))
        };
        let found = hit(w0).or_else(|| match self.lang {
            Lang::Id => ["nya", "ku", "mu"]
                .iter()
                .filter_map(|suf| w0.strip_suffix(suf).filter(|b| b.len() >= 3))
                .find_map(hit),
            Lang::En => w0
                .strip_suffix('s')
                .and_then(hit)
                .or_else(|| w0.strip_suffix("es").and_then(hit))
                .or_else(|| w0.strip_suffix("ies").and_then(|b| hit(&format!("{b}y"))))
                .or_else(|| w0.strip_suffix("men").and_then(|b| hit(&format!("{b}man")))),
        });
        let (base, kind, concept) = found?;
        let concept = (!concept.is_empty()).then(|| concept.to_string());
        Some((t.raw(self.text, k).to_string(), base, concept, kind, k + 1))
    }

    /// The counted noun after index `k`.
    pub(super) fn noun_at(&self, k: usize) -> Option<(String, String, Option<String>, usize)> {
        let t = &self.toks;
        let mut q = k;
        if self.lang == Lang::En && t.low(q) == "of" {
            q += 1;
        }
        if t.kind(q) != Some(TokKind::Word) {
            return None;
        }
        let stop = |w: &str| match self.lang {
            Lang::Id => lists().id_stop.contains(&w),
            Lang::En => lists().en_stop.contains(&w),
        };
        let first = t.low(q);
        // "48 kali transaksi": N times a counted event noun
        if self.lang == Lang::Id && first == "kali" {
            if let Some((_, b2, Some(c2), EntryKind::Noun, e2)) = self.lex_at(q + 1) {
                return Some((self.raw_span(q, e2), b2, Some(c2), e2));
            }
        }
        // "dua kali menerobos", "three times a week": a count of occurrences, unless a multiple
        // ("10 kali lipat", "three times more")
        if lists().times.contains(&first) && !lists().multiplies.contains(&t.low(q + 1)) {
            return Some((
                t.raw(self.text, q).to_string(),
                first.to_string(),
                None,
                q + 1,
            ));
        }
        if stop(first)
            || datetime::weekday(first).is_some()
            || matches!(first, "kemarin" | "besok" | "lusa")
            || datetime::month(first).is_some()
                && t.raw(self.text, q).starts_with(char::is_uppercase)
        {
            return None;
        }
        if word_atoms(first, self.lang).is_some() {
            return None;
        }
        // lexicon match, possibly after a classifier (ID) or adjectives (EN)
        let span = if self.lang == Lang::En { 3 } else { 1 };
        let mut p = q;
        for _ in 0..span {
            if t.kind(p) != Some(TokKind::Word) || stop(t.low(p)) {
                break;
            }
            if let Some((written, base, concept, kind, e)) = self.lex_at(p) {
                if kind == EntryKind::Classifier {
                    if let Some((w2, b2, c2, k2, e2)) = self.lex_at(e) {
                        if k2 != EntryKind::Pred {
                            return Some((w2, b2, c2, e2));
                        }
                    }
                    if let Some((w2, e2)) = self.word_unit(e) {
                        if !stop(&w2) {
                            return Some((self.raw_span(e, e2), w2, None, e2));
                        }
                    }
                    return Some((written, base, None, e));
                }
                if kind == EntryKind::Pred {
                    // "19 dead", "27 injured": the predicate is not a noun
                    if p == q {
                        return None;
                    }
                    break;
                }
                // "empat orang penasihat hukum": `orang` as a classifier
                // before a more specific noun
                if self.lang == Lang::Id && p == q && base == "orang" {
                    if let Some((_, b2, Some(c2), EntryKind::Noun, e2)) = self.lex_at(e) {
                        if c2 != "people" {
                            return Some((self.raw_span(q, e2), b2, Some(c2), e2));
                        }
                    }
                }
                // English compounds: the head noun is the last one
                // ("NATO member ambassadors")
                let (mut base, mut concept, mut e) = (base, concept, e);
                if self.lang == Lang::En {
                    while let Some((_, b2, c2, EntryKind::Noun, e2)) = self.lex_at(e) {
                        base = b2;
                        concept = c2;
                        e = e2;
                    }
                }
                let written = if p == q && e == self.lex_at(p).map(|x| x.4).unwrap_or(e) {
                    written
                } else {
                    self.raw_span(q, e)
                };
                return Some((written, base, concept, e));
            }
            p = self.word_unit(p).map(|x| x.1).unwrap_or(p + 1);
        }
        // unknown noun: the first word, if it looks like a common noun
        let (w, e) = self.word_unit(q)?;
        let raw = t.raw(self.text, q);
        // an acronym names what is counted ("14 juta KPM", "13 KPKNL"), unless it is a time zone
        // or the number is the middle of a number plate ("B 2829 UIL")
        let acronym = raw.len() >= 2
            && raw.len() <= 8
            && raw.chars().all(|c| c.is_ascii_uppercase())
            && datetime::tz(raw).is_none();
        if acronym {
            let plate = k >= 2 && t.kind(k - 1) == Some(TokKind::Num) && {
                let r = t.raw(self.text, k - 2);
                (1..=2).contains(&r.len()) && r.chars().all(|c| c.is_ascii_uppercase())
            };
            return (!plate).then(|| (raw.to_string(), w.clone(), self.acronym_concept(raw), e));
        }
        if raw.chars().next().is_some_and(|c| c.is_uppercase()) {
            // "13 Kantor Pelayanan … (KPKNL)": the count of the acronym the words define
            let d = self.expansion_at(q)?;
            let end = (q..t.toks.len()).find(|&j| t.toks[j].start >= d.span.end)?;
            let concept = self.acronym_concept(&d.acronym);
            return Some((
                self.raw_span(q, end),
                d.acronym.to_lowercase(),
                concept,
                end,
            ));
        }
        if !w.chars().all(|c| c.is_alphabetic() || c == '-') || w.chars().count() < 2 {
            return None;
        }
        if self.lang == Lang::Id && looks_like_verb(&w) {
            return None;
        }
        // "2 confirmed dead", "three charged with": a past participle counts nothing; before a
        // noun it is an adjective ("two loaded guns", "five attempted murder charges")
        if self.lang == Lang::En && w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed") {
            let next = self.noun_at(e)?;
            return Some((self.raw_span(q, next.3), next.1, next.2, next.3));
        }
        let base = match self.lang {
            Lang::En => english_singular(&w),
            Lang::Id => self.base_forms(&w).pop().unwrap_or_else(|| w.clone()),
        };
        // a function word the lexicon does not know counts nothing ("Hermes 900 dapat", "FreeBuds 6
        // mampu", "39 is 0"), unless the scanner's list says it does ("satu hal", "empat lainnya")
        let function = |x: &str| crate::features::stopwords().contains(x);
        if (function(&w) || function(&base)) && !lists().function_noun.contains(&base.as_str()) {
            return None;
        }
        let base = if let Some((a, b)) = w.split_once('-') {
            if a == b {
                a.to_string()
            } else {
                base
            }
        } else {
            base
        };
        Some((self.raw_span(q, e), base, None, e))
    }

    pub(super) fn raw_span(&self, a: usize, b: usize) -> String {
        let t = &self.toks;
        match (t.toks.get(a), t.toks.get(b.saturating_sub(1))) {
            (Some(x), Some(y)) if y.end >= x.start => {
                self.text.get(x.start..y.end).unwrap_or("").to_string()
            }
            _ => String::new(),
        }
    }

    /// Whether the count starting at `start` is the whole of an English
    /// partitive: `(one|two|…) of (the|those|his…)? [start]`.
    fn is_partitive_whole(&self, start: usize) -> bool {
        let t = &self.toks;
        if self.lang != Lang::En {
            return false;
        }
        let mut p = start;
        if p > 0
            && (roles::is_determiner(self.lang, t.low(p - 1))
                || matches!(t.low(p - 1), "those" | "these"))
        {
            p -= 1;
        }
        p >= 2
            && t.low(p - 1) == "of"
            && (t.kind(p - 2) == Some(TokKind::Num)
                || word_atoms(t.low(p - 2), self.lang).is_some())
    }

    /// A predicate near the mention: up to 3 words after, 5 tokens before.
    pub(super) fn predicate_near(&self, start: usize, end: usize) -> Option<String> {
        let t = &self.toks;
        // "killing two people and injuring 27": the verb right before wins
        for back in 1..=2 {
            if start >= back {
                if let Some((_, _, Some(c), EntryKind::Pred, e)) = self.lex_at(start - back) {
                    if e == start {
                        return Some(self.fatal(start - back, c));
                    }
                }
            }
        }
        let mut q = end;
        // "two of the victims were dead": past the partitive
        if self.lang == Lang::En
            && t.low(q) == "of"
            && matches!(t.low(q + 1), "the" | "those" | "these" | "them" | "their")
        {
            q += 2;
            // "four of the five victims": the whole's own number
            if t.kind(q) == Some(TokKind::Num) || word_atoms(t.low(q), self.lang).is_some() {
                q += 1;
            }
            if let Some((_, _, Some(c), EntryKind::Noun, e)) = self.lex_at(q) {
                if roles::is_person_concept(&c) {
                    q = e;
                }
            }
        }
        // "one of the four victims was killed": the whole of a partitive,
        // whose finite predicate is the part's
        let mut whole = self.is_partitive_whole(start);
        for _ in 0..4 {
            if t.kind(q) != Some(TokKind::Word) {
                break;
            }
            let w = t.low(q);
            // "400 people ended with one dead": another count nearer the
            // predicate is what it is about
            if q > end && !matches!(w, "a" | "an") && word_atoms(w, self.lang).is_some() {
                break;
            }
            // "four others were hit, none fatally": denied; "two marshals
            // accused of killing a boy": its doers
            if roles::is_negation(self.lang, w) || roles::is_agent(self.lang, w) {
                return None;
            }
            if whole && roles::is_finite(self.lang, w) {
                return None;
            }
            // "one of the three people who died": a relative clause of the whole
            whole &= !matches!(w, "who" | "that");
            if let Some((_, _, Some(c), EntryKind::Pred, e)) = self.lex_at(q) {
                // an active verb with its object after the count: the count
                // is not its victims, but may be the object of a predicate
                // before it ("accused of fatally shooting three people and
                // wounding another")
                if self.is_active(end, q, e) {
                    break;
                }
                return Some(c);
            }
            // "held two people hostage before being fatally shot": the
            // predicate of another clause
            if self.lang == Lang::En
                && !matches!(w, "and" | "or" | "that" | "a" | "including")
                && roles::is_clause_break(self.lang, w)
            {
                break;
            }
            q = self.word_unit(q).map(|x| x.1).unwrap_or(q + 1);
        }
        // before: the nearest predicate, unless it sits in a relative
        // clause ("korban meninggal yang sudah dievakuasi ada delapan
        // orang"): then the head's predicate before `yang`/`who` wins
        let lo = start.saturating_sub(8);
        let mut found: Option<String> = None;
        let mut relative = false;
        for p in (lo..start).rev() {
            if t.kind(p) == Some(TokKind::Punct) && !t.is_dash(p) {
                break;
            }
            // "Three died and one was taken to hospital": another clause
            if found.is_none() && roles::is_clause_break(self.lang, t.low(p)) {
                break;
            }
            // "2 killed in 6 shootings", "shot at Club 21", "killed three of
            // his five victims": the object of a preposition, or the whole
            // of a partitive, is not the count the predicate is about ("the
            // killing of two men" is: `of` right after the predicate)
            if found.is_none() && self.lang == Lang::En {
                let w = t.low(p);
                if roles::is_preposition(self.lang, w) {
                    break;
                }
                let number_before = p > 0
                    && (t.kind(p - 1) == Some(TokKind::Num)
                        || word_atoms(t.low(p - 1), self.lang).is_some());
                if w == "of" && number_before {
                    break;
                }
            }
            if matches!(t.low(p), "yang" | "who" | "which" | "that") {
                relative = found.is_some();
                continue;
            }
            if let Some((_, _, Some(c), EntryKind::Pred, e)) = self.lex_at(p) {
                if e <= start {
                    if found.is_none() {
                        found = Some(c);
                        if self.lang == Lang::En {
                            break;
                        }
                    } else if relative {
                        return Some(c);
                    }
                }
            }
        }
        found
    }
}

/// Indonesian verb prefixes: an unknown word after a number that starts
/// with one of them is a verb (`5,6 terjadi`), not a counted noun.
pub(super) fn looks_like_verb(w: &str) -> bool {
    let n = w.chars().count();
    (n >= 6
        && ["meng", "meny", "mem", "ber", "ter"]
            .iter()
            .any(|p| w.starts_with(p)))
        || (n >= 7 && w.starts_with("di"))
}

/// The singular of an English noun the lexicon does not know, by its ending: `juries` jury, `boxes`
/// box, `games` game, `firemen` fireman; `species`, `news`, `bus`, `analysis` as written, and the
/// plurals of `data/lexicon/scan.tsv` lists `en_same` (as written) and `en_ie` (`movies` movie).
fn english_singular(w: &str) -> String {
    if lists().en_same.contains(&w) {
        return w.to_string();
    }
    if lists().en_ie.contains(&w) {
        return w[..w.len() - 1].to_string();
    }
    if let Some(b) = w.strip_suffix("ies").filter(|b| b.len() >= 2) {
        return format!("{b}y");
    }
    for suf in ["sses", "shes", "ches", "xes", "zes"] {
        if w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    if ["ss", "us", "is"].iter().any(|e| w.ends_with(e)) {
        return w.to_string();
    }
    if let Some(b) = w.strip_suffix("men") {
        return format!("{b}man");
    }
    w.strip_suffix('s')
        .filter(|b| b.len() >= 2)
        .unwrap_or(w)
        .to_string()
}
