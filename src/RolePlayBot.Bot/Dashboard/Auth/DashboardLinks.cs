using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace RolePlayBot.Bot.Dashboard.Auth;

/// <summary>
/// Sign-in links as HMAC-SHA256-signed tokens <c>payload.signature</c> (base64url). This checks the signature and
/// expiry; single use is <see cref="OneTimeSignIn"/>'s, in the database every instance shares.
/// </summary>
public sealed class DashboardLinks : IDashboardLinks
{
    private readonly byte[] key;
    private readonly TimeProvider time;
    private readonly TimeSpan lifetime;

    public DashboardLinks(IOptions<DashboardOptions> options, TimeProvider time, ILogger<DashboardLinks> log)
    {
        var settings = options.Value;
        this.time = time;
        lifetime = TimeSpan.FromMinutes(Math.Max(1, settings.LinkMinutes));
        if (string.IsNullOrWhiteSpace(settings.SigningKey))
        {
            key = RandomNumberGenerator.GetBytes(32);
            log.LogInformation("Dashboard:SigningKey is not set: sign-in links are signed with a random key and stop working when the bot restarts.");
        }
        else
        {
            if (settings.SigningKey.Length < 32)
            {
                throw new InvalidOperationException("Dashboard:SigningKey must be at least 32 characters long.");
            }

            key = SHA256.HashData(Encoding.UTF8.GetBytes(settings.SigningKey));
        }
    }

    public string CreateSignInLink(string userId, string name, string? returnPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var payload = new TokenPayload(userId, name ?? "", SafeReturnPath(returnPath), (time.GetUtcNow() + lifetime).ToUnixTimeSeconds(), Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        var token = Base64Url.EncodeToString(body) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, body));
        return "/dashboard/signin?token=" + Uri.EscapeDataString(token);
    }

    public string TraineePath(string traineeId) => "/dashboard/trainees/" + Uri.EscapeDataString(traineeId);

    /// <summary>Checks a token's form, signature and expiry (not whether it was used: see <see cref="OneTimeSignIn"/>).</summary>
    public SignInRefusal Check(string? token, out SignInTicket? ticket)
    {
        ticket = null;
        var parts = (token ?? "").Split('.');
        if (parts.Length != 2 || !TryDecode(parts[0], out var body) || !TryDecode(parts[1], out var signature))
        {
            return SignInRefusal.Malformed;
        }

        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body), signature))
        {
            return SignInRefusal.BadSignature;
        }

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<TokenPayload>(body);
        }
        catch (JsonException)
        {
            return SignInRefusal.Malformed;
        }

        if (payload is null || string.IsNullOrEmpty(payload.U) || string.IsNullOrEmpty(payload.J))
        {
            return SignInRefusal.Malformed;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(payload.E);
        if (time.GetUtcNow() >= expires)
        {
            return SignInRefusal.Expired;
        }

        ticket = new SignInTicket(payload.U, payload.N ?? "", SafeReturnPath(payload.R), expires, payload.J);
        return SignInRefusal.None;
    }

    /// <summary>Only paths inside the dashboard, so a link can never send someone to another site.</summary>
    public static string SafeReturnPath(string? path) =>
        path is not null && (path == "/dashboard" || path.StartsWith("/dashboard/", StringComparison.Ordinal))
            && !path.Contains('\\') && !path.Contains("//", StringComparison.Ordinal) && !path.Contains("..", StringComparison.Ordinal)
            ? path
            : "/dashboard";

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || !Base64Url.IsValid(text))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }

    /// <summary>Short names keep the link short: user, name, return path, expiry (unix seconds), nonce.</summary>
    private sealed record TokenPayload(string U, string? N, string? R, long E, string J);
}
