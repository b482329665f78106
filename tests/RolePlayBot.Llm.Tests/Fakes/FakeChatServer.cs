using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace RolePlayBot.Llm.Tests.Fakes;

/// <summary>
/// A loopback HTTP server that speaks the Chat Completions wire format. Each test scripts its answers in
/// order; every request is recorded with the moment it arrived.
/// </summary>
internal sealed class FakeChatServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<ScriptedReply> _script = new();
    private readonly Channel<RecordedRequest> _arrivals = Channel.CreateUnbounded<RecordedRequest>();
    private readonly List<RecordedRequest> _requests = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FakeChatServer()
    {
        (_listener, BaseUri) = Listen();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseUri { get; }

    /// <summary>OpenAI-style base URL.</summary>
    public string OpenAiEndpoint => BaseUri + "v1/";

    /// <summary>Azure OpenAI v1-style base URL.</summary>
    public string AzureEndpoint => BaseUri + "openai/v1/";

    /// <summary>Answer when nothing is scripted.</summary>
    public ScriptedReply Default { get; set; } = ScriptedReply.Status(500, "nothing scripted");

    /// <summary>
    /// Answers by looking at the request, before the script: for whole sessions, where the customer's and the
    /// judge's calls run concurrently and arrive in no fixed order. Null answers fall through to the script.
    /// </summary>
    public Func<RecordedRequest, ScriptedReply?>? Responder { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public FakeChatServer Enqueue(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
        return this;
    }

    /// <summary>Waits (with a deadline) for the next request to arrive.</summary>
    public async Task<RecordedRequest> NextRequestAsync(TimeSpan? within = null)
    {
        using var deadline = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        return await _arrivals.Reader.ReadAsync(deadline.Token);
    }

    private static (HttpListener, Uri) Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            var uri = new Uri($"http://127.0.0.1:{port}/");
            listener.Prefixes.Add(uri.ToString());
            try
            {
                listener.Start();
                return (listener, uri);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between the probe and the bind.
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = await RecordAsync(context.Request);
        lock (_requests)
        {
            _requests.Add(request);
        }
        await _arrivals.Writer.WriteAsync(request);
        var reply = Responder?.Invoke(request) ?? (_script.TryDequeue(out var scripted) ? scripted : Default);
        var response = context.Response;
        try
        {
            await reply.WriteAsync(response, _stop.Token);
            response.Close();
        }
        catch (Exception)
        {
            // The client gave up (timeout) or the server is stopping.
            try
            {
                response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private static async Task<RecordedRequest> RecordAsync(HttpListenerRequest request)
    {
        var arrived = Stopwatch.GetTimestamp();
        string body;
        try
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }
        catch (Exception e) when (e is HttpListenerException or IOException)
        {
            // The client gave up while sending; the request still counts as arrived.
            body = "";
        }
        var headers = request.Headers.AllKeys.Where(k => k is not null)
            .ToDictionary(k => k!, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(request.HttpMethod, request.Url!.AbsolutePath, headers, body, arrived);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // Close alone: after Stop, the managed HttpListener's Close removes its prefixes again and, finding no endpoint,
        // binds the port anew to do so — "Address already in use" when another test process has taken it meanwhile.
        _listener.Close();
        await _loop;
        _stop.Dispose();
    }
}

internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, long ArrivedAt)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public IReadOnlyList<(string Role, string Content)> Messages =>
        [.. Json.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString()!, ContentOf(m.GetProperty("content"))))];

    public string System => Messages.Single(m => m.Role == "system").Content;

    public string User => Messages.Last(m => m.Role == "user").Content;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    // The SDK may send content as a string or as an array of text parts.
    private static string ContentOf(JsonElement content) => content.ValueKind == JsonValueKind.String
        ? content.GetString()!
        : string.Concat(content.EnumerateArray().Select(p => p.GetProperty("text").GetString()));
}
