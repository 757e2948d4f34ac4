using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace FactCheck.Web.Features.Comments;

public static class CommentRules
{
    public const int MaxLength = 10_000;

    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    public sealed class BodyAttribute : ValidationAttribute
    {
        protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
        {
            var text = value as string;
            if (string.IsNullOrWhiteSpace(text))
            {
                return new ValidationResult("Write a comment.", [validationContext.MemberName!]);
            }

            return text.Trim().Length > MaxLength
                ? new ValidationResult($"A comment is limited to 10,000 characters (this one has {text.Trim().Length.ToString("N0", CultureInfo.InvariantCulture)}).", [validationContext.MemberName!])
                : ValidationResult.Success;
        }
    }
}
