using FactCheck.Web.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Components.Forms;

namespace FactCheck.Web.Components;

/// Shows the pipeline's field errors in a form, next to the fields they name, in the staff member's language.
public sealed class ServerValidation
{
    private readonly EditContext context;
    private readonly ValidationMessageStore store;

    public ServerValidation(EditContext context)
    {
        this.context = context;
        store = new ValidationMessageStore(context);
        context.OnFieldChanged += (_, e) =>
        {
            // Fields read their messages when the validation state changes: without this the old error stayed red
            // under a field that had just been filled in.
            if (store[e.FieldIdentifier].Any())
            {
                store.Clear(e.FieldIdentifier);
                context.NotifyValidationStateChanged();
            }
        };
        context.OnValidationRequested += (_, _) => store.Clear();
    }

    public void Show(ValidationFailedException failure) => Show(failure, context.Field);

    /// For a form whose inputs sit on nested models: fieldOf maps the pipeline's field name ("texts.id.summary") to
    /// the input it belongs to.
    public void Show(ValidationFailedException failure, Func<string, FieldIdentifier> fieldOf)
    {
        store.Clear();
        foreach (var (name, messages) in failure.Errors)
        {
            // A form that also validates in the browser already shows the attribute rules; show each message once.
            var field = fieldOf(name);
            store.Add(field, StaffMessages.Localise(messages).Except(context.GetValidationMessages(field)));
        }

        context.NotifyValidationStateChanged();
    }
}
