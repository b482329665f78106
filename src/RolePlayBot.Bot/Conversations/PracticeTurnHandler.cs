using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Bot.Conversations.Streaming;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Bot.Storage;
using RolePlayBot.Bot.Turns;
using RolePlayBot.Storage;

namespace RolePlayBot.Bot.Conversations;

/// <summary>
/// Turns chat activities into practice: the welcome when someone joins (or Web Chat's <c>webchat/join</c>),
/// typed commands and card submits, the trainee's replies while a session runs, and Action.Execute invokes.
/// </summary>
/// <remarks>
/// A turn is all or nothing: it loads the conversation with its version, runs with its replies held back, then
/// commits the new state, the handled activity id, the session and turn records and the replies together, and only
/// then sends the replies. An activity already handled (a redelivery, or another instance got it too) does nothing;
/// a commit that lost a race to another instance runs the turn again on the fresh state, its held replies discarded.
/// The in-process lock only saves such reruns; correctness across instances comes from the version check.
/// </remarks>
public sealed class PracticeTurnHandler(
    PracticeConversation practice,
    ConversationJournal journal,
    ConversationLocks locks,
    IOptions<ConversationOptions> options,
    ILogger<PracticeTurnHandler> log) : ITurnHandler
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string WebChatJoin = "webchat/join";

    /// <summary>Runs of one turn before a conflict is given up on (each loses only to a commit that just happened).</summary>
    public const int MaxAttempts = 5;

    /// <summary>How long a turn stopped before its commit may take to tell the trainee (its own token is already cancelled).</summary>
    private static readonly TimeSpan InterruptedNoteBudget = TimeSpan.FromSeconds(3);

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

        var key = context.Reference.Key;
        var activityId = string.IsNullOrEmpty(activity.Id) ? null : activity.Id;
        IReadOnlyList<OpenStream> leftOpen = [];
        Outbox? outbox = null;
        var locale = activity.Locale;
        var committed = false;
        try
        {
            using var held = await locks.AcquireAsync(key, cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                outbox = null;
                if (await journal.LoadForTurnAsync(context.Reference, activityId, cancellationToken) is not { } loaded)
                {
                    log.LogInformation("Activity {Id} in {Conversation} was already handled", activityId, key);
                    await EndAbandonedAsync(context, leftOpen, BotTexts.StreamInterrupted(Core.Locales.IsChinese(activity.Locale)), cancellationToken);
                    return AlreadyHandled(activity);
                }

                locale = ActivityLocale.Of(activity, loaded.State.Locale);
                outbox = Outbox.ForTurn(context, options.Value.RendersCards(activity.ChannelId), leftOpen);
                (var state, var before, outbox, var response) = await RunAsync(context, loaded, outbox, cancellationToken);
                var note = BotTexts.StreamInterrupted(Core.Locales.IsChinese(state.Locale));
                try
                {
                    outbox.CloseLeftOpen(note);
                    var batch = await journal.CommitAsync(loaded, state, before, activityId, outbox, cancellationToken);
                    // From here the replies are the outbox drainer's to send should this process stop.
                    committed = true;
                    await journal.SendAsync(key, batch, cancellationToken);
                    return response;
                }
                catch (DuplicateActivityException)
                {
                    log.LogInformation("Activity {Id} in {Conversation} was handled elsewhere meanwhile", activityId, key);
                    await EndAbandonedAsync(context, outbox!.Abandon(), note, cancellationToken);
                    return AlreadyHandled(activity);
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    // Whatever this attempt streamed stays on screen until the next attempt's message closes it.
                    leftOpen = outbox!.Abandon();
                    log.LogInformation("{Conversation} changed during the turn (attempt {Attempt}); running it again", key, attempt);
                }
                catch (ConcurrencyConflictException)
                {
                    await EndAbandonedAsync(context, outbox!.Abandon(), note, cancellationToken);
                    throw;
                }
                catch (Exception e) when (e is not (OperationCanceledException or DuplicateActivityException))
                {
                    // The commit failed (the channel will deliver the activity again and that turn answers anew).
                    await EndAbandonedAsync(context, outbox!.Abandon(), note, cancellationToken);
                    throw;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !committed)
        {
            // Stopped before the commit (the bot is shutting down, or an invoke ran out of time): nothing of the turn
            // is stored, so the trainee is told to send it again, in the bubble a stream left open if there is one.
            await EndInterruptedAsync(context, outbox?.Abandon() ?? leftOpen, locale);
            throw;
        }
    }

    /// <summary>
    /// Tells the trainee a message was not handled because the turn was stopped before its commit: the note closes each
    /// stream the turn left open, or goes on its own when none was (not for invokes, whose answer says it). Gets a few
    /// seconds of its own, as the turn's token is already cancelled; a channel refusing it is only logged.
    /// </summary>
    private async Task EndInterruptedAsync(TurnContext context, IReadOnlyList<OpenStream> open, string? locale)
    {
        var zh = Core.Locales.IsChinese(locale);
        var isMessage = context.Activity.Type == ActivityTypes.Message;
        var note = isMessage ? BotTexts.TurnInterrupted(zh) : BotTexts.StreamInterrupted(zh);
        using var budget = new CancellationTokenSource(InterruptedNoteBudget);
        if (open.Count > 0)
        {
            await EndAbandonedAsync(context, open, note, budget.Token);
            return;
        }

        if (!isMessage)
        {
            return;
        }

        try
        {
            await context.SendAsync(new Activity { Type = ActivityTypes.Message, Text = note, TextFormat = "markdown" }, budget.Token);
        }
        catch (Exception e)
        {
            log.LogWarning("The trainee in {Conversation} could not be told the message was not handled: {Error}", context.Reference.Key, e.Message);
        }
    }

    /// <summary>
    /// Ends the streams this activity's attempts left open when nothing of the turn will be said (another instance
    /// handled the activity, the conflicts went on, the commit failed, or the turn was stopped): a short note becomes
    /// each one's final message, sent at once after its last chunk — it promises nothing, like the chunks. A channel
    /// refusing it is only logged.
    /// </summary>
    private async Task EndAbandonedAsync(TurnContext context, IReadOnlyList<OpenStream> open, string text, CancellationToken cancellationToken)
    {
        foreach (var stream in open)
        {
            await stream.Settled;
            var note = new Activity
            {
                Type = ActivityTypes.Message,
                Id = stream.Id,
                Text = text,
                TextFormat = "markdown",
            };
            StreamInfo.Mark(note, stream.Id, StreamInfo.Final, sequence: null);
            try
            {
                await context.SendAsync(note, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("The interrupted stream {Stream} in {Conversation} could not be ended: {Error}", stream.Id, context.Reference.Key, e.Message);
            }
        }
    }

    /// <summary>Runs the turn on a freshly loaded state. A turn that throws is rolled back to the loaded state plus an apology.</summary>
    private async Task<(ConversationState State, SessionTrack Before, Outbox Outbox, InvokeResponse? Response)> RunAsync(
        TurnContext context, LoadedConversation loaded, Outbox outbox, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        var state = Prepare(loaded.State, context);
        var before = SessionTrack.Before(state);
        try
        {
            if (loaded.LostSession is not null)
            {
                await outbox.TextAsync(BotTexts.SessionLost(Core.Locales.IsChinese(loaded.LostSession.PersonaLocale)), cancellationToken);
            }

            var response = await DispatchAsync(context, state, outbox, cancellationToken);
            if (state.Session is { } session && !ReferenceEquals(session, before.Session))
            {
                state.TraineeId = state.UserId;
                state.TraineeName = state.UserName;
            }

            return (state, before, outbox, response);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Turn failed in {Conversation}", state.Key);
            // The state may be half changed: commit the stored one as it was, with only the apology.
            state = Prepare(await journal.RereadAsync(loaded, context.Reference, cancellationToken), context);
            before = SessionTrack.Before(state);
            // The apology closes any stream the failed attempt began.
            outbox = Outbox.ForTurn(context, options.Value.RendersCards(activity.ChannelId), outbox.Abandon());
            var zh = Core.Locales.IsChinese(state.Locale);
            var message = zh ? "抱歉，处理这条消息时出错了。请再试一次，或输入 `结束` 查看成绩单。" : "Sorry, something went wrong with that message. Try again, or type `end` for the scorecard.";
            if (activity.Type == ActivityTypes.Invoke)
            {
                return (state, before, outbox, Error(500, "InternalError", message));
            }

            await outbox.TextAsync(message, cancellationToken);
            return (state, before, outbox, null);
        }
    }

    private static ConversationState Prepare(ConversationState state, TurnContext context)
    {
        state.Reference = context.Reference;
        state.Locale = ActivityLocale.Of(context.Activity, state.Locale);

        // The id sessions are stored under: the Entra object id in Teams, else the channel's user id.
        var from = context.Activity.From;
        state.UserId = from?.AadObjectId is { Length: > 0 } aad ? aad : from?.Id;
        state.UserName = from?.Name;
        return state;
    }

    /// <summary>A redelivered activity: nothing to say again; an invoke still gets a well-formed answer.</summary>
    private static InvokeResponse? AlreadyHandled(Activity activity) =>
        activity.Type == ActivityTypes.Invoke
            ? new InvokeResponse(200, new JsonObject
            {
                ["statusCode"] = 200,
                ["type"] = "application/vnd.microsoft.activity.message",
                ["value"] = "",
            })
            : null;

    private async Task<InvokeResponse?> DispatchAsync(TurnContext context, ConversationState state, Outbox outbox, CancellationToken cancellationToken)
    {
        var activity = context.Activity;
        if (activity.Type == ActivityTypes.Invoke)
        {
            return await InvokeAsync(activity, state, outbox, cancellationToken);
        }

        if (activity.Type != ActivityTypes.Message)
        {
            if (BotJoined(activity) && state.Session is { IsOver: false })
            {
                // A conversation started afresh around a session still running: nothing of it is on screen. The
                // embedded Direct Line's history went with the restart, so its page also gets the chat so far; Teams
                // and Azure's Direct Line keep theirs.
                await practice.ResumeAsync(state, outbox, recap: activity.ChannelId == DirectLine.DirectLineChannel.ChannelId, cancellationToken);
            }
            else if (!state.Welcomed)
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
        var zh = Core.Locales.IsChinese(state.Session?.Locale ?? state.Locale);
        if (text.Length == 0)
        {
            // Nothing to read (only spaces, an attachment, a bare @mention): say so rather than run a turn on nothing.
            await outbox.TextAsync(activity.Value is { ValueKind: JsonValueKind.Object } ? BotTexts.BadSubmit(zh) : InputTexts.Empty(state.IsPractising, zh), cancellationToken);
            return null;
        }

        if (InboundText.CharacterCount(text) is var length && length > options.Value.MaxMessageCharacters)
        {
            // Not a turn: the session is untouched and the trainee can send it again, shorter.
            await outbox.TextAsync(InputTexts.TooLong(length, options.Value.MaxMessageCharacters, zh), cancellationToken);
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
    /// <summary>The bot itself is among the members added: the channel's conversation (re)started with it.</summary>
    private static bool BotJoined(Activity activity) =>
        activity.Type == ActivityTypes.ConversationUpdate && activity.Recipient?.Id is { } bot && activity.MembersAdded?.Any(m => m.Id == bot) == true;

    private static bool IsWelcome(Activity activity) => activity.Type switch
    {
        ActivityTypes.ConversationUpdate => activity.MembersAdded?.Any(m =>
            m.Id != activity.Recipient?.Id || string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.Ordinal)) == true,
        ActivityTypes.InstallationUpdate => activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true,
        ActivityTypes.Event => activity.Name == WebChatJoin,
        _ => false,
    };
}
