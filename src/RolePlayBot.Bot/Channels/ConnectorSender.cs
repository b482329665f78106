using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RolePlayBot.Bot.BotFramework;
using RolePlayBot.Bot.Protocol;

namespace RolePlayBot.Bot.Channels;

/// <summary>
/// Sends activities through the Bot Connector REST API (v3) of the conversation's serviceUrl: reply when ReplyToId is
/// set, send otherwise, PUT to update. With authentication on, only trusted service URLs are called, so the bot's
/// token never goes to a URL that did not arrive on an authenticated activity.
/// </summary>
public sealed class ConnectorSender(
    IHttpClientFactory httpClients,
    IConnectorTokenProvider tokens,
    TrustedServiceUrls trusted,
    IOptions<BotFrameworkOptions> options,
    ConnectorRetry retry,
    ILogger<ConnectorSender> logger) : IChannelSender
{
    public const string HttpClientName = "BotConnector";

    public Task<string> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync(reference, activity, ReadOnlyMemory<byte>.Empty, cancellationToken);

    /// <param name="json">The activity as serialised for the outbox; empty to serialise it here.</param>
    public Task<string> SendAsync(ConversationReference reference, Activity activity, ReadOnlyMemory<byte> json, CancellationToken cancellationToken = default)
    {
        var path = ActivitiesPath(reference) + (string.IsNullOrEmpty(activity.ReplyToId) ? "" : "/" + Uri.EscapeDataString(activity.ReplyToId));
        return CallAsync(HttpMethod.Post, reference, path, activity, cancellationToken, json);
    }

    public async Task UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        activity.Id = activityId;
        await CallAsync(HttpMethod.Put, reference, ActivitiesPath(reference) + "/" + Uri.EscapeDataString(activityId), activity, cancellationToken, ReadOnlyMemory<byte>.Empty);
    }

    // Teams ids carry ':', ';' and '@' (e.g. "19:abc@thread.tacv2;messageid=1"), which must not be read as path syntax.
    private static string ActivitiesPath(ConversationReference reference) =>
        $"v3/conversations/{Uri.EscapeDataString(reference.Conversation.Id ?? "")}/activities";

    private async Task<string> CallAsync(
        HttpMethod method, ConversationReference reference, string path, Activity activity, CancellationToken cancellationToken, ReadOnlyMemory<byte> serialized)
    {
        var uri = Resolve(reference.ServiceUrl, path);
        if (options.Value.AuthenticationEnabled && !trusted.IsTrusted(reference.ServiceUrl))
        {
            logger.LogError("Refused to call {ServiceUrl}: it did not arrive on an authenticated activity, so it gets no bot token", reference.ServiceUrl);
            throw new ConnectorException($"serviceUrl {reference.ServiceUrl} is not trusted");
        }

        var client = httpClients.CreateClient(HttpClientName);
        var json = serialized.IsEmpty ? JsonSerializer.SerializeToUtf8Bytes(activity, BotJson.Options) : serialized;
        for (var attempt = 1; ; attempt++)
        {
            var token = await tokens.GetTokenAsync(cancellationToken);
            using var request = new HttpRequestMessage(method, uri) { Content = new ReadOnlyMemoryContent(json) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e) when (attempt < retry.MaxAttempts)
            {
                var wait = retry.DelayFor(attempt, null);
                logger.LogWarning(e, "{Method} {Uri} failed (attempt {Attempt}); retrying in {Delay}", method, uri, attempt, wait);
                await retry.DelayAsync(wait, cancellationToken);
                continue;
            }
            catch (HttpRequestException e)
            {
                throw new ConnectorException($"{method} {uri} failed after {attempt} attempts", null, null, e);
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return ReadId(body);
                }

                if (ConnectorRetry.IsRetryable(response.StatusCode) && attempt < retry.MaxAttempts)
                {
                    var wait = retry.DelayFor(attempt, response.Headers.RetryAfter);
                    logger.LogWarning("{Method} {Uri} answered {Status} (attempt {Attempt}); retrying in {Delay}", method, uri, (int)response.StatusCode, attempt, wait);
                    await retry.DelayAsync(wait, cancellationToken);
                    continue;
                }

                logger.LogError("{Method} {Uri} answered {Status}: {Body}", method, uri, (int)response.StatusCode, Hosting.LogRedaction.Text(body, token));
                throw new ConnectorException($"{method} {uri} answered {(int)response.StatusCode}", response.StatusCode, body);
            }
        }
    }

    private static Uri Resolve(string serviceUrl, string path)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var service) || (service.Scheme != Uri.UriSchemeHttps && service.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectorException($"serviceUrl '{serviceUrl}' is not an absolute http(s) URL");
        }

        return new Uri(serviceUrl.TrimEnd('/') + "/" + path);
    }

    /// <summary>The ResourceResponse id; Teams often answers with no body at all, which means "".</summary>
    private static string ReadId(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String ? id.GetString()! : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
