using System.Globalization;
using System.Text.RegularExpressions;

namespace RolePlayBot.Core.Sessions;

/// <summary>
/// One line of a replies file: the trainee's reply, optionally preceded by a simulated reply time
/// ("+90s 您好…", "+2m …", "+1m30s …"). Without one, the reply takes <see cref="DefaultReplyTime"/>.
/// </summary>
public sealed partial record ScriptedReply(string Text, TimeSpan ReplyTime, int LineNumber)
{
    public static readonly TimeSpan DefaultReplyTime = TimeSpan.FromSeconds(20);

    [GeneratedRegex(@"^\+(?:(?<m>\d+(?:\.\d+)?)m)?(?:(?<s>\d+(?:\.\d+)?)s)?\s+(?<text>.*)$")]
    private static partial Regex Timed();

    /// <summary>Parses a replies file's lines; blank lines and lines starting with # are skipped.</summary>
    public static IReadOnlyList<ScriptedReply> Parse(IEnumerable<string> lines)
    {
        var replies = new List<ScriptedReply>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = Timed().Match(line);
            if (match.Success && (match.Groups["m"].Success || match.Groups["s"].Success))
            {
                var minutes = match.Groups["m"].Success ? double.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
                var seconds = match.Groups["s"].Success ? double.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
                replies.Add(new ScriptedReply(match.Groups["text"].Value.Trim(), TimeSpan.FromSeconds(minutes * 60 + seconds), number));
            }
            else
            {
                replies.Add(new ScriptedReply(line, DefaultReplyTime, number));
            }
        }

        return replies;
    }
}
