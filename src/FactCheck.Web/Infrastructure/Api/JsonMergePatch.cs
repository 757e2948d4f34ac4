using System.Text.Json;
using System.Text.Json.Nodes;

namespace FactCheck.Web.Infrastructure.Api;

/// A JSON merge patch (RFC 7396) over a command filled with a record as it reads now: a field left out keeps its
/// value, null clears it. Fields that are not the command's (or not to be patched), and values of the wrong type,
/// come back as errors by field name, for the command's validation to report after the pipeline's role checks.
public static class JsonMergePatch
{
    /// The request body as an object to patch with; any other JSON value is refused naming the body.
    public static JsonObject AsPatch(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object
            ? JsonObject.Create(body)!
            : throw new Pipeline.ValidationFailedException(new Dictionary<string, string[]> { ["body"] = ["Send a JSON object with the fields to change."] });

    public static (T Merged, Dictionary<string, string[]> Errors) Apply<T>(T current, JsonObject patch, JsonSerializerOptions options, params string[] fixedFields)
        where T : class
    {
        var merged = JsonSerializer.SerializeToNode(current, options)!.AsObject();
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in patch)
        {
            if (!merged.ContainsKey(name) || fixedFields.Contains(name))
            {
                errors[name] = [$"'{name}' is not a field that can be changed here."];
                continue;
            }

            merged[name] = value?.DeepClone();
        }

        // Without a version the change cannot be checked against what its sender saw: the command's validation says so.
        if (merged.ContainsKey("version") && !patch.ContainsKey("version"))
        {
            merged["version"] = 0;
        }

        try
        {
            return (merged.Deserialize<T>(options)!, errors);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // A lone surrogate escaped in a string reads as JSON but is no text: refused like any unreadable value.
            var field = (e as JsonException)?.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body";
            errors[field] = [$"'{field}' has the wrong type of value."];
            return (current, errors);
        }
    }
}
