using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Benchmarks;

/// <summary>Practice sessions played for a given number of turns with the labelled replies, as the bot would store them.</summary>
public static class SessionBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The allergy complaint (zh-CN), the longest-running persona at difficulty 3.</summary>
    public static Persona Persona(BenchData data) =>
        data.Personas.Find("allergy-complaint", "zh-CN") ?? throw new InvalidOperationException("persona allergy-complaint (zh-CN) is missing");

    /// <summary>
    /// A session after up to <paramref name="turns"/> replies, 20 s apart: polite holding replies that acknowledge the
    /// customer without solving anything yet, so the session goes on rather than resolving or escalating. It stops
    /// early if the customer resolves, escalates or leaves anyway.
    /// </summary>
    public static async Task<PracticeSession> PlayAsync(BenchData data, int turns, int seed = 7)
    {
        var session = new PracticeSession(Persona(data), data.Engines, TimeProvider.System, seed);
        session.Start(Start);
        for (var i = 0; i < turns && !session.IsOver; i++)
        {
            await session.ReplyAfterAsync(Holding[i % Holding.Length], TimeSpan.FromSeconds(20));
        }

        return session;
    }

    private static readonly string[] Holding =
    [
        "您好，已收到您的消息，我正在帮您查询订单情况，请稍等。",
        "明白您的意思，我这边还在核实，请您稍等一下。",
        "收到，我再帮您确认一下相关信息。",
    ];
}
