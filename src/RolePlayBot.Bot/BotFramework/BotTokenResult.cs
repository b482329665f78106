using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.BotFramework;

/// <summary>
/// A Bot Connector token after signature, issuer, audience and lifetime checks. The checks that need the activity
/// (serviceurl claim, channel endorsement) are done by <see cref="Authorize"/>, because the token alone cannot answer them.
/// </summary>
public sealed record BotTokenResult(string? Failure, string? ServiceUrlClaim, IReadOnlyCollection<string> Endorsements)
{
    public bool Succeeded => Failure is null;

    public static BotTokenResult Fail(string reason) => new(reason, null, []);

    /// <summary>Null when the activity may be accepted under this token, else the reason it may not.</summary>
    public string? Authorize(Activity activity)
    {
        if (Failure is not null)
        {
            return Failure;
        }

        if (string.IsNullOrEmpty(ServiceUrlClaim) || !string.Equals(ServiceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "the token's serviceurl claim does not match the activity's serviceUrl";
        }

        // Channel ids compare ordinally (activity spec A2021).
        if (string.IsNullOrEmpty(activity.ChannelId) || !Endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
        {
            return "the signing key is not endorsed for the activity's channel";
        }

        return null;
    }
}
