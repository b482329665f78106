using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Reports;
using RolePlayBot.Core.Sessions;

namespace RolePlayBot.Benchmarks;

/// <summary>
/// What the bot does with a session in one offline turn, apart from HTTP and the database: read the stored snapshot,
/// restore the session, evaluate the reply, move the mood, let the scripted customer answer, and store the snapshot
/// again. MemoryDiagnoser shows what a turn allocates as the session grows.
/// </summary>
[MemoryDiagnoser]
public class SessionTurnBenchmarks
{
    private BenchData data = null!;
    private Persona persona = null!;
    private string stored = "";
    private string reply = "";

    /// <summary>Turns already in the session (its stored snapshot carries every earlier turn).</summary>
    [Params(1, 4, 7)]
    public int PriorTurns { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        data = BenchData.Instance;
        persona = SessionBuilder.Persona(data);
        var session = await SessionBuilder.PlayAsync(data, PriorTurns);
        if (session.IsOver || session.Turns.Count != PriorTurns)
        {
            throw new InvalidOperationException($"the session ended after {session.Turns.Count} turns; pick other replies");
        }

        stored = JsonSerializer.Serialize(session.Snapshot(), RpbJson.Compact);
        reply = "您好，非常抱歉给您带来困扰，我马上为您核实订单，30分钟内给您回复处理方案。";
    }

    [Benchmark]
    public async Task<int> OfflineTurn()
    {
        var snapshot = JsonSerializer.Deserialize<SessionSnapshot>(stored, RpbJson.Compact)!;
        var session = PracticeSession.Restore(snapshot, persona, data.Engines, TimeProvider.System);
        await session.ReplyAfterAsync(reply, TimeSpan.FromSeconds(30));
        return JsonSerializer.Serialize(session.Snapshot(), RpbJson.Compact).Length;
    }
}
