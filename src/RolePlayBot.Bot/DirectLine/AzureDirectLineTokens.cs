using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace RolePlayBot.Bot.DirectLine;

/// <summary>Azure mode: exchanges the channel secret for a one-conversation token on the server, so the secret never reaches a browser.</summary>
internal sealed class AzureDirectLineTokens(HttpClient http, IOptions<DirectLineOptions> options)
{
    public async Task<GeneratedToken> GenerateAsync(string userId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Value.AzureEndpoint.TrimEnd('/') + "/tokens/generate")
        {
            // Azure only embeds user ids that start with dl_; the token then pins from.id, so the user cannot be spoofed.
            Content = JsonContent.Create(new { user = new { id = userId } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.Secret);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<GeneratedToken>(cancellationToken)
            ?? throw new InvalidOperationException("Azure Direct Line answered tokens/generate with no body.");
    }
}
