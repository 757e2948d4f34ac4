using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace FactCheck.Web.Features.Review;

/// One language version as a staff form edits it.
public sealed class VerdictTextModel
{
    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Explanation { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Summary) && string.IsNullOrWhiteSpace(Explanation);

    public VerdictTextInput? ToInput() => IsBlank ? null : new VerdictTextInput { Title = Title, Summary = Summary, Explanation = Explanation };

    public void Fill(VerdictTextView? text)
    {
        Title = text?.Title;
        Summary = text?.Summary;
        Explanation = text?.Explanation;
    }

    /// The form's own check before sending, in the person's language: every version begun is complete and within its
    /// limits, and every required version is there. The pipeline checks the same rules again.
    public static ValidationFailedException? Check(
        IReadOnlyDictionary<string, VerdictTextModel> texts, IReadOnlyList<string> required, IStringLocalizer<ReviewText> text)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (language, model) in texts)
        {
            if (model.IsBlank)
            {
                if (required.Contains(language))
                {
                    errors[VerdictLanguages.Field(language)] = [text["VersionMissing", text[language == VerdictLanguages.Indonesian ? "LanguageId" : "LanguageEn"]]];
                }

                continue;
            }

            Field(errors, $"texts.{language}.title", model.Title, VerdictText.TitleLimit, text["FieldMissingTitle"], text);
            Field(errors, $"texts.{language}.summary", model.Summary, VerdictText.SummaryLimit, text["FieldMissingSummary"], text);
            Field(errors, $"texts.{language}.explanation", model.Explanation, VerdictText.ExplanationLimit, text["FieldMissingExplanation"], text);
        }

        if (errors.Count == 0 && texts.Values.All(t => t.IsBlank))
        {
            errors[VerdictLanguages.Field(texts.Keys.First())] = [text["NoVersionWritten"]];
        }

        return errors.Count == 0 ? null : new ValidationFailedException(errors);
    }

    /// Where a field named by the pipeline shows its error: under its input, or (a whole version) above the version.
    public static FieldIdentifier FieldOf(string name, IReadOnlyDictionary<string, VerdictTextModel> texts, EditContext context)
    {
        var parts = name.Split('.');
        if (parts is ["texts", var language, var field] && texts.TryGetValue(language, out var model))
        {
            return new FieldIdentifier(model, char.ToUpperInvariant(field[0]) + field[1..]);
        }

        return context.Field(name);
    }

    private static void Field(Dictionary<string, string[]> errors, string name, string? value, int limit, string missing, IStringLocalizer<ReviewText> text)
    {
        var length = value?.Trim().Length ?? 0;
        if (length == 0)
        {
            errors[name] = [missing];
        }
        else if (length > limit)
        {
            errors[name] = [text["FieldTooLong", limit]];
        }
    }
}
