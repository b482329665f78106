using RolePlayBot.Bot.Tests.Conversations;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Persistence;

/// <summary>Nothing is lost across a restart: a second host on the same SQLite file continues the session word for word.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_restarted_bot_continues_the_same_session_as_if_it_had_never_stopped()
    {
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        var trainee = new Trainee(time);
        string sessionId;
        await using (var first = new BotInstance(db.Options, time))
        {
            await first.SendAsync(trainee.Says(Script.Start));
            time.Advance(TimeSpan.FromSeconds(20));
            await first.SendAsync(trainee.Says(Script.Replies[0]));
            sessionId = Assert.Single(await first.Store.SessionsAsync(new SessionQuery())).Id;
        }

        time.Advance(TimeSpan.FromSeconds(25));
        var afterRestart = new RecordingChannelSender();
        await using var second = new BotInstance(db.Options, time, afterRestart);
        await second.SendAsync(trainee.Says(Script.Replies[1]));

        var session = Assert.Single(await second.Store.SessionsAsync(new SessionQuery()));
        Assert.Equal(sessionId, session.Id);
        Assert.Equal(("aad-ada", "Ada", "offline", "practice", 2), (session.TraineeId, session.TraineeName, session.Engine, session.Mode, session.TurnCount));
        var turns = await second.Store.TurnsAsync(sessionId);
        Assert.Equal([1, 2], turns.Select(t => t.Index));
        Assert.Equal([Script.Replies[0], Script.Replies[1]], turns.Select(t => t.TraineeText));
        Assert.Equal(turns[0].CustomerReply, turns[1].CustomerText);
        Assert.Equal(25, turns[1].ReplySeconds, precision: 3);

        // The same conversation on one host that never stopped says exactly the same.
        using var straightDb = new TempSqlite();
        var straightTime = new ManualTime(ChatHarness.Start);
        var straightTrainee = new Trainee(straightTime);
        var straight = new RecordingChannelSender();
        await using var uninterrupted = new BotInstance(straightDb.Options, straightTime, straight);
        await uninterrupted.SendAsync(straightTrainee.Says(Script.Start));
        straightTime.Advance(TimeSpan.FromSeconds(20));
        await uninterrupted.SendAsync(straightTrainee.Says(Script.Replies[0]));
        straightTime.Advance(TimeSpan.FromSeconds(25));
        var mark = straight.Sent.Count;
        await uninterrupted.SendAsync(straightTrainee.Says(Script.Replies[1]));

        Assert.NotEmpty(afterRestart.Sent);
        Assert.Equal(Bodies(straight.Sent.Skip(mark)), Bodies(afterRestart.Sent));
        var straightTurns = await uninterrupted.Store.TurnsAsync(Assert.Single(await uninterrupted.Store.SessionsAsync(new SessionQuery())).Id);
        Assert.Equal(straightTurns.Select(t => (t.CustomerReply, t.AngerAfter, t.PatienceAfter, t.ObservationsJson)),
            turns.Select(t => (t.CustomerReply, t.AngerAfter, t.PatienceAfter, t.ObservationsJson)));
    }

    [Fact]
    public async Task A_session_whose_persona_file_is_gone_after_the_restart_is_closed_with_a_word_to_the_trainee()
    {
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        var trainee = new Trainee(time);
        var personas = Directory.CreateTempSubdirectory("rpb-personas-");
        try
        {
            await using (var first = new BotInstance(db.Options, time))
            {
                await first.SendAsync(trainee.Says(Script.Start));
                var shipped = first.PracticeFiles.PersonasPath;
                foreach (var file in Directory.GetFiles(shipped).Where(f => !Path.GetFileName(f).StartsWith("allergy-complaint", StringComparison.Ordinal)))
                {
                    File.Copy(file, Path.Combine(personas.FullName, Path.GetFileName(file)));
                }
            }

            var sender = new RecordingChannelSender();
            await using var second = new BotInstance(db.Options, time, sender, settings: new Dictionary<string, string?> { ["Personas:Path"] = personas.FullName });
            await second.SendAsync(trainee.Says(Script.Replies[0]));

            var texts = Sent.Texts(sender.Sent.Select(s => s.Activity));
            Assert.Contains("上一场练习无法继续", texts[0]);
            Assert.Contains(texts, t => t.Contains("没有进行中的练习", StringComparison.Ordinal));
            Assert.Empty(await second.Store.RunningConversationsAsync());

            await second.SendAsync(trainee.Says("start wrong-item"));
            Assert.Contains(await second.Store.RunningConversationsAsync(), running => running.Key == trainee.Key);
        }
        finally
        {
            personas.Delete(recursive: true);
        }
    }

    private static List<string> Bodies(IEnumerable<(Protocol.ConversationReference Reference, Protocol.Activity Activity)> sent) =>
        sent.Select(s => s.Activity.Text ?? string.Join('\n', Sent.Cards([s.Activity]).Select(Sent.CardText))).ToList();
}
