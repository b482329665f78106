using RolePlayBot.Core.Customers;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Llm.Tests;

/// <summary>The model customer's streaming answer over real SSE from a loopback Chat Completions server.</summary>
public sealed class ModelCustomerStreamingTests
{
    /// <summary>Records reports synchronously, in order (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class Reports : IProgress<string>
    {
        private readonly List<string> _seen = [];

        public IReadOnlyList<string> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        public void Report(string value)
        {
            lock (_seen)
            {
                _seen.Add(value);
            }
        }
    }

    [Fact]
    public async Task The_text_so_far_is_reported_as_it_grows_and_the_message_is_the_whole_answer()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.SlowStream(TimeSpan.FromMilliseconds(30), "行，", "那我", "等到18点。"));
        var scripted = new FakeScriptedCustomer();
        var customer = new ModelCustomer(Samples.Client(server), Samples.CustomerTemplate, scripted);
        var reports = new Reports();

        var message = await customer.NextAsync(Samples.Context(), reports);

        Assert.Equal(["行，", "行，那我", "行，那我等到18点。"], reports.Seen);
        Assert.Equal("行，那我等到18点。", message.Text);
        Assert.Equal(CustomerMessage.Model, message.Source);
        Assert.Empty(scripted.Contexts);
        Assert.True(Assert.Single(server.Requests).Json.GetProperty("stream").GetBoolean());
    }

    /// <summary>A receiver that wants a report only when told to (a channel between two chunks).</summary>
    private sealed class PacedReports : IPacedProgress
    {
        public List<string> Seen { get; } = [];

        public bool Ready { get; set; }

        public void Report(string value)
        {
            Seen.Add(value);
            Ready = false;
        }
    }

    [Fact]
    public async Task A_receiver_that_is_not_ready_gets_nothing_and_the_message_is_still_the_whole_answer()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Stream("行，", "那我", "等到", "18点。"));
        var customer = new ModelCustomer(Samples.Client(server), Samples.CustomerTemplate, new FakeScriptedCustomer());
        var reports = new PacedReports { Ready = true };

        var message = await customer.NextAsync(Samples.Context(), reports);

        // Ready for the first piece only: the rest were written on, never copied out for a receiver that would drop them.
        Assert.Equal(["行，"], reports.Seen);
        Assert.Equal("行，那我等到18点。", message.Text);
        Assert.Equal(CustomerMessage.Model, message.Source);
    }

    [Fact]
    public async Task A_speaker_label_the_model_writes_is_never_shown()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Stream("顾客：", "那今天", "能发出吗？"));
        var customer = new ModelCustomer(Samples.Client(server), Samples.CustomerTemplate, new FakeScriptedCustomer());
        var reports = new Reports();

        var message = await customer.NextAsync(Samples.Context(), reports);

        Assert.Equal("那今天能发出吗？", message.Text);
        Assert.All(reports.Seen, r => Assert.DoesNotContain("顾客", r));
        Assert.Equal("那今天能发出吗？", reports.Seen[^1]);
    }

    [Fact]
    public async Task A_connection_dropped_mid_answer_ends_with_the_scripted_customers_whole_message()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.BrokenStream(TimeSpan.FromMilliseconds(20), "你们到底", "什么时"));
        var scripted = new FakeScriptedCustomer();
        var customer = new ModelCustomer(Samples.Client(server, maxRetries: 0), Samples.CustomerTemplate, scripted);
        var reports = new Reports();
        var context = Samples.Context();

        var message = await customer.NextAsync(context, reports);

        Assert.Contains("你们到底", reports.Seen);
        Assert.Equal(FakeScriptedCustomer.Line, message.Text);
        Assert.Equal(CustomerMessage.Fallback, message.Source);
        Assert.Contains(message.Diagnostics!, d => d.Contains("characters of the answer") && d.Contains("scripted customer answered"));
        Assert.Same(context, Assert.Single(scripted.Contexts));
    }

    [Fact]
    public async Task A_model_that_fails_before_writing_anything_reports_nothing_and_falls_back()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Status(503, "down") };
        var customer = new ModelCustomer(Samples.Client(server, maxRetries: 0), Samples.CustomerTemplate, new FakeScriptedCustomer());
        var reports = new Reports();

        var message = await customer.NextAsync(Samples.Context(), reports);

        Assert.Empty(reports.Seen);
        Assert.Equal(FakeScriptedCustomer.Line, message.Text);
        Assert.Equal(CustomerMessage.Fallback, message.Source);
    }

    [Fact]
    public async Task An_empty_streamed_answer_falls_back()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Stream(" ", "\n"));
        var customer = new ModelCustomer(Samples.Client(server), Samples.CustomerTemplate, new FakeScriptedCustomer());
        var reports = new Reports();

        var message = await customer.NextAsync(Samples.Context(), reports);

        Assert.Empty(reports.Seen);
        Assert.Equal(CustomerMessage.Fallback, message.Source);
        Assert.Contains(message.Diagnostics!, d => d.Contains("empty"));
    }
}
