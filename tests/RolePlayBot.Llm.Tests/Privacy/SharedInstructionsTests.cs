using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Llm.Privacy;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Llm.Tests.Privacy;

/// <summary>
/// Every call of a persona sends the same instructions. Calls in flight (a class waiting on a slow model) share one copy
/// of them instead of holding one each, so what the collector has to keep per call is only what is new in it.
/// </summary>
public sealed class SharedInstructionsTests
{
    private const string Phone = "138 0013 8000";

    [Fact]
    public void Two_turns_of_a_persona_render_one_shared_system_text_and_their_own_chat()
    {
        var template = Samples.CustomerTemplate;
        var first = template.Render(CustomerPromptInputs.From(Samples.Context())).Messages;
        var second = template.Render(CustomerPromptInputs.From(Samples.Context(Outcome.Resolved))).Messages;

        Assert.Same(first[0].Text, second[0].Text);
        Assert.NotEqual(first[^1].Text, second[^1].Text);
    }

    [Fact]
    public async Task Masked_instructions_are_one_shared_text_and_still_hide_the_detail()
    {
        var inner = new RecordingClient();
        var client = inner.UsePiiMasking(new PiiMaskingOptions());

        foreach (var reply in new[] { "您好，马上为您处理。", "已为您登记换货。" })
        {
            // Fresh strings each call, as a render makes them.
            var instructions = string.Concat("顾客王女士，联系电话", Phone, "，订单已发货。");
            await client.GetResponseAsync([new ChatMessage(ChatRole.System, instructions), new ChatMessage(ChatRole.User, reply)]);
        }

        Assert.Equal(2, inner.Calls.Count);
        var (one, two) = (inner.Calls[0][0].Text, inner.Calls[1][0].Text);
        Assert.Same(one, two);
        Assert.DoesNotContain(Phone, one, StringComparison.Ordinal);
        Assert.Contains("[MOBILE_1]", one, StringComparison.Ordinal);
        Assert.Equal("已为您登记换货。", inner.Calls[1][1].Text);
    }

    private sealed class RecordingClient : IChatClient
    {
        public List<List<ChatMessage>> Calls { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls.Add([.. messages]);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "好的")));
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Calls.Add([.. messages]);
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, "好的");
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
