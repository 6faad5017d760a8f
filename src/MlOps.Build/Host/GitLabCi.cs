using System.Text;

namespace MlOps.Build.Host;

/// <summary>
/// GitLab CI/CD's collapsible sections around each task (<c>section_start</c>/<c>section_end</c> with the Unix time
/// from <paramref name="clock"/>). GitLab has no annotations read from a log: errors stay the plain <c>Error:</c> line.
/// </summary>
internal sealed class GitLabCi(TimeProvider clock) : CiService
{
    private const string Escape = "\u001b[0K";

    public override string Name => "GitLab CI/CD";

    public override string? StartGroup(string task) =>
        $"{Escape}section_start:{clock.GetUtcNow().ToUnixTimeSeconds()}:{SectionName(task)}[collapsed=true]\r{Escape}{Printable(task)}";

    public override string? EndGroup(string task) => $"{Escape}section_end:{clock.GetUtcNow().ToUnixTimeSeconds()}:{SectionName(task)}\r{Escape}";

    /// <summary>A section's name may hold only letters, digits, <c>_</c>, <c>.</c> and <c>-</c>.</summary>
    internal static string SectionName(string task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var name = new StringBuilder("task_", task.Length + 5);
        foreach (var c in task)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? char.ToLowerInvariant(c) : '_');
        }

        return name.ToString();
    }

    /// <summary>A header on one line: a line break would end the section's header early.</summary>
    private static string Printable(string text) => text.Replace('\r', ' ').Replace('\n', ' ');
}
