//! Stories across the window: a report published weeks after the others joins their story when its
//! lead states the same calendar date and it shares their very rare names; a later happening with the
//! same names but another date stays apart.

use std::path::PathBuf;

use crosscheck::claims::Lexicon;
use crosscheck::ingest::{load, InputOptions};
use crosscheck::report::{run_stages, ReportOptions};

fn write(dir: &std::path::Path, id: &str, published: &str, title: &str, body: &str) {
    std::fs::write(
        dir.join(format!("{id}.txt")),
        format!("---\nid: {id}\nsource: {id}.example\npublished: {published}\ntitle: {title}\n---\n{body}\n"),
    )
    .unwrap();
}

/// The story of each article id, as the report groups them.
fn stories(dir: &std::path::Path) -> Vec<(String, String)> {
    let corpus = load(&[PathBuf::from(dir)], &InputOptions::default()).unwrap();
    let stages = run_stages(
        &corpus.articles,
        &ReportOptions::default(),
        &Lexicon::builtin(),
        &mut |_| {},
    )
    .unwrap();
    let mut of = Vec::new();
    for s in &stages.stories {
        for m in &s.members {
            of.push((m.clone(), s.id.clone()));
        }
    }
    of.sort();
    of
}

fn story_of<'a>(of: &'a [(String, String)], id: &str) -> Option<&'a str> {
    of.iter().find(|(m, _)| m == id).map(|(_, s)| s.as_str())
}

const SHOOTING: &str =
    "Penembakan terjadi di Jalan Kenanga, Kelurahan Sukamaju, pada Rabu (18/6/2025) \
    malam. Korban bernama Sutrisno Wibowo tewas di tempat, sementara Hendrawan Saputra terluka dan \
    dibawa ke rumah sakit. Polisi masih memburu pelaku yang kabur dengan sepeda motor.";

#[test]
fn a_late_report_stating_the_same_date_joins_and_a_later_happening_does_not() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "first",
        "2025-06-19T08:00+07:00",
        "Penembakan di Jalan Kenanga, Sutrisno Wibowo Tewas",
        SHOOTING,
    );
    // Crawled weeks later: the date it gives is the date its lead states.
    write(
        dir.path(),
        "late",
        "2025-07-15T09:00+07:00",
        "Polisi Buru Penembak Sutrisno Wibowo",
        "Penembakan di Jalan Kenanga, Kelurahan Sukamaju, pada Rabu (18/6/2025) malam menewaskan \
         Sutrisno Wibowo dan melukai Hendrawan Saputra. Polisi masih memburu pelaku yang kabur.",
    );
    // Another happening with the same names, its lead stating its own date.
    write(
        dir.path(),
        "trial",
        "2025-09-10T09:00+07:00",
        "Sidang Perdana Kasus Sutrisno Wibowo Digelar",
        "Sidang perdana kasus penembakan Sutrisno Wibowo di Jalan Kenanga digelar pada Selasa \
         (9/9/2025). Hendrawan Saputra hadir sebagai saksi di Pengadilan Negeri Sukamaju.",
    );
    // Other news of the day, so that the names above are rare in the corpus.
    let topics = [
        "pasar",
        "banjir",
        "pameran",
        "sekolah",
        "jembatan",
        "festival",
        "kebakaran",
        "panen",
        "konser",
        "tol",
        "bandara",
        "museum",
        "pelabuhan",
        "kereta",
        "taman",
        "stadion",
    ];
    for (n, topic) in topics.iter().enumerate() {
        let place = format!("Desa{}", ["Alpha", "Beta", "Gamma", "Delta"][n % 4]);
        write(
            dir.path(),
            &format!("other{n:02}"),
            "2025-06-19T10:00+07:00",
            &format!("Kabar {topic} dari {place}{n}"),
            &format!(
                "Warga {place}{n} membicarakan {topic} sepanjang pekan. Pengurus {topic} berharap \
                 kegiatan berjalan lancar dan aman bagi semua warga {place}{n}."
            ),
        );
    }
    let of = stories(dir.path());
    let first = story_of(&of, "first").expect("the first report is in a story");
    assert_eq!(
        story_of(&of, "late"),
        Some(first),
        "the late report states the day and the names: {of:?}"
    );
    assert_ne!(
        story_of(&of, "trial"),
        Some(first),
        "the trial states another day: {of:?}"
    );
}
