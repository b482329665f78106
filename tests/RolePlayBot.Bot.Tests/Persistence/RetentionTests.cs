using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Tests.Conversations;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Tests.Persistence;

/// <summary>The database stops growing with every turn: what is kept only for a while is swept after the retention window.</summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task Sent_replies_and_handled_ids_last_the_retention_window_then_go_while_the_training_records_stay()
    {
        using var db = new TempSqlite();
        var time = new ManualTime(ChatHarness.Start);
        var trainee = new Trainee(time);
        var sender = new RecordingChannelSender();
        await using var bot = new BotInstance(db.Options, time, sender, settings: new Dictionary<string, string?> { ["Storage:RetentionHours"] = "2" });
        await bot.SendAsync(trainee.Says(Script.Start));
        time.Advance(TimeSpan.FromSeconds(20));
        var reply = trainee.Says(Script.Replies[0]);
        await bot.SendAsync(reply);
        var sent = sender.Sent.Count;

        // Within the window a redelivery is still recognised and nothing is swept.
        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new PrunedRows(0, 0), await bot.Pruner.SweepAsync());
        await bot.SendAsync(reply);
        Assert.Equal(sent, sender.Sent.Count);

        time.Advance(TimeSpan.FromHours(1.5));
        var pruned = await bot.Pruner.SweepAsync();

        Assert.Equal(new PrunedRows(sent, 2), pruned);
        Assert.Equal((0L, 0L), (await CountAsync(db, "outbox"), await CountAsync(db, "processed_activities")));
        var session = Assert.Single(await bot.Store.SessionsAsync(new SessionQuery()));
        Assert.Single(await bot.Store.TurnsAsync(session.Id));
        Assert.NotNull(await bot.Store.FindConversationAsync(trainee.Key));
    }

    [Theory]
    [InlineData("Storage:RetentionHours", "0.5", "RetentionHours")]
    [InlineData("Storage:PruneIntervalMinutes", "-1", "PruneIntervalMinutes")]
    public void The_host_refuses_to_start_with_a_retention_too_short_for_redeliveries(string key, string value, string named)
    {
        var error = Support.StartFailure.Of(new() { ["MicrosoftAppId"] = "", [key] = value });

        Assert.Contains(named, error.Message);
    }

    private static async Task<long> CountAsync(TempSqlite db, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={db.Path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
