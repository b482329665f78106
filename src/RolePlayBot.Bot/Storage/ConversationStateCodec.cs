using System.Text.Json;
using RolePlayBot.Bot.Conversations.State;
using RolePlayBot.Bot.Protocol;
using RolePlayBot.Core.Personas;
using RolePlayBot.Core.Reports;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Llm;

namespace RolePlayBot.Bot.Storage;

/// <summary>
/// <see cref="ConversationState"/> ⇄ JSON. The running session is stored as a <see cref="SessionSnapshot"/> and
/// continued with <see cref="PracticeSession.Restore"/> against the persona as it is now, the configured engines and
/// the host's clock, so a restarted bot, or another instance, carries on word for word.
/// </summary>
public sealed class ConversationStateCodec(PersonaCatalog catalog, EngineSetup setup, TimeProvider time, ILogger<ConversationStateCodec> log)
{
    public string Encode(ConversationState state)
    {
        var stored = new StoredConversationState(
            StoredConversationState.CurrentFormat,
            JsonSerializer.SerializeToElement(state.Reference, BotJson.Options),
            state.Locale,
            state.Mode,
            state.Session?.Snapshot(),
            state.SessionMode,
            state.SessionStartedAt,
            state.TraineeId,
            state.TraineeName,
            state.CustomerSentAt,
            state.ChasersSent,
            state.LastPersonaId,
            state.LastPersonaLocale,
            state.Rounds,
            state.Welcomed);
        return PackedJson.Pack(JsonSerializer.SerializeToUtf8Bytes(stored, RpbJson.Compact));
    }

    public DecodedConversation Decode(string key, string json)
    {
        var stored = (PackedJson.IsPacked(json)
                ? JsonSerializer.Deserialize<StoredConversationState>(PackedJson.Utf8(json), RpbJson.Compact)
                : JsonSerializer.Deserialize<StoredConversationState>(json, RpbJson.Compact))
            ?? throw new JsonException($"The stored state of '{key}' is empty.");
        var reference = stored.Reference.Deserialize<ConversationReference>(BotJson.Options)
            ?? throw new JsonException($"The stored state of '{key}' has no conversation reference.");
        var state = new ConversationState(key, reference)
        {
            Locale = stored.Locale,
            Mode = stored.Mode,
            SessionMode = stored.SessionMode,
            SessionStartedAt = stored.SessionStartedAt,
            TraineeId = stored.TraineeId,
            TraineeName = stored.TraineeName,
            CustomerSentAt = stored.CustomerSentAt,
            ChasersSent = stored.ChasersSent,
            LastPersonaId = stored.LastPersonaId,
            LastPersonaLocale = stored.LastPersonaLocale,
            Rounds = stored.Rounds,
            Welcomed = stored.Welcomed,
        };
        if (stored.Session is not { } snapshot)
        {
            return new DecodedConversation(state, null);
        }

        state.Session = Restore(key, snapshot);
        return new DecodedConversation(state, state.Session is null ? snapshot : null);
    }

    private PracticeSession? Restore(string key, SessionSnapshot snapshot)
    {
        var persona = catalog.Find(snapshot.PersonaId, snapshot.PersonaLocale);
        if (persona is null || !string.Equals(persona.Id, snapshot.PersonaId, StringComparison.Ordinal))
        {
            log.LogWarning("Session {Session} in {Conversation} cannot continue: persona {Persona} ({Locale}) is no longer loaded",
                snapshot.Id, key, snapshot.PersonaId, snapshot.PersonaLocale);
            return null;
        }

        if (!string.Equals(persona.Version, snapshot.PersonaVersion, StringComparison.Ordinal))
        {
            log.LogInformation("Session {Session} continues with an edited persona file {Persona}", snapshot.Id, snapshot.PersonaId);
        }

        return PracticeSession.Restore(snapshot, persona, setup.Engines, time);
    }
}
