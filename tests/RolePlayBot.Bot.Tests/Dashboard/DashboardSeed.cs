using System.Text.Json;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Core.Reports;
using RolePlayBot.Core.Scoring;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Dashboard;

/// <summary>
/// Two trainees and five sessions written through <see cref="ITrainingStore.CommitAsync"/> into a real SQLite file,
/// the way the bot writes them. Times are China time, as trainers read them.
/// </summary>
internal static class DashboardSeed
{
    public const string TraineeA = "trainee-a";
    public const string TraineeB = "trainee-b";
    public const string Trainer = "trainer-1";
    public const string NameA = "王小明";
    public const string NameB = "李娜";
    public const string Allergy = "allergy-complaint";
    public const string Late = "late-delivery";
    public const string Xss = "<script>alert('x')</script>";

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static readonly IReadOnlyList<SeedSession> Sessions =
    [
        new("s-a1", TraineeA, NameA, Allergy, new DateTimeOffset(2026, 3, 2, 10, 0, 0, China), "escalated", [40, 50, 30, 38],
            [
                new(12, 60, 50, 70, 40, [("apology", "非常抱歉", "rules"), ("cold_tone", "规定就是这样", "llm")]),
                // The model was down for this one: the rules alone judged it and the offline engine answered.
                new(45, 70, 40, 85, 25, [("cold_tone", "您自己看", "rules")], JudgeSource: JudgeSources.Fallback, CustomerSource: "fallback"),
                new(200, 85, 25, 95, 10, [("impatience", "我都说了多少遍", "llm")]),
            ]),
        new("s-a2", TraineeA, NameA, Late, new DateTimeOffset(2026, 3, 5, 15, 30, 0, China), "resolved", [70, 80, 75, 75],
            [
                new(20, 50, 60, 30, 70, [("acknowledge_receipt", "已收到您的反馈", "rules"), ("time_commitment", "20分钟内", "rules")]),
                new(35, 30, 70, 10, 80, [("concrete_solution", "补偿您10元", "llm"), ("follow_up_care", "到账后我再提醒您", "rules")]),
            ]),
        new("s-a3", TraineeA, NameA, Allergy, new DateTimeOffset(2026, 3, 9, 9, 0, 0, China), "ongoing", null,
            [
                new(8, 60, 50, 55, 50, [("apology", "抱歉", "rules")]),
            ]),
        new("s-b1", TraineeB, NameB, Allergy, new DateTimeOffset(2026, 3, 3, 11, 0, 0, China), "escalated", [30, 40, 20, 28],
            [
                new(90, 60, 50, 80, 30, [("cold_tone", "哦", "rules")], Xss + " 语气冷淡"),
                new(400, 80, 30, 100, 0, [("blame_shifting", "快递的问题我们管不了", "llm")]),
            ]),
        new("s-b2", TraineeB, NameB, Late, new DateTimeOffset(2026, 3, 10, 14, 0, 0, China), "resolved", [85, 90, 88, 88],
            [
                new(10, 50, 60, 35, 70, [("acknowledge_emotion", "等了这么久一定很着急", "llm")]),
                new(25, 35, 70, 15, 85, [("clear_information", "明天上午送达", "rules")]),
            ]),
    ];

    public static int TotalTurns => Sessions.Sum(s => s.Turns.Count);

    public static Task<ITrainingStore> CreateStoreAsync(string path) => CreateStoreAsync(new StorageOptions { ConnectionString = path });

    public static async Task<ITrainingStore> CreateStoreAsync(StorageOptions storage)
    {
        var store = TrainingStoreFactory.Create(storage);
        await store.MigrateAsync();
        foreach (var session in Sessions)
        {
            var record = session.Record();
            await store.CommitAsync(new ConversationCommit(
                "webchat:" + session.Id, 0, "{}", session.Scores is null, "act-" + session.Id, record, session.TurnRecords(), [], record.EndedAt ?? record.StartedAt));
        }

        return store;
    }

    public static SeedSession Get(string id) => Sessions.Single(s => s.Id == id);
}

internal sealed record SeedTurn(
    double ReplySeconds, int AngerBefore, int PatienceBefore, int AngerAfter, int PatienceAfter, IReadOnlyList<(string Id, string Evidence, string Source)> Observed,
    string? Critique = null, string? JudgeSource = null, string CustomerSource = "scripted");

internal sealed record SeedSession(string Id, string TraineeId, string Name, string PersonaId, DateTimeOffset StartedAt, string Outcome, int[]? Scores, IReadOnlyList<SeedTurn> Turns)
{
    public SessionRecord Record()
    {
        var ended = Scores is null ? (DateTimeOffset?)null : StartedAt.AddMinutes(8);
        return new SessionRecord(
            Id, "webchat:" + Id, TraineeId, Name, PersonaId, "zh-CN", "sha-" + PersonaId, "offline", "practice",
            StartedAt, ended, Outcome, Turns.Count, Scores?[0], Scores?[1], Scores?[2], Scores?[3], Scores is null ? null : ScorecardJson());
    }

    public IReadOnlyList<TurnRecord> TurnRecords() => Turns.Select((t, i) =>
    {
        var index = i + 1;
        var customerAt = StartedAt.AddMinutes(index);
        var observations = ChecklistItemIds.All.Select(id =>
        {
            var hit = t.Observed.FirstOrDefault(o => o.Id == id);
            return hit.Id is null ? new Observation(id, false, null, "rules") : new Observation(id, true, hit.Evidence, hit.Source);
        }).ToList();
        return new TurnRecord(
            Id, index, $"顾客第{index}句：我的订单怎么回事？", $"学员第{index}句回复：{string.Join("，", t.Observed.Select(o => o.Evidence))}",
            customerAt, customerAt.AddSeconds(t.ReplySeconds), t.ReplySeconds, t.AngerBefore, t.PatienceBefore, t.AngerAfter, t.PatienceAfter,
            JsonSerializer.Serialize(observations, RpbJson.Compact), 60, 50, 40, t.Critique ?? $"第{index}轮：先共情，再给出具体时间。",
            index % 2 == 1 ? "亲，非常抱歉让您久等了，我20分钟内给您答复。" : null, index == Turns.Count ? "好吧，我再等等。" : null, t.CustomerSource, t.JudgeSource);
    }).ToList();

    private string ScorecardJson()
    {
        var card = new Scorecard(
            PersonaId, "zh-CN", Outcome == "escalated" ? Core.Sessions.Outcome.Escalated : Core.Sessions.Outcome.Resolved, Turns.Count,
            new DimensionScores(Scores![0], Scores[1], Scores[2]), Scores[3],
            [new ViewScore(EmotionView.Regulation, "情绪调控力", 55, ["impatience", "cold_tone"])],
            [new Strength("apology", "真诚道歉", 1, "非常抱歉")],
            [new Improvement("item", "time_commitment", 2, "给出具体时限", null, "我20分钟内给您答复")],
            [], Turns.Select((t, i) => new TurnTime(i + 1, t.ReplySeconds)).ToList(), 30);
        return JsonSerializer.Serialize(card, RpbJson.Options);
    }
}
