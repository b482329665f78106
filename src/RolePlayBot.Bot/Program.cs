using RolePlayBot.Bot.BotFramework;
using RolePlayBot.Bot.Conversations;
using RolePlayBot.Bot.Dashboard;
using RolePlayBot.Bot.DirectLine;
using RolePlayBot.Bot.Hosting;
using RolePlayBot.Bot.Storage;

// Where a trainee's message goes: channel adapter (Bot Framework /api/messages, embedded Direct Line)
// → turn handler (Conversations) → practice session (Core) → customer engine + evaluator → storage → reply.
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPracticeEngine();
    builder.AddBotFramework();
    builder.AddTrainingStore();
    builder.AddPracticeConversations();
    builder.AddDirectLine();
    builder.AddDashboard();

    var app = builder.Build();
    app.MapBotFramework();
    app.MapDirectLine();
    app.MapWebChat();
    app.MapDashboard();
    app.Run();
    return 0;
}
catch (Exception e) when (StartupErrors.Explain(e) is { } problem && StartupErrors.IsOwnProcess(typeof(Program).Assembly))
{
    // A broken checklist, prompt or setting: the last line says which file, line and field (or setting) to fix.
    Console.Error.WriteLine($"error: {problem}");
    return 2;
}

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
