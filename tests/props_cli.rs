//! Property tests over the real binary (issue #9).
//!
//! 1. `dedup --emit-unique` never loses an article: the output is the input
//!    less every cluster member that is not its representative, every input
//!    id is kept or clustered, the count line adds up, the representative is
//!    the one `--keep` names; for every `--keep`, streamed and in memory.
//! 2. No output of `dedup`, `claims`, `report` or `check`, in any format,
//!    depends on the order of the input or on `--jobs`; `-o FILE` writes what
//!    standard output shows.
//!
//! Corpora are generated: Indonesian and English articles built from
//! sentence templates with numbers and a word list, in a few stories (so
//! that reports have alignments, conflicts and updates), with planted
//! near-duplicates (a copy with a few words edited), identical copies under
//! another id, repeated records, varied sources, dates in several formats,
//! some undated or with a date nobody can read. Each case runs the debug
//! binary a few dozen times, so there are few cases, each a rich one.
//!
//! What "the order of the input" may change is stated per command: `dedup`
//! and `claims` print no file names or lines, so their output must survive
//! any shuffle (JSON Lines lines, file names in a folder, JSON Lines versus a
//! folder). `report` and `check` print where each article was read, so their
//! output must be byte-identical whatever the order the same files are given
//! and created in, and, shuffled like `dedup`'s, identical once those
//! locations are left out.

#[path = "cli/util.rs"]
mod util;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::Value;

// ---------------------------------------------------------------------------
// The corpus generator.

const SOURCES: [&str; 8] = [
    "Antara",
    "Kompas",
    "Detik",
    "Tempo",
    "Reuters",
    "AP",
    "Tribun Jabar",
    "Républika",
];

const PLACES: [&str; 6] = [
    "Garut", "Sukabumi", "Cianjur", "Bogor", "Hualien", "Mindoro",
];
const EVENTS_ID: [&str; 4] = ["gempa", "banjir", "kebakaran", "longsor"];
const EVENTS_EN: [&str; 4] = ["earthquake", "flood", "fire", "landslide"];

const WORDS_ID: [&str; 48] = [
    "warga",
    "petugas",
    "pemerintah",
    "daerah",
    "kabupaten",
    "desa",
    "jalan",
    "sungai",
    "sekolah",
    "pasar",
    "kantor",
    "bantuan",
    "relawan",
    "korban",
    "rumah",
    "jembatan",
    "listrik",
    "air",
    "hujan",
    "malam",
    "pagi",
    "siang",
    "kemarin",
    "sejak",
    "masih",
    "sudah",
    "belum",
    "akan",
    "telah",
    "sedang",
    "menurut",
    "kepala",
    "dinas",
    "sosial",
    "kesehatan",
    "pengungsi",
    "tenda",
    "makanan",
    "selimut",
    "obat",
    "laporan",
    "data",
    "sementara",
    "lokasi",
    "kecamatan",
    "tim",
    "evakuasi",
    "aparat",
];

const WORDS_EN: [&str; 48] = [
    "residents",
    "officials",
    "government",
    "district",
    "province",
    "village",
    "road",
    "river",
    "school",
    "market",
    "office",
    "aid",
    "volunteers",
    "victims",
    "houses",
    "bridge",
    "power",
    "water",
    "rain",
    "night",
    "morning",
    "afternoon",
    "yesterday",
    "since",
    "still",
    "already",
    "not",
    "will",
    "have",
    "were",
    "according",
    "head",
    "agency",
    "social",
    "health",
    "evacuees",
    "tents",
    "food",
    "blankets",
    "medicine",
    "report",
    "data",
    "temporary",
    "site",
    "county",
    "team",
    "rescue",
    "police",
];

/// Characters that trip code working in byte offsets or code points,
/// sprinkled into some articles: zero-width and bidirectional marks,
/// combining marks, emoji sequences, right-to-left text, case mappings of
/// another length, other digits, a byte-order mark, a no-break space.
const ODD: [&str; 14] = [
    "\u{200b}",
    "\u{301}",
    "e\u{301}",
    "😀",
    "👨\u{200d}👩\u{200d}👧",
    "\u{200f}",
    "مرحبا",
    "İ",
    "\u{212a}",
    "\u{a0}",
    "١٢٣",
    "½",
    "\u{feff}",
    "🇮🇩",
];

const ID_NUMBERS: [&str; 11] = [
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh",
];
const EN_NUMBERS: [&str; 11] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// A story: what every article about it reports, give or take.
#[derive(Debug, Clone)]
struct Story {
    en: bool,
    event: usize,
    place: usize,
    /// Day of June 2025.
    day: u32,
    dead: u32,
    houses: u32,
    /// Magnitude in tenths.
    mag: u32,
    pct: u32,
    money: u32,
    evac: u32,
    hours: u32,
}

fn story() -> impl Strategy<Value = Story> {
    (
        any::<bool>(),
        0..EVENTS_ID.len(),
        0..PLACES.len(),
        1u32..25,
        (1u32..60, 10u32..500, 40u32..76),
        (1u32..30, 1u32..900, 50u32..5000, 2u32..48),
    )
        .prop_map(
            |(en, event, place, day, (dead, houses, mag), (pct, money, evac, hours))| Story {
                en,
                event,
                place,
                day,
                dead,
                houses,
                mag,
                pct,
                money,
                evac,
                hours,
            },
        )
}

/// A publication date: hours after the story's day began, minute, format.
type DateSpec = Option<(u32, u32, usize)>;

fn date() -> impl Strategy<Value = DateSpec> {
    prop_oneof![
        1 => Just(None),
        4 => (0u32..72, 0u32..60, 0usize..6).prop_map(Some),
    ]
}

/// One article of the corpus, or a copy of an earlier one.
#[derive(Debug, Clone)]
enum Spec {
    /// A new article about story `story`: each fact is a template and a
    /// tweak of the story's figure (0 most of the time: the same figure).
    Fresh {
        story: usize,
        source: usize,
        date: DateSpec,
        lang_field: bool,
        facts: Vec<(usize, u32)>,
        filler: Vec<usize>,
        footer: bool,
        /// Odd characters: (which space, which piece, glued to the word before).
        odd: Vec<(usize, usize, bool)>,
    },
    /// A near-duplicate: an earlier article with a few words replaced.
    Edited {
        of: usize,
        source: usize,
        date: DateSpec,
        edits: Vec<(usize, usize)>,
    },
    /// The text of an earlier article under another id.
    Copied {
        of: usize,
        source: usize,
        date: DateSpec,
    },
    /// The same record again (same id, same fields): merged on reading.
    Repeated { of: usize },
}

fn fresh(stories: usize) -> impl Strategy<Value = Spec> {
    (
        0..stories,
        0..SOURCES.len(),
        date(),
        any::<bool>(),
        prop::collection::vec(
            (0usize..8, prop_oneof![5 => Just(0u32), 1 => 1u32..4]),
            2..7,
        ),
        prop::collection::vec(0usize..WORDS_ID.len(), 8..40),
        prop::bool::weighted(0.3),
        prop_oneof![
            2 => Just(Vec::new()),
            1 => prop::collection::vec((any::<usize>(), 0..ODD.len(), any::<bool>()), 1..6),
        ],
    )
        .prop_map(
            |(story, source, date, lang_field, facts, filler, footer, odd)| Spec::Fresh {
                story,
                source,
                date,
                lang_field,
                facts,
                filler,
                footer,
                odd,
            },
        )
}

fn spec(stories: usize) -> impl Strategy<Value = Spec> {
    // `of` picks among the articles so far, modulo their number.
    prop_oneof![
        5 => fresh(stories),
        3 => (0usize..64, 0..SOURCES.len(), date(),
              prop::collection::vec((any::<usize>(), 0usize..WORDS_ID.len()), 1..4))
            .prop_map(|(of, source, date, edits)| Spec::Edited { of, source, date, edits }),
        1 => (0usize..64, 0..SOURCES.len(), date())
            .prop_map(|(of, source, date)| Spec::Copied { of, source, date }),
        1 => (0usize..64).prop_map(|of| Spec::Repeated { of }),
    ]
}

/// A generated corpus: stories and article specs (the first one fresh).
#[derive(Debug, Clone)]
struct CorpusSpec {
    stories: Vec<Story>,
    specs: Vec<Spec>,
}

fn corpus_spec(articles: std::ops::Range<usize>) -> impl Strategy<Value = CorpusSpec> {
    prop::collection::vec(story(), 1..4).prop_flat_map(move |stories| {
        let n = stories.len();
        (
            Just(stories),
            fresh(n),
            prop::collection::vec(spec(n), articles.clone()),
        )
            .prop_map(|(stories, first, mut specs)| {
                specs.insert(0, first);
                CorpusSpec { stories, specs }
            })
    })
}

/// An article as written to the input.
#[derive(Debug, Clone, PartialEq)]
struct Article {
    id: String,
    source: String,
    title: String,
    published: Option<String>,
    lang: Option<String>,
    text: String,
}

impl Article {
    fn json(&self) -> String {
        let mut m = serde_json::Map::new();
        m.insert("id".into(), self.id.clone().into());
        m.insert("source".into(), self.source.clone().into());
        m.insert("title".into(), self.title.clone().into());
        if let Some(p) = &self.published {
            m.insert("published".into(), p.clone().into());
        }
        if let Some(l) = &self.lang {
            m.insert("lang".into(), l.clone().into());
        }
        m.insert("text".into(), self.text.clone().into());
        Value::Object(m).to_string()
    }

    fn txt(&self) -> String {
        let mut s = format!(
            "---\nid: {}\nsource: {}\ntitle: {}\n",
            self.id, self.source, self.title
        );
        if let Some(p) = &self.published {
            s.push_str(&format!("published: {p}\n"));
        }
        if let Some(l) = &self.lang {
            s.push_str(&format!("lang: {l}\n"));
        }
        s.push_str("---\n");
        s.push_str(&self.text);
        s
    }
}

fn published(story: &Story, d: DateSpec) -> Option<String> {
    let (after, minute, format) = d?;
    let day = story.day + after / 24;
    let hour = after % 24;
    const MONTH_ID: [&str; 2] = ["Juni", "Jun"];
    Some(match format {
        0 => format!("2025-06-{day:02}T{hour:02}:{minute:02}:00+07:00"),
        1 => format!("{day} Jun 2025 {hour:02}:{minute:02} WIB"),
        2 => format!(
            "{day} {} 2025 | {hour:02}.{minute:02} WIB",
            MONTH_ID[(minute % 2) as usize]
        ),
        3 => format!(
            "June {day}, 2025 {}:{minute:02} {}",
            (hour + 11) % 12 + 1,
            if hour < 12 { "AM" } else { "PM" }
        ),
        4 => format!("2025-06-{day:02}"),
        _ => "kemarin sore".to_string(),
    })
}

fn number(en: bool, n: u32, words: bool) -> String {
    match (words && n <= 10, en) {
        (true, false) => ID_NUMBERS[n as usize].to_string(),
        (true, true) => EN_NUMBERS[n as usize].to_string(),
        _ if n >= 1000 => {
            let sep = if en { ',' } else { '.' };
            format!("{}{sep}{:03}", n / 1000, n % 1000)
        }
        _ => n.to_string(),
    }
}

fn fact(s: &Story, template: usize, tweak: u32) -> String {
    let t = |x: u32| x + tweak;
    let place = PLACES[s.place];
    let (h, m) = (6 + s.day % 12, (s.day * 7) % 60);
    if s.en {
        let ev = EVENTS_EN[s.event];
        match template {
            0 => format!(
                "At least {} people were killed in the {ev} in {place}.",
                number(true, t(s.dead), tweak == 2)
            ),
            1 => format!("{} homes were damaged, officials said.", t(s.houses)),
            2 => format!(
                "The magnitude {}.{} {ev} struck {place} at {h:02}:{m:02} GMT.",
                t(s.mag) / 10,
                t(s.mag) % 10
            ),
            3 => format!("Losses were estimated at ${} million.", t(s.money)),
            4 => format!("Rice prices rose {} percent in a week.", t(s.pct)),
            5 => format!(
                "More than {} residents were evacuated for {} hours.",
                number(true, t(s.evac), false),
                s.hours
            ),
            6 => "Dozens of people were injured.".to_string(),
            _ => format!("The death toll rose to {} by {h:02}:{m:02}.", t(s.dead) + 2),
        }
    } else {
        let ev = EVENTS_ID[s.event];
        match template {
            0 => format!(
                "Setidaknya {} orang tewas dalam {ev} di {place}.",
                number(false, t(s.dead), tweak == 2)
            ),
            1 => format!("Sebanyak {} rumah rusak berat dan ringan.", t(s.houses)),
            2 => format!(
                "Gempa berkekuatan magnitudo {},{} mengguncang {place} pukul {h:02}.{m:02} WIB.",
                t(s.mag) / 10,
                t(s.mag) % 10
            ),
            3 => format!("Kerugian ditaksir mencapai Rp {} miliar.", t(s.money)),
            4 => format!("Harga beras naik {} persen dalam sepekan.", t(s.pct)),
            5 => format!(
                "Lebih dari {} warga mengungsi selama {} jam.",
                number(false, t(s.evac), false),
                s.hours
            ),
            6 => "Korban luka mencapai puluhan orang.".to_string(),
            _ => format!(
                "Jumlah korban tewas bertambah menjadi {} orang hingga pukul {h:02}.{m:02} WIB.",
                t(s.dead) + 2
            ),
        }
    }
}

/// The articles a spec stands for, in generation order (repeats included).
fn articles(c: &CorpusSpec) -> Vec<Article> {
    let mut out: Vec<Article> = Vec::new();
    // The story of each distinct article so far, for copies' dates.
    let mut story_of: Vec<usize> = Vec::new();
    let mut distinct: Vec<usize> = Vec::new();
    for (k, spec) in c.specs.iter().enumerate() {
        let pick = |of: usize| distinct[of % distinct.len()];
        let (a, story) = match spec {
            Spec::Fresh {
                story,
                source,
                date,
                lang_field,
                facts,
                filler,
                footer,
                odd,
            } => {
                let s = &c.stories[*story];
                let words: &[&str] = if s.en { &WORDS_EN } else { &WORDS_ID };
                let mut text = String::new();
                text.push_str(&format!(
                    "{}, {} - ",
                    PLACES[s.place].to_uppercase(),
                    SOURCES[*source]
                ));
                let mut filler = filler.iter();
                for (i, &(template, tweak)) in facts.iter().enumerate() {
                    text.push_str(&fact(s, template, tweak));
                    text.push(' ');
                    // A sentence of filler words after each fact.
                    let sentence: Vec<&str> = filler.by_ref().take(6).map(|&w| words[w]).collect();
                    if !sentence.is_empty() {
                        let mut f = sentence.join(" ");
                        f[..1].make_ascii_uppercase();
                        text.push_str(&f);
                        text.push('.');
                    }
                    text.push_str(if i % 2 == 1 { "\n\n" } else { " " });
                }
                let rest: Vec<&str> = filler.map(|&w| words[w]).collect();
                if !rest.is_empty() {
                    text.push_str(&rest.join(" "));
                    text.push('.');
                }
                for &(at, piece, glued) in odd {
                    let spaces: Vec<usize> = text.match_indices(' ').map(|(i, _)| i).collect();
                    let i = spaces[at % spaces.len()];
                    let piece = if glued {
                        ODD[piece].to_string()
                    } else {
                        format!(" {}", ODD[piece])
                    };
                    text.insert_str(i, &piece);
                }
                if *footer {
                    text.push_str(&format!("\n\nEditor: {}", SOURCES[*source]));
                }
                let title = if s.en {
                    format!("{} in {}", EVENTS_EN[s.event], PLACES[s.place])
                } else {
                    format!("{} di {}", EVENTS_ID[s.event], PLACES[s.place])
                };
                let lang = lang_field.then(|| if s.en { "en" } else { "id" }.to_string());
                (
                    Article {
                        id: String::new(),
                        source: SOURCES[*source].to_string(),
                        title,
                        published: published(s, *date),
                        lang,
                        text,
                    },
                    *story,
                )
            }
            Spec::Edited {
                of,
                source,
                date,
                edits,
            } => {
                let i = pick(*of);
                let mut a = out[i].clone();
                let words: &[&str] = if c.stories[story_of[i]].en {
                    &WORDS_EN
                } else {
                    &WORDS_ID
                };
                let mut toks: Vec<String> = a.text.split(' ').map(str::to_string).collect();
                for &(at, w) in edits {
                    let at = at % toks.len();
                    // Keep line breaks where they were.
                    let tail: String = toks[at]
                        .char_indices()
                        .find(|(_, ch)| *ch == '\n')
                        .map(|(b, _)| toks[at][b..].to_string())
                        .unwrap_or_default();
                    toks[at] = format!("{}{tail}", words[w]);
                }
                a.text = toks.join(" ");
                a.source = SOURCES[*source].to_string();
                a.published = published(&c.stories[story_of[i]], *date);
                (a, story_of[i])
            }
            Spec::Copied { of, source, date } => {
                let i = pick(*of);
                let mut a = out[i].clone();
                a.source = SOURCES[*source].to_string();
                a.published = published(&c.stories[story_of[i]], *date);
                (a, story_of[i])
            }
            Spec::Repeated { of } => {
                let i = pick(*of);
                out.push(out[i].clone());
                story_of.push(story_of[i]);
                continue;
            }
        };
        let mut a = a;
        a.id = format!(
            "s{story}-{}{k:02}",
            SOURCES
                .iter()
                .position(|s| *s == a.source)
                .map(|p| ["ant", "kom", "det", "tem", "reu", "ap", "trib", "rép"][p])
                .unwrap_or("x")
        );
        distinct.push(out.len());
        out.push(a);
        story_of.push(story);
    }
    out
}

/// A permutation of `0..n` from a seed (proptest shrinks the seed).
fn permutation(n: usize, seed: u64) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    let mut state = seed | 1;
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        v.swap(i, (state % (i as u64 + 1)) as usize);
    }
    v
}

// ---------------------------------------------------------------------------
// Writing inputs and running the binary.

fn write_jsonl(path: &Path, articles: &[Article], order: &[usize]) {
    let mut s = String::new();
    for &i in order {
        s.push_str(&articles[i].json());
        s.push('\n');
    }
    std::fs::write(path, s).expect("write JSON Lines");
}

/// A folder with one text file per record: file `k` holds record
/// `order[k]`; files are created in the order `created`.
fn write_folder(dir: &Path, articles: &[Article], order: &[usize], created: &[usize]) {
    std::fs::create_dir_all(dir).expect("create folder");
    for &k in created {
        let name = dir.join(format!("{k:03}.txt"));
        std::fs::write(name, articles[order[k]].txt()).expect("write text file");
    }
}

/// What one run produced.
#[derive(Debug, PartialEq)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[String]) -> Run {
    let out = util::bin()
        .current_dir(dir)
        .env("COLUMNS", "100")
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(args)
        .output()
        .expect("binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

// ---------------------------------------------------------------------------
// 1. `dedup --emit-unique` never loses an article.

/// The ids of an `--emit-unique` file, in order, each record checked
/// against the input.
fn unique_ids(path: &Path, by_id: &BTreeMap<&str, &Article>) -> Result<Vec<String>, TestCaseError> {
    let text = std::fs::read_to_string(path).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut ids = Vec::new();
    for line in text.lines() {
        let v: Value =
            serde_json::from_str(line).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let a = by_id.get(id.as_str());
        prop_assert!(a.is_some(), "{id} is not an input id");
        let a = a.unwrap();
        prop_assert_eq!(v["text"].as_str(), Some(a.text.as_str()), "text of {}", id);
        prop_assert_eq!(
            v["source"].as_str(),
            Some(a.source.as_str()),
            "source of {}",
            id
        );
        ids.push(id);
    }
    Ok(ids)
}

/// Checks one `dedup --format json --emit-unique` run; returns its stdout and
/// emitted corpus for comparing paths.
fn check_emit_unique(
    dir: &Path,
    inputs: &[String],
    extra: &[&str],
    jobs: &str,
    keep: &str,
    input: &[Article],
) -> Result<(String, String), TestCaseError> {
    let unique = dir.join("unique.jsonl");
    let _ = std::fs::remove_file(&unique);
    let mut args = strings(&[
        "-j",
        jobs,
        "dedup",
        "--format",
        "json",
        "--keep",
        keep,
        "--emit-unique",
    ]);
    args.push(unique.display().to_string());
    args.extend(extra.iter().map(|s| s.to_string()));
    args.extend(inputs.iter().cloned());
    let r = run_in(dir, &args);
    prop_assert_eq!(r.code, 0, "{:?}: {}", args, r.stderr);
    let by_id: BTreeMap<&str, &Article> = input.iter().map(|a| (a.id.as_str(), a)).collect();
    let ids: BTreeSet<&str> = by_id.keys().copied().collect();
    let out = unique_ids(&unique, &by_id)?;
    let kept: BTreeSet<&str> = out.iter().map(String::as_str).collect();
    prop_assert_eq!(kept.len(), out.len(), "an id emitted twice: {:?}", out);
    prop_assert!(
        out.windows(2).all(|w| w[0] < w[1]),
        "not sorted by id: {:?}",
        out
    );

    let doc: Value =
        serde_json::from_str(&r.stdout).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let clusters = doc["clusters"].as_array().cloned().unwrap_or_default();
    let mut clustered: BTreeSet<&str> = BTreeSet::new();
    let mut dropped: BTreeSet<&str> = BTreeSet::new();
    for c in &clusters {
        let members: Vec<&str> = c["members"]
            .as_array()
            .map(|m| m.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let rep = c["representative"].as_str().unwrap_or_default();
        prop_assert!(members.len() >= 2, "cluster of one: {}", c);
        prop_assert!(members.contains(&rep), "representative outside: {}", c);
        for m in &members {
            prop_assert!(ids.contains(m), "{} is no input id", m);
            prop_assert!(clustered.insert(m), "{} in two clusters", m);
            if *m != rep {
                dropped.insert(m);
            }
        }
        prop_assert!(kept.contains(rep), "representative {} not emitted", rep);
    }
    let expected: BTreeSet<&str> = ids.difference(&dropped).copied().collect();
    prop_assert_eq!(&kept, &expected, "out = in - non-representative members");
    for id in &ids {
        prop_assert!(kept.contains(id) || clustered.contains(id), "{} lost", id);
    }
    let s = &doc["summary"];
    prop_assert_eq!(s["articles"].as_u64(), Some(ids.len() as u64));
    prop_assert_eq!(s["unique_articles"].as_u64(), Some(kept.len() as u64));
    prop_assert_eq!(s["clusters"].as_u64(), Some(clusters.len() as u64));
    let line = format!(
        "{} articles in, {} out, {} clusters",
        ids.len(),
        kept.len(),
        clusters.len()
    );
    prop_assert!(r.stderr.contains(&line), "want {:?} in {}", line, r.stderr);
    Ok((
        r.stdout,
        std::fs::read_to_string(&unique).unwrap_or_default(),
    ))
}

/// The representative `--keep` names among `members`, from the corpus as the
/// library reads it.
fn expected_representative(
    corpus: &crosscheck::ingest::Corpus,
    members: &[&str],
    keep: &str,
) -> String {
    let of = |id: &str| {
        corpus
            .articles
            .iter()
            .find(|a| a.id == id)
            .expect("member read")
    };
    let key = |id: &str| {
        let a = of(id);
        let primary = match keep {
            "earliest" => a
                .published
                .map_or((1, i64::MAX), |p| (0, p.instant_minutes())),
            "longest" => (0, -(a.text.len() as i64)),
            _ => (0, a.origin.seq as i64),
        };
        (primary, a.id.clone())
    };
    members
        .iter()
        .copied()
        .min_by_key(|id| key(id))
        .expect("members")
        .to_string()
}

proptest! {
    #![proptest_config(Config { cases: 12, ..Config::default() })]

    /// Property 1, for every `--keep`, on JSON Lines streamed and in memory
    /// and on a folder of text files.
    #[test]
    fn emit_unique_never_loses_an_article(c in corpus_spec(4..16), seed in any::<u64>(), stream_keep in 0usize..3) {
        let arts = articles(&c);
        let tmp = tempfile::tempdir().expect("temporary folder");
        let dir = tmp.path();
        let order = permutation(arts.len(), seed);
        write_jsonl(&dir.join("in.jsonl"), &arts, &order);
        write_folder(&dir.join("set"), &arts, &order, &permutation(arts.len(), seed ^ 0x55));
        let distinct: Vec<Article> = {
            let mut seen = BTreeSet::new();
            arts.iter().filter(|a| seen.insert(a.id.clone())).cloned().collect()
        };
        let jsonl = vec!["in.jsonl".to_string()];
        let folder = vec!["set".to_string()];
        for (k, keep) in ["earliest", "longest", "first"].into_iter().enumerate() {
            let memory = check_emit_unique(dir, &jsonl, &["--stream", "never"], "2", keep, &distinct)?;
            // Streaming costs most of a second in a debug build (it fills
            // 32 MiB buffers), so one rule a case takes that path.
            if k == stream_keep {
                let stream = check_emit_unique(dir, &jsonl, &["--stream", "always"], "1", keep, &distinct)?;
                prop_assert_eq!(&memory, &stream, "streamed differs, --keep {}", keep);
            }
            let (json, _) = check_emit_unique(dir, &folder, &[], "1", keep, &distinct)?;
            // The representative is the one the rule names.
            for input in [&jsonl, &folder] {
                let paths: Vec<PathBuf> = input.iter().map(|p| dir.join(p)).collect();
                let corpus = crosscheck::ingest::load(&paths, &Default::default()).expect("reads");
                let doc: Value = serde_json::from_str(if input == &jsonl { &memory.0 } else { &json }).expect("json");
                for cl in doc["clusters"].as_array().into_iter().flatten() {
                    let members: Vec<&str> = cl["members"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                    let want = expected_representative(&corpus, &members, keep);
                    prop_assert_eq!(cl["representative"].as_str(), Some(want.as_str()), "--keep {} {:?}", keep, input);
                }
            }
            // An identical copy from the same outlet is always found.
            let doc: Value = serde_json::from_str(&memory.0).expect("json");
            let cluster_of: BTreeMap<&str, usize> = doc["clusters"].as_array().into_iter().flatten().enumerate()
                .flat_map(|(k, cl)| cl["members"].as_array().into_iter().flatten().filter_map(Value::as_str).map(move |m| (m, k)))
                .collect();
            for (i, a) in distinct.iter().enumerate() {
                for b in &distinct[i + 1..] {
                    if a.text == b.text && a.source == b.source {
                        prop_assert!(
                            cluster_of.contains_key(a.id.as_str()) && cluster_of.get(a.id.as_str()) == cluster_of.get(b.id.as_str()),
                            "identical {} and {} not clustered", a.id, b.id
                        );
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// 2. Determinism: input order and `--jobs`.

/// Runs `command` once per format in `dir` with `-j JOBS`, to standard output
/// or (`to_file`) with `-o`; returns `(format, exit code, output)` per format.
fn per_format(
    dir: &Path,
    jobs: &str,
    command: &[String],
    formats: &[&str],
    to_file: bool,
    inputs: &[String],
) -> Result<Vec<(String, i32, String)>, TestCaseError> {
    let mut all = Vec::new();
    for format in formats {
        let mut args = strings(&["-j", jobs]);
        args.extend(command.iter().cloned());
        args.extend(strings(&["--format", format]));
        let out = dir.join(format!("out.{format}"));
        if to_file {
            let _ = std::fs::remove_file(&out);
            args.push("-o".into());
            args.push(out.display().to_string());
        }
        args.extend(inputs.iter().cloned());
        let r = run_in(dir, &args);
        prop_assert!(
            r.code == 0 || r.code == 1 || r.code == 2,
            "{:?}: {}",
            args,
            r.stderr
        );
        prop_assert!(!r.stderr.contains("panicked"), "{:?}: {}", args, r.stderr);
        let text = if to_file {
            prop_assert_eq!(&r.stdout, "", "-o still printed");
            std::fs::read_to_string(&out).unwrap_or_else(|e| format!("no output file: {e}"))
        } else {
            r.stdout
        };
        prop_assert!(
            !text.is_empty() || *format == "jsonl",
            "{:?}: no output; {}",
            args,
            r.stderr
        );
        all.push((format.to_string(), r.code, text));
    }
    Ok(all)
}

/// The first line where two outputs differ, with some context.
fn first_difference(lhs: &str, rhs: &str) -> String {
    let (l, r): (Vec<&str>, Vec<&str>) = (lhs.lines().collect(), rhs.lines().collect());
    let at = (0..l.len().max(r.len()))
        .find(|&i| l.get(i) != r.get(i))
        .unwrap_or(0);
    let around =
        |v: &[&str]| v[at.saturating_sub(6).min(v.len())..(at + 3).min(v.len())].join("\n");
    format!(
        "line {}:\n--- lhs\n{}\n--- rhs\n{}",
        at + 1,
        around(&l),
        around(&r)
    )
}

/// Asserts two runs' outputs equal, naming the first format that differs.
fn same(
    what: &str,
    lhs: &[(String, i32, String)],
    rhs: &[(String, i32, String)],
) -> Result<(), TestCaseError> {
    for (l, r) in lhs.iter().zip(rhs) {
        prop_assert_eq!(l.1, r.1, "{}: --format {}: exit status", what, l.0);
        prop_assert!(
            l.2 == r.2,
            "{}: --format {} differs at {}",
            what,
            l.0,
            first_difference(&l.2, &r.2)
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config { cases: 12, ..Config::default() })]

    /// `dedup` and `claims` in every format: the same bytes for JSON Lines
    /// in two line orders and for folders with the records under shuffled
    /// file names created in shuffled order, with one or two threads, to
    /// standard output or with `-o`.
    #[test]
    fn dedup_and_claims_ignore_order_and_jobs(
        c in corpus_spec(3..14),
        seeds in any::<[u64; 4]>(),
        keep in prop::sample::select(vec!["earliest", "longest"]),
        threshold in prop::sample::select(vec!["0.5", "0.7", "0.8"]),
        streamed in 0usize..3,
    ) {
        let arts = articles(&c);
        let n = arts.len();
        let tmp = tempfile::tempdir().expect("temporary folder");
        let dir = tmp.path();
        let (p1, p2) = (permutation(n, seeds[0]), permutation(n, seeds[1]));
        write_jsonl(&dir.join("one.jsonl"), &arts, &p1);
        write_jsonl(&dir.join("two.jsonl"), &arts, &p2);
        write_folder(&dir.join("set1"), &arts, &p1, &permutation(n, seeds[2]));
        write_folder(&dir.join("set2"), &arts, &p2, &permutation(n, seeds[3]));
        let layouts = [("one.jsonl", "1", false), ("two.jsonl", "2", true), ("set1", "2", false), ("set2", "1", true)];
        for (command, formats) in [
            (strings(&["dedup", "--keep", keep, "--threshold", threshold]), ["text", "json", "jsonl"]),
            (strings(&["claims"]), ["jsonl", "json", "text"]),
        ] {
            let runs = layouts
                .iter()
                .map(|&(input, jobs, to_file)| per_format(dir, jobs, &command, &formats, to_file, &[input.to_string()]))
                .collect::<Result<Vec<_>, _>>()?;
            for (k, r) in runs.iter().enumerate().skip(1) {
                same(&format!("{} on {} vs {}", command[0], layouts[0].0, layouts[k].0), &runs[0], r)?;
            }
            // dedup's streaming path too, one format a case (it is slow in a
            // debug build).
            if command[0] == "dedup" {
                let mut stream = command.clone();
                stream.extend(strings(&["--stream", "always"]));
                let r = per_format(dir, "2", &stream, &[formats[streamed]], true, &["two.jsonl".to_string()])?;
                same("dedup on one.jsonl vs two.jsonl --stream always", &runs[0][streamed..=streamed], &r)?;
            }
        }
    }
}

/// The check configuration: every key a case may touch.
const CHECK_CONFIG: &str = r#"
[dedup]
threshold = 0.7

[check]
fail_on = ["near-duplicate", "conflict", "update", "input-error"]
min_severity = "note"

[[ignore]]
kind = "near-duplicate"
source = "Antara*"
reason = "wire copies we republish"

[[ignore]]
concept = "deaths"
article = "s1-*"
reason = "story 1's toll is revised all day"
"#;

/// Keeps every other finding of a baseline and adds one that matches nothing.
fn prune_baseline(toml: &str) -> String {
    // No findings: an empty array, which a table would repeat.
    let toml = toml.replace("finding = []\n", "");
    let mut parts = toml.split("[[finding]]");
    let mut out = parts.next().unwrap_or_default().to_string();
    for (k, entry) in parts.enumerate() {
        if k % 2 == 0 {
            out.push_str("[[finding]]");
            out.push_str(entry);
        }
    }
    out.push_str(
        "\n[[finding]]\nfingerprint = \"conflict-00000000deadbeef\"\nkind = \"conflict\"\ndescription = \"gone\"\n",
    );
    out
}

/// Drops what says where an article was read (file names, lines, columns)
/// and the diagnostics (which quote them), keeping their count.
fn without_locations(v: &mut Value) {
    match v {
        Value::Object(m) => {
            m.remove("path");
            m.remove("line");
            m.remove("column");
            if let Some(Value::Array(d)) = m.get("diagnostics") {
                let n = d.len();
                m.insert("diagnostics".into(), n.into());
            }
            m.values_mut().for_each(without_locations);
        }
        Value::Array(a) => a.iter_mut().for_each(without_locations),
        _ => {}
    }
}

const REPORT_FORMATS: [&str; 4] = ["text", "markdown", "json", "html"];
const CHECK_FORMATS: [&str; 5] = ["text", "json", "github", "junit", "sarif"];

/// One layout of a corpus that keeps each article where it is: records in
/// `a.jsonl`, `b.ndjson` and text files in `set/`, by `group`, created in an
/// order drawn from `seed`; `broken` adds a bad line and an empty file.
/// Returns the inputs to name.
fn write_fixed(
    dir: &Path,
    arts: &[Article],
    group: &[usize],
    seed: u64,
    broken: bool,
) -> Vec<String> {
    let mut files: Vec<(String, String)> = Vec::new();
    let mut jsonl = [String::new(), String::new()];
    for (i, a) in arts.iter().enumerate() {
        match group[i] % 3 {
            g @ (0 | 1) => {
                jsonl[g].push_str(&a.json());
                jsonl[g].push('\n');
                if broken && g == 0 && i % 4 == 1 {
                    jsonl[g].push_str("{not json\n");
                }
            }
            _ => files.push((format!("set/{i:03}.txt"), a.txt())),
        }
    }
    // Whatever an earlier layout left goes first.
    for name in ["a.jsonl", "b.ndjson"] {
        let _ = std::fs::remove_file(dir.join(name));
    }
    let _ = std::fs::remove_dir_all(dir.join("set"));
    let mut inputs = Vec::new();
    for (k, name) in ["a.jsonl", "b.ndjson"].into_iter().enumerate() {
        if !jsonl[k].is_empty() {
            files.push((name.to_string(), std::mem::take(&mut jsonl[k])));
            inputs.push(name.to_string());
        }
    }
    if broken {
        files.push(("set/zz-empty.txt".to_string(), String::new()));
    }
    if files.iter().any(|(f, _)| f.starts_with("set/")) {
        inputs.push("set".to_string());
        std::fs::create_dir_all(dir.join("set")).expect("create folder");
    }
    let order = permutation(files.len(), seed);
    for k in order {
        let (name, text) = &files[k];
        std::fs::write(dir.join(name), text).expect("write input");
    }
    inputs
}

proptest! {
    #![proptest_config(Config { cases: 10, ..Config::default() })]

    /// `report` (text, markdown, json, html) and `check` (text, json, github
    /// with its summary, junit, sarif; with a configuration and a baseline):
    /// the same bytes whatever order the same files are given and created
    /// in, with one or two threads, to standard output or with `-o`; and,
    /// shuffled and renamed, the same JSON but for the locations.
    #[test]
    fn report_and_check_ignore_order_and_jobs(
        c in corpus_spec(3..12),
        group in prop::collection::vec(0usize..3, 16),
        seeds in any::<[u64; 4]>(),
        broken in prop::bool::weighted(0.3),
    ) {
        let arts = articles(&c);
        let n = arts.len();
        let group: Vec<usize> = (0..n).map(|i| group[i % group.len()]).collect();
        // Both layouts in one folder, one after the other: SARIF names the
        // working folder.
        let tmp = tempfile::tempdir().expect("temporary folder");
        let a = tmp.path();
        std::fs::write(a.join("crosscheck.toml"), CHECK_CONFIG).expect("write config");
        let inputs = write_fixed(a, &arts, &group, seeds[0], broken);
        let order = permutation(inputs.len(), seeds[2]);
        let inputs_a: Vec<String> = order.iter().map(|&k| inputs[k].clone()).collect();
        let inputs_b: Vec<String> = inputs.iter().rev().cloned().collect();
        let report = strings(&["report"]);
        let check = strings(&["check", "--config", "crosscheck.toml", "--baseline", "base.toml", "--summary", "summary.md"]);
        let summary = || std::fs::read_to_string(a.join("summary.md")).unwrap_or_default();

        // The first layout: a baseline of half its findings and a stale one.
        let mut write = strings(&["check", "--config", "crosscheck.toml", "--write-baseline", "base.toml"]);
        write.extend(inputs_a.iter().cloned());
        let w = run_in(a, &write);
        prop_assert_eq!(w.code, 0, "{}", w.stderr);
        let base = prune_baseline(&std::fs::read_to_string(a.join("base.toml")).expect("baseline written"));
        std::fs::write(a.join("base.toml"), &base).expect("write baseline");
        let ra = per_format(a, "1", &report, &REPORT_FORMATS, false, &inputs_a)?;
        let ca = per_format(a, "1", &check, &CHECK_FORMATS, false, &inputs_a)?;
        let sa = summary();

        // The same files created in another order, given in another order.
        prop_assert_eq!(write_fixed(a, &arts, &group, seeds[1], broken), inputs);
        let rb = per_format(a, "2", &report, &REPORT_FORMATS, true, &inputs_b)?;
        same("report", &ra, &rb)?;
        let cb = per_format(a, "2", &check, &CHECK_FORMATS, true, &inputs_b)?;
        same("check", &ca, &cb)?;
        prop_assert_eq!(sa, summary(), "check --format github --summary");

        // Shuffled lines, renamed files: the same but for the locations.
        if !broken {
            let (p1, p2) = (permutation(n, seeds[3]), permutation(n, !seeds[3]));
            write_jsonl(&a.join("one.jsonl"), &arts, &p1);
            write_jsonl(&a.join("two.jsonl"), &arts, &p2);
            write_folder(&a.join("set1"), &arts, &p2, &p1);
            let mut base = None;
            for (input, jobs) in [("one.jsonl", "1"), ("two.jsonl", "2"), ("set1", "2")] {
                let mut got = Vec::new();
                for command in [&report, &check] {
                    let r = per_format(a, jobs, command, &["json"], false, &[input.to_string()])?;
                    let mut v: Value = serde_json::from_str(&r[0].2).map_err(|e| TestCaseError::fail(format!("{input}: {e}")))?;
                    without_locations(&mut v);
                    got.push((r[0].1, v));
                }
                match &base {
                    None => base = Some(got),
                    Some(want) => {
                        for (k, (l, r)) in want.iter().zip(&got).enumerate() {
                            prop_assert_eq!(l, r, "{} on one.jsonl vs {}", ["report", "check"][k], input);
                        }
                    }
                }
            }
        }
    }
}
