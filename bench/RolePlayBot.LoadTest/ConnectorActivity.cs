using System.Text.Json;

namespace RolePlayBot.LoadTest;

/// <summary>What the load tool needs of an activity the bot sent to the connector: only its top-level fields are read.</summary>
public readonly record struct ConnectorActivity(string? Type, string? Text, string? Summary, string? ReplyToId, bool HasAttachments, string? InputHint = null)
{
    /// <summary>The activity's id (Direct Line: the id the server gave a trainee's message, seen in its echo).</summary>
    public string? Id { get; init; }

    /// <summary>channelData.clientActivityID: the client's own id of a message, echoed back by Direct Line.</summary>
    public string? ClientActivityId { get; init; }

    /// <summary>The customer waits for an answer: RolePlayBot's customer line in a running session.</summary>
    public bool ExpectsInput => InputHint == "expectingInput";

    /// <summary>The last message of RolePlayBot's turn when no customer waits (a scorecard, a notice).</summary>
    public bool AcceptsInput => InputHint == "acceptingInput";

    public bool IsTyping => Type == "typing";

    /// <summary>A plain message (not a card): the customer's line, a briefing, a notice.</summary>
    public bool IsText => Type == "message" && !HasAttachments && !string.IsNullOrEmpty(Text);

    /// <summary>RolePlayBot's scorecard card: its notification summary starts with the title (成绩单 · … / Scorecard · …).</summary>
    public bool IsScorecard => HasAttachments && Summary is { } s && (s.StartsWith("成绩单", StringComparison.Ordinal) || s.StartsWith("Scorecard", StringComparison.Ordinal));

    public static ConnectorActivity Parse(ReadOnlySpan<byte> json)
    {
        string? type = null, text = null, summary = null, replyTo = null, hint = null, id = null, clientId = null;
        var attachments = false;
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (reader.TokenType == JsonTokenType.String)
            {
                if (name.SequenceEqual("type"u8))
                {
                    type = reader.GetString();
                }
                else if (name.SequenceEqual("text"u8))
                {
                    text = reader.GetString();
                }
                else if (name.SequenceEqual("summary"u8))
                {
                    summary = reader.GetString();
                }
                else if (name.SequenceEqual("replyToId"u8))
                {
                    replyTo = reader.GetString();
                }
                else if (name.SequenceEqual("inputHint"u8))
                {
                    hint = reader.GetString();
                }
                else if (name.SequenceEqual("id"u8))
                {
                    id = reader.GetString();
                }
            }
            else if (reader.TokenType == JsonTokenType.StartArray && name.SequenceEqual("attachments"u8))
            {
                reader.Read();
                attachments = reader.TokenType != JsonTokenType.EndArray;
                if (attachments)
                {
                    reader.Skip();
                    while (reader.TokenType != JsonTokenType.EndArray && reader.Read())
                    {
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            reader.Skip();
                        }
                    }
                }
            }
            else if (reader.TokenType == JsonTokenType.StartObject && name.SequenceEqual("channelData"u8))
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = reader.ValueTextEquals("clientActivityID"u8);
                    reader.Read();
                    if (field && reader.TokenType == JsonTokenType.String)
                    {
                        clientId = reader.GetString();
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        reader.Skip();
                    }
                }
            }
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        return new ConnectorActivity(type, text, summary, replyTo, attachments, hint) { Id = id, ClientActivityId = clientId };
    }
}
