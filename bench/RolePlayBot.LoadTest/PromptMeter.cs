using System.Collections.Concurrent;
using System.Text.Json;

namespace RolePlayBot.LoadTest;

/// <summary>
/// What the bot's prompts would cost at a provider that caches identical prefixes, as the stub model server sees them:
/// estimated input tokens of every call, the part of it that is a prefix already sent before (the system message —
/// instructions, persona, checklist — which the prompts keep byte-identical within a persona), and output tokens.
/// The stub reports these numbers back as the call's usage, so the bot's own token records (scorecard, metrics) are
/// fed by what it really sent. Tokens are estimated: one per CJK character, one per four other characters.
/// </summary>
public sealed class PromptMeter
{
    private readonly ConcurrentDictionary<string, byte> _prefixes = new(StringComparer.Ordinal);
    private long _input;
    private long _cached;
    private long _output;
    private long _calls;

    public long Input => Interlocked.Read(ref _input);

    public long Cached => Interlocked.Read(ref _cached);

    public long Output => Interlocked.Read(ref _output);

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Counts one call and returns its (input, cached input) estimate.</summary>
    public (int Input, int Cached) Measure(JsonElement request)
    {
        var input = 0;
        var prefix = "";
        if (request.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            var first = true;
            foreach (var message in messages.EnumerateArray())
            {
                var text = message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String ? content.GetString() ?? "" : "";
                input += Tokens(text);
                if (first && message.TryGetProperty("role", out var role) && role.GetString() == "system")
                {
                    prefix = text;
                }

                first = false;
            }
        }

        var cached = prefix.Length > 0 && !_prefixes.TryAdd(prefix, 0) ? Tokens(prefix) : 0;
        Interlocked.Add(ref _input, input);
        Interlocked.Add(ref _cached, cached);
        Interlocked.Increment(ref _calls);
        return (input, cached);
    }

    public int CountOutput(string content)
    {
        var tokens = Tokens(content);
        Interlocked.Add(ref _output, tokens);
        return tokens;
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _input, 0);
        Interlocked.Exchange(ref _cached, 0);
        Interlocked.Exchange(ref _output, 0);
        Interlocked.Exchange(ref _calls, 0);
    }

    public static int Tokens(string text)
    {
        var cjk = 0;
        var other = 0;
        foreach (var c in text)
        {
            if (c is >= '\u3000' and <= '\u9fff' or >= '\uff00' and <= '\uffef')
            {
                cjk++;
            }
            else
            {
                other++;
            }
        }

        return cjk + ((other + 3) / 4);
    }
}
