using RolePlayBot.Storage;

namespace RolePlayBot.Storage.Tests;

/// <summary>Records for the tests: whole-millisecond times (PostgreSQL keeps microseconds), Chinese text, emoji and JSON.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 8, 0, 0, 123, TimeSpan.Zero);

    public static SessionRecord Session(
        string id = "s1", string conversation = "c1", string trainee = "t1", string persona = "allergy",
        DateTimeOffset? started = null, string traineeName = "王小明") => new(
        id, conversation, trainee, traineeName, persona, "zh-CN", "5f2c9a0e" + id, "offline", "practice",
        started ?? T0, null, "running", 0, null, null, null, null, null);

    public static SessionRecord Ended(SessionRecord session, int turns) => session with
    {
        EndedAt = session.StartedAt.AddMinutes(7).AddMilliseconds(456),
        Outcome = "resolved",
        TurnCount = turns,
        Speed = 4,
        Detail = 3,
        Emotion = 5,
        Overall = 4,
        ScorecardJson = """{"overall":4,"notes":["回复及时 👍","记得致歉"]}""",
    };

    public static TurnRecord Turn(string session, int index) => new(
        session, index,
        CustomerText: "我对花生过敏，你们的饼干到底有没有花生？😡",
        TraineeText: $"非常抱歉给您带来困扰！我马上为您查询配料表 🙏 (#{index})",
        CustomerAt: T0.AddSeconds(30 * index),
        RepliedAt: T0.AddSeconds((30 * index) + 12).AddMilliseconds(345),
        ReplySeconds: 12.345 + index,
        AngerBefore: 7, PatienceBefore: 3, AngerAfter: 5, PatienceAfter: 4,
        ObservationsJson: """[{"id":"apology","observed":true,"evidence":"非常抱歉","source":"rules"},{"id":"emoji","observed":false,"evidence":null,"source":"judge"}]""",
        Speed: 4, Detail: 3, Emotion: 5,
        Critique: "先致歉很好；请给出具体的配料信息。",
        SuggestedReply: index % 2 == 0 ? "您好，这款饼干不含花生，但生产线……" : null,
        CustomerReply: "好吧，那你快点查。",
        CustomerSource: index % 2 == 0 ? "scripted" : null);

    public static ConversationCommit Commit(
        string key, long expected, string? activity, string state = """{"step":1}""", bool running = true,
        SessionRecord? session = null, IReadOnlyList<TurnRecord>? turns = null, IReadOnlyList<OutboxDraft>? outbox = null,
        DateTimeOffset? at = null) =>
        new(key, expected, state, running, activity, session, turns ?? [], outbox ?? [], at ?? T0);

    public static OutboxDraft Reply(string text) => new(
        """{"conversation":{"id":"a:1"},"serviceUrl":"https://smba.trafficmanager.net/cn/"}""",
        $$"""{"type":"message","text":"{{text}}"}""");
}
