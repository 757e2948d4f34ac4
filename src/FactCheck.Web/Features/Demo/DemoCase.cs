using FactCheck.Web.Features.Claims;

namespace FactCheck.Web.Features.Demo;

/// The built-in demo case: claims from an Indonesian news article on the Nagorno-Karabakh war (October 2020,
/// shared/seed/nagorno-karabakh-article.id.txt), each in the original Indonesian with an English translation.
/// Claims the article does not date carry the article's date.
public static partial class DemoCase
{
    public static readonly DateOnly ArticleDate = new(2020, 10, 24);

    public static readonly IReadOnlyList<(string Username, string DisplayName, string Role)> Staff =
    [
        ("admin", "Desk Admin", "admin"),
        ("editor", "Eka Editor", "editor"),
        ("editor2", "Dewi Editor", "editor"),
        ("checker", "Budi Checker", "factchecker"),
        ("checker2", "Sari Checker", "factchecker"),
    ];

    /// Keys name the claims so the links below can refer to them.
    public static IReadOnlyList<(string Key, SubmitClaim Claim)> Claims() =>
    [
        ("stepanakert", new SubmitClaim
        {
            Title = "Azerbaijani forces attacked buildings in Stepanakert",
            Text = "Pejabat lokal menuduh pasukan Azerbaijan menyerang gedung-gedung di Stepanakert, kota terbesar di wilayah itu.",
            Language = "id",
            TranslationEn = "Local officials accused Azerbaijani forces of attacking buildings in Stepanakert, the largest city in the region.",
            ClaimantName = "Pejabat lokal Nagorno-Karabakh", ClaimantKind = "official-body", ClaimantAffiliation = "Nagorno-Karabakh (Armenian-controlled)", ClaimantSide = "Armenia",
            SaidOn = ArticleDate, Place = "Stepanakert", Kind = "event", Topics = ["nagorno-karabakh", "attacks"],
        }),
        ("baku-denial", new SubmitClaim
        {
            Title = "Baku denies attacking buildings in Stepanakert",
            Text = "Namun tuduhan itu dibantah pemerintah Baku.",
            Language = "id",
            TranslationEn = "However, the accusation was denied by the government in Baku.",
            ClaimantName = "Pemerintah Azerbaijan", ClaimantKind = "government", ClaimantAffiliation = "Azerbaijan", ClaimantSide = "Azerbaijan",
            SaidOn = ArticleDate, Place = "Baku", Kind = "statement", Topics = ["nagorno-karabakh", "attacks"],
        }),
        ("putin-5000", new SubmitClaim
        {
            Title = "The Nagorno-Karabakh fighting has killed 5,000 people",
            Text = "Presiden Rusia Vladimir Putin menduga konflik itu telah menewaskan 5.000 orang.",
            Language = "id",
            TranslationEn = "Russian President Vladimir Putin estimated that the conflict has killed 5,000 people.",
            ClaimantName = "Vladimir Putin", ClaimantKind = "person", ClaimantAffiliation = "Russia (President)", ClaimantSide = "Russia",
            SaidOn = ArticleDate, Kind = "figure", FigureLow = 5000, FigureUnit = "deaths", FigureAsOf = ArticleDate,
            Topics = ["nagorno-karabakh", "casualties"],
        }),
        ("iran-shells", new SubmitClaim
        {
            Title = "Mortars and rockets landed in villages in Iran",
            Text = "Presiden Rouhani juga menyinggung adanya mortir dan roket yang mendarat di desa-desa di Iran, tepat di seberang perbatasan utara dengan Armenia dan Azerbaijan. Dia menegaskan, peluru dan rudal yang secara tidak sengaja mendarat di tanah Iran \"sama sekali tidak dapat diterima\".",
            Language = "id",
            TranslationEn = "President Rouhani also mentioned mortars and rockets landing in villages in Iran, just across the northern border with Armenia and Azerbaijan. He said the shells and missiles that accidentally landed on Iranian soil were \"totally unacceptable\".",
            ClaimantName = "Hassan Rouhani", ClaimantKind = "person", ClaimantAffiliation = "Iran (President)", ClaimantSide = "Iran",
            SaidOn = new DateOnly(2020, 10, 7), Place = "Iran's northern border", Kind = "event", Topics = ["nagorno-karabakh", "iran"],
        }),
        ("rouhani-regional-war", new SubmitClaim
        {
            Title = "Rouhani warns the war could become a regional war",
            Text = "\"Kita harus penuh perhatian (agar) perang antara Armenia dan Azerbaijan tidak menjadi perang regional. Perdamaian adalah dasar dari kerja kami dan kami berharap dapat memulihkan stabilitas kawasan dengan cara damai,\" kata Presiden Rouhani, Rabu (7/10/2020).",
            Language = "id",
            TranslationEn = "\"We must be careful that the war between Armenia and Azerbaijan does not become a regional war. Peace is the basis of our work and we hope to restore stability in the region peacefully,\" President Rouhani said on Wednesday (7/10/2020).",
            ClaimantName = "Hassan Rouhani", ClaimantKind = "person", ClaimantAffiliation = "Iran (President)", ClaimantSide = "Iran",
            SaidOn = new DateOnly(2020, 10, 7), Kind = "quote", Topics = ["nagorno-karabakh", "iran"],
        }),
        ("armenia-blames", new SubmitClaim
        {
            Title = "Armenia blames Azerbaijan for the fighting",
            Text = "Konflik yang terjadi sekarang adalah yang terburuk dalam beberapa dekade, dan kedua kubu menyalahkan satu sama lain.",
            Language = "id",
            TranslationEn = "The current conflict is the worst in decades, and both sides blame each other (Armenia holds Azerbaijan responsible).",
            ClaimantName = "Pemerintah Armenia", ClaimantKind = "government", ClaimantAffiliation = "Armenia", ClaimantSide = "Armenia",
            SaidOn = ArticleDate, Kind = "statement", Topics = ["nagorno-karabakh", "responsibility"],
        }),
        ("azerbaijan-blames", new SubmitClaim
        {
            Title = "Azerbaijan blames Armenia for the fighting",
            Text = "Konflik yang terjadi sekarang adalah yang terburuk dalam beberapa dekade, dan kedua kubu menyalahkan satu sama lain.",
            Language = "id",
            TranslationEn = "The current conflict is the worst in decades, and both sides blame each other (Azerbaijan holds Armenia responsible).",
            ClaimantName = "Pemerintah Azerbaijan", ClaimantKind = "government", ClaimantAffiliation = "Azerbaijan", ClaimantSide = "Azerbaijan",
            SaidOn = ArticleDate, Kind = "statement", Topics = ["nagorno-karabakh", "responsibility"],
        }),
        ("ceasefires-violated", new SubmitClaim
        {
            Title = "Two Russia-brokered ceasefires have been violated",
            Text = "Pelanggaran terhadap dua gencatan senjata yang ditengahi Rusia telah mengurangi kemungkinan berakhirnya pertempuran yang terjadi sejak pada 27 September 2020 di Nagorno-Karabakh.",
            Language = "id",
            TranslationEn = "Violations of two Russia-brokered ceasefires have reduced the chances of an end to the fighting in Nagorno-Karabakh that has gone on since 27 September 2020.",
            ClaimantName = "Laporan berita", ClaimantKind = "media", ClaimantAffiliation = "Source article (Indonesian news, October 2020)",
            SaidOn = ArticleDate, Kind = "event", Topics = ["nagorno-karabakh", "ceasefire"],
        }),
        ("fighting-since", new SubmitClaim
        {
            Title = "Fighting in Nagorno-Karabakh has gone on since 27 September 2020",
            Text = "Pertempuran yang terjadi sejak pada 27 September 2020 di Nagorno-Karabakh.",
            Language = "id",
            TranslationEn = "The fighting in Nagorno-Karabakh has been going on since 27 September 2020.",
            ClaimantName = "Laporan berita", ClaimantKind = "media", ClaimantAffiliation = "Source article (Indonesian news, October 2020)",
            SaidOn = new DateOnly(2020, 9, 27), Place = "Nagorno-Karabakh", Kind = "event", Topics = ["nagorno-karabakh"],
        }),
        ("azerbaijan-mod", new SubmitClaim
        {
            Title = "Azerbaijan's defence ministry reports fighting around Karabakh",
            Text = "Menurut Kementerian Pertahanan Azerbaijan, pertempuran di dalam dan sekitar Nagorno-Karabakh, wilayah Azerbaijan yang dihuni dan dikontrol etnik Armenia.",
            Language = "id",
            TranslationEn = "According to Azerbaijan's Ministry of Defence, there was fighting in and around Nagorno-Karabakh, Azerbaijani territory populated and controlled by ethnic Armenians.",
            ClaimantName = "Kementerian Pertahanan Azerbaijan", ClaimantKind = "military", ClaimantAffiliation = "Azerbaijan", ClaimantSide = "Azerbaijan",
            SaidOn = ArticleDate, Place = "Nagorno-Karabakh", Kind = "statement", Topics = ["nagorno-karabakh"],
        }),
        ("pompeo-meeting", new SubmitClaim
        {
            Title = "Pompeo met Azerbaijan's and Armenia's foreign ministers separately",
            Text = "Menteri Luar Negeri Amerika Serikat Mike Pompeo telah bertemu secara terpisah dengan Menlu Azerbaijan dan Armenia pada Jumat, 23 Oktober 2020 dalam upaya baru untuk mengakhiri hampir sebulan pertumpahan darah.",
            Language = "id",
            TranslationEn = "US Secretary of State Mike Pompeo met separately with the foreign ministers of Azerbaijan and Armenia on Friday, 23 October 2020, in a new effort to end almost a month of bloodshed.",
            ClaimantName = "Laporan berita", ClaimantKind = "media", ClaimantAffiliation = "Source article (Indonesian news, October 2020)",
            SaidOn = new DateOnly(2020, 10, 23), Place = "Washington", Kind = "event", Topics = ["nagorno-karabakh", "diplomacy"],
        }),
    ];

    public static readonly IReadOnlyList<(string From, string Relation, string To, string Note)> Links =
    [
        ("baku-denial", "denies", "stepanakert", "Baku rejects the accusation made by local officials."),
        ("azerbaijan-blames", "disputes", "armenia-blames", "Each side holds the other responsible."),
    ];

    /// The demo topics' labels in Indonesian and English, as an editor would give them on the topics page.
    public static readonly IReadOnlyList<(string Topic, string LabelId, string LabelEn)> TopicLabels =
    [
        ("nagorno-karabakh", "Nagorno-Karabakh", "Nagorno-Karabakh"),
        ("attacks", "Serangan", "Attacks"),
        ("casualties", "Korban jiwa", "Casualties"),
        ("iran", "Iran", "Iran"),
    ];
}
