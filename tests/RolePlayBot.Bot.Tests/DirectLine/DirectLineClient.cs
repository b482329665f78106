using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace RolePlayBot.Bot.Tests.DirectLine;

/// <summary>Calls the embedded Direct Line as DirectLineJS does: page token → start → post/poll with Bearer.</summary>
internal sealed class DirectLineClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<Started> StartAsync(string userId = "u_test")
    {
        using var page = await Http.PostAsJsonAsync("/webchat/token", new { userId });
        page.EnsureSuccessStatusCode();
        var pageToken = (await page.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        using var start = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", pageToken, new { user = new { id = userId } });
        Assert.Equal(System.Net.HttpStatusCode.Created, start.StatusCode);
        var body = await start.Content.ReadFromJsonAsync<JsonElement>();
        return new Started(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, body.GetProperty("streamUrl").GetString()!, body);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return Http.SendAsync(request);
    }

    public async Task<string> PostAsync(Started conversation, object activity)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities", conversation.Token, activity);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> PollAsync(Started conversation, string? watermark = null)
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}/activities?watermark={watermark}", conversation.Token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static object Message(string text, string clientActivityId) => new
    {
        type = "message",
        text,
        textFormat = "plain",
        channelId = "webchat",
        from = new { id = "u_test", name = "Ada", role = "user" },
        locale = "zh-CN",
        channelData = new { clientActivityID = clientActivityId, attachmentSizes = Array.Empty<int>(), custom = new { keep = "me" } },
    };

    internal sealed record Started(string Id, string Token, string StreamUrl, JsonElement Body);
}
