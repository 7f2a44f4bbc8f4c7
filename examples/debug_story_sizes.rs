use crosscheck::dedup::{par_dedup, par_shingle_sets, DedupOptions};
use crosscheck::ingest::{load, InputOptions};
use crosscheck::normalize::par_clean;
use crosscheck::stories::{par_stories, par_vectors, StoryOptions};
fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let opts = InputOptions {
        id_field: "url,Link".into(),
        text_field: "isi_berita,content,Isi".into(),
        title_field: "judul,title,Judul".into(),
        source_field: "sumber,source,Sumber".into(),
        date_field: "tanggal_publikasi,date,Tanggal".into(),
        ..Default::default()
    };
    let t = std::time::Instant::now();
    let c = load(&paths, &opts).unwrap();
    let a = &c.articles;
    let cl = par_clean(a);
    let sh = par_shingle_sets(a, &cl, 5);
    let d = par_dedup(a, &sh, &DedupOptions::default()).unwrap();
    eprintln!("dedup {:?}", t.elapsed());
    let v = par_vectors(a, &cl);
    eprintln!("vectors {:?}", t.elapsed());
    let sim: f64 = std::env::var("SIM")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0.2);
    let s = par_stories(
        a,
        &v,
        &d,
        &StoryOptions {
            min_similarity: sim,
            ..Default::default()
        },
    );
    eprintln!("stories {:?}", t.elapsed());
    let mut sizes: Vec<usize> = s.iter().map(|s| s.members.len()).collect();
    sizes.sort_unstable_by(|x, y| y.cmp(x));
    println!(
        "{} stories, in stories {}, biggest {:?}",
        s.len(),
        sizes.iter().sum::<usize>(),
        &sizes[..sizes.len().min(15)]
    );
    let mut big: Vec<_> = s.iter().collect();
    big.sort_by_key(|st| std::cmp::Reverse(st.members.len()));
    for st in big.iter().take(3) {
        println!("--- {} members", st.members.len());
        for &i in st
            .indices
            .iter()
            .step_by(st.indices.len() / 12 + 1)
            .take(12)
        {
            println!(
                "   {} | {}",
                a[i].source.as_deref().unwrap_or("-"),
                a[i].title.as_deref().unwrap_or("-")
            );
        }
    }
}
