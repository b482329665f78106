using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Turns;

namespace RolePlayBot.Bot.Conversations;

/// <summary>
/// Turns chat activities into practice: the welcome when someone joins (or Web Chat's <c>webchat/join</c>),
/// typed commands and card submits, the trainee's replies while a session runs, and Action.Execute invokes.
/// One conversation at a time: the turn holds the conversation's lock from loading its state to saving it.
/// </summary>
public sealed class PracticeTurnHandler(
    PracticeConversation practice,
    IConversationStateStore store,
    ConversationLocks locks,
    IOptions<ConversationOptions> options,
    ILogger<PracticeTurnHandler> log) : ITurnHandler
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string WebChatJoin = "webchat/join";

    public async Task<InvokeResponse?> OnTurnAsync(TurnContext context, CancellationToken cancellationToken = default)
    {
        var activity = context.Activity;
        if (activity.Type == ActivityTypes.Invoke && activity.Name != AdaptiveCardAction)
        {
            return new InvokeResponse(501, null);
        }

        if (!IsWelcome(activity) && activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke))
        {
            return null;
        }

        var reference = context.Reference;
        using var held = await locks.AcquireAsync(reference.Key, cancellationToken);
        var state = await store.FindAsync(reference.Key, cancellationToken) ?? new ConversationState(reference.Key, reference);
        state.Reference = reference;
        state.Locale = ActivityLocale.Of(activity, state.Locale);
        var outbox = Outbox.ForTurn(context, options.Value.RendersCards(activity.ChannelId));
        try
        {
            return await DispatchAsync(context, state, outbox, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Turn failed in {Conversation}", reference.Key);
            var zh = Core.Locales.IsChinese(state.Locale);
            var message = zh ? "抱歉，处理这条消息时出错了。请再试一次，或输入 `结束` 查看成绩单。" : "Sorry, something went wrong with that message. Try again, or type `end` for the scorecard.";
            if (activity.Type == ActivityTypes.Invoke)
            {
                return Error(500, "InternalError", message);
            }

            await outbox.TextAsync(message, cancellationToken);
            return null;
        }
        finally
        {
            await store.SaveAsync(state, cancellationToken);
        }
    }

    private async Task<InvokeResponse?> DispatchAsync(TurnContext context, ConversationState state, Outbox outbox, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        if (activity.Type == ActivityTypes.Invoke)
        {
            return await InvokeAsync(activity, state, outbox, cancellationToken);
        }

        if (activity.Type != ActivityTypes.Message)
        {
            if (!state.Welcomed)
            {
                await practice.WelcomeAsync(state, outbox, cancellationToken);
            }

            return null;
        }

        if (SubmitParser.IsOurs(activity.Value))
        {
            var submitted = SubmitParser.FromSubmit(activity.Value!.Value);
            var result = submitted is null
                ? ActionResult.Failed(BotTexts.BadSubmit(Core.Locales.IsChinese(state.Locale)))
                : await practice.RunAsync(state, submitted, outbox, cancellationToken);
            await ReportFailureAsync(result, outbox, cancellationToken);
            return null;
        }

        var text = InboundText.Of(activity);
        if (text.Length == 0)
        {
            if (activity.Value is { ValueKind: JsonValueKind.Object })
            {
                await outbox.TextAsync(BotTexts.BadSubmit(Core.Locales.IsChinese(state.Locale)), cancellationToken);
            }

            return null;
        }

        var command = CommandParser.Parse(text);
        var outcome = command is not null
            ? await practice.RunAsync(state, command, outbox, cancellationToken)
            : state.IsPractising
                ? await practice.ReplyAsync(state, text, activity.Timestamp, outbox, cancellationToken)
                : ActionResult.Failed(BotTexts.NoSession(Core.Locales.IsChinese(state.Locale)));
        await ReportFailureAsync(outcome, outbox, cancellationToken);
        return null;
    }

    /// <summary>Action.Execute: do what the button says, then answer the invoke with HTTP 200 and the real status in the body (§4.4).</summary>
    private async Task<InvokeResponse> InvokeAsync(Activity activity, ConversationState state, Outbox outbox, CancellationToken cancellationToken)
    {
        var command = SubmitParser.FromInvoke(activity.Value);
        if (command is null)
        {
            return Error(400, "BadRequest", BotTexts.BadSubmit(Core.Locales.IsChinese(state.Locale)));
        }

        var result = await practice.RunAsync(state, command, outbox, cancellationToken);
        return result.Ok
            ? new InvokeResponse(200, new JsonObject
            {
                ["statusCode"] = 200,
                ["type"] = "application/vnd.microsoft.activity.message",
                ["value"] = result.Message,
            })
            : Error(400, "BadRequest", result.Message);
    }

    private static InvokeResponse Error(int statusCode, string code, string message) =>
        new(200, new JsonObject
        {
            ["statusCode"] = statusCode,
            ["type"] = "application/vnd.microsoft.error",
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        });

    private static async Task ReportFailureAsync(ActionResult result, Outbox outbox, CancellationToken cancellationToken)
    {
        if (!result.Ok)
        {
            await outbox.TextAsync(result.Message, cancellationToken);
        }
    }

    /// <summary>
    /// Someone new is here: a user joined, the bot was added to a personal chat, the app was installed, or Web
    /// Chat connected. Adding the bot to a team or group chat is not a welcome: nobody asked to practise yet.
    /// </summary>
    private static bool IsWelcome(Activity activity) => activity.Type switch
    {
        ActivityTypes.ConversationUpdate => activity.MembersAdded?.Any(m =>
            m.Id != activity.Recipient?.Id || string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.Ordinal)) == true,
        ActivityTypes.InstallationUpdate => activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true,
        ActivityTypes.Event => activity.Name == WebChatJoin,
        _ => false,
    };
}
