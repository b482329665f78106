using System.ClientModel.Primitives;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RolePlayBot.Llm.Tests;

/// <summary>
/// Azure OpenAI with Entra ID: the token from Azure.Identity reaches the endpoint as a bearer token, for the
/// Cognitive Services scope, over TLS — shown against a loopback HTTPS server with a throwaway certificate.
/// </summary>
public sealed class EntraAuthTests
{
    [Fact]
    public async Task An_entra_token_is_sent_as_a_bearer_token_to_an_azure_v1_endpoint_over_https()
    {
        using var certificate = SelfSigned();
        string? authorization = null;
        string? apiKey = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        await using var app = builder.Build();
        app.MapPost("/openai/v1/chat/completions", (HttpRequest request) =>
        {
            authorization = request.Headers.Authorization;
            apiKey = request.Headers["api-key"];
            return Results.Text(
                """{"id":"c1","object":"chat.completion","created":1,"model":"gpt","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""",
                "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var credential = new RecordingCredential();
        var options = new LlmOptions { Endpoint = address + "/openai/v1/", Model = "gpt-4o-mini", Auth = AuthModes.Entra, TimeoutSeconds = 10 };
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == certificate.Thumbprint };
        using var http = new HttpClient(handler);
        using var client = ChatClientFactory.Create(options, credential, new HttpClientPipelineTransport(http));

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        Assert.Equal("ok", response.Text);
        Assert.Equal("Bearer entra-token", authorization);
        Assert.True(string.IsNullOrEmpty(apiKey));
        Assert.Equal([ChatClientFactory.AzureScope], credential.Scopes.Distinct());
        await app.StopAsync();
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Kestrel needs the private key in a form it can use on Linux: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken("entra-token", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
