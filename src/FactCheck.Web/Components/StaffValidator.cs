using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace FactCheck.Web.Components;

/// DataAnnotationsValidator with its messages in the staff member's language: the same attribute rules, checked as a
/// field changes and on submit, each message put through StaffMessages (the attributes keep writing English for the API).
public sealed class StaffValidator : ComponentBase, IDisposable
{
    private EditContext? subscribed;
    private ValidationMessageStore? store;

    [CascadingParameter]
    private EditContext? CurrentEditContext { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (CurrentEditContext is null)
        {
            throw new InvalidOperationException($"{nameof(StaffValidator)} goes inside an EditForm.");
        }

        if (ReferenceEquals(subscribed, CurrentEditContext))
        {
            return;
        }

        Unsubscribe();
        subscribed = CurrentEditContext;
        store = new ValidationMessageStore(subscribed);
        subscribed.OnValidationRequested += ValidateModel;
        subscribed.OnFieldChanged += ValidateField;
    }

    private void ValidateModel(object? sender, ValidationRequestedEventArgs e)
    {
        var context = subscribed!;
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(context.Model, new ValidationContext(context.Model, Services, null), results, validateAllProperties: true);
        store!.Clear();
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                store.Add(context.Field(member), StaffMessages.Localise(result.ErrorMessage));
            }
        }

        context.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        var field = e.FieldIdentifier;
        if (field.Model.GetType().GetProperty(field.FieldName) is not { } property)
        {
            return;
        }

        var results = new List<ValidationResult>();
        var context = new ValidationContext(field.Model, Services, null) { MemberName = property.Name };
        Validator.TryValidateProperty(property.GetValue(field.Model), context, results);
        store!.Clear(field);
        store.Add(field, results.Select(r => StaffMessages.Localise(r.ErrorMessage)));
        subscribed!.NotifyValidationStateChanged();
    }

    private void Unsubscribe()
    {
        if (subscribed is not null)
        {
            subscribed.OnValidationRequested -= ValidateModel;
            subscribed.OnFieldChanged -= ValidateField;
        }
    }

    public void Dispose() => Unsubscribe();
}
