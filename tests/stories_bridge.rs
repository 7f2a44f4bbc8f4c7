//! Stories across the window: a report published weeks after the others joins their story when its
//! lead states the same calendar date and it shares their very rare names; a later happening with the
//! same names but another date stays apart. A follow-up whose lead states its own day joins when its
//! body names the day of the happening the first report's lead states; a date of the future (a
//! schedule) named by both does not join.

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

/// Other news of the day, so that the names of the tests are rare in the corpus.
fn other_news(dir: &std::path::Path) {
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
            dir,
            &format!("other{n:02}"),
            "2025-06-19T10:00+07:00",
            &format!("Kabar {topic} dari {place}{n}"),
            &format!(
                "Warga {place}{n} membicarakan {topic} sepanjang pekan. Pengurus {topic} berharap \
                 kegiatan berjalan lancar dan aman bagi semua warga {place}{n}."
            ),
        );
    }
}

const SHOOTING: &str =
    "Penembakan terjadi di Jalan Kenanga, Kelurahan Sukamaju, pada Rabu (18/6/2025) \
    malam. Korban bernama Sutrisno Wibowo tewas di tempat, sementara Hendrawan Saputra terluka dan \
    dibawa ke rumah sakit. Polisi masih memburu pelaku yang kabur dengan sepeda motor.";

/// The first report of the shooting, published the next morning.
fn write_first_report(dir: &std::path::Path) {
    write(
        dir,
        "first",
        "2025-06-19T08:00+07:00",
        "Penembakan di Jalan Kenanga, Sutrisno Wibowo Tewas",
        SHOOTING,
    );
}

/// With the other news of the day written, each article's story and the first report's.
fn stories_with_first(dir: &std::path::Path) -> (Vec<(String, String)>, String) {
    other_news(dir);
    let of = stories(dir);
    let first = story_of(&of, "first")
        .expect("the first report is in a story")
        .to_string();
    (of, first)
}

#[test]
fn a_late_report_stating_the_same_date_joins_and_a_later_happening_does_not() {
    let dir = tempfile::tempdir().unwrap();
    write_first_report(dir.path());
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
    let (of, first) = stories_with_first(dir.path());
    let first = first.as_str();
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

/// Sentences with no date, so that what follows lies beyond the lead.
const PADDING: &str = "Warga sekitar mengaku terkejut dan berharap kejadian serupa tidak terulang. \
    Aparat menambah patroli di sekitar lokasi dan meminta warga melapor bila melihat hal mencurigakan. \
    Sejumlah tokoh masyarakat ikut menenangkan warga yang berkumpul di depan rumah korban. \
    Pihak keluarga meminta aparat mengusut kasus ini sampai tuntas dan menghukum pelaku setimpal. ";

#[test]
fn a_follow_up_naming_the_day_in_its_body_joins_and_a_shared_future_date_does_not() {
    let dir = tempfile::tempdir().unwrap();
    write_first_report(dir.path());
    // Weeks later: an arrest, its lead stating its own day, its body the day of the shooting.
    write(
        dir.path(),
        "arrest",
        "2025-07-15T09:00+07:00",
        "Polisi Tangkap Penembak Sutrisno Wibowo",
        &format!(
            "Polisi menangkap pelaku penembakan Sutrisno Wibowo pada Senin (14/7/2025) di sebuah \
             rumah kontrakan. {PADDING}Penembakan di Jalan Kenanga terjadi pada Rabu (18/6/2025) \
             malam dan juga melukai Hendrawan Saputra."
        ),
    );
    // A preview whose lead states a day to come, and a later report that names that day in its body.
    write(
        dir.path(),
        "preview",
        "2025-06-19T09:00+07:00",
        "Konser Amal Kartika Wulandari di Balai Purnama",
        "Konser amal Kartika Wulandari bersama Orkes Purnama Sentosa akan digelar pada Sabtu \
         (28/6/2025) di Balai Purnama. Tiket dijual mulai hari ini.",
    );
    write(
        dir.path(),
        "review",
        "2025-07-20T09:00+07:00",
        "Kartika Wulandari Umumkan Tur Baru",
        &format!(
            "Kartika Wulandari mengumumkan tur baru bersama Orkes Purnama Sentosa pada Sabtu \
             (19/7/2025). {PADDING}Tur ini menyusul konser amal di Balai Purnama pada Sabtu \
             (28/6/2025) yang tiketnya habis terjual."
        ),
    );
    let (of, first) = stories_with_first(dir.path());
    let first = first.as_str();
    assert_eq!(
        story_of(&of, "arrest"),
        Some(first),
        "the arrest names the day of the shooting and its names: {of:?}"
    );
    let preview = story_of(&of, "preview");
    assert!(
        preview.is_none() || story_of(&of, "review") != preview,
        "a day to come is no happening's day: {of:?}"
    );
}
