using FactCheck.Web.Features.Review;

namespace FactCheck.Tests.Review;

/// Who may take which workflow action in which state, written out by hand from issue 4, not derived from
/// ReviewPolicy: the policy tests and the pipeline tests both check the code against this table.
///   A = allowed, F = forbidden (403: wrong role or wrong person), C = conflict (409: not in this state).
/// Columns (people):
///   Ed = an editor with nothing to do with the claim        As = the fact-checker assigned to it
///   Oc = another fact-checker                               Ad = an admin with no other role
///   Au = the editor who wrote the verdict in review (the claim was reassigned to As after submitting)
///   Vo = an editor who has already approved the verdict in review
/// Before in_review, Au and Vo are just editors; before assigned, As is just a fact-checker.
public static class ReviewExpectations
{
    public const string Table = """
        state        action           Ed As Oc Ad Au Vo
        new          triage           A  F  F  F  A  A
        new          reject           A  F  F  F  A  A
        new          reopen           C  F  F  F  C  C
        new          assign           C  F  F  F  C  C
        new          reassign         A  F  F  F  A  A
        new          start            C  C  C  F  C  C
        new          submit           C  C  C  F  C  C
        new          request-changes  C  F  F  F  C  C
        new          approve          C  F  F  F  C  C
        new          correct          C  F  F  F  C  C
        new          amend            C  F  F  F  C  C

        triaged      triage           C  F  F  F  C  C
        triaged      reject           A  F  F  F  A  A
        triaged      reopen           C  F  F  F  C  C
        triaged      assign           A  F  F  F  A  A
        triaged      reassign         A  F  F  F  A  A
        triaged      start            C  C  C  F  C  C
        triaged      submit           C  C  C  F  C  C
        triaged      request-changes  C  F  F  F  C  C
        triaged      approve          C  F  F  F  C  C
        triaged      correct          C  F  F  F  C  C
        triaged      amend            C  F  F  F  C  C

        assigned     triage           C  F  F  F  C  C
        assigned     reject           C  F  F  F  C  C
        assigned     reopen           C  F  F  F  C  C
        assigned     assign           C  F  F  F  C  C
        assigned     reassign         A  F  F  F  A  A
        assigned     start            F  A  F  F  F  F
        assigned     submit           C  C  C  F  C  C
        assigned     request-changes  C  F  F  F  C  C
        assigned     approve          C  F  F  F  C  C
        assigned     correct          C  F  F  F  C  C
        assigned     amend            C  F  F  F  C  C

        researching  triage           C  F  F  F  C  C
        researching  reject           C  F  F  F  C  C
        researching  reopen           C  F  F  F  C  C
        researching  assign           C  F  F  F  C  C
        researching  reassign         A  F  F  F  A  A
        researching  start            C  C  C  F  C  C
        researching  submit           F  A  F  F  F  F
        researching  request-changes  C  F  F  F  C  C
        researching  approve          C  F  F  F  C  C
        researching  correct          C  F  F  F  C  C
        researching  amend            C  F  F  F  C  C

        in_review    triage           C  F  F  F  C  C
        in_review    reject           C  F  F  F  C  C
        in_review    reopen           C  F  F  F  C  C
        in_review    assign           C  F  F  F  C  C
        in_review    reassign         A  F  F  F  A  A
        in_review    start            C  C  C  F  C  C
        in_review    submit           C  C  C  F  C  C
        in_review    request-changes  A  F  F  F  F  A
        in_review    approve          A  F  F  F  F  C
        in_review    correct          C  F  F  F  C  C
        in_review    amend            C  F  F  F  C  C

        published    triage           C  F  F  F  C  C
        published    reject           C  F  F  F  C  C
        published    reopen           C  F  F  F  C  C
        published    assign           C  F  F  F  C  C
        published    reassign         C  F  F  F  C  C
        published    start            C  C  C  F  C  C
        published    submit           C  C  C  F  C  C
        published    request-changes  C  F  F  F  C  C
        published    approve          C  F  F  F  C  C
        published    correct          A  F  F  F  A  A
        published    amend            A  F  F  F  A  A

        rejected     triage           C  F  F  F  C  C
        rejected     reject           C  F  F  F  C  C
        rejected     reopen           A  F  F  F  A  A
        rejected     assign           C  F  F  F  C  C
        rejected     reassign         C  F  F  F  C  C
        rejected     start            C  C  C  F  C  C
        rejected     submit           C  C  C  F  C  C
        rejected     request-changes  C  F  F  F  C  C
        rejected     approve          C  F  F  F  C  C
        rejected     correct          C  F  F  F  C  C
        rejected     amend            C  F  F  F  C  C

        merged       triage           C  F  F  F  C  C
        merged       reject           C  F  F  F  C  C
        merged       reopen           C  F  F  F  C  C
        merged       assign           C  F  F  F  C  C
        merged       reassign         C  F  F  F  C  C
        merged       start            C  C  C  F  C  C
        merged       submit           C  C  C  F  C  C
        merged       request-changes  C  F  F  F  C  C
        merged       approve          C  F  F  F  C  C
        merged       correct          C  F  F  F  C  C
        merged       amend            C  F  F  F  C  C
        """;

    public static readonly IReadOnlyList<string> States = ["new", "triaged", "assigned", "researching", "in_review", "published", "rejected", "merged"];

    /// The state a claim is in after an allowed action (reassign keeps an open claim where it is, except that
    /// a claim nobody had yet becomes assigned).
    public static string After(string state, string action) => action switch
    {
        ReviewActions.Triage => "triaged",
        ReviewActions.Reject => "rejected",
        ReviewActions.Reopen => "new",
        ReviewActions.Assign => "assigned",
        ReviewActions.Reassign => state is "new" or "triaged" ? "assigned" : state,
        ReviewActions.Start => "researching",
        ReviewActions.Submit => "in_review",
        ReviewActions.RequestChanges => "researching",
        ReviewActions.Approve => "published",
        ReviewActions.Correct => "researching",
        ReviewActions.Amend => "published",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    private static readonly Lazy<Dictionary<(string State, string Action, string Person), Refusal>> Parsed = new(Parse);

    public static IReadOnlyList<string> People => ["Ed", "As", "Oc", "Ad", "Au", "Vo"];

    public static Refusal Expected(string state, string action, string person) => Parsed.Value[(state, action, person)];

    /// Every (state, action, person) row of the table, for the given people.
    public static TheoryData<string, string, string> Cases(params string[] people)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (state, action, person) in Parsed.Value.Keys.Where(k => people.Contains(k.Person)))
        {
            data.Add(state, action, person);
        }

        return data;
    }

    private static Dictionary<(string, string, string), Refusal> Parse()
    {
        var lines = Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var people = header[2..];
        var table = new Dictionary<(string, string, string), Refusal>();
        foreach (var line in lines[1..])
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < people.Length; i++)
            {
                table.Add((cells[0], cells[1], people[i]), cells[i + 2] switch
                {
                    "A" => Refusal.None,
                    "F" => Refusal.Forbidden,
                    "C" => Refusal.Conflict,
                    var other => throw new FormatException($"Unknown cell '{other}' in: {line}"),
                });
            }
        }

        // The table must cover every state and action exactly once, so a new action cannot go untested.
        var rows = table.Keys.Select(k => (k.Item1, k.Item2)).Distinct().ToList();
        var expected = States.SelectMany(s => ReviewActions.All.Select(a => (s, a))).ToList();
        if (rows.Count != expected.Count || expected.Except(rows).Any())
        {
            throw new InvalidOperationException("The expectations table must have exactly one row per state and action.");
        }

        return table;
    }
}
