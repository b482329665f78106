using RolePlayBot.Core.Customers;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Llm.Tests;

public sealed class ModelCustomerTests
{
    [Fact]
    public async Task The_model_plays_the_customer()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("顾客：那今天18点前真的能发出吗？"));
        var scripted = new FakeScriptedCustomer();
        var customer = new ModelCustomer(Samples.Client(server), Samples.CustomerTemplate, scripted);

        var message = await customer.NextAsync(Samples.Context());

        Assert.Equal("那今天18点前真的能发出吗？", message.Text);
        Assert.Equal(CustomerMessage.Model, message.Source);
        Assert.Empty(scripted.Contexts);
        var request = Assert.Single(server.Requests);
        Assert.Contains("王女士", request.System);
        Assert.DoesNotContain(Samples.GoodReply, request.System);
        Assert.Contains(Samples.GoodReply, request.User);
    }

    [Fact]
    public async Task A_timeout_falls_back_to_the_scripted_customer_with_the_transcript_intact()
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Hang() };
        var scripted = new FakeScriptedCustomer();
        var customer = new ModelCustomer(Samples.Client(server, timeoutSeconds: 0.3), Samples.CustomerTemplate, scripted);
        var context = Samples.Context();

        var message = await customer.NextAsync(context);

        Assert.Equal(FakeScriptedCustomer.Line, message.Text);
        Assert.Equal(CustomerMessage.Fallback, message.Source);
        Assert.Contains(message.Diagnostics!, d => d.Contains("scripted customer answered"));
        var given = Assert.Single(scripted.Contexts);
        Assert.Same(context, given);
        Assert.Equal([Samples.CustomerMessage, Samples.GoodReply], given.Transcript.Select(l => l.Text));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(401)]
    public async Task Http_errors_fall_back(int status)
    {
        await using var server = new FakeChatServer { Default = ScriptedReply.Status(status) };
        var customer = new ModelCustomer(Samples.Client(server, maxRetries: 0), Samples.CustomerTemplate, new FakeScriptedCustomer());

        var message = await customer.NextAsync(Samples.Context());

        Assert.Equal(CustomerMessage.Fallback, message.Source);
    }

    [Fact]
    public async Task An_empty_answer_falls_back()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("  "));
        var customer = new ModelCustomer(Samples.Client(server), Samples.CustomerTemplate, new FakeScriptedCustomer());

        var message = await customer.NextAsync(Samples.Context());

        Assert.Equal(CustomerMessage.Fallback, message.Source);
        Assert.Contains(message.Diagnostics!, d => d.Contains("empty"));
    }
}
