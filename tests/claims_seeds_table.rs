//! Seed phrases from the issue, as table-driven cases.
mod common;

#[test]
fn seed_phrases() {
    common::run_cases(&[
        "id | Rusia mengerahkan puluhan ribu pasukannya di perbatasan Ukraina | count [10000,99999] c=troops n=pasukan q=vague",
        "id | mengembalikan 100.000 tentara Rusia ke pangkalannya | count [100000,100000] c=troops",
        "id | telah mengerahkan setidaknya 100.000 tentara di dekat Ukraina | count [100000,inf) c=troops q=at_least",
        "id | dengan mengacu pada pembicaraan delapan jam dengan mitranya | duration [28800,28800] u=s",
        "id | mengadakan lebih dari tujuh jam negosiasi | duration (25200,inf) q=more_than",
        "id | setelah empat jam pembicaraan pada pertemuan | duration [14400,14400]",
        "id | Berbicara kepada utusan dari 57 anggota OSCE | count [57,57] c=members",
        "id | telah menewaskan lebih dari 14.000 orang dan menghancurkan | count (14000,inf) c=deaths",
        "id | bahwa lebih dari 120 kontraktor militer swasta AS saat ini | count (120,inf) c=contractors",
        "id | 30 duta besar anggota NATO hadir | count [30,30] c=ambassadors",
        "id | Dmitry Peskov mengatakan pada Kamis (13/1/2022), dua putaran | date d=2022-01-13",
        "id | Dmitry Peskov mengatakan pada Kamis (13/1/2022), memang | !count",
        "id | Dmitry Peskov mengatakan pada Kamis (13/1/2022), dua putaran pembicaraan | count [2,2] c=rounds",
        "id | Story Code : 973357 | none",
        "id | Rusia mencaplok Semenanjung Krimea Ukraina pada 2014 dan tak lama | date d=2014",
        "id | Rusia mencaplok Semenanjung Krimea Ukraina pada 2014 dan tak lama | !count",
        "id | pada hari Rabu (12/1) 09.00 GMT waktu setempat | time d=09:00 tz=GMT",
        "id | pada hari Rabu (12/1) 09.00 GMT waktu setempat | !count",
        "id | lebih besar daripada sebelumnya dalam 30 tahun terakhir | duration [946080000,946080000]",
        "id | pernyataan pada hari Rabu (12/1)setelah empat jam pembicaraan | duration [14400,14400]",
        "id | Kamis, 23 Desember 2021 - 00:46 WIB | time d=00:46 tz=WIB",
        "id | Kamis, 23 Desember 2021 - 00:46 WIB | date d=2021-12-23",
        "id | Kamis, 23 Desember 2021 - 00:46 WIB | !count",
    ]);
}
