using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace RolePlayBot.Llm.Resilience;

/// <summary>
/// Bounds every model call and keeps a dead endpoint from holding up turns: an overall timeout per call, an idle and
/// an overall timeout for streams (a stream that stops sending without closing fails with a <see cref="TimeoutException"/>
/// instead of hanging), and a circuit breaker shared by every session using this client. Failures surface as
/// exceptions, so the callers' own fallbacks (the scripted customer, the rules' verdict) take the turn as before.
/// </summary>
/// <remarks>
/// Answers that arrive but are unusable — empty, or not the JSON that was asked for — count against the endpoint
/// yet are passed on unchanged: the caller decides what to do with them (the judge asks once more, then uses the rules).
/// </remarks>
public sealed class ResilientChatClient(IChatClient inner, CircuitBreaker breaker, ModelTimeouts timeouts, TimeProvider? time = null)
    : DelegatingChatClient(inner)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public CircuitBreaker Breaker => breaker;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var permit = breaker.Enter();
        using var deadline = new CancellationTokenSource(timeouts.Call, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        ChatResponse response;
        try
        {
            var call = base.GetResponseAsync(messages, options, linked.Token);
            // WaitAsync also bounds a transport that ignores its token; the abandoned call's error is observed, not lost.
            _ = call.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            response = await call.WaitAsync(linked.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (deadline.IsCancellationRequested)
            {
                breaker.Failed(permit);
                throw new TimeoutException($"the model did not answer within {timeouts.Call.TotalSeconds:0.##} s", e);
            }

            Report(permit, EndpointFaults.IsFault(e));
            if (e is OperationCanceledException)
            {
                // The SDK's per-attempt network timeout surfaces as a bare cancellation; say what it was.
                throw new TimeoutException($"the model endpoint did not respond in time ({e.Message})", e);
            }

            throw;
        }
        catch
        {
            breaker.Abandoned(permit);
            throw;
        }

        Report(permit, AnswerCheck.Problem(response, options) is not null);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var permit = breaker.Enter();
        bool? fault = null;
        using var whole = new CancellationTokenSource(timeouts.Stream, _time);
        using var idle = new CancellationTokenSource(timeouts.StreamIdle, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, whole.Token, idle.Token);
        var updates = base.GetStreamingResponseAsync(messages, options, linked.Token).GetAsyncEnumerator(linked.Token);
        try
        {
            var finished = false;
            var anyText = false;
            var idleArmed = true;
            while (true)
            {
                ChatResponseUpdate update;
                try
                {
                    // Most updates are already buffered (an SSE read brings several): those need no timer and no
                    // task. The idle timer runs only while the model is really being waited for.
                    var next = updates.MoveNextAsync();
                    bool more;
                    if (next.IsCompletedSuccessfully)
                    {
                        more = next.Result;
                    }
                    else
                    {
                        idle.CancelAfter(timeouts.StreamIdle);
                        idleArmed = true;
                        more = await next.AsTask().WaitAsync(linked.Token);
                    }

                    if (idleArmed)
                    {
                        idle.CancelAfter(Timeout.InfiniteTimeSpan);
                        idleArmed = false;
                    }

                    if (!more)
                    {
                        break;
                    }

                    update = updates.Current;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    fault = true;
                    if (whole.IsCancellationRequested)
                    {
                        throw new TimeoutException($"the model's stream did not finish within {timeouts.Stream.TotalSeconds:0.##} s", e);
                    }

                    if (idle.IsCancellationRequested)
                    {
                        throw new TimeoutException($"the model's stream sent nothing for {timeouts.StreamIdle.TotalSeconds:0.##} s", e);
                    }

                    fault = EndpointFaults.IsFault(e);
                    if (e is OperationCanceledException)
                    {
                        throw new TimeoutException($"the model's stream timed out ({e.Message})", e);
                    }

                    throw;
                }

                // The consumer's own pace (a slow channel) is not the model's silence: the idle timer is off here.
                finished |= update.FinishReason is not null;
                anyText |= update.Text.Length > 0;
                yield return update;
            }

            if (!finished || !anyText)
            {
                fault = true;
                throw new MalformedAnswerException(finished
                    ? "the model's stream finished without any text"
                    : "the model's stream ended before the model finished (no finish_reason)");
            }

            fault = false;
        }
        finally
        {
            if (fault is { } failed)
            {
                Report(permit, failed);
            }
            else
            {
                breaker.Abandoned(permit);
            }

            await DisposeQuietlyAsync(updates);
        }
    }

    private void Report(CircuitPermit permit, bool fault)
    {
        if (fault)
        {
            breaker.Failed(permit);
        }
        else
        {
            breaker.Succeeded(permit);
        }
    }

    /// <summary>Closing a hung stream must neither hang nor throw over the error already being reported.</summary>
    private static async Task DisposeQuietlyAsync(IAsyncEnumerator<ChatResponseUpdate> updates)
    {
        try
        {
            await updates.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception)
        {
            // The connection is being torn down either way.
        }
    }
}
