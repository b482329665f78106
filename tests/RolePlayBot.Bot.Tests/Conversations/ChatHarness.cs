using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RolePlayBot.Bot.Channels;
using RolePlayBot.Bot.Conversations.Chasers;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Turns;
using RolePlayBot.Core.Personas;

namespace RolePlayBot.Bot.Tests.Conversations;

/// <summary>
/// The real host's services (shipped personas, offline engine) with a recording channel and a manual clock; the
/// chaser loop is off and ticked by hand. Sends activities straight to the turn handler, as the activity processor would.
/// </summary>
internal sealed class ChatHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 18, 6, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _factory;
    private int _ids;

    public ChatHarness(string channelId = "webchat", string locale = "zh-CN", Action<IServiceCollection>? services = null, Dictionary<string, string>? settings = null)
    {
        ChannelId = channelId;
        Locale = locale;
        ConversationId = $"conv-{Guid.NewGuid():n}";
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Conversations:ChaserIntervalSeconds", "0");
            foreach (var (key, value) in settings ?? [])
            {
                web.UseSetting(key, value);
            }

            web.ConfigureServices(collection =>
            {
                collection.AddSingleton<TimeProvider>(Time);
                collection.AddSingleton<IChannelSender>(Sender);
                services?.Invoke(collection);
            });
        });
        Handler = _factory.Services.GetRequiredService<ITurnHandler>();
        Chaser = _factory.Services.GetRequiredService<ChaserService>();
        Personas = _factory.Services.GetRequiredService<PersonaCatalog>();
    }

    public ManualTime Time { get; } = new(Start);
    public IServiceProvider Services => _factory.Services;

    public WebApplicationFactory<Program> Factory => _factory;
    public RecordingChannelSender Sender { get; } = new();
    public ITurnHandler Handler { get; }
    public ChaserService Chaser { get; }
    public PersonaCatalog Personas { get; }
    public string ChannelId { get; }
    public string Locale { get; set; }
    public string ConversationId { get; }

    /// <summary>The user's channel id (sessions are stored under it); unique per test where assignments are involved.</summary>
    public string UserId { get; set; } = "user-1";
    public string BotId => ChannelId == "msteams" ? "28:app-id" : "bot";

    /// <summary>Everything the bot sent since <paramref name="from"/>.</summary>
    public IReadOnlyList<Activity> SentSince(int from) => Sender.Sent.Skip(from).Select(s => s.Activity).ToList();

    public int Mark => Sender.Sent.Count;

    /// <summary>Sends one activity and returns what the bot sent in answer, plus the invoke response.</summary>
    public async Task<(IReadOnlyList<Activity> Replies, InvokeResponse? Invoke)> SendAsync(Activity activity)
    {
        var mark = Mark;
        var invoke = await Handler.OnTurnAsync(new TurnContext(activity, Sender));
        return (SentSince(mark), invoke);
    }

    public async Task<IReadOnlyList<Activity>> SayAsync(string text, DateTimeOffset? at = null) =>
        (await SendAsync(Activity(ActivityTypes.Message, a =>
        {
            a.Text = text;
            a.Timestamp = at ?? Time.GetUtcNow();
        }))).Replies;

    /// <summary>A Web Chat postBack: an Action.Submit's data as the message value, no text.</summary>
    public async Task<IReadOnlyList<Activity>> SubmitAsync(string json) =>
        (await SendAsync(Activity(ActivityTypes.Message, a =>
        {
            a.Value = JsonDocument.Parse(json).RootElement.Clone();
            a.ChannelData = JsonDocument.Parse("""{"postBack":true,"clientActivityID":"c1"}""").RootElement.Clone();
        }))).Replies;

    public Activity Activity(string type, Action<Activity>? configure = null)
    {
        var activity = new Activity
        {
            Type = type,
            Id = $"in-{++_ids}",
            Timestamp = Time.GetUtcNow(),
            ChannelId = ChannelId,
            ServiceUrl = "https://example.test/",
            From = new ChannelAccount { Id = UserId, Name = "Ada", Role = "user" },
            Recipient = new ChannelAccount { Id = BotId, Name = "RolePlayBot" },
            Conversation = new ConversationAccount { Id = ConversationId, ConversationType = "personal" },
            Locale = Locale,
        };
        configure?.Invoke(activity);
        return activity;
    }

    public void Dispose() => _factory.Dispose();
}
