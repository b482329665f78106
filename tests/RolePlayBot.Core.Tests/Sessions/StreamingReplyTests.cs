using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Sessions;
using RolePlayBot.Core.Tests.Support;

namespace RolePlayBot.Core.Tests.Sessions;

/// <summary>A customer engine that streams: the session passes its partial text on and keeps only the final text.</summary>
public sealed class StreamingReplyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Writes "那" then "那好吧" while answering, then ends with a different final text (as a fallback would).</summary>
    private sealed class WritingCustomer : IStreamingCustomerEngine
    {
        public const string Final = "好吧，我等你们消息。";

        public int PlainCalls { get; private set; }

        public Task<CustomerMessage> NextAsync(CustomerContext context, CancellationToken cancellationToken = default)
        {
            PlainCalls++;
            return Task.FromResult(new CustomerMessage(Final, CustomerMessage.Model));
        }

        public Task<CustomerMessage> NextAsync(CustomerContext context, IProgress<string> progress, CancellationToken cancellationToken = default)
        {
            progress.Report("那");
            progress.Report("那好吧");
            return Task.FromResult(new CustomerMessage(Final, CustomerMessage.Fallback, ["model dropped mid-stream"]));
        }
    }

    private sealed class Reports : IProgress<string>
    {
        public List<string> Seen { get; } = [];

        public void Report(string value) => Seen.Add(value);
    }

    private static PracticeSession NewSession(ICustomerEngine customer)
    {
        var rules = new KeywordRules();
        var session = new PracticeSession(TestPersonas.Gift(), new PracticeEngines(TestPersonas.Checklist(), rules, rules, customer), seed: 7);
        session.Start(T0);
        return session;
    }

    [Fact]
    public async Task The_partial_text_goes_to_the_caller_and_the_turn_keeps_only_the_final_text()
    {
        var session = NewSession(new WritingCustomer());
        var reports = new Reports();

        var turn = await session.ReplyAsync("[acknowledge_receipt] 收到，马上查。", T0.AddSeconds(20), reports);

        Assert.True(session.CustomerStreams);
        Assert.Equal(["那", "那好吧"], reports.Seen);
        Assert.Equal(WritingCustomer.Final, turn.CustomerReply!.Text);
        Assert.Equal(WritingCustomer.Final, session.LastCustomerText);
        Assert.Equal(WritingCustomer.Final, session.Transcript[^1].Text);
        Assert.DoesNotContain(session.Transcript, line => line.Text == "那好吧");
    }

    [Fact]
    public async Task Without_a_listener_a_streaming_customer_answers_the_plain_way()
    {
        var customer = new WritingCustomer();
        var session = NewSession(customer);

        var turn = await session.ReplyAfterAsync("[acknowledge_receipt] 收到，马上查。", TimeSpan.FromSeconds(20));

        Assert.Equal(1, customer.PlainCalls);
        Assert.Equal(CustomerMessage.Model, turn.CustomerReply!.Source);
    }

    [Fact]
    public async Task The_scripted_customer_does_not_stream_and_reports_nothing()
    {
        var session = NewSession(new ScriptedCustomer());
        var reports = new Reports();

        var turn = await session.ReplyAsync("[acknowledge_receipt] 收到，马上查。", T0.AddSeconds(20), reports);

        Assert.False(session.CustomerStreams);
        Assert.Empty(reports.Seen);
        Assert.False(string.IsNullOrEmpty(turn.CustomerReply!.Text));
    }
}
