// News-like corpus generator shared by `benches/claims.rs` and
// `examples/claims_throughput.rs` (included with `include!`).

const ID_TEMPLATES: &[&str] = &[
    "Rusia mengerahkan puluhan ribu pasukannya di perbatasan Ukraina pada Kamis ({d}/1/2022).",
    "Menurut data BPBD, sedikitnya {n} orang tewas dan {m} orang luka-luka akibat banjir.",
    "Pemerintah menyiapkan anggaran Rp {n},{m} triliun untuk program bantuan tahun 2023.",
    "Pertemuan berlangsung lebih dari {m} jam dan berakhir pukul 15.{d} WIB di Jakarta.",
    "Harga beras naik {m},5 persen menjadi Rp{n}.000 per kilogram di pasar tradisional.",
    "Gempa bermagnitudo {m},{d} mengguncang wilayah itu, sekitar {n} kilometer dari pantai.",
    "Sebanyak {n}.{d}00 warga mengungsi ke {m} titik pengungsian yang disiapkan pemerintah daerah.",
];
const ID_FILLER: &[&str] = &[
    "Kepala dinas mengatakan bahwa pekerjaan akan selesai dalam waktu yang tidak terlalu lama.",
    "Ia menjelaskan, kebijakan itu dibuat untuk melindungi masyarakat dari dampak krisis ekonomi.",
    "“Kami akan terus berkoordinasi dengan pemerintah pusat agar bantuan segera tersalurkan,” ujarnya.",
    "Warga berharap pemerintah daerah memperbaiki jalan yang rusak sebelum musim hujan tiba.",
    "Sementara itu, juru bicara kementerian belum memberikan tanggapan atas pertanyaan wartawan.",
    "Menurut dia, persoalan tersebut harus diselesaikan melalui dialog yang melibatkan semua pihak.",
    "Polisi masih menyelidiki penyebab kejadian dan meminta keterangan dari sejumlah saksi di lokasi.",
];
const EN_TEMPLATES: &[&str] = &[
    "Russia has deployed at least {n},000 troops near the border, officials said on Monday.",
    "The fighting has killed more than {n},{d}00 people since 2014, according to the United Nations.",
    "The company reported revenue of $4.{m} billion, up {d}% from a year earlier.",
    "Talks lasted about {m} hours and ended at 09:{d} GMT without a breakthrough.",
    "The storm brought winds of {n} mph and dumped {m} inches of rain on the coast.",
];
const EN_FILLER: &[&str] = &[
    "Officials said the decision would be reviewed by the committee later this year.",
    "The minister told reporters that talks with regional partners would continue next week.",
    "Residents said they had not received any warning before the water reached their homes.",
    "Analysts expect the central bank to keep its policy unchanged at the next meeting.",
    "\"We are doing everything we can to help the families affected,\" the spokesperson said.",
    "The government has denied the allegations and called the report politically motivated.",
];

fn fill(t: &str, seed: &mut u64) -> String {
    let mut next = || {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (*seed >> 33) as u32
    };
    t.replace("{n}", &(next() % 900 + 10).to_string())
        .replace("{m}", &(next() % 9 + 1).to_string())
        .replace("{d}", &(next() % 18 + 10).to_string())
}

/// About `size` bytes of news-like text: paragraphs of one sentence with
/// numbers and three without, which gives roughly the claim density of the
/// shared Indonesian news corpus (one claim per ~200 bytes).
fn corpus(size: usize, templates: &[&str], filler: &[&str]) -> String {
    let mut seed = 42u64;
    let mut s = String::with_capacity(size + 256);
    let mut i = 0usize;
    while s.len() < size {
        s.push_str(&fill(templates[i % templates.len()], &mut seed));
        for k in 0..3 {
            s.push(' ');
            s.push_str(filler[(i * 3 + k) % filler.len()]);
        }
        s.push('\n');
        i += 1;
    }
    s
}

