using Mono.Cecil;
using Mono.Cecil.Cil;

namespace FactCheck.Tests.Architecture;

/// Which part of the web project refers to which, read from the compiled assembly (signatures, attributes and
/// method bodies, so Razor components count too). A part is a feature ("Features/Claims"), "Infrastructure",
/// "Components" or "App" (Program and the composition file at the top). Generated mediator glue is left out.
internal static class CodeMap
{
    private const string Root = "FactCheck.Web";

    public static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>> Edges = new(() => Read());

    public static string? PartOf(TypeDefinition type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        var ns = type.Namespace;
        if (ns == Root)
        {
            return "App";
        }

        if (!ns.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = ns[(Root.Length + 1)..].Split('.');
        return parts[0] == "Features" && parts.Length > 1 ? "Features/" + parts[1] : parts[0];
    }

    /// part → referenced part → "UsingType → UsedType" pairs (for the report).
    private static Dictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> Read()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Program).Assembly.Location);
        var edges = new Dictionary<string, Dictionary<string, HashSet<string>>>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            if (PartOf(type) is not { } from)
            {
                continue;
            }

            foreach (var target in References(type))
            {
                if (PartOf(target) is { } to && to != from)
                {
                    var targets = edges.TryGetValue(from, out var t) ? t : edges[from] = new(StringComparer.Ordinal);
                    (targets.TryGetValue(to, out var names) ? names : targets[to] = new(StringComparer.Ordinal)).Add($"{Outermost(type).Name} → {Outermost(target).Name}");
                }
            }
        }

        return edges.ToDictionary(
            e => e.Key,
            e => (IReadOnlyDictionary<string, IReadOnlySet<string>>)e.Value.ToDictionary(x => x.Key, x => (IReadOnlySet<string>)x.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static IEnumerable<TypeDefinition> References(TypeDefinition type)
    {
        var found = new List<TypeReference?> { type.BaseType };
        found.AddRange(type.Interfaces.Select(i => i.InterfaceType));
        found.AddRange(type.GenericParameters.SelectMany(g => g.Constraints.Select(c => c.ConstraintType)));
        found.AddRange(Attributes(type.CustomAttributes));
        found.AddRange(type.Fields.Select(f => f.FieldType));
        found.AddRange(type.Fields.SelectMany(f => Attributes(f.CustomAttributes)));
        found.AddRange(type.Properties.Select(p => p.PropertyType));
        found.AddRange(type.Properties.SelectMany(p => Attributes(p.CustomAttributes)));
        foreach (var method in type.Methods)
        {
            found.Add(method.ReturnType);
            found.AddRange(method.Parameters.Select(p => p.ParameterType));
            found.AddRange(method.GenericParameters.SelectMany(g => g.Constraints.Select(c => c.ConstraintType)));
            found.AddRange(Attributes(method.CustomAttributes));
            if (!method.HasBody)
            {
                continue;
            }

            found.AddRange(method.Body.Variables.Select(v => v.VariableType));
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        found.Add(t);
                        break;
                    case MethodReference m:
                        found.Add(m.DeclaringType);
                        found.Add(m.ReturnType);
                        found.AddRange(m.Parameters.Select(p => p.ParameterType));
                        if (m is GenericInstanceMethod g)
                        {
                            found.AddRange(g.GenericArguments);
                        }

                        break;
                    case FieldReference f:
                        found.Add(f.DeclaringType);
                        found.Add(f.FieldType);
                        break;
                }
            }
        }

        return found.SelectMany(Flatten).Distinct();
    }

    private static IEnumerable<TypeReference> Attributes(IEnumerable<CustomAttribute> attributes) =>
        attributes.SelectMany(a => a.ConstructorArguments.Select(x => x.Value).OfType<TypeReference>().Append(a.AttributeType));

    /// The types of this module a (possibly generic, array or by-ref) type reference names.
    private static IEnumerable<TypeDefinition> Flatten(TypeReference? reference)
    {
        switch (reference)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var inner in generic.GenericArguments.Prepend(generic.ElementType).SelectMany(Flatten))
                {
                    yield return inner;
                }

                yield break;
            case TypeSpecification specification:
                foreach (var inner in Flatten(specification.ElementType))
                {
                    yield return inner;
                }

                yield break;
            case TypeDefinition definition:
                yield return definition;
                yield break;
            default:
                if (reference.Scope is ModuleDefinition && reference.Resolve() is { } resolved)
                {
                    yield return resolved;
                }

                yield break;
        }
    }

    /// Feature → features it uses, each edge with the types it goes through; cycles marked.
    public static string Describe()
    {
        var lines = new List<string>();
        foreach (var (from, targets) in Edges.Value.Where(e => e.Key.StartsWith("Features/", StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            foreach (var (to, names) in targets.Where(t => t.Key.StartsWith("Features/", StringComparison.Ordinal)).OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var cycle = Edges.Value.TryGetValue(to, out var back) && back.ContainsKey(from) ? "  ⇄ cycle" : "";
                lines.Add($"{from[9..]} → {to[9..]}{cycle}: {string.Join(", ", names.Order(StringComparer.Ordinal))}");
            }
        }

        return string.Join(Environment.NewLine, lines);
    }
}
