using Microsoft.Extensions.Localization;
using MudBlazor;

namespace FactCheck.Web.Components;

/// Resources (MudText.id.resx) for MudBlazor's own strings (pager, date picker, clear buttons…) in Indonesian, keyed
/// by MudBlazor's resource names. The neutral file is empty: in English MudBlazor keeps its built-in text.
public sealed class MudText;

/// MudBlazor asks this for every string it shows when the UI culture is not English; a key we have not translated
/// falls back to MudBlazor's English.
public sealed class StaffMudLocalizer(IStringLocalizer<MudText> text) : MudLocalizer
{
    public override LocalizedString this[string key] => text[key];

    public override LocalizedString this[string key, params object[] arguments] => text[key, arguments];
}
