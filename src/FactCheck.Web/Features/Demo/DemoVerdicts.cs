namespace FactCheck.Web.Features.Demo;

/// The demo desk's published verdicts, each in Indonesian and in English.
public static partial class DemoCase
{
    public sealed record DemoSource(string Url, string Title, string Stance, string Note, DateOnly? PublishedOn = null);

    public sealed record DemoText(string Title, string Summary, string Explanation);

    public sealed record DemoVerdict(string Rating, string? Attribution, DemoText Id, DemoText En, string? ChangeNote = null);

    /// Verdicts the demo desk has published, so readers have something to open: the accusation and Baku's denial of it
    /// (pages that point at each other), and Putin's figure, published as unverified and then publicly corrected.
    /// Written for the demo; each one says so.
    public static readonly IReadOnlyList<(string Key, IReadOnlyList<DemoSource> Sources, DemoVerdict Verdict, (string Reason, DemoVerdict Verdict)? Correction)> Verdicts =
    [
        ("stepanakert",
            [
                new("https://www.hrw.org/news/2020/10/23/azerbaijan-cluster-munitions-used-nagorno-karabakh",
                    "Human Rights Watch: Azerbaijan: Cluster Munitions Used in Nagorno-Karabakh", "supports",
                    "Documents cluster munition attacks on residential neighbourhoods of Stepanakert in early October 2020.", new DateOnly(2020, 10, 23)),
                new("https://www.amnesty.org/en/latest/news/2020/10/armenia-azerbaijan-civilians-must-be-protected-from-use-of-banned-cluster-bombs/",
                    "Amnesty International: civilians must be protected from banned cluster bombs", "supports",
                    "Identified cluster munitions in footage from residential areas of Stepanakert.", new DateOnly(2020, 10, 5)),
            ],
            new("mostly-true", null,
                new("Pasukan Azerbaijan menyerang gedung-gedung di Stepanakert",
                    "Penyelidik independen mendokumentasikan serangan Azerbaijan, termasuk dengan munisi tandan, ke permukiman warga Stepanakert pada Oktober 2020.",
                    """
                    *Putusan contoh, ditulis untuk kasus demo bawaan FactCheck.*

                    Pejabat lokal Nagorno-Karabakh menyatakan pasukan Azerbaijan menyerang gedung-gedung di Stepanakert. Dua
                    organisasi hak asasi manusia internasional memeriksa serangan itu secara terpisah dan menemukan sisa munisi
                    tandan di permukiman warga kota tersebut. Wartawan yang berada di sana melaporkan rumah dan gedung publik yang rusak.

                    Kami menilai tuduhan ini **sebagian besar benar**: serangannya terdokumentasi, tetapi tidak semua gedung yang
                    disebut pejabat lokal dapat diperiksa secara independen.
                    """),
                new("Azerbaijani forces attacked buildings in Stepanakert",
                    "Independent investigators documented Azerbaijani strikes, including cluster munitions, on residential areas of Stepanakert in October 2020.",
                    """
                    *Demo verdict, written for FactCheck's built-in demo case.*

                    Local officials in Nagorno-Karabakh said Azerbaijani forces struck buildings in Stepanakert. Two international
                    human rights organisations examined the attacks separately and found remains of cluster munitions in
                    residential areas of the city. Journalists in the city reported damaged homes and public buildings.

                    We rate the accusation **mostly true**: the attacks are documented, but not every building named by local
                    officials could be checked independently.
                    """)),
            null),
        ("baku-denial",
            [
                new("https://www.hrw.org/news/2020/10/23/azerbaijan-cluster-munitions-used-nagorno-karabakh",
                    "Human Rights Watch: Azerbaijan: Cluster Munitions Used in Nagorno-Karabakh", "refutes",
                    "The attacks Baku denied are documented by investigators on the ground.", new DateOnly(2020, 10, 23)),
            ],
            new("mostly-false", "confirmed",
                new("Baku membantah menyerang gedung-gedung di Stepanakert",
                    "Baku memang membantah tuduhan itu, tetapi serangan ke Stepanakert yang dibantahnya terdokumentasi oleh penyelidik independen.",
                    """
                    *Putusan contoh, ditulis untuk kasus demo bawaan FactCheck.*

                    Pemerintah Azerbaijan membantah menyerang gedung-gedung di Stepanakert dan menyatakan hanya menyasar target
                    militer. Bantahan itu diberitakan luas, sehingga kami memastikan bantahan tersebut memang disampaikan. Namun,
                    serangannya sendiri terdokumentasi oleh penyelidik independen (lihat putusan atas tuduhan yang dibantahnya),
                    sehingga kami menilai bantahan ini **sebagian besar salah**.
                    """),
                new("Baku denies attacking buildings in Stepanakert",
                    "Baku did deny the accusation, but the strikes on Stepanakert it denied are documented by independent investigators.",
                    """
                    *Demo verdict, written for FactCheck's built-in demo case.*

                    Azerbaijan's government denied attacking buildings in Stepanakert and said it struck only military targets.
                    The denial was reported widely, so we confirm it was made. The attacks themselves, however, were documented
                    by independent investigators (see the verdict on the accusation it answers), so we rate the denial **mostly false**.
                    """)),
            null),
        ("putin-5000",
            [
                new("http://en.kremlin.ru/events/president/news/64261", "Kremlin: Valdai Discussion Club meeting", "context",
                    "Putin said the fighting had killed close to 5,000 people on both sides.", new DateOnly(2020, 10, 22)),
            ],
            new("unverified", null,
                new("Pertempuran di Nagorno-Karabakh telah menewaskan 5.000 orang",
                    "Armenia maupun Azerbaijan belum mengumumkan korban militernya, sehingga perkiraan Putin soal 5.000 kematian belum dapat diperiksa.",
                    """
                    *Putusan contoh, ditulis untuk kasus demo bawaan FactCheck.*

                    Putin menyebut angka itu dalam sebuah pertemuan terbuka tanpa menjelaskan sumbernya. Saat itu otoritas Armenia
                    baru mengumumkan sebagian korban militernya dan Azerbaijan sama sekali belum, sehingga belum ada angka
                    pembanding.
                    """),
                new("The Nagorno-Karabakh fighting has killed 5,000 people",
                    "Neither Armenia nor Azerbaijan had published its military losses, so Putin's estimate of 5,000 deaths could not be checked.",
                    """
                    *Demo verdict, written for FactCheck's built-in demo case.*

                    Putin gave the figure at a public meeting and did not say where it came from. At the time, Armenian
                    authorities published only partial military losses and Azerbaijan published none, so no count existed to
                    compare it with.
                    """)),
            ("Both governments published their military losses after the ceasefire of 10 November 2020, which lets us rate the estimate.",
                new("mostly-true", null,
                    new("Pertempuran di Nagorno-Karabakh telah menewaskan 5.000 orang",
                        "Data korban yang diumumkan kedua pihak setelah gencatan senjata membuat perkiraan sekitar 5.000 kematian hingga akhir Oktober masuk akal.",
                        """
                        *Putusan contoh, ditulis untuk kasus demo bawaan FactCheck.*

                        Setelah gencatan senjata, Azerbaijan dan Armenia masing-masing mengumumkan jumlah tentaranya yang tewas:
                        bila digabung, beberapa ribu orang sepanjang perang, sejalan dengan perkiraan Putin untuk empat minggu
                        pertamanya. Angka per 22 Oktober sendiri tidak tersedia, sehingga kami menilai perkiraan ini
                        **sebagian besar benar**, bukan benar.
                        """),
                    new("The Nagorno-Karabakh fighting has killed 5,000 people",
                        "Losses both sides published after the ceasefire make an estimate of about 5,000 deaths by late October plausible.",
                        """
                        *Demo verdict, written for FactCheck's built-in demo case.*

                        After the ceasefire, Azerbaijan and Armenia each published their soldiers' deaths: together several
                        thousand for the whole war, in line with Putin's estimate for its first four weeks. No count for 22
                        October itself exists, so we rate the estimate **mostly true** rather than true.
                        """),
                    "Rating changed from unverified to mostly true once both sides had published their losses."))),
    ];
}
