using System.Text.RegularExpressions;
using Mediator;

namespace FactCheck.Tests.Architecture;

/// A newcomer looking for "approve a verdict" opens ApproveVerdict.cs: every message (command, query, notification)
/// is declared in a file of its own name, with its handler and the records only it uses.
public sealed class MessageFileTests
{
    private static readonly string Source = Path.Combine(Infrastructure.MigrationTests.RepoRoot(), "src", "FactCheck.Web");

    private static readonly Type[] Messages = typeof(Program).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IMessage).IsAssignableFrom(t))
        .Where(t => t.Namespace?.StartsWith("FactCheck.Web", StringComparison.Ordinal) == true)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Every_message_lives_in_a_file_of_its_own_name()
    {
        var files = Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: f, Text: File.ReadAllText(f)))
            .ToList();

        var misplaced = new List<string>();
        foreach (var message in Messages)
        {
            var declaration = new Regex($@"\b(class|record|struct)\s+{message.Name}\b");
            var declaredIn = files.Where(f => declaration.IsMatch(f.Text)).Select(f => f.Path).ToList();
            if (declaredIn.Count != 1 || Path.GetFileNameWithoutExtension(declaredIn[0]) != message.Name)
            {
                misplaced.Add($"{message.Name} in {string.Join(", ", declaredIn.Select(p => Path.GetRelativePath(Source, p)))}");
            }
        }

        Assert.True(misplaced.Count == 0, $"{misplaced.Count} message(s) not in a file of their own name:\n" + string.Join("\n", misplaced));
    }

    [Fact]
    public void The_check_sees_every_kind_of_message()
    {
        Assert.Contains(Messages, t => typeof(IBaseCommand).IsAssignableFrom(t));
        Assert.Contains(Messages, t => typeof(IBaseQuery).IsAssignableFrom(t));
        Assert.True(Messages.Length > 60, $"only {Messages.Length} messages found");
    }
}
