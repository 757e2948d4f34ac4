using FactCheck.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using FactCheck.Web.Infrastructure.Clock;

namespace FactCheck.Web.Components;

/// Base of the public pages and their parts: the reader's language, its strings and dates, and links that keep it.
public abstract class PublicComponent : ComponentBase
{
    [CascadingParameter]
    protected HttpContext? HttpContext { get; set; }

    [Inject]
    protected IStringLocalizer<PublicText> Text { get; set; } = default!;

    [Inject]
    protected IOptions<FactCheckOptions> Options { get; set; } = default!;

    protected string Language => PublicSite.CurrentLanguage;

    protected string Href(string path) => PublicSite.Href(HttpContext, path);

    protected string Date(DateOnly date) => PublicFormat.Date(date, Language);

    protected string Date(DateTimeOffset at) => PublicFormat.Date(at, Language, PublicFormat.Zone(Options.Value));

    /// The day a deadline falls on in the newsroom: a due date picked as a day ends at the midnight after it.
    protected string DueDate(DateTimeOffset due) => PublicFormat.Date(NewsroomTime.Of(Options.Value).DueDay(due), Language);

    protected string ShortDate(DateOnly date) => PublicFormat.ShortDate(date, Language);

    protected string ShortDate(DateTimeOffset at) => PublicFormat.ShortDate(NewsroomTime.Of(Options.Value).Day(at), Language);

    protected string KindLabel(string kind) => Text["Kind" + char.ToUpperInvariant(kind[0]) + kind[1..]];
}
